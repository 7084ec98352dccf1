"""Generated exports of any size, line by line, for streaming and throughput checks.

Each line is produced on demand, so a generated export never exists in memory as a whole.
The conversation cycles through plain texts, multi-line texts, texts with `` : `` and commas,
media placeholders, links and system notices, with a new day every 400 messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from kakao import ExportFormat

_TEXTS = (
    "오늘 뭐 해요?",
    "저는 방금 퇴근했어요 ㅎㅎ",
    "주말에 전시 보러 갈래요?\n시청역 근처에 새로 생겼대요",
    "ㅋㅋㅋㅋ 진짜요?",
    "사진",
    "야근 : 오늘도 확정, 내일도 아마",
    "https://example.com/exhibition/monet-2026",
    "이모티콘",
    "좋아요!\n\n그럼 토요일 2시에 봐요",
    '팀장님이 "오늘은 일찍 가" 하셨어요',
    "파일: 전시_안내.pdf",
)
_WEEKDAYS_KO = "월화수목금토일"
_SENDERS = ("지민", "민준")
NOTICE_EVERY = 97  # a system notice after every 97th message


def generated_messages(count: int) -> Iterator[tuple[str, datetime, str]]:
    """(sender, sent_at, text) of the generated conversation."""
    start = datetime(2026, 1, 1, 9, 0)
    for index in range(count):
        day, minute = divmod(index, 400)
        sent_at = start + timedelta(days=day, minutes=minute * 2 + index % 2)
        yield _SENDERS[index % 2], sent_at, _TEXTS[index % len(_TEXTS)]


def generated_lines(fmt: ExportFormat, messages: int) -> Iterator[str]:
    """The lines of a generated export of ``messages`` messages in format ``fmt``."""
    if fmt is ExportFormat.MACOS:
        yield "Date,User,Message"
    else:
        yield "지민 님과 카카오톡 대화"
        yield "저장한 날짜 : 2026-11-20 21:01:33" if fmt is ExportFormat.WINDOWS else (
            "저장한 날짜 : 2026년 11월 20일 오후 9:01"
        )
        yield ""
    day = None
    for index, (sender, sent_at, text) in enumerate(generated_messages(messages)):
        if sent_at.date() != day:
            day = sent_at.date()
            yield from _day_line(fmt, sent_at)
        meridiem = "오전" if sent_at.hour < 12 else "오후"
        clock = f"{meridiem} {(sent_at.hour % 12) or 12}:{sent_at.minute:02d}"
        if fmt is ExportFormat.ANDROID:
            stamp = f"{sent_at.year}년 {sent_at.month}월 {sent_at.day}일 {clock}"
            head, notice = f"{stamp}, {sender} : ", f"{stamp}, 수아님이 나갔습니다."
        elif fmt is ExportFormat.IOS:
            stamp = f"{sent_at.year}. {sent_at.month}. {sent_at.day}. {clock}"
            head, notice = f"{stamp}, {sender} : ", f"{stamp}: 수아님이 나갔습니다."
        elif fmt is ExportFormat.WINDOWS:
            head, notice = f"[{sender}] [{clock}] ", "수아님이 나갔습니다."
        else:
            quoted = text.replace('"', '""')
            yield from f'{sent_at:%Y-%m-%d %H:%M:%S},"{sender}","{quoted}"'.split("\n")
            if index % NOTICE_EVERY == NOTICE_EVERY - 1:
                yield f'{sent_at:%Y-%m-%d %H:%M:%S},"수아","수아님이 나갔습니다."'
            continue
        first, *rest = text.split("\n")
        yield head + first
        yield from rest
        if index % NOTICE_EVERY == NOTICE_EVERY - 1:
            yield notice


def _day_line(fmt: ExportFormat, at: datetime) -> Iterator[str]:
    weekday = _WEEKDAYS_KO[at.weekday()]
    if fmt is ExportFormat.WINDOWS:
        yield f"--------------- {at.year}년 {at.month}월 {at.day}일 {weekday}요일 ---------------"
    elif fmt is ExportFormat.IOS:
        yield ""
        yield f"{at.year}년 {at.month}월 {at.day}일 {weekday}요일"
    elif fmt is ExportFormat.ANDROID:
        meridiem = "오전" if at.hour < 12 else "오후"
        yield ""
        yield f"{at.year}년 {at.month}월 {at.day}일 {meridiem} {(at.hour % 12) or 12}:{at.minute:02d}"


def generated_bytes(fmt: ExportFormat, messages: int, chunk_size: int = 64 * 1024) -> Iterator[bytes]:
    """The generated export as UTF-8 chunks of about ``chunk_size`` bytes."""
    buffer: list[bytes] = []
    size = 0
    for line in generated_lines(fmt, messages):
        data = (line + "\n").encode("utf-8")
        buffer.append(data)
        size += len(data)
        if size >= chunk_size:
            yield b"".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield b"".join(buffer)
