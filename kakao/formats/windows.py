"""Windows PC exports: day lines, then messages stamped with a time only.

::

    지민 님과 카카오톡 대화
    저장한 날짜 : 2026-11-20 21:01:33

    --------------- 2026년 11월 18일 수요일 ---------------
    [지민] [오후 8:15] 내용
    지민님이 나갔습니다.                                   <- notices are bare lines
    --------------- Wednesday, November 18, 2026 ---------------
    [Jimin] [8:15 PM] text                                 <- English locale

A message takes its date from the most recent day line; a message before any day line has
no date and is counted as not understood.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from kakao.clock import hour24, parse_day
from kakao.formats.base import LineParser
from kakao.model import ExportFormat, ParsedMessage

_DAY = re.compile(r"-{3,} (.+?) -{3,}\s*")
# groups: sender, Korean meridiem, hour, minute | hour, minute, English meridiem; text
_MESSAGE = re.compile(
    r"\[(.+?)\] \[(?:(오전|오후) (\d{1,2}):(\d{2})|(\d{1,2}):(\d{2})(?: ?([AaPp][Mm]))?)\] ?(.*)"
)


class WindowsParser(LineParser):
    """Grammar of the Windows PC export."""

    bare_notices = True

    def __init__(self, format: ExportFormat = ExportFormat.WINDOWS) -> None:
        super().__init__(format)
        self._day: date | None = None

    def _line(self, line: str, out: list[ParsedMessage]) -> None:
        first = line[:1]
        if first == "[":
            m = _MESSAGE.fullmatch(line)
            if m is not None and (clock := _clock(m)) is not None:
                day = self._day
                if day is None:  # a message with no day line above it has no date
                    self._separator(out)
                    self.lines_not_understood += 1
                    return
                sent_at = datetime(day.year, day.month, day.day, *clock)
                self._begin(m[1].strip(), sent_at, m[8], out)
                return
        elif first == "-":
            m = _DAY.fullmatch(line)
            if m is not None:
                day = parse_day(m.group(1))
                if day is not None:
                    self._day = day
                    self._separator(out)
                    return
        self._other(line, out)


def _clock(m: re.Match[str]) -> tuple[int, int] | None:
    """(hour, minute) of a message line, or None when the time is impossible."""
    _, mer_ko, h_ko, mi_ko, h_en, mi_en, mer_en, _ = m.groups()
    try:
        if mer_ko is not None:
            hour, minute = hour24(mer_ko, int(h_ko)), int(mi_ko)
        else:
            hour, minute = hour24(mer_en.upper() if mer_en else None, int(h_en)), int(mi_en)
    except ValueError:
        return None
    return (hour, minute) if minute < 60 else None
