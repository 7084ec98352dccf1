"""Generated KakaoTalk exports of any size, for limit tests and benchmarks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

PARTNER, ME = "지민", "민준"
LINES = [
    (PARTNER, "오늘 뭐 했어요?"), (ME, "회사 끝나고 헬스 갔다 왔어요 ㅋㅋ"), (PARTNER, "오 부지런하다 ㅎㅎ"),
    (ME, "주말에 영화 볼래요?"), (PARTNER, "좋아요!! 뭐 볼지 골라봐요"), (PARTNER, "사진"),
    (ME, "이모티콘"), (PARTNER, "저 이제 자러 갈게요 ㅠㅠ 내일 봐요"),
]


def _clock(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    half = "오전" if moment.hour < 12 else "오후"
    return f"{moment.year}년 {moment.month}월 {moment.day}일 {half} {hour}:{moment.minute:02d}"


def android_lines(count: int, *, start: datetime = datetime(2026, 1, 1, 9, 0), unique: bool = True) -> Iterator[str]:
    yield f"{PARTNER} 님과 카카오톡 대화\n"
    yield f"저장한 날짜 : {_clock(start + timedelta(days=400))}\n\n"
    moment = start
    for i in range(count):
        sender, text = LINES[i % len(LINES)]
        if unique and text not in ("사진", "이모티콘"):
            text = f"{text} #{i}"
        yield f"{_clock(moment)}, {sender} : {text}\n"
        moment += timedelta(minutes=1 + (i % 7 == 0) * 30)


def android_export(count: int, **kwargs: object) -> bytes:
    return "".join(android_lines(count, **kwargs)).encode("utf-8")  # type: ignore[arg-type]
