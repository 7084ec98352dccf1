"""The local emotion analyser on realistic dating-chat messages, directly and behind the
`EmotionAnalyzer` interface."""

from __future__ import annotations

import pytest

from ai.emotion.local_analyzer import LocalEmotionAnalyzer, analyze_emotion
from ai.emotion.types import EmotionLabel, EmotionLabelScore, Sentiment

E = EmotionLabel

CASES = [
    ("오늘 너무 피곤하다ㅠㅠ", Sentiment.NEGATIVE, E.TIRED),
    ("야근까지 해서 진짜 지쳤어", Sentiment.NEGATIVE, E.TIRED),
    ("ㅇㅇ", Sentiment.NEUTRAL, E.INDIFFERENCE),
    ("그래.", Sentiment.NEUTRAL, E.INDIFFERENCE),
    ("보고 싶어", Sentiment.POSITIVE, E.LONGING),
    ("고마워요ㅠㅠ 덕분에 잘 들어왔어요", Sentiment.POSITIVE, E.GRATITUDE),
    ("왜 연락 안 했어?", Sentiment.NEGATIVE, E.HURT),
    ("팀장님 때문에 짜증나 진짜", Sentiment.NEGATIVE, E.ANNOYANCE),
    ("기분 안 좋아", Sentiment.NEGATIVE, E.SADNESS),
    ("설레서 잠이 안 와요 ㅎㅎ", Sentiment.POSITIVE, E.EXCITEMENT),
    ("답장 늦어서 미안해요", Sentiment.NEGATIVE, E.SORRY),
    ("다음 주 면접 때문에 걱정돼요", Sentiment.NEGATIVE, E.WORRY),
    ("오늘 정말 즐거웠어요 😊", Sentiment.POSITIVE, E.JOY),
    ("헐 당황스럽네;;", Sentiment.NEGATIVE, E.EMBARRASSMENT),
    ("오늘 옷 진짜 예쁘다", Sentiment.POSITIVE, E.AFFECTION),
    ("시험 망했어ㅠ", Sentiment.NEGATIVE, E.SADNESS),
    ("별로 안 설레", Sentiment.NEUTRAL, E.INDIFFERENCE),
]


@pytest.mark.parametrize(("text", "sentiment", "label"), CASES)
def test_sentiment_and_top_label(text: str, sentiment: Sentiment, label: EmotionLabel) -> None:
    reading = analyze_emotion(text)
    assert reading.sentiment is sentiment, reading
    assert reading.top is label, reading


@pytest.mark.parametrize("text", [t for t, _, _ in CASES] + ["주말에 시간 돼요? 영화 보러 갈래요?", "", "   "])
def test_scores_are_shares_and_bounded(text: str) -> None:
    r = analyze_emotion(text)
    s = r.scores
    assert abs(s.positive + s.negative + s.neutral + s.mixed - 1.0) < 1e-6
    assert all(0 <= x <= 1 for x in (s.positive, s.negative, s.neutral, s.mixed))
    assert 0 <= r.intensity <= 1
    assert len(r.labels) <= 3 and all(0 < e.score <= 1 for e in r.labels)
    assert len(r.key_phrases) <= 5 and len(set(r.key_phrases)) == len(r.key_phrases)


def test_invitation_without_feelings_is_not_negative() -> None:
    r = analyze_emotion("주말에 시간 돼요? 영화 보러 갈래요?")
    assert r.sentiment is not Sentiment.NEGATIVE
    assert "주말" in r.key_phrases and "영화" in r.key_phrases


def test_negation_cancels_the_feeling() -> None:
    for text in ("안 피곤해", "피곤하지 않아", "하나도 안 힘들어"):
        r = analyze_emotion(text)
        assert r.score_of(E.TIRED) == 0, text
        assert r.sentiment is not Sentiment.NEGATIVE, text
        assert any(c.startswith("부정") for c in r.cues), text
    assert analyze_emotion("걱정하지 마").score_of(E.WORRY) == 0


def test_negated_positive_turns_negative_or_cold() -> None:
    assert analyze_emotion("기분 안 좋아").sentiment is Sentiment.NEGATIVE
    assert analyze_emotion("관심 없어").top is E.INDIFFERENCE
    assert analyze_emotion("좋아하지 않아").score_of(E.AFFECTION) == 0


def test_lemmas_come_from_the_morphological_analyser() -> None:
    # 보고 싶어 -> 보다 + 싶다 (그리움); 피곤해서 -> 피곤하다
    assert analyze_emotion("너무 보고 싶어서 연락했어").top is E.LONGING
    r = analyze_emotion("피곤해서 먼저 잘게")
    assert r.top is E.TIRED and "피곤하다" in r.key_phrases


def test_wanting_a_thing_is_not_missing_someone() -> None:
    assert analyze_emotion("영화 보고 싶어").score_of(E.LONGING) == 0


def test_intensifiers_and_crying_raise_intensity() -> None:
    plain = analyze_emotion("피곤하다").intensity
    assert analyze_emotion("너무 피곤하다").intensity > plain
    assert analyze_emotion("너무 피곤하다ㅠㅠ").intensity > analyze_emotion("너무 피곤하다").intensity


def test_crying_deepens_gratitude_instead_of_adding_sadness() -> None:
    r = analyze_emotion("고마워ㅠㅠ")
    assert r.top is E.GRATITUDE and r.sentiment is Sentiment.POSITIVE


def test_feeling_asked_about_the_listener_reads_as_care() -> None:
    r = analyze_emotion("많이 피곤해요?")
    assert r.score_of(E.TIRED) == 0 and r.top is E.WORRY


def test_mixed_feelings() -> None:
    assert analyze_emotion("좋은데 좀 서운해").sentiment is Sentiment.MIXED


def test_dry_answer_is_low_interest_but_laughing_one_is_not() -> None:
    dry = analyze_emotion("응")
    assert dry.top is E.INDIFFERENCE and any(c.startswith("단답") for c in dry.cues)
    warm = analyze_emotion("응ㅎㅎ")
    assert warm.score_of(E.INDIFFERENCE) == 0 and warm.sentiment is Sentiment.POSITIVE


def test_labels_have_korean_names() -> None:
    assert E.EXCITEMENT.korean == "설렘" and E.HURT.korean == "서운함" and E.INDIFFERENCE.korean == "무관심"
    assert {e.korean for e in E} >= {"설렘", "기쁨", "호감", "고마움", "서운함", "걱정", "피곤함", "짜증", "슬픔", "미안함", "당황", "무관심"}


@pytest.fixture(scope="module")
async def analyzer():
    analyzer = LocalEmotionAnalyzer()
    await analyzer.warm_up()
    return analyzer


async def test_the_local_analyser_reads_domain_emotions(analyzer):
    result = await analyzer.analyze("오늘 야근해서 너무 피곤해 ㅠㅠ")

    assert result.source == "lexicon"
    assert result.sentiment is Sentiment.NEGATIVE
    assert result.labels[0] == EmotionLabelScore("TIRED", "피곤함", result.labels[0].score)
    assert abs(sum(result.scores.values()) - 1) < 0.01
    assert "야근" in result.key_phrases
    assert await analyzer.analyze("오늘 야근해서 너무 피곤해 ㅠㅠ") == result
