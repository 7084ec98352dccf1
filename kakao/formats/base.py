"""The state machine every format shares: an open message, its lines, and the counters.

A format grammar looks at each line and calls one of:

- :meth:`LineParser._begin` — a new message starts (the open one is complete);
- :meth:`LineParser._separator` — a day line or header line: ends the open message;
- :meth:`LineParser._notice` — a system notice: ends the open message, never kept;
- :meth:`LineParser._other` — anything else: continues the open message, or is counted as
  not understood when no message is open.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import ClassVar

from kakao.header import SAVED_PREFIXES, HeaderReader
from kakao.kinds import classify
from kakao.model import ExportFormat, ExportHeader, ParsedMessage, ParseStats
from kakao.notices import is_deleted_placeholder, is_notice_text


class LineParser:
    """Base of the format grammars; subclasses implement :meth:`_line`."""

    # Windows writes notices as bare lines, so they must be looked for even inside a message.
    bare_notices: ClassVar[bool] = False

    def __init__(self, format: ExportFormat) -> None:
        self.format = format
        self._header = HeaderReader()
        self._preamble = True  # nothing but header lines seen so far
        self._sender: str | None = None  # the open message
        self._sent_at: datetime | None = None
        self._lines: list[str] = []
        self._participants: dict[str, None] = {}
        self.lines = 0
        self.lines_not_understood = 0
        self.notices = 0
        self.messages = 0
        self.first_sent_at: datetime | None = None
        self.last_sent_at: datetime | None = None

    # -- the push interface ---------------------------------------------------------------

    def feed(self, line: str) -> list[ParsedMessage]:
        out: list[ParsedMessage] = []
        self.lines += 1
        self._line(line, out)
        return out

    def feed_lines(self, lines: Iterable[str]) -> list[ParsedMessage]:
        out: list[ParsedMessage] = []
        handle = self._line
        for line in lines:
            self.lines += 1
            handle(line, out)
        return out

    def close(self) -> list[ParsedMessage]:
        out: list[ParsedMessage] = []
        self._finish(out)
        return out

    @property
    def header(self) -> ExportHeader:
        return self._header.header

    @property
    def participants(self) -> tuple[str, ...]:
        return tuple(self._participants)

    @property
    def stats(self) -> ParseStats:
        return ParseStats(
            format=self.format,
            header=self.header,
            messages=self.messages,
            lines=self.lines,
            lines_not_understood=self.lines_not_understood,
            notices=self.notices,
            participants=self.participants,
            first_sent_at=self.first_sent_at,
            last_sent_at=self.last_sent_at,
        )

    # -- for the grammars ----------------------------------------------------------------

    def _line(self, line: str, out: list[ParsedMessage]) -> None:
        raise NotImplementedError

    def _begin(self, sender: str, sent_at: datetime, text: str, out: list[ParsedMessage]) -> None:
        if self._sender is not None:
            self._finish(out)
        self._preamble = False
        self._sender = sender
        self._sent_at = sent_at
        self._lines = [text]

    def _separator(self, out: list[ParsedMessage]) -> None:
        if self._sender is not None:
            self._finish(out)
        self._preamble = False

    def _notice(self, out: list[ParsedMessage]) -> None:
        if self._sender is not None:
            self._finish(out)
        self._preamble = False
        self.notices += 1

    def _other(self, line: str, out: list[ParsedMessage]) -> None:
        if line.startswith(SAVED_PREFIXES) and self._header.saved_line(line):
            self._separator(out)  # a header line is never part of a message
            return
        if self.bare_notices and is_notice_text(line):
            self._notice(out)
            return
        if self._sender is not None:
            self._lines.append(line)
            return
        if not line or line.isspace():
            return
        if self._preamble and self._header.title_line(line):
            return
        if not self.bare_notices and is_notice_text(line):
            self.notices += 1  # e.g. the policy banner under an open-chat join notice
            return
        self.lines_not_understood += 1

    def _finish(self, out: list[ParsedMessage]) -> None:
        sender = self._sender
        if sender is None:
            return
        sent_at = self._sent_at
        assert sent_at is not None
        lines = self._lines
        self._sender = None
        self._sent_at = None
        self._lines = []
        self._emit(sender, sent_at, lines, out)

    def _emit(
        self, sender: str, sent_at: datetime, lines: list[str], out: list[ParsedMessage]
    ) -> None:
        """Trim blank lines at either end, drop deleted-message placeholders, keep the rest."""
        while lines and (not lines[-1] or lines[-1].isspace()):
            lines.pop()
        if not lines:
            return
        if not lines[0] or lines[0].isspace():
            while not lines[0] or lines[0].isspace():
                del lines[0]
        text = lines[0] if len(lines) == 1 else "\n".join(lines)
        if is_deleted_placeholder(text):
            self.notices += 1
            return
        out.append(ParsedMessage(sender, sent_at, text, classify(text)))
        self.messages += 1
        if sender not in self._participants:
            self._participants[sender] = None
        if self.first_sent_at is None or sent_at < self.first_sent_at:
            self.first_sent_at = sent_at
        if self.last_sent_at is None or sent_at > self.last_sent_at:
            self.last_sent_at = sent_at
