"""What the one-to-one fixtures say: 지민 (the partner) and 민준 (the user), three days of 썸.

Every one-to-one fixture is the same conversation in a different app's export, so one table of
expected messages serves them all; the helpers adapt it to a fixture's names, placeholder texts
and (macOS) seconds.
"""

from __future__ import annotations

from datetime import datetime

from kakao import MessageKind, ParsedMessage

ME, PARTNER = "ME", "PARTNER"
K = MessageKind

# (who, sent_at, text, kind), in file order; the deleted message (오전 12:06) is not here.
CONVERSATION: list[tuple[str, datetime, str, MessageKind]] = [
    (PARTNER, datetime(2026, 11, 18, 20, 15), "민준씨 오늘 퇴근 잘 했어요?", K.TEXT),
    (ME, datetime(2026, 11, 18, 20, 17), "네 방금 집 도착했어요 ㅎㅎ\n지민씨는요?", K.TEXT),
    (PARTNER, datetime(2026, 11, 18, 20, 18), "저는 아직 회사예요 ㅠㅠ 야근 : 오늘도 확정", K.TEXT),
    (PARTNER, datetime(2026, 11, 18, 20, 18), "이모티콘", K.EMOTICON),
    (ME, datetime(2026, 11, 18, 20, 20), "헐, 고생 많아요. 저녁은 먹었어요?", K.TEXT),
    (PARTNER, datetime(2026, 11, 18, 20, 21), "사진", K.PHOTO),
    (PARTNER, datetime(2026, 11, 18, 20, 21), "편의점 김밥, 라면, 그리고 커피 ㅋㅋ", K.TEXT),
    (ME, datetime(2026, 11, 18, 23, 58), "주말에 시간 괜찮으면\n\n이 전시 같이 볼래요?", K.TEXT),
    (ME, datetime(2026, 11, 18, 23, 59), "https://example.com/exhibition/monet-2026", K.LINK),
    (PARTNER, datetime(2026, 11, 19, 0, 3), "헉 완전 좋아요!!", K.TEXT),  # 오전 12:03
    (PARTNER, datetime(2026, 11, 19, 0, 4), "사진 3장", K.PHOTO),
    (PARTNER, datetime(2026, 11, 19, 0, 5), "파일: 전시_안내.pdf", K.FILE),
    (ME, datetime(2026, 11, 19, 12, 30), "점심 맛있게 먹어요 :)", K.TEXT),  # 오후 12:30
    (PARTNER, datetime(2026, 11, 19, 12, 31), "동영상", K.VIDEO),
    (PARTNER, datetime(2026, 11, 19, 12, 32), '팀장님이 "오늘은 일찍 가" 하셨어요 ㅋㅋ', K.TEXT),
    (PARTNER, datetime(2026, 11, 19, 12, 40), "음성메시지", K.VOICE),
    (ME, datetime(2026, 11, 19, 13, 2), "토요일 2시, 시청역 3번 출구 어때요?\n전시 끝나고 저녁도 같이 먹어요", K.TEXT),
    (PARTNER, datetime(2026, 11, 20, 9, 0), "좋아요 그때 봐요 😊", K.TEXT),
]

# The English-locale placeholders for the same media.
ENGLISH_TEXTS = {
    "이모티콘": "Emoticon",
    "사진": "Photo",
    "사진 3장": "3 photos",
    "파일: 전시_안내.pdf": "File: 전시_안내.pdf",
    "동영상": "Video",
    "음성메시지": "Voice Message",
}

# macOS rows carry seconds.
MACOS_SECONDS = [3, 41, 9, 30, 12, 5, 40, 17, 2, 55, 10, 33, 48, 20, 7, 51, 26, 14]


def expected(
    me: str = "민준",
    partner: str = "지민",
    texts: dict[str, str] | None = None,
    seconds: list[int] | None = None,
) -> list[ParsedMessage]:
    names = {ME: me, PARTNER: partner}
    texts = texts or {}
    result = []
    for index, (who, sent_at, text, kind) in enumerate(CONVERSATION):
        if seconds is not None:
            sent_at = sent_at.replace(second=seconds[index])
        result.append(ParsedMessage(names[who], sent_at, texts.get(text, text), kind))
    return result
