"""The custom scalars' parsing: our own messages, never Python's, and only values we can use.

Strawberry's `DateTime` quotes the parser's error (`Invalid isoformat string: …`, `year 0 is out
of range`) and accepts instants that cannot be expressed in UTC (`0001-01-01T00:00:00+09:00`),
which later failed inside the database driver. Its `Upload` accepts any JSON value, so a string
sent where a file belongs reached the resolver. Both are replaced in the schema's `scalar_map`.
"""

from __future__ import annotations

from datetime import datetime, timezone
import strawberry
from graphql import GraphQLError
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload
from strawberry.types.scalar import ScalarDefinition

DATETIME_FORMAT = "an ISO 8601 date and time with an offset, e.g. 2026-11-18T20:15:00+09:00"
_LONGEST_DATETIME = 64  # far beyond any ISO 8601 form; longer text is not worth parsing


def fits_utc(value: datetime) -> bool:
    """Whether the instant exists between years 1 and 9999 in UTC (naive values always do)."""
    if value.tzinfo is None:
        return True
    try:
        value.astimezone(timezone.utc)
    except OverflowError:
        return False
    return True


def parse_datetime(value: object) -> datetime:
    if not isinstance(value, str) or len(value) > _LONGEST_DATETIME:
        raise GraphQLError(f"DateTime must be {DATETIME_FORMAT}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise GraphQLError(f"DateTime must be {DATETIME_FORMAT}") from None
    if not fits_utc(parsed):
        raise GraphQLError("DateTime must fall between the years 1 and 9999 in UTC")
    return parsed


def parse_upload(value: object) -> UploadFile:
    if not isinstance(value, UploadFile):
        raise GraphQLError("Upload must be a file part of a multipart request (GraphQL multipart request spec)")
    return value


DateTime = strawberry.scalar(
    name="DateTime",
    description=f"An instant: {DATETIME_FORMAT}.",
    serialize=datetime.isoformat,
    parse_value=parse_datetime,
)

UploadScalar = strawberry.scalar(
    name="Upload",
    description="A file, sent as a part of a multipart request (GraphQL multipart request spec).",
    serialize=lambda value: value,
    parse_value=parse_upload,
)

SCALARS: dict[object, ScalarDefinition] = {datetime: DateTime, Upload: UploadScalar}
