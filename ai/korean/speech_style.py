"""A person's texting style (말투), measured from their own messages.

`analyze_speech` takes one person's messages, oldest first, and returns a `SpeechStyle`.

Two populations, so that 10,000 messages stay cheap:
- Character signs (emoji, emoticons, laughter, crying) are counted over every message; their
  ratios are shares of ``message_count``. Media placeholders from a KakaoTalk export (사진,
  동영상, 이모티콘 …) count as messages, and a sticker ("이모티콘") counts as an emoticon
  message (`ai.korean.signals` documents every sign).
- Morphology (formality, questions, endings, examples) runs on the latest `MORPH_SAMPLE_SIZE`
  text messages, placeholders excluded: ``analysed_count``. Those ratios are shares of it.

Formality: every analysed message takes the speech level of its last decidable sentence
(`ai.korean.endings`); messages with none (ㅋㅋㅋ, 헐 대박, 진짜?) stay undecided, so the three
shares may sum to less than 1. CASUAL when casual_ratio > formal_ratio + polite_ratio
(반말 is the majority of decided messages); otherwise FORMAL when formal_ratio > polite_ratio,
else SEMI_FORMAL. Ties lean polite on purpose: a coach mirroring the person should err towards
courtesy. With no decided message the result is SEMI_FORMAL, 해요체 being the neutral register
between people who do not know each other well.

The tone label, the examples and the frequent expressions follow the rules documented in
`ai.korean.style_rules`. Ratios are rounded to 4 decimals and ``average_length`` to 2.
No input (or only blank messages) gives `EMPTY_STYLE`: zero counts and ratios, SEMI_FORMAL,
tone "알 수 없음".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from ai.korean import signals
from ai.korean.endings import Register
from ai.korean.morph import morph_features_many
from ai.korean.style_rules import (
    UNKNOWN_TONE,
    describe_tone,
    frequent_expressions,
    pick_examples,
)

MORPH_SAMPLE_SIZE = 2000
TOP_EMOJI = 5


class Formality(Enum):
    FORMAL = "FORMAL"  # 합쇼체 dominates
    SEMI_FORMAL = "SEMI_FORMAL"  # 해요체 dominates
    CASUAL = "CASUAL"  # 반말 dominates


@dataclass(frozen=True)
class SpeechStyle:
    formality: Formality
    formal_ratio: float  # 합쇼체 messages / analysed_count
    polite_ratio: float  # 해요체 messages / analysed_count
    casual_ratio: float  # 반말 messages / analysed_count
    emoji_ratio: float  # messages with at least one emoji / message_count
    emoticon_ratio: float  # messages with a typed emoticon or a sticker / message_count
    laughter_ratio: float  # messages with laughter / message_count
    crying_ratio: float  # messages with crying / message_count
    question_ratio: float  # messages that ask / analysed_count
    average_length: float  # visible characters per text message (placeholders excluded)
    message_count: int  # non-blank messages given
    analysed_count: int  # latest text messages that went through morphology
    typical_tone: str
    examples: tuple[str, ...]  # most representative first
    frequent_expressions: tuple[str, ...]  # "~어요", "~ㅋㅋ", "헐", "네" … most used first
    frequent_emoji: tuple[str, ...]  # most used first


EMPTY_STYLE = SpeechStyle(
    formality=Formality.SEMI_FORMAL,
    formal_ratio=0.0,
    polite_ratio=0.0,
    casual_ratio=0.0,
    emoji_ratio=0.0,
    emoticon_ratio=0.0,
    laughter_ratio=0.0,
    crying_ratio=0.0,
    question_ratio=0.0,
    average_length=0.0,
    message_count=0,
    analysed_count=0,
    typical_tone=UNKNOWN_TONE,
    examples=(),
    frequent_expressions=(),
    frequent_emoji=(),
)

_REGISTER_OF = {
    Formality.FORMAL: Register.FORMAL,
    Formality.SEMI_FORMAL: Register.POLITE,
    Formality.CASUAL: Register.CASUAL,
}


def analyze_speech(texts: Sequence[str], *, sample_size: int = MORPH_SAMPLE_SIZE) -> SpeechStyle:
    """Measure the texting style of one person's messages, given oldest first."""
    messages = [text.strip() for text in texts if text.strip()]
    if not messages:
        return EMPTY_STYLE
    count = len(messages)
    written = [m for m in messages if not signals.is_media_placeholder(m)]
    sample = written[-sample_size:] if sample_size > 0 else []
    features = morph_features_many(sample)
    analysed = len(sample)

    registers = Counter(f.register for f in features)
    formality = decide_formality(
        registers[Register.FORMAL], registers[Register.POLITE], registers[Register.CASUAL]
    )
    register = _REGISTER_OF[formality]

    signs = _count_signs(messages)
    laughter = _share(signs.laughter, count)
    crying = _share(signs.crying, count)
    lengths = [signals.visible_length(m) for m in written]
    average_length = round(sum(lengths) / len(lengths), 2) if lengths else 0.0
    decided = analysed - registers[None]

    return SpeechStyle(
        formality=formality,
        formal_ratio=_share(registers[Register.FORMAL], analysed),
        polite_ratio=_share(registers[Register.POLITE], analysed),
        casual_ratio=_share(registers[Register.CASUAL], analysed),
        emoji_ratio=_share(signs.emoji, count),
        emoticon_ratio=_share(signs.emoticon, count),
        laughter_ratio=laughter,
        crying_ratio=crying,
        question_ratio=_share(sum(f.is_question for f in features), analysed),
        average_length=average_length,
        message_count=count,
        analysed_count=analysed,
        typical_tone=describe_tone(
            register=register if decided else None,
            analysed_count=analysed,
            laughter_ratio=laughter,
            decoration_ratio=_share(signs.decorated, count),
            crying_ratio=crying,
            average_length=average_length,
        ),
        examples=pick_examples(sample, features, register),
        frequent_expressions=frequent_expressions(sample, features),
        frequent_emoji=tuple(e for e, _ in _most_common(signs.emoji_uses)[:TOP_EMOJI]),
    )


def decide_formality(formal: float, polite: float, casual: float) -> Formality:
    """The rule in the module docstring, on counts or shares of 합쇼체, 해요체 and 반말."""
    if casual > formal + polite:
        return Formality.CASUAL
    if formal > polite:
        return Formality.FORMAL
    return Formality.SEMI_FORMAL


@dataclass
class _Signs:
    """How many messages carry each character-level sign."""

    emoji: int = 0
    emoticon: int = 0
    decorated: int = 0  # emoji or emoticon
    laughter: int = 0
    crying: int = 0
    emoji_uses: Counter[str] = field(default_factory=Counter)  # messages using each emoji


def _count_signs(messages: Sequence[str]) -> _Signs:
    signs = _Signs()
    for message in messages:
        emoji = set(signals.emoji_sequences(message))
        emoticon = signals.has_emoticon(message)
        signs.emoji_uses.update(emoji)
        signs.emoji += bool(emoji)
        signs.emoticon += emoticon
        signs.decorated += bool(emoji) or emoticon
        signs.laughter += signals.has_laughter(message)
        signs.crying += signals.has_crying(message)
    return signs


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _most_common(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
