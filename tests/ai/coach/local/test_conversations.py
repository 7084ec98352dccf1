"""The local engine on realistic conversations. Run with ``-s`` to read the drafts.

Each case is a short KakaoTalk-style exchange; the last partner message is analysed with the
earlier lines as context, and the test asserts what a good coach would get right.
"""

from __future__ import annotations

import re
from datetime import datetime

from ai.coach.local.context import ReplyContext
from ai.coach.local.intent import detect_intent
from ai.coach.local.readings import Intent
from ai.coach.local.replies import compose_replies
from ai.coach.local.style_mirror import StyleSnapshot
from ai.coach.types import ChatLine, PartnerProfile, RiskLevel, Sender
from ai.emotion.local_analyzer import analyze_emotion
from ai.emotion.types import EmotionLabel

ME, PARTNER = Sender.ME, Sender.PARTNER
CASUAL_YO = re.compile(r"요(?=[\s?!.,~]|$)")


def coach(title: str, partner: PartnerProfile, lines: list[ChatLine], message: str, sent_at: datetime, **kw):
    emotion = analyze_emotion(message)
    previous_mine = next((l.text for l in reversed(lines) if l.sender is ME), None)
    intent = detect_intent(message, sent_at=sent_at, emotion=emotion, previous_mine=previous_mine)
    drafts = compose_replies(
        ReplyContext(
            message=message, intent=intent, emotion=emotion, partner=partner, recent=lines, sent_at=sent_at, **kw
        )
    )
    print(f"\n### {title}")
    for line in lines:
        who = "나" if line.sender is ME else partner.name
        print(f"  {who}: {line.text}")
    print(f"  {partner.name}: {message}   ← 분석")
    labels = ", ".join(f"{e.label.korean} {e.score:.2f}" for e in emotion.labels) or "-"
    print(f"  감정: {emotion.sentiment.name} ({labels}), 강도 {emotion.intensity:.2f}, 핵심어 {list(emotion.key_phrases)}")
    print(f"  의도: {intent.primary.name} {[h.intent.name for h in intent.secondary]} — {intent.interpretation}")
    for d in drafts:
        print(f"  [{d.risk.name} {d.confidence:.2f}] {d.text}\n      └ {d.explanation}")
    return emotion, intent, {d.risk: d for d in drafts}


def at(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 11, day, hour, minute)


def test_some_veiled_weekend_invitation() -> None:
    partner = PartnerProfile(name="지민", relationship="SOME", interests=("러닝", "카페 투어"), mbti="ENFP")
    lines = [
        ChatLine(PARTNER, "오늘 회사 일 겨우 끝났어요 ㅎㅎ", at(18, 21, 10)),
        ChatLine(ME, "고생 많았어요! 저녁은 먹었어요?", at(18, 21, 12)),
        ChatLine(PARTNER, "네 방금 먹었어요 ㅎㅎ 편의점 김밥이지만요", at(18, 21, 15)),
        ChatLine(ME, "헉 김밥이라니 내일은 맛있는 거 먹어요", at(18, 21, 16)),
    ]
    emotion, intent, d = coach("썸: 주말 일정을 묻는 지민", partner, lines, "이번 주말에 뭐 해요? ㅎㅎ", at(18, 21, 20))
    assert intent.primary is Intent.INVITATION and intent.indirect
    assert "돌려서" in intent.interpretation
    assert all(re.search(r"요(?=[\s?!]|$)", x.text) for x in d.values())  # 해요체 throughout
    assert sum("ㅎㅎ" in x.text for x in d.values()) >= 2 and not any("ㅋ" in x.text for x in d.values())
    assert "러닝" in d[RiskLevel.BOLD].text and "?" in d[RiskLevel.BOLD].text  # a concrete proposal
    assert "?" in d[RiskLevel.BALANCED].text


def test_blind_date_thanks_the_morning_after() -> None:
    partner = PartnerProfile(name="박서연", relationship="BLIND_DATE", interests=("전시회", "와인"))
    lines = [
        ChatLine(ME, "오늘 즐거웠어요! 조심히 들어가세요", at(21, 22, 5)),
        ChatLine(PARTNER, "덕분에 즐거웠어요. 잘 들어왔어요 😊", at(21, 22, 40)),
        ChatLine(ME, "다행이에요 푹 쉬세요", at(21, 22, 41)),
    ]
    style = StyleSnapshot(formality="SEMI_FORMAL", emoji_ratio=0.35, laughter_ratio=0.0, message_count=14)
    emotion, intent, d = coach(
        "소개팅 다음 날: 고맙다는 서연",
        partner,
        lines,
        "어제 정말 감사했어요. 파스타 집도 너무 좋았어요 😊",
        at(22, 12, 10),
        partner_style=style,
    )
    assert intent.primary is Intent.THANKS and emotion.top in (EmotionLabel.GRATITUDE, EmotionLabel.JOY)
    assert all(re.search(r"요(?=[\s?!😊]|$)", x.text) for x in d.values())
    assert not any(re.search(r"[ㅋㅎ]{2}", x.text) for x in d.values())  # she never laughs in text
    assert any("😊" in x.text for x in d.values())
    assert "즐거웠" in d[RiskLevel.SAFE].text  # answers the date, not a favour
    bold = d[RiskLevel.BOLD]
    assert "다음" in bold.text and "지금" not in bold.text  # a second meeting, without pressure
    assert bold.confidence < d[RiskLevel.SAFE].confidence


def test_partner_exhausted_then_hurt() -> None:
    partner = PartnerProfile(name="유나", relationship="DATING", mbti="ISFJ")
    lines = [
        ChatLine(PARTNER, "오늘 진짜 최악이었어", at(19, 23, 30)),
        ChatLine(ME, "왜 무슨 일 있었어?", at(19, 23, 31)),
    ]
    message = "팀장님이 보고서 세 번이나 다시 하래ㅠㅠ 야근까지 해서 너무 피곤해"
    emotion, intent, d = coach("연인: 야근으로 지친 유나", partner, lines, message, at(19, 23, 33))
    assert emotion.sentiment.name == "NEGATIVE" and emotion.top is EmotionLabel.TIRED
    assert intent.primary is Intent.VENTING and "야근" in intent.interpretation
    assert all(not CASUAL_YO.search(x.text) for x in d.values())  # 반말 between them
    assert not any(re.search(r"[ㅋㅎ]{2}", x.text) for x in d.values())
    assert any("ㅠㅠ" in x.text for x in d.values())
    assert any("야근" in x.text for x in d.values())
    assert re.search(r"갈까|볼까|갈게", d[RiskLevel.BOLD].text)  # shows up for her

    lines += [ChatLine(PARTNER, message, at(19, 23, 33)), ChatLine(ME, "고생했어 진짜", at(19, 23, 50))]
    emotion, intent, d = coach(
        "연인: 연락이 없어 서운한 유나", partner, lines, "근데 오늘 하루 종일 연락도 없고 좀 서운했어", at(19, 23, 52)
    )
    assert intent.primary is Intent.COMPLAINT and emotion.top is EmotionLabel.HURT
    assert all("미안" in x.text for x in d.values())  # every option owns it
    assert not any(re.search(r"[ㅋㅎ]{2}", x.text) for x in d.values())


def test_friend_shares_good_news_and_makes_plans() -> None:
    partner = PartnerProfile(name="도윤", relationship="FRIEND", interests=("야구", "치킨"))
    style = StyleSnapshot(formality="CASUAL", laughter_ratio=0.7, message_count=60)
    lines = [ChatLine(ME, "야 결과 나왔어?", at(20, 18, 0))]
    emotion, intent, d = coach("친구: 합격 소식", partner, lines, "야 나 합격했어!!! ㅋㅋㅋㅋ", at(20, 18, 3), partner_style=style)
    assert intent.primary is Intent.SHARING_NEWS and emotion.sentiment.name == "POSITIVE"
    assert all(not CASUAL_YO.search(x.text) for x in d.values())
    assert sum("ㅋㅋ" in x.text for x in d.values()) >= 2
    assert "축하" in d[RiskLevel.SAFE].text or "축하" in d[RiskLevel.BALANCED].text

    lines += [ChatLine(PARTNER, "야 나 합격했어!!! ㅋㅋㅋㅋ", at(20, 18, 3)), ChatLine(ME, "미쳤다 축하해!!", at(20, 18, 4))]
    emotion, intent, d = coach(
        "친구: 토요일 한강 제안", partner, lines, "ㅋㅋㅋ 토요일에 한강 가서 치킨 먹자", at(20, 18, 5), partner_style=style
    )
    assert intent.primary is Intent.INVITATION
    assert "토요일" in d[RiskLevel.SAFE].text or "토요일" in d[RiskLevel.BALANCED].text
    assert "치킨" in d[RiskLevel.BOLD].text  # picks up the plan he already made
