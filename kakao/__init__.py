"""KakaoTalk chat exports to messages: a pure, dependency-free, streaming parser.

Most callers need one object::

    from kakao import ExportReader, resolve_roles

    reader = ExportReader()
    for chunk in chunks:                      # bytes, any size, e.g. from an upload
        for message in reader.feed(chunk):    # ParsedMessage(sender_name, sent_at, text, kind)
            ...
    for message in reader.close():
        ...
    roles = resolve_roles(reader.header, reader.participants, my_name)
    roles.role_of(message.sender_name)        # Role.ME / Role.PARTNER / Role.OTHER

The pieces are usable alone: :class:`~kakao.decode.LineDecoder` (bytes to lines),
:func:`~kakao.detect.detect_format` (lines to format), :class:`~kakao.parser.ExportParser`
(lines to messages) and :func:`~kakao.parser.parse_lines` (everything at once, for tests).
Every error is a :class:`~kakao.errors.KakaoExportError` with a ``code`` and a message fit to
show the person who uploaded the file.
"""

from kakao.decode import LineDecoder
from kakao.detect import detect_format
from kakao.errors import (
    AmbiguousParticipantsError,
    ExportDecodeError,
    KakaoExportError,
    MalformedExportError,
    UnrecognizedExportError,
)
from kakao.model import ExportFormat, ExportHeader, MessageKind, ParsedMessage, ParseStats
from kakao.parser import ExportParser, parse_lines
from kakao.reader import ExportReader
from kakao.roles import Role, RoleMap, resolve_roles

__all__ = [
    "AmbiguousParticipantsError",
    "ExportDecodeError",
    "ExportFormat",
    "ExportHeader",
    "ExportParser",
    "ExportReader",
    "KakaoExportError",
    "LineDecoder",
    "MalformedExportError",
    "MessageKind",
    "ParseStats",
    "ParsedMessage",
    "Role",
    "RoleMap",
    "UnrecognizedExportError",
    "detect_format",
    "parse_lines",
    "resolve_roles",
]
