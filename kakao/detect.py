"""Which app wrote an export, judged from its lines (never from the file name).

Each line that only one format writes is a vote for it: message and notice lines, Windows day
lines, the macOS CSV header. The ``저장한 날짜`` line's date style is a weak vote (apps have
changed it between versions), enough for an export with no messages at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kakao.clock import EN_AT_STAMP, EN_LONG_STAMP
from kakao.errors import UnrecognizedExportError
from kakao.model import ExportFormat

_ANDROID, _IOS, _WINDOWS, _MACOS = (
    ExportFormat.ANDROID,
    ExportFormat.IOS,
    ExportFormat.WINDOWS,
    ExportFormat.MACOS,
)

_MAC_HEADER = re.compile(r"\s*date\s*,\s*user\s*,\s*message\s*", re.IGNORECASE)

# (format, pattern, weight); patterns are matched at the start of a line.
_VOTES: tuple[tuple[ExportFormat, re.Pattern[str], int], ...] = (
    (_MACOS, re.compile(r'\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2},"?[^,]*"?,'), 2),
    (_WINDOWS, re.compile(r"-{3,} .+ -{3,}\s*$"), 2),
    (_WINDOWS, re.compile(r"\[.+?\] \[(?:(?:오전|오후) \d{1,2}:\d{2}|\d{1,2}:\d{2}(?: ?[AP]M)?)\]"), 2),
    (_ANDROID, re.compile(r"\d{4}년 \d{1,2}월 \d{1,2}일 (?:(?:오전|오후) )?\d{1,2}:\d{2}(?:, |\s*$)"), 2),
    (_ANDROID, re.compile(EN_LONG_STAMP + r"(?:, |\s*$)"), 2),
    (_IOS, re.compile(r"\d{4}\. ?\d{1,2}\. ?\d{1,2}\. (?:(?:오전|오후) )?\d{1,2}:\d{2}[,:] "), 2),
    (_IOS, re.compile(EN_AT_STAMP + r"[,:] "), 2),
    (_IOS, re.compile(r"(?:오전|오후) \d{1,2}:\d{2}, .+? : "), 1),  # old iOS, time only
    (_ANDROID, re.compile(r"(?:저장한 날짜|Date Saved) ?: ?\d{4}년"), 1),
    (_ANDROID, re.compile(r"(?:저장한 날짜|Date Saved) ?: ?[A-Z][a-z]+ \d{1,2}, \d{4}, "), 1),
    (_IOS, re.compile(r"(?:저장한 날짜|Date Saved) ?: ?\d{4}\. "), 1),
    (_IOS, re.compile(r"(?:저장한 날짜|Date Saved) ?: ?[A-Z][a-z]+ \d{1,2}, \d{4} at "), 1),
    (_WINDOWS, re.compile(r"(?:저장한 날짜|Date Saved) ?: ?\d{4}-\d{2}-\d{2}"), 1),
)

_PRIORITY = (_ANDROID, _IOS, _WINDOWS, _MACOS)  # tie-break only; ties do not happen in practice


def detect_format(sample_lines: Iterable[str]) -> ExportFormat:
    """The format of an export from its first lines (a hundred or so are plenty).

    Raises :class:`~kakao.errors.UnrecognizedExportError` when no line looks like any format.
    """
    scores = dict.fromkeys(_PRIORITY, 0)
    seen_text = False
    for index, raw in enumerate(sample_lines):
        line = raw.lstrip("\ufeff") if index == 0 else raw
        if not line or line.isspace():
            continue
        if not seen_text:
            seen_text = True
            if _MAC_HEADER.fullmatch(line):
                return _MACOS
        for fmt, pattern, weight in _VOTES:
            if pattern.match(line):
                scores[fmt] += weight
                break
    best = max(_PRIORITY, key=lambda fmt: scores[fmt])
    if scores[best] > 0:
        return best
    if not seen_text:
        raise UnrecognizedExportError("The file is empty: there is no chat to import.")
    raise UnrecognizedExportError(
        "This does not look like a KakaoTalk chat export: no line matches the Android, iOS, "
        "Windows or macOS export formats. In KakaoTalk open the chat room, choose "
        "'대화 내용 내보내기' (Export chat), and upload the .txt or .csv file unchanged."
    )
