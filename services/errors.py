"""How a service refuses a request the caller can fix: a small typed family.

``field`` names the domain input at fault (``room_id``, ``file``, ``message`` …), never a
GraphQL path; the resolvers translate. Messages are written for the user and never quote
their data.
"""

from __future__ import annotations

import enum


class ServiceError(Exception):
    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(ServiceError):
    """The object does not exist, or is not the caller's (the two look the same)."""


class Conflict(ServiceError):
    """Something running at the same time stands in the way (e.g. another import)."""


class InvalidReason(enum.Enum):
    EMPTY = "EMPTY"
    UNDECODABLE = "UNDECODABLE"
    UNRECOGNIZED_FORMAT = "UNRECOGNIZED_FORMAT"
    MALFORMED = "MALFORMED"
    AMBIGUOUS_PARTICIPANTS = "AMBIGUOUS_PARTICIPANTS"


class Invalid(ServiceError):
    """The input is well-formed but cannot be used, for `reason`."""

    def __init__(self, message: str, *, reason: InvalidReason, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.reason = reason


class TooLarge(ServiceError):
    """Over a size limit: in bytes (`count=False`) or in number of items (`count=True`)."""

    def __init__(self, message: str, *, field: str | None = None, count: bool = False) -> None:
        super().__init__(message, field=field)
        self.count = count


class QuotaExceeded(ServiceError):
    """The account holds as many of these as it may."""


class RateLimited(ServiceError):
    """Too much at once: `scope` is "user" or "global"."""

    def __init__(self, message: str, *, scope: str, limit: int) -> None:
        super().__init__(message)
        self.scope = scope
        self.limit = limit


class EngineFailed(ServiceError):
    """The coach engine could not finish; `code` is the engine's failure code."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


class AccountDeleted(Exception):
    """The caller's account was deleted after the sign-in behind their token: its tokens are
    refused until they expire. Not a ServiceError: it is not the input's fault but the
    credential's, answered as UNAUTHENTICATED."""
