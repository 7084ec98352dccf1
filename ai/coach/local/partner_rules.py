"""A `PartnerInsight` by deterministic rules, for the local engine.

- Traits: one per MBTI letter (E/I, S/N, T/F, J/P), then what the measured speech style shows
  (laughs a lot, rich in emoji, asks often, long or short messages, polite), then the tone of
  their messages from the lexicon (mostly bright, opens up about feelings). At most six.
- Communication style: one or two Korean sentences from the formality, the tone label, the
  emoji and laughter habits and the length, plus the user's own words about it when given.
- Topics that work: the profile's interests first, then nouns the partner uses at least twice
  (Kiwi NNG/NNP, two syllables or more, stop words out), at most six.
- Cautions: a partner who keeps to 존댓말 (switching to 반말 first may feel pushy); a slow
  replier (median reply time over an hour, from at least three replies in ``history``); many dry
  one-word answers; almost no emoji; the relationship stage (blind date, ex, crush).

``analyse_partner`` is CPU-bound (Kiwi); the engine runs it on the Kiwi thread.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import timedelta

from ai.coach.reply_timing import median_reply_delay
from ai.coach.types import ChatLine, PartnerProfile
from ai.emotion.lexicon import DRY_REPLIES, dry_key
from ai.emotion.local_analyzer import analyze_emotion
from ai.emotion.types import Sentiment
from ai.korean.morph import analyse
from ai.korean.speech_style import Formality, SpeechStyle

MAX_TRAITS = 6
MAX_TOPICS = 6
EMOTION_SAMPLE = 60
SLOW_REPLY = timedelta(hours=1)

_MBTI = {
    "E": "사람들과 어울리며 에너지를 얻는 외향적인 편",
    "I": "혼자만의 시간도 소중히 여기는 차분한 편",
    "S": "현실적이고 구체적인 이야기를 좋아하는 편",
    "N": "상상력이 풍부하고 새로운 아이디어를 즐기는 편",
    "T": "논리적이고 솔직하게 말하는 편",
    "F": "공감과 감정 표현을 중요하게 여기는 편",
    "J": "계획을 세우고 약속을 잘 지키는 편",
    "P": "즉흥적이고 상황에 유연하게 맞추는 편",
}
_STOP_NOUNS = frozenset(
    {"오늘", "내일", "어제", "지금", "진짜", "정말", "그냥", "완전", "우리", "저희", "이거", "그거", "저거",
     "사진", "동영상", "이모티콘", "시간", "생각", "사람", "얘기", "이야기", "하루", "다음", "나중", "요즘"}
)
_FORMALITY_WORDS = {
    Formality.FORMAL: "합쇼체(…습니다)를 주로 쓰는 정중한 말투",
    Formality.SEMI_FORMAL: "해요체를 주로 쓰는 부드러운 존댓말",
    Formality.CASUAL: "편한 반말",
}
_STAGE_CAUTIONS = {
    "BLIND_DATE": "아직 서로 알아가는 단계라 너무 빠른 진도나 사적인 질문은 부담스러울 수 있어요.",
    "EX": "전 연인이라 지난 연애 이야기는 상대가 먼저 꺼내기 전까지 피하는 게 좋아요.",
    "CRUSH": "짝사랑 단계라 마음을 한꺼번에 보여 주기보다 편한 대화를 쌓아 가는 게 좋아요.",
}


def analyse_partner(
    profile: PartnerProfile,
    partner_messages: Sequence[str],
    style: SpeechStyle | None,
    history: Sequence[ChatLine] = (),
) -> tuple[tuple[str, ...], str, tuple[str, ...], tuple[str, ...]]:
    """(personality_traits, communication_style, topics_that_work, cautions)."""
    messages = [m.strip() for m in partner_messages if m and m.strip()]
    traits = _traits(profile, messages, style)
    return traits, _style(profile, style), _topics(profile, messages), _cautions(profile, messages, style, history)


def _traits(profile: PartnerProfile, messages: list[str], style: SpeechStyle | None) -> tuple[str, ...]:
    out = [_MBTI[letter] for letter in (profile.mbti or "").upper()[:4] if letter in _MBTI]
    if style is not None and style.message_count >= 5:
        if style.laughter_ratio >= 0.3:
            out.append("잘 웃고 리액션이 좋은 편")
        if style.emoji_ratio + style.emoticon_ratio >= 0.3:
            out.append("이모지와 이모티콘으로 감정을 풍부하게 표현하는 편")
        if style.question_ratio >= 0.3:
            out.append("질문을 자주 하며 상대에게 관심을 보이는 편")
        if style.average_length >= 30:
            out.append("생각을 길고 자세하게 풀어 말하는 편")
        elif 0 < style.average_length <= 8:
            out.append("짧고 간결하게 말하는 편")
        if style.formality is Formality.FORMAL:
            out.append("예의와 격식을 중요하게 여기는 편")
    sample = messages[-EMOTION_SAMPLE:]
    if len(sample) >= 5:
        readings = [analyze_emotion(m) for m in sample]
        positive = sum(r.sentiment is Sentiment.POSITIVE for r in readings) / len(readings)
        negative = sum(r.sentiment is Sentiment.NEGATIVE for r in readings) / len(readings)
        if positive >= 0.4:
            out.append("대체로 밝고 긍정적인 분위기로 대화하는 편")
        if negative >= 0.3:
            out.append("힘든 일이나 감정을 솔직하게 털어놓는 편")
    if not out:
        out.append("아직 대화가 적어 성격을 판단하기 이른 편")
    return tuple(dict.fromkeys(out))[:MAX_TRAITS]


def _style(profile: PartnerProfile, style: SpeechStyle | None) -> str:
    if style is None or style.message_count == 0:
        base = "아직 분석할 메시지가 적어 말투를 판단하기 어려워요."
    else:
        habits = []
        if style.emoji_ratio >= 0.2:
            habits.append("이모지를 자주 쓰고")
        elif style.emoji_ratio < 0.05:
            habits.append("이모지는 거의 쓰지 않고")
        if style.laughter_ratio >= 0.2:
            habits.append("ㅋㅋ·ㅎㅎ로 자주 웃으며")
        length = "길게" if style.average_length >= 30 else "짧게" if style.average_length <= 10 else "적당한 길이로"
        tone = f" 전체적으로 {style.typical_tone} 느낌이에요." if style.typical_tone and style.typical_tone != "알 수 없음" else ""
        base = f"{_FORMALITY_WORDS[style.formality]}로, {' '.join(habits)} {length} 말하는 편이에요.{tone}".replace("  ", " ")
    if profile.communication_style and profile.communication_style.strip():
        base += f" 사용자가 본 모습: {profile.communication_style.strip()[:200]}"
    return base


def _topics(profile: PartnerProfile, messages: list[str]) -> tuple[str, ...]:
    topics = [i.strip() for i in profile.interests if i and i.strip()]
    counts: Counter[str] = Counter()
    for message in messages[-500:]:
        seen = {m.form for m in analyse(message) if m.is_noun and len(m.form) >= 2 and m.form not in _STOP_NOUNS}
        counts.update(seen)
    ranked = sorted((n for n, c in counts.items() if c >= 2), key=lambda n: (-counts[n], n))
    return tuple(dict.fromkeys([*topics, *ranked]))[:MAX_TOPICS]


def _cautions(
    profile: PartnerProfile, messages: list[str], style: SpeechStyle | None, history: Sequence[ChatLine]
) -> tuple[str, ...]:
    out = []
    if style is not None and style.message_count >= 5:
        if style.formality is not Formality.CASUAL and style.casual_ratio < 0.1:
            out.append("상대가 존댓말을 꾸준히 써요. 먼저 반말로 바꾸면 부담스러울 수 있으니 자연스럽게 물어보고 바꾸세요.")
        if style.emoji_ratio + style.emoticon_ratio < 0.05:
            out.append("이모지를 거의 쓰지 않아요. 이모지를 많이 붙이면 가벼워 보일 수 있어요.")
    delay = median_reply_delay(history)
    if delay is not None and delay >= SLOW_REPLY:
        out.append(f"답장이 느린 편이에요(보통 {_duration(delay)} 뒤). 답이 늦어도 재촉하거나 연달아 보내지 마세요.")
    if len(messages) >= 5:
        dry = sum(dry_key(m) in DRY_REPLIES for m in messages[-100:]) / len(messages[-100:])
        if dry >= 0.3:
            out.append("단답이 잦은 편이에요. 긴 질문보다 가볍게 답할 수 있는 질문 하나씩이 좋아요.")
    if profile.relationship in _STAGE_CAUTIONS:
        out.append(_STAGE_CAUTIONS[profile.relationship])
    return tuple(out)


def _duration(delay: timedelta) -> str:
    minutes = round(delay.total_seconds() / 60)
    if minutes < 60:
        return f"{minutes}분"
    hours, rest = divmod(minutes, 60)
    return f"{hours}시간" + (f" {rest}분" if rest >= 10 else "")
