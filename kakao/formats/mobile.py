"""Android and iOS text exports: every message line carries its own date and time.

::

    지민 님과 카카오톡 대화
    저장한 날짜 : 2026년 11월 20일 오후 9:01

    2026년 11월 18일 오후 8:15                                  <- Android date line
    2026년 11월 18일 오후 8:15, 지민 : 내용                      <- Android message
    2026년 11월 18일 오후 8:16, 수아님이 나갔습니다.              <- Android notice
    2026년 11월 18일 수요일                                      <- iOS (and newer Android) day header
    2026. 11. 18. 오후 8:15, 지민 : 내용                         <- iOS message (also 20:15)
    2026. 11. 18. 오후 8:16: 수아님이 나갔습니다.                 <- iOS notice
    오후 8:15, 지민 : 내용                                       <- old iOS: time only, date from the day header
    November 18, 2026, 8:15 PM, Jimin : text                    <- Android, English locale
    Nov 18, 2026 at 20:15, Jimin : text                         <- iOS, English locale

Both apps share one grammar (a line is recognised whichever variant it is); the detected
format only labels the import. The first `` : `` after the sender ends the name, so `` : `` and
commas inside the text stay in the text.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from kakao.clock import EN_AT_STAMP, EN_DAY, EN_LONG_STAMP, KO_DAY, KO_STAMP, hour24, month_number
from kakao.formats.base import LineParser
from kakao.model import ExportFormat, ParsedMessage

_KO = re.compile(KO_STAMP + "(.*)")
_KO_DAY = re.compile(KO_DAY + r"\s*")
_TIME_ONLY = re.compile(r"(오전|오후) (\d{1,2}):(\d{2})(.*)")
_EN_LONG = re.compile(EN_LONG_STAMP + "(.*)")
_EN_AT = re.compile(EN_AT_STAMP + "(.*)")
_EN_DAY = re.compile(EN_DAY + r"\s*")


class MobileParser(LineParser):
    """Grammar of the Android and iOS text exports."""

    def __init__(self, format: ExportFormat) -> None:
        super().__init__(format)
        self._day: date | None = None  # from the last day header, for time-only lines
        self._stamp_key: object = None  # the last stamp seen, and its datetime
        self._stamp: datetime | None = None

    def _line(self, line: str, out: list[ParsedMessage]) -> None:
        first = line[:1]
        if "0" <= first <= "9":
            m = _KO.match(line)
            if m is not None:
                key = line[: m.start(7)]
                if key == self._stamp_key:
                    sent_at = self._stamp
                else:
                    y, mo, d, mer, h, mi = m.groups()[:6]
                    sent_at = self._remember(key, y, mo, d, mer, h, mi)
                if sent_at is not None and self._stamped(sent_at, m.group(7), out):
                    return
            elif (m := _KO_DAY.fullmatch(line)) is not None:
                if self._day_header(m[1], m[2], m[3], out):
                    return
        elif first == "오":
            day = self._day
            if day is not None and (m := _TIME_ONLY.match(line)) is not None:
                try:
                    hour = hour24(m[1], int(m[2]))
                    sent_at = datetime(day.year, day.month, day.day, hour, int(m[3]))
                except ValueError:
                    sent_at = None
                if sent_at is not None and self._stamped(sent_at, m.group(4), out):
                    return
        elif "A" <= first <= "Z" and self._english(line, out):
            return
        self._other(line, out)

    def _stamped(self, sent_at: datetime, rest: str, out: list[ParsedMessage]) -> bool:
        """The part after a stamp: a message, a notice, or (bare stamp) an Android date line."""
        if not rest or rest.isspace():
            self._separator(out)
            return True
        sep = rest[:2]
        if sep == ", ":
            body = rest[2:]
            cut = body.find(" : ")
            if cut >= 0:
                sender, text = body[:cut].strip(), body[cut + 3 :]
            elif body.endswith(" :"):
                sender, text = body[:-2].strip(), ""
            else:
                sender, text = "", ""  # 지민님이 나갔습니다. — no "name : "
            if sender:
                self._begin(sender, sent_at, text, out)
            else:
                self._notice(out)
            return True
        if sep == ": ":
            self._notice(out)  # iOS writes notices as "stamp: text"
            return True
        return False  # "2026년 11월 18일 오후 8:15에 만나요" inside a message text

    def _english(self, line: str, out: list[ParsedMessage]) -> bool:
        m = _EN_LONG.match(line)
        if m is not None:
            mon, d, y, h, mi, mer, rest = m.groups()
            meridiem: str | None = mer.upper()
        else:
            m = _EN_AT.match(line)
            if m is None:
                m = _EN_DAY.fullmatch(line)
                if m is None:
                    return False
                try:
                    month = month_number(m[1])
                except ValueError:
                    return False
                return self._day_header(m[3], month, m[2], out)
            mon, d, y, h, mi, mer, rest = m.groups()
            meridiem = mer.upper() if mer else None
        try:
            sent_at = datetime(int(y), month_number(mon), int(d), hour24(meridiem, int(h)), int(mi))
        except ValueError:
            return False
        return self._stamped(sent_at, rest, out)

    def _day_header(
        self, year: str, month: str | int, day: str, out: list[ParsedMessage]
    ) -> bool:
        try:
            self._day = date(int(year), int(month), int(day))
        except ValueError:
            return False
        self._separator(out)
        return True

    def _remember(
        self, key: str, y: str, mo: str, d: str, mer: str | None, h: str, mi: str
    ) -> datetime | None:
        try:
            sent_at = datetime(int(y), int(mo), int(d), hour24(mer, int(h)), int(mi))
        except ValueError:
            return None
        self._stamp_key = key
        self._stamp = sent_at
        return sent_at
