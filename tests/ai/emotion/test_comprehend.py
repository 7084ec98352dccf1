"""Comprehend: byte truncation, and the analyser through aioboto3 against moto and the stand-in.

moto implements DetectSentiment and DetectKeyPhrases, but with canned answers (always NEUTRAL,
key phrases without text) and a size check in characters, not bytes; it proves the calls and
the answer parsing work against a real implementation of the protocol. The stand-in
(`tests.support.standins.comprehend_server`) enforces the limits in UTF-8 bytes as AWS does, answers
what a test scripts, fails on request and records what it received.
"""

from __future__ import annotations

import logging
import random

import aioboto3
import pytest

from ai.emotion.comprehend import DETECT_SENTIMENT_MAX_BYTES, ComprehendAnalyzer, truncate_utf8
from ai.emotion.local_analyzer import warm_up_local_analysis
from ai.emotion.types import Sentiment
from tests.support.standins.comprehend_server import ComprehendStandIn
from tests.support.moto_server import moto_server  # noqa: F401  (fixture)

SESSION = aioboto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing")


# --- truncation ------------------------------------------------------------------------------


def size(text: str) -> int:
    return len(text.encode("utf-8"))


def test_short_text_is_untouched():
    assert truncate_utf8("주말에 뭐 해요? 😊") == "주말에 뭐 해요? 😊"
    assert truncate_utf8("") == ""


def test_korean_is_cut_at_5000_bytes_not_5000_characters():
    text = "가" * 3000  # 9,000 bytes
    cut = truncate_utf8(text)
    assert len(cut) == 1666  # 4,998 bytes; a 1,667th syllable would make 5,001
    assert size(cut) == 4998
    assert truncate_utf8("가" * 1666) == "가" * 1666
    assert truncate_utf8("가" * 1667) == "가" * 1666


def test_a_four_byte_emoji_at_the_boundary_is_dropped_whole():
    text = "a" * 4998 + "😊" + "뒤"
    assert truncate_utf8(text) == "a" * 4998
    text = "a" * 4996 + "😊" + "뒤"
    assert truncate_utf8(text) == "a" * 4996 + "😊"  # exactly 5,000 bytes
    text = "가" * 1665 + "😊😊"  # 4,995 + 4 + 4 bytes
    assert truncate_utf8(text) == "가" * 1665 + "😊"


def test_a_cut_inside_a_joined_emoji_leaves_no_dangling_joiner():
    couple = "👩\u200d❤\ufe0f\u200d👨"  # 👩‍❤️‍👨: 4 + 3 + 3 + 3 + 3 + 4 bytes
    text = "a" * (5000 - 7) + couple
    cut = truncate_utf8(text)
    assert cut == "a" * (5000 - 7) + "👩"
    assert not cut.endswith("\u200d")


def test_random_mixed_text_is_always_a_valid_maximal_prefix():
    rng = random.Random(3)
    alphabet = ["a", " ", "é", "가", "힣", "ㅋ", "😊", "🏃", "\u200d", "\ufe0f", "中"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1000, 3000)))
        limit = rng.choice([5000, 4999, 4998, 4997, 100, 1])
        cut = truncate_utf8(text, limit)
        assert text.startswith(cut)
        assert size(cut) <= limit
        if cut != text:
            rest = text[len(cut):]
            # Adding the next character would overflow, unless we dropped a dangling joiner.
            assert size(cut) + size(rest[0]) > limit or rest[0] == "\u200d"


def test_negative_limits_are_refused():
    with pytest.raises(ValueError):
        truncate_utf8("a", -1)


# --- the analyser --------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
async def kiwi_loaded():
    await warm_up_local_analysis()


@pytest.fixture(scope="module")
def standin_server():
    with ComprehendStandIn() as server:
        yield server


@pytest.fixture
def comprehend(standin_server):
    standin_server.reset()
    yield standin_server
    standin_server.reset()


@pytest.fixture
async def analyzer(comprehend):
    analyzer = ComprehendAnalyzer(SESSION, "ap-northeast-2", comprehend.endpoint_url, read_timeout=2.0)
    yield analyzer
    await analyzer.aclose()


async def test_against_moto_the_calls_and_answers_round_trip(moto_server):  # noqa: F811
    async with ComprehendAnalyzer(SESSION, moto_server.region, moto_server.endpoint_url) as analyzer:
        reading = await analyzer.detect("주말에 영화 보러 가요 😊")
        result = await analyzer.analyze("오늘 야근해서 너무 피곤해 ㅠㅠ")

    assert reading.sentiment is Sentiment.NEUTRAL  # moto's canned answer
    assert set(reading.scores) == set(Sentiment)
    assert reading.scores[Sentiment.NEUTRAL] == pytest.approx(0.9916, abs=1e-4)
    assert reading.key_phrases == ()  # moto's phrases carry offsets past our text and no Text
    assert result.source == "comprehend+lexicon"
    assert result.sentiment is Sentiment.NEUTRAL
    assert [label.korean for label in result.labels][0] == "피곤함"  # the lexicon's domain label
    assert "야근" in result.key_phrases


async def test_sentiment_from_comprehend_labels_from_the_lexicon(analyzer, comprehend):
    comprehend.sentiment = lambda text: (
        "POSITIVE", {"Positive": 0.92, "Negative": 0.01, "Neutral": 0.05, "Mixed": 0.02}
    )
    comprehend.key_phrases = lambda text: ["이번 주말", "영화"]

    result = await analyzer.analyze("이번 주말에 영화 보러 가요! 너무 설레요 😊")

    assert result.source == "comprehend+lexicon"
    assert result.sentiment is Sentiment.POSITIVE
    assert result.scores == {Sentiment.POSITIVE: 0.92, Sentiment.NEGATIVE: 0.01, Sentiment.NEUTRAL: 0.05, Sentiment.MIXED: 0.02}
    assert result.labels[0].korean == "설렘"
    assert result.key_phrases[:2] == ("이번 주말", "영화")
    assert 0 < result.intensity <= 1
    operations = sorted(r.operation for r in comprehend.requests)
    assert operations == ["DetectKeyPhrases", "DetectSentiment"]
    assert {r.body["LanguageCode"] for r in comprehend.requests} == {"ko"}


async def test_what_leaves_is_masked_and_within_5000_bytes(analyzer, comprehend):
    text = "제 번호는 010-1234-5678이고 메일은 jimin@naver.com 이에요. " + "정말 즐거웠어요 " * 600

    result = await analyzer.analyze(text)

    assert result.source == "comprehend+lexicon"  # accepted: within the limit
    for received in comprehend.requests:
        assert received.status == 200
        assert "010-1234-5678" not in received.text and "jimin@naver.com" not in received.text
        assert received.text.startswith("제 번호는 [전화번호]이고 메일은 [이메일] 이에요.")
        assert len(received.text.encode("utf-8")) <= DETECT_SENTIMENT_MAX_BYTES
        assert len(received.text.encode("utf-8")) > DETECT_SENTIMENT_MAX_BYTES - 4
        assert text.replace("010-1234-5678", "[전화번호]").replace("jimin@naver.com", "[이메일]").startswith(received.text)


async def test_the_stand_in_refuses_oversized_text_as_aws_does(comprehend):
    analyzer = ComprehendAnalyzer(SESSION, "ap-northeast-2", comprehend.endpoint_url, max_bytes=10_000, max_attempts=1)
    try:
        with pytest.raises(Exception) as refused:
            await analyzer.detect("가" * 1700)  # 5,100 bytes: refused even though 1,700 < 5,000 characters
        assert "TextSizeLimitExceededException" in str(refused.value)
        # analyze() falls back to the lexicon rather than failing the generation.
        result = await analyzer.analyze("가" * 1700)
        assert result.source == "lexicon"
    finally:
        await analyzer.aclose()


async def test_throttling_is_retried_by_botocore(analyzer, comprehend):
    comprehend.fail_next("ThrottlingException", times=2)
    comprehend.sentiment = lambda text: ("NEGATIVE", {"Positive": 0.0, "Negative": 0.9, "Neutral": 0.1, "Mixed": 0.0})

    result = await analyzer.analyze("답장이 왜 이렇게 늦어? 서운하다")

    assert result.source == "comprehend+lexicon"
    assert result.sentiment is Sentiment.NEGATIVE
    assert result.labels[0].korean == "서운함"
    assert len(comprehend.requests) == 4  # two throttled, then one of each operation


async def test_a_failing_comprehend_falls_back_to_the_lexicon_and_logs_no_text(analyzer, comprehend, caplog):
    comprehend.fail_next("InternalServerException", status=500, times=20)
    message = "오늘 야근해서 너무 피곤해 ㅠㅠ"

    with caplog.at_level(logging.WARNING):
        result = await analyzer.analyze(message)

    assert result.source == "lexicon"
    assert result.labels[0].korean == "피곤함"
    assert "comprehend failed (InternalServerException)" in caplog.text
    assert "야근" not in caplog.text


async def test_masked_spans_never_become_key_phrases(analyzer, comprehend):
    comprehend.key_phrases = lambda text: ["[전화번호]", "전화번호", "영화"]

    result = await analyzer.analyze("영화 보고 010-1234-5678로 전화해")

    assert result.key_phrases[0] == "영화"  # Comprehend's one real phrase comes first
    assert not any("전화번호" in phrase for phrase in result.key_phrases)


async def test_blank_text_calls_nothing(analyzer, comprehend):
    reading = await analyzer.detect("   ")
    assert reading.sentiment is Sentiment.NEUTRAL
    assert comprehend.requests == []
