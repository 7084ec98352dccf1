"""Expected failures as data: every mutation payload carries `userErrors`."""

from __future__ import annotations

import enum

import strawberry


@strawberry.enum
class UserErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    TOO_SHORT = "TOO_SHORT"
    TOO_LONG = "TOO_LONG"
    TOO_MANY = "TOO_MANY"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    INVALID_FORMAT = "INVALID_FORMAT"
    INVALID_ID = "INVALID_ID"
    NOT_FOUND = "NOT_FOUND"
    DUPLICATE = "DUPLICATE"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    CONFIRMATION_REQUIRED = "CONFIRMATION_REQUIRED"
    CONFLICT = "CONFLICT"
    TOO_LARGE = "TOO_LARGE"
    EMPTY = "EMPTY"
    UNDECODABLE = "UNDECODABLE"
    UNRECOGNIZED_FORMAT = "UNRECOGNIZED_FORMAT"
    MALFORMED = "MALFORMED"
    AMBIGUOUS_PARTICIPANTS = "AMBIGUOUS_PARTICIPANTS"


@strawberry.type
class UserError:
    field: list[str] | None = strawberry.field(
        description="Path to the input field at fault, e.g. ['input', 'messages', '3', 'text']."
    )
    message: str
    code: UserErrorCode
