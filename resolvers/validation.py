"""Input validation that reports every problem as a `UserError` with its field path."""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import strawberry

from graph.relay.global_id import decode_id_of
from graph.user_errors import UserError, UserErrorCode
from services.errors import Conflict, Invalid, NotFound, QuotaExceeded, ServiceError, TooLarge

_MBTI = re.compile(r"^[EI][NS][TF][JP](-[AT])?$")
_CONTROL = {"Cc", "Cf"}
# JSON can carry these ("\ud800"), but they are not characters: no UTF-8 text, no PostgreSQL
# text column, can hold them.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def is_unset(value: Any) -> bool:
    return value is strawberry.UNSET


def given(input: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """The fields of an update input that were given (`null` included): omitted ones keep their value."""
    return {name: getattr(input, name) for name in names if not is_unset(getattr(input, name))}


class Problems:
    """Collects user errors; a mutation changes nothing unless this stays empty."""

    def __init__(self) -> None:
        self.errors: list[UserError] = []

    def __bool__(self) -> bool:
        return bool(self.errors)

    def add(self, path: list[str], message: str, code: UserErrorCode) -> None:
        self.errors.append(UserError(field=["input", *path], message=message, code=code))

    def text(
        self,
        path: list[str],
        value: str | None,
        *,
        max_length: int,
        required: bool = False,
        multiline: bool = False,
    ) -> str | None:
        """Trimmed, NFC-normalised text; None for an empty optional value."""
        if value is None or not value.strip():
            if required:
                self.add(path, f"{path[-1]} is required", UserErrorCode.REQUIRED)
            return None
        if not self.unicode(path, value):
            return None
        cleaned = unicodedata.normalize("NFC", value.strip())
        allowed = {"\n", "\t"} if multiline else set()
        if any(unicodedata.category(ch) in _CONTROL and ch not in allowed and ch != "\u200d" for ch in cleaned):
            self.add(path, f"{path[-1]} contains control characters", UserErrorCode.INVALID_FORMAT)
            return None
        if len(cleaned) > max_length:
            self.add(path, f"{path[-1]} must be at most {max_length} characters", UserErrorCode.TOO_LONG)
            return None
        return cleaned

    def unicode(self, path: list[str], value: str) -> bool:
        """Whether `value` is Unicode text that can be stored (NUL aside: see `text`)."""
        if _LONE_SURROGATE.search(value):
            self.add(path, f"{path[-1]} is not valid Unicode text (it holds a lone surrogate)", UserErrorCode.INVALID_FORMAT)
            return False
        return True

    def int_range(self, path: list[str], value: int | None, low: int, high: int) -> int | None:
        if value is not None and not low <= value <= high:
            self.add(path, f"{path[-1]} must be between {low} and {high}", UserErrorCode.OUT_OF_RANGE)
            return None
        return value

    def mbti(self, path: list[str], value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        normalised = value.strip().upper()
        if not _MBTI.match(normalised):
            self.add(path, "mbti must be one of the 16 types, e.g. ENFP", UserErrorCode.INVALID_FORMAT)
            return None
        return normalised

    def words(self, path: list[str], values: list[str], *, max_items: int, max_length: int) -> list[str]:
        if len(values) > max_items:
            self.add(path, f"at most {max_items} {path[-1]}", UserErrorCode.TOO_MANY)
            return []
        cleaned: list[str] = []
        for index, value in enumerate(values):
            word = self.text([*path, str(index)], value, max_length=max_length, required=True)
            if word is not None and word.casefold() not in {w.casefold() for w in cleaned}:
                cleaned.append(word)
        return cleaned

    def node_id(self, path: list[str], raw: str, type_name: str) -> uuid.UUID | None:
        decoded = decode_id_of(raw, type_name)
        if decoded is None:
            self.add(path, f"{path[-1]} is not a {type_name} ID", UserErrorCode.INVALID_ID)
        return decoded

    def instant(self, path: list[str], value: datetime, *, earliest: datetime, future: timedelta) -> datetime | None:
        if value.tzinfo is None:
            self.add(path, f"{path[-1]} needs a time zone offset", UserErrorCode.INVALID_FORMAT)
            return None
        latest = datetime.now(timezone.utc) + future
        if not earliest <= value <= latest:
            self.add(path, f"{path[-1]} is out of range", UserErrorCode.OUT_OF_RANGE)
            return None
        return value

    def refused(self, error: ServiceError) -> None:
        """A service's refusal as a user error on the input field it names."""
        path = [camel_case(error.field)] if error.field else []
        self.add(path, str(error), _code_of(error))

    def not_found(self, path: list[str], what: str) -> None:
        self.add(path, f"{what} not found", UserErrorCode.NOT_FOUND)


def camel_case(name: str) -> str:
    """A domain field name as its GraphQL input name: room_id -> roomId."""
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _code_of(error: ServiceError) -> UserErrorCode:
    if isinstance(error, NotFound):
        return UserErrorCode.NOT_FOUND
    if isinstance(error, Conflict):
        return UserErrorCode.CONFLICT
    if isinstance(error, Invalid):
        return UserErrorCode(error.reason.value)
    if isinstance(error, TooLarge):
        return UserErrorCode.TOO_MANY if error.count else UserErrorCode.TOO_LARGE
    if isinstance(error, QuotaExceeded):
        return UserErrorCode.LIMIT_EXCEEDED
    return UserErrorCode.MALFORMED
