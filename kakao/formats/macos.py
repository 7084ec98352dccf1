"""macOS exports: CSV with a ``Date,User,Message`` header.

::

    Date,User,Message
    2026-11-18 20:15:03,"지민","내용, 쉼표 포함"
    2026-11-18 20:16:40,"민준","여러 줄
    ""인용""도 있는 메시지"

A quoted field may span many lines, so lines are gathered until the quotes balance (an even
number of ``"`` — doubled quotes count twice) and the record is then read with :mod:`csv`.
Only the record being gathered is held; a quote that never closes is reported instead of
swallowing the rest of the file. Notices are rows too (``"Stewie left this chatroom."``
under Stewie's name) and are recognised by their text.
"""

from __future__ import annotations

import csv
import re
from datetime import datetime
from typing import ClassVar

from kakao.errors import MalformedExportError
from kakao.formats.base import LineParser
from kakao.model import ExportFormat, ParsedMessage
from kakao.notices import is_notice_text

_HEADER = re.compile(r"\s*date\s*,\s*user\s*,\s*message\s*", re.IGNORECASE)
_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2})(?::(\d{2}))?\s*")


class MacCsvParser(LineParser):
    """Grammar of the macOS CSV export."""

    # A record that has not closed its quote after this many characters is a broken file.
    max_record_chars: ClassVar[int] = 1_000_000

    def __init__(self, format: ExportFormat = ExportFormat.MACOS) -> None:
        super().__init__(format)
        self._record: list[str] = []
        self._record_chars = 0
        self._record_line = 0  # line number where the open record started

    def _line(self, line: str, out: list[ParsedMessage]) -> None:
        odd = line.count('"') % 2 == 1  # an odd count opens or closes a quoted field
        if not self._record:
            if not odd:
                self._row([line], out)
                return
            self._record = [line]
            self._record_chars = len(line)
            self._record_line = self.lines
            return
        self._record.append(line)
        self._record_chars += len(line)
        if odd:
            record, self._record = self._record, []
            self._row(record, out)
        elif self._record_chars > self.max_record_chars:
            raise self._unclosed()

    def close(self) -> list[ParsedMessage]:
        if self._record:
            raise self._unclosed()
        return super().close()

    def _row(self, record: list[str], out: list[ParsedMessage]) -> None:
        text = record[0] if len(record) == 1 else "\n".join(record)
        if not text or text.isspace():
            return
        if self._preamble and _HEADER.fullmatch(text):
            return
        try:
            fields = next(csv.reader([text]), [])
        except csv.Error:  # e.g. a NUL character
            fields = []
        m = _DATE.fullmatch(fields[0]) if len(fields) >= 3 else None
        if m is None:
            self.lines_not_understood += len(record)
            return
        try:
            y, mo, d, h, mi, s = m.groups()
            sent_at = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
        except ValueError:
            self.lines_not_understood += len(record)
            return
        self._preamble = False
        user = fields[1].strip()
        message = fields[2] if len(fields) == 3 else ",".join(fields[2:])
        if not user or (message.startswith(user) and is_notice_text(message)):
            self.notices += 1
            return
        self._emit(user, sent_at, message.split("\n"), out)

    def _unclosed(self) -> MalformedExportError:
        return MalformedExportError(
            f"The CSV file is malformed: a quoted field opened on line {self._record_line} "
            "is never closed.",
            line=self._record_line,
        )
