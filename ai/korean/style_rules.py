"""Rules that turn measured figures into words: the tone label, examples and expressions.

Tone (`describe_tone`): the first matching rule for the person's register, where
playful = laughter_ratio ≥ 0.3, warm = share of messages with emoji or emoticons ≥ 0.25,
emotional = crying_ratio ≥ 0.2, terse = average_length < 8, and muted = laughter, emoji or
emoticons and crying each below 0.1.

- 합쇼체: playful or warm → 정중하면서 친근한; terse → 정중하고 간결한; else 정중하고 차분한.
- 해요체: playful or warm → 상냥하고 밝은; emotional → 상냥하고 감성적인;
  terse → 예의 바르고 간결한; else 예의 바르고 차분한.
- 반말, or no decided register: (playful or warm) and emotional → 감정 표현이 풍부한;
  playful and warm → 다정하고 장난스러운; playful → 장난스럽고 유쾌한; warm → 다정하고 부드러운;
  emotional → 솔직하고 감성적인; terse and muted → 짧고 무심한; terse → 짧고 가벼운;
  else 편하고 담백한 (반말) or 담백한 (undecided).
Nothing analysed → 알 수 없음.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from statistics import median

from ai.korean import signals
from ai.korean.endings import Register
from ai.korean.morph import MorphFeatures

UNKNOWN_TONE = "알 수 없음"
PLAYFUL_LAUGHTER = 0.3
WARM_DECORATION = 0.25
EMOTIONAL_CRYING = 0.2
TERSE_LENGTH = 8.0
MUTED_BELOW = 0.1

EXAMPLE_COUNT = 3
MIN_EXAMPLE_CONTENT = 5  # Hangul syllables, Latin letters or digits
EXPRESSION_COUNT = 5
MIN_EXPRESSION_USES = 2


def describe_tone(
    *,
    register: Register | None,
    analysed_count: int,
    laughter_ratio: float,
    decoration_ratio: float,
    crying_ratio: float,
    average_length: float,
) -> str:
    """A short Korean label for the tone, by the table in the module docstring."""
    if analysed_count == 0:
        return UNKNOWN_TONE
    playful = laughter_ratio >= PLAYFUL_LAUGHTER
    warm = decoration_ratio >= WARM_DECORATION
    emotional = crying_ratio >= EMOTIONAL_CRYING
    terse = average_length < TERSE_LENGTH
    muted = max(laughter_ratio, decoration_ratio, crying_ratio) < MUTED_BELOW

    if register is Register.FORMAL:
        if playful or warm:
            return "정중하면서 친근한"
        return "정중하고 간결한" if terse else "정중하고 차분한"
    if register is Register.POLITE:
        if playful or warm:
            return "상냥하고 밝은"
        if emotional:
            return "상냥하고 감성적인"
        return "예의 바르고 간결한" if terse else "예의 바르고 차분한"
    if (playful or warm) and emotional:
        return "감정 표현이 풍부한"
    if playful and warm:
        return "다정하고 장난스러운"
    if playful:
        return "장난스럽고 유쾌한"
    if warm:
        return "다정하고 부드러운"
    if emotional:
        return "솔직하고 감성적인"
    if terse:
        return "짧고 무심한" if muted else "짧고 가벼운"
    return "편하고 담백한" if register is Register.CASUAL else "담백한"


def pick_examples(
    messages: Sequence[str], features: Sequence[MorphFeatures], register: Register
) -> tuple[str, ...]:
    """Up to `EXAMPLE_COUNT` representative messages, most representative first.

    Candidates: no URL and at least `MIN_EXAMPLE_CONTENT` content characters (so ㅋㅋㅋ, 헐,
    네 are skipped; placeholders never reach here). Ranked by: in the person's dominant
    register first, then closest to the median length of all candidates (repeats included),
    then the most recent. Repeated texts appear once.
    """
    latest: dict[str, int] = {}
    lengths: list[int] = []  # every candidate, repeats included, so habits weigh in the median
    for index, text in enumerate(messages):
        if not signals.has_url(text) and signals.content_length(text) >= MIN_EXAMPLE_CONTENT:
            latest[text] = index
            lengths.append(signals.visible_length(text))
    if not latest:
        return ()
    typical = median(lengths)
    ranked = sorted(
        latest.items(),
        key=lambda item: (
            features[item[1]].register is not register,
            abs(signals.visible_length(item[0]) - typical),
            -item[1],
        ),
    )
    return tuple(text for text, _ in ranked[:EXAMPLE_COUNT])


def frequent_expressions(
    messages: Sequence[str], features: Sequence[MorphFeatures]
) -> tuple[str, ...]:
    """The person's habitual endings, trailing marks and interjections.

    Per message, each of these counts once: the deciding sentence-final ending ("~어요",
    "~습니다", "~지"), the laughter/crying/^^/~ the message ends with ("~ㅋㅋ", "~ㅠㅠ"), and
    each interjection or reply word ("헐", "와", "네", "응"). The `EXPRESSION_COUNT` most used
    with at least `MIN_EXPRESSION_USES` uses, most used first, ties in Unicode order.
    """
    uses: Counter[str] = Counter()
    for text, feature in zip(messages, features, strict=True):
        found = set(feature.interjections)
        if feature.ending:
            found.add(f"~{feature.ending}")
        mark = signals.trailing_mark(text)
        if mark:
            found.add(f"~{mark}")
        uses.update(found)
    ranked = sorted(
        ((expr, n) for expr, n in uses.items() if n >= MIN_EXPRESSION_USES),
        key=lambda item: (-item[1], item[0]),
    )
    return tuple(expr for expr, _ in ranked[:EXPRESSION_COUNT])
