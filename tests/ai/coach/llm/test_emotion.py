"""The model's emotion reading combined with the measured one, or standing alone."""

from __future__ import annotations

from ai.coach.llm.answer.emotion import ModelEmotion, combine_with_model, from_model_only, label_score
from ai.emotion.types import EmotionLabelScore, EmotionResult, Sentiment

MEASURED = EmotionResult(
    sentiment=Sentiment.NEGATIVE,
    scores={Sentiment.POSITIVE: 0.1, Sentiment.NEGATIVE: 0.6, Sentiment.NEUTRAL: 0.3, Sentiment.MIXED: 0.0},
    labels=(EmotionLabelScore("TIRED", "피곤함", 0.75), EmotionLabelScore("HURT", "서운함", 0.25)),
    intensity=0.6,
    key_phrases=("야근",),
    source="comprehend+lexicon",
)


def test_combining_averages_labels_and_intensity_and_keeps_the_measured_sentiment():
    model = ModelEmotion(Sentiment.MIXED, (("서운함", 0.6), ("피곤함", 0.4), ("기대감", 0.9)), 0.8)

    combined = combine_with_model(MEASURED, model)

    assert combined.source == "comprehend+lexicon+model"
    assert combined.sentiment is Sentiment.NEGATIVE and combined.scores == MEASURED.scores
    # 피곤함 (0.75 + 0.4) / 2, 서운함 (0.25 + 0.6) / 2, renormalised; 기대감 is not one of ours.
    assert combined.labels == (EmotionLabelScore("TIRED", "피곤함", 0.575), EmotionLabelScore("HURT", "서운함", 0.425))
    assert combined.intensity == 0.7
    assert combined.key_phrases == ("야근",)


def test_without_a_model_reading_the_measured_result_stands():
    assert combine_with_model(MEASURED, None) is MEASURED
    only_intensity = combine_with_model(MEASURED, ModelEmotion(None, (), 0.2))
    assert only_intensity.labels == MEASURED.labels and only_intensity.intensity == 0.4


def test_from_the_model_alone_or_nothing():
    result = from_model_only(ModelEmotion(Sentiment.POSITIVE, (("설렘", 0.9), ("기쁨", 0.1)), 0.7))
    assert result.source == "model" and result.sentiment is Sentiment.POSITIVE
    assert result.scores[Sentiment.POSITIVE] == 1.0
    assert [label.key for label in result.labels] == ["EXCITEMENT", "JOY"]
    blank = from_model_only(None)
    assert (blank.source, blank.sentiment, blank.labels) == ("none", Sentiment.NEUTRAL, ())


def test_label_names_map_to_keys():
    assert label_score("설렘", 0.5) == EmotionLabelScore("EXCITEMENT", "설렘", 0.5)
    assert label_score(" 서운함 ", 1) == EmotionLabelScore("HURT", "서운함", 1)
    assert label_score("기대감", 0.5) is None
