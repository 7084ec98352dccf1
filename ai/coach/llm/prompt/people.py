"""Who they are, in Korean: the partner (profile, stored insight), the user, speech styles.

MBTI and gender are left out on purpose: the coach reads people from what they write, and the
rules forbid explaining anyone by a type or a gender (what the model is not told, it cannot
stereotype).
"""

from __future__ import annotations

from ai.coach.llm.prompt.text import data
from ai.coach.types import PartnerInsight, PartnerProfile, UserProfile
from ai.korean.speech_style import Formality, SpeechStyle

RELATIONSHIPS = {
    "SOME": "썸 타는 사이",
    "BLIND_DATE": "소개팅으로 만난 사이",
    "DATING": "연인",
    "FRIEND": "친구",
    "EX": "전 연인",
    "CRUSH": "사용자의 짝사랑",
}
FORMALITY = {
    Formality.FORMAL: "합쇼체(…습니다/…습니까) 위주",
    Formality.SEMI_FORMAL: "해요체(…요) 위주",
    Formality.CASUAL: "반말 위주",
}


def partner_name(partner: PartnerProfile) -> str:
    return data(partner.name, 40) or "상대"


def describe_partner(partner: PartnerProfile) -> str:
    lines = [f"이름: {partner_name(partner)}"]
    lines.append(f"관계: {RELATIONSHIPS.get(partner.relationship or '', data(partner.relationship, 40))}")
    if partner.age:
        lines.append(f"나이: {partner.age}세")
    if partner.interests:
        lines.append("관심사: " + ", ".join(data(i, 40) for i in partner.interests[:15] if i.strip()))
    if partner.description:
        lines.append(f"사용자가 적은 소개: {data(partner.description)}")
    if partner.communication_style:
        lines.append(f"사용자가 본 상대의 대화 스타일: {data(partner.communication_style)}")
    return "\n".join(lines)


def describe_insight(insight: PartnerInsight) -> str:
    lines = []
    if insight.personality_traits:
        lines.append("성격: " + ", ".join(data(t, 80) for t in insight.personality_traits))
    if insight.communication_style:
        lines.append(f"대화 스타일: {data(insight.communication_style)}")
    if insight.topics_that_work:
        lines.append("잘 통하는 주제: " + ", ".join(data(t, 80) for t in insight.topics_that_work))
    if insight.cautions:
        lines.append("주의할 점: " + ", ".join(data(t, 120) for t in insight.cautions))
    return "\n".join(lines)


def describe_me(me: UserProfile) -> str:
    lines = []
    if me.nickname:
        lines.append(f"닉네임: {data(me.nickname, 40)}")
    if me.age:
        lines.append(f"나이: {me.age}세")
    if me.bio:
        lines.append(f"소개: {data(me.bio)}")
    return "\n".join(lines)


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def describe_style(style: SpeechStyle) -> str:
    """A measured style on a few lines (the examples are the person's own messages)."""
    lines = [
        f"{FORMALITY[style.formality]} (합쇼체 {_percent(style.formal_ratio)}, 해요체 {_percent(style.polite_ratio)}, "
        f"반말 {_percent(style.casual_ratio)}; 메시지 {style.message_count}개)",
        f"이모지 {_percent(style.emoji_ratio)}"
        + (f"({' '.join(style.frequent_emoji[:4])})" if style.frequent_emoji else "")
        + f", ㅋㅋ/ㅎㅎ {_percent(style.laughter_ratio)}, ㅠㅠ {_percent(style.crying_ratio)}, "
        f"질문 {_percent(style.question_ratio)}, 평균 {style.average_length:g}자",
    ]
    if style.typical_tone:
        lines.append(f"말투: {data(style.typical_tone, 100)}")
    if style.frequent_expressions:
        lines.append("자주 쓰는 표현: " + ", ".join(data(e, 30) for e in style.frequent_expressions[:6]))
    if style.examples:
        lines.append("예시: " + " / ".join(f'"{data(e, 80)}"' for e in style.examples[:3]))
    return "\n".join(lines)
