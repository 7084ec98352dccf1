"""What the parser produces: plain frozen values, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class MessageKind(StrEnum):
    """What a message is. Values match the GraphQL ``MessageKind`` enum names."""

    TEXT = "TEXT"
    PHOTO = "PHOTO"
    EMOTICON = "EMOTICON"
    VIDEO = "VIDEO"
    VOICE = "VOICE"
    FILE = "FILE"
    LINK = "LINK"


class ExportFormat(StrEnum):
    """Which KakaoTalk app wrote the export (detected from content, never from a file name)."""

    ANDROID = "ANDROID"
    IOS = "IOS"
    WINDOWS = "WINDOWS"
    MACOS = "MACOS"


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """One chat message.

    ``sent_at`` is the naive wall-clock time exactly as the export wrote it (minute precision,
    seconds only in macOS exports); the caller attaches the user's time zone. ``text`` is the
    message as written (for a photo it is ``사진``, for a file ``파일: name.pdf``); multi-line
    texts are joined with ``"\\n"``.
    """

    sender_name: str
    sent_at: datetime
    text: str
    kind: MessageKind


@dataclass(frozen=True, slots=True)
class ExportHeader:
    """What the export's first lines say about the chat.

    ``title`` is the chat's name as the header gives it (``지민`` in ``지민 님과 카카오톡 대화``);
    ``partner_name`` is set when the header has the one-to-one form ``X 님과 카카오톡 대화`` (in a
    group chat it may name the room rather than a sender: check it against the participants);
    ``saved_at`` is the naive time of ``저장한 날짜 : ...``.
    """

    title: str | None = None
    partner_name: str | None = None
    saved_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ParseStats:
    """Counters of a parse, for ``ChatImport``.

    ``lines`` counts every line fed; ``lines_not_understood`` the non-blank lines that were
    neither a message, a continuation of one, a header, a day separator nor a system notice;
    ``notices`` the system notices skipped (joins, leaves, deleted messages, ...).
    ``participants`` are the sender names in order of first message.
    """

    format: ExportFormat | None
    header: ExportHeader
    messages: int
    lines: int
    lines_not_understood: int
    notices: int
    participants: tuple[str, ...]
    first_sent_at: datetime | None
    last_sent_at: datetime | None
