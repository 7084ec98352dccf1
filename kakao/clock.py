"""Dates and times as KakaoTalk writes them.

Regex fragments shared by the format grammars (each with positional groups, documented
inline), 12-hour to 24-hour conversion, and a tolerant parser for one-off stamps such as
``저장한 날짜 : ...``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# 2026년 11월 18일 오후 8:15 (Android) | 2026. 11. 18. 오후 8:15 / 2026. 11. 18. 20:15 (iOS)
# groups: year, month, day, meridiem or None, hour, minute
KO_STAMP = (
    r"(\d{4})(?:년 |\. ?)(\d{1,2})(?:월 |\. ?)(\d{1,2})(?:일|\.) (?:(오전|오후) )?(\d{1,2}):(\d{2})"
)
# November 18, 2026, 8:15 PM (Android, English locale)
# groups: month name, day, year, hour, minute, meridiem
EN_LONG_STAMP = r"([A-Z][a-z]+) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2})[ \u202f\u00a0]?([AaPp][Mm])"
# Nov 18, 2026 at 20:15 | Nov 18, 2026 at 8:15 PM (iOS, English locale)
# groups: month name, day, year, hour, minute, meridiem or None
EN_AT_STAMP = r"([A-Z][a-z]+) (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2})(?:[ \u202f\u00a0]?([AaPp][Mm]))?"
# 2026-11-20 21:01:33 (Windows 저장한 날짜, macOS rows)
# groups: year, month, day, hour, minute, second or None
ISO_STAMP = r"(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2})(?::(\d{2}))?"
# 2026년 11월 18일 수요일 | 2026. 11. 18. 수요일 — groups: year, month, day
KO_DAY = r"(\d{4})(?:년 |\. ?)(\d{1,2})(?:월 |\. ?)(\d{1,2})(?:일|\.) [월화수목금토일]요일"
# Wednesday, November 18, 2026 — groups: month name, day, year
EN_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ([A-Z][a-z]+) (\d{1,2}), (\d{4})"

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
MONTHS: dict[str, int] = {}
for _number, _name in enumerate(_MONTH_NAMES, start=1):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

_PM = frozenset({"오후", "PM", "pm", "Pm", "pM"})


def hour24(meridiem: str | None, hour: int) -> int:
    """``오전 12:05`` is 00:05 and ``오후 12:05`` is 12:05; without a meridiem the hour is 24-hour.

    Raises ``ValueError`` for an hour the clock cannot show (``오후 13:00``, ``25:00``).
    """
    if meridiem is None:
        if not 0 <= hour <= 23:
            raise ValueError(f"hour {hour} out of range")
        return hour
    if not 1 <= hour <= 12:
        raise ValueError(f"hour {hour} out of range for a 12-hour clock")
    return hour % 12 + (12 if meridiem in _PM else 0)


def month_number(name: str) -> int:
    """``November`` / ``Nov`` -> 11; ``ValueError`` for anything else."""
    try:
        return MONTHS[name.lower()]
    except KeyError:
        raise ValueError(f"unknown month {name!r}") from None


def parse_day(text: str) -> date | None:
    """A day header's date (``2026년 11월 18일 수요일``, ``Wednesday, November 18, 2026``)."""
    m = _KO_DAY_RE.search(text)
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = _EN_DAY_RE.search(text)
        if m:
            return date(int(m[3]), month_number(m[1]), int(m[2]))
    except ValueError:
        return None
    return None


def parse_stamp(text: str) -> datetime | None:
    """Any full date-and-time KakaoTalk writes, or ``None``. Not for hot paths."""
    text = text.strip()
    try:
        if m := _KO_RE.fullmatch(text):
            y, mo, d, mer, h, mi = m.groups()
            return datetime(int(y), int(mo), int(d), hour24(mer, int(h)), int(mi))
        if m := _ISO_RE.fullmatch(text):
            y, mo, d, h, mi, s = m.groups()
            return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
        if m := _EN_LONG_RE.fullmatch(text):
            mon, d, y, h, mi, mer = m.groups()
            return datetime(int(y), month_number(mon), int(d), hour24(mer.upper(), int(h)), int(mi))
        if m := _EN_AT_RE.fullmatch(text):
            mon, d, y, h, mi, mer = m.groups()
            mer = mer.upper() if mer else None
            return datetime(int(y), month_number(mon), int(d), hour24(mer, int(h)), int(mi))
    except ValueError:
        return None
    return None


_KO_RE = re.compile(KO_STAMP)
_ISO_RE = re.compile(ISO_STAMP)
_EN_LONG_RE = re.compile(EN_LONG_STAMP)
_EN_AT_RE = re.compile(EN_AT_STAMP)
_KO_DAY_RE = re.compile(KO_DAY)
_EN_DAY_RE = re.compile(EN_DAY)
