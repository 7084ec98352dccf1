from __future__ import annotations

import enum

import strawberry

from ai.korean.speech_style import SpeechStyle as SpeechModel


@strawberry.enum(description="How formally someone writes, from Korean sentence endings.")
class Formality(enum.Enum):
    FORMAL = strawberry.enum_value("FORMAL", description="합쇼체 (-습니다) dominates")
    SEMI_FORMAL = strawberry.enum_value("SEMI_FORMAL", description="해요체 (-요) dominates")
    CASUAL = strawberry.enum_value("CASUAL", description="반말 dominates")


@strawberry.type(description="A texting style (말투) measured from someone's own messages.")
class SpeechStyle:
    formality: Formality
    formal_ratio: float = strawberry.field(description="Share of analysed messages in 합쇼체.")
    polite_ratio: float = strawberry.field(description="Share of analysed messages in 해요체.")
    casual_ratio: float = strawberry.field(description="Share of analysed messages in 반말.")
    emoji_ratio: float
    emoticon_ratio: float
    laughter_ratio: float = strawberry.field(description="Messages with ㅋ/ㅎ laughter.")
    crying_ratio: float = strawberry.field(description="Messages with ㅠ/ㅜ crying.")
    question_ratio: float
    average_length: float
    message_count: int
    typical_tone: str
    examples: list[str]
    frequent_expressions: list[str]
    frequent_emoji: list[str]

    @classmethod
    def from_model(cls, style: SpeechModel | None) -> SpeechStyle | None:
        if style is None:
            return None
        return cls(
            formality=Formality(style.formality.value),
            formal_ratio=style.formal_ratio,
            polite_ratio=style.polite_ratio,
            casual_ratio=style.casual_ratio,
            emoji_ratio=style.emoji_ratio,
            emoticon_ratio=style.emoticon_ratio,
            laughter_ratio=style.laughter_ratio,
            crying_ratio=style.crying_ratio,
            question_ratio=style.question_ratio,
            average_length=style.average_length,
            message_count=style.message_count,
            typical_tone=style.typical_tone,
            examples=list(style.examples),
            frequent_expressions=list(style.frequent_expressions),
            frequent_emoji=list(style.frequent_emoji),
        )
