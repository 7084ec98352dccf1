"""The export's own header: ``지민 님과 카카오톡 대화`` and ``저장한 날짜 : ...``."""

from __future__ import annotations

import re
from datetime import datetime

from kakao.clock import parse_stamp
from kakao.model import ExportHeader

# (pattern, names_partner): group 1 is the chat's name when the pattern has one.
_TITLES: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(r"(.+?) 님과 카카오톡 대화"), True),  # Android / iOS / Windows, Korean
    (re.compile(r"KakaoTalk Chats with (.+)"), True),  # English locale
    (re.compile(r"(.+?) with KakaoTalk Chats"), True),  # older Windows, English header
    # iOS names the file on the first line: 멘토님방 (4명)과 카카오톡 대화-1.txt
    (re.compile(r"(.+?)(?:과|와)? ?카카오톡 대화(?:-\d+)?(?:\.txt)?"), False),
    (re.compile(r"Talk_[\d.]+ [\d:_]+(?:-\d+)?\.txt"), False),  # iOS, English: Talk_2026.4.25 10:20-1.txt
)
# A group's member list as the Android header writes it: "서우석,박영우,강수지 4".
_MEMBER_LIST = re.compile(r".+,.+ \d+")
_GROUP_SIZE = re.compile(r"\s*\(\d+명\)$")

SAVED_PREFIXES = ("저장한 날짜", "Date Saved", "Saved Date")
_SAVED = re.compile(r"(?:저장한 날짜|Date Saved|Saved Date) ?: ?(.*)")


class HeaderReader:
    """Collects the header from the lines offered to it; the first title and date win."""

    __slots__ = ("_title", "_partner", "_saved_at", "_saw_title", "_saw_saved")

    def __init__(self) -> None:
        self._title: str | None = None
        self._partner: str | None = None
        self._saved_at: datetime | None = None
        self._saw_title = False
        self._saw_saved = False

    @property
    def header(self) -> ExportHeader:
        return ExportHeader(title=self._title, partner_name=self._partner, saved_at=self._saved_at)

    def title_line(self, line: str) -> bool:
        """True if ``line`` is a title line (only meaningful before the first message)."""
        text = line.strip()
        for pattern, names_partner in _TITLES:
            m = pattern.fullmatch(text)
            if m is None:
                continue
            if not self._saw_title:
                self._saw_title = True
                name = m.group(1).strip() if pattern.groups else None
                if name:
                    name = _GROUP_SIZE.sub("", name) or name
                self._title = name
                if names_partner and name and not _MEMBER_LIST.fullmatch(name):
                    self._partner = name
            return True
        return False

    def saved_line(self, line: str) -> bool:
        """True if ``line`` is ``저장한 날짜 : ...`` / ``Date Saved : ...``."""
        m = _SAVED.fullmatch(line.strip())
        if m is None:
            return False
        if not self._saw_saved:
            self._saw_saved = True
            self._saved_at = parse_stamp(m.group(1))
        return True
