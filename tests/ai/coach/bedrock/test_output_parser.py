"""The incremental answer parser and the validation of its result."""

from __future__ import annotations

import pytest

from ai.coach.bedrock.model_emotion import parse_model_emotion
from ai.coach.bedrock.output_parser import AnswerParser, OutputValidationError, validate
from ai.coach.types import RISK_ORDER, ReplyDelta, RiskLevel, Sentiment

ANSWER = """<intent>주말 계획을 물으면서 만나자고 돌려 말하는 것 같아요.</intent>
<emotion>{"sentiment": "POSITIVE", "labels": [{"label": "설렘", "score": 0.7}, {"label": "기쁨", "score": 0.3}], "intensity": 0.6}</emotion>
<safe>
아직 계획 없어요! 지민 씨는요? >_<
</safe>
<safe_reason>부담 없이 질문을 돌려줘서 상대가 먼저 제안할 여지를 남겨요.</safe_reason>
<safe_confidence>0.82</safe_confidence>
<balanced>비어 있어요 ㅎㅎ <3 요즘 보고 싶은 영화 있어요?</balanced>
<balanced_reason>일정이 비었다고 알리고 상대의 관심사인 영화로 대화를 이어가요.</balanced_reason>
<balanced_confidence>0.7</balanced_confidence>
<bold>  토요일에 저랑 한강에서 러닝하고 치킨 먹을래요? 😊🏃‍♀️  </bold>
<bold_reason>상대가 좋아하는 러닝으로 먼저 구체적인 만남을 제안해요.</bold_reason>
<bold_confidence>0.55</bold_confidence>"""

TEXTS = {
    RiskLevel.SAFE: "아직 계획 없어요! 지민 씨는요? >_<",
    RiskLevel.BALANCED: "비어 있어요 ㅎㅎ <3 요즘 보고 싶은 영화 있어요?",
    RiskLevel.BOLD: "토요일에 저랑 한강에서 러닝하고 치킨 먹을래요? 😊🏃‍♀️",
}


def run(pieces: list[str]) -> tuple[list[ReplyDelta], AnswerParser]:
    parser = AnswerParser()
    deltas: list[ReplyDelta] = []
    for piece in pieces:
        deltas.extend(parser.feed(piece))
    return deltas, parser


def joined(deltas: list[ReplyDelta], risk: RiskLevel) -> str:
    return "".join(d.text for d in deltas if d.risk is risk)


def test_a_whole_answer_parses_and_validates():
    deltas, parser = run([ANSWER])
    answer = validate(parser.finish())

    assert answer.intent == "주말 계획을 물으면서 만나자고 돌려 말하는 것 같아요."
    assert [r.risk for r in answer.replies] == list(RISK_ORDER)
    assert {r.risk: r.text for r in answer.replies} == TEXTS
    assert [r.confidence for r in answer.replies] == [0.82, 0.7, 0.55]
    assert answer.replies[2].explanation.startswith("상대가 좋아하는 러닝으로")
    assert answer.emotion is not None
    assert answer.emotion.sentiment is Sentiment.POSITIVE
    assert answer.emotion.labels == (("설렘", 0.7), ("기쁨", 0.3))
    assert answer.warnings == ()


@pytest.mark.parametrize("split", range(len(ANSWER) + 1))
def test_split_at_every_position_streams_exactly_the_final_texts(split):
    deltas, parser = run([ANSWER[:split], ANSWER[split:]])
    answer = validate(parser.finish())

    for option in answer.replies:
        assert joined(deltas, option.risk) == option.text == TEXTS[option.risk]


def test_one_character_at_a_time_streams_in_order_and_early():
    parser = AnswerParser()
    seen: list[tuple[int, ReplyDelta]] = []
    for index, char in enumerate(ANSWER):
        seen.extend((index, d) for d in parser.feed(char))
    answer = validate(parser.finish())

    # SAFE's pieces all come before BALANCED's, which come before BOLD's.
    risks = [d.risk for _, d in seen]
    assert risks == sorted(risks, key=RISK_ORDER.index)
    for option in answer.replies:
        assert joined([d for _, d in seen], option.risk) == option.text
    # Text is released while the option is still being generated, not when it closes.
    first_safe = next(i for i, d in seen if d.risk is RiskLevel.SAFE)
    assert first_safe < ANSWER.index("</safe>")
    first_bold = next(i for i, d in seen if d.risk is RiskLevel.BOLD)
    assert first_bold < ANSWER.index("</bold>") - 20
    assert parser.streamed(RiskLevel.BOLD) == TEXTS[RiskLevel.BOLD]


def test_random_splits_of_many_sizes():
    import random

    rng = random.Random(7)
    for _ in range(200):
        cuts = sorted(rng.sample(range(1, len(ANSWER)), rng.randint(1, 40)))
        pieces = [ANSWER[a:b] for a, b in zip([0, *cuts], [*cuts, len(ANSWER)])]
        deltas, parser = run(pieces)
        answer = validate(parser.finish())
        for option in answer.replies:
            assert joined(deltas, option.risk) == option.text


def test_text_outside_elements_and_unknown_wrappers_are_ignored():
    wrapped = "네, 분석해 볼게요.\n<answer>\n" + ANSWER + "\n</answer>\n이상입니다."
    deltas, parser = run([wrapped[i : i + 3] for i in range(0, len(wrapped), 3)])
    answer = validate(parser.finish())

    assert {r.risk: r.text for r in answer.replies} == TEXTS
    assert answer.warnings == ()


def test_an_element_left_open_before_the_next_one_is_closed_there_with_a_warning():
    sloppy = ANSWER.replace("</safe>", "")
    deltas, parser = run([sloppy[i : i + 5] for i in range(0, len(sloppy), 5)])
    answer = validate(parser.finish())

    assert answer.replies[0].text == TEXTS[RiskLevel.SAFE]
    assert joined(deltas, RiskLevel.SAFE) == TEXTS[RiskLevel.SAFE]
    assert answer.warnings == ("<safe> was not closed before the next element",)


def test_malformed_emotion_json_is_a_warning_not_a_failure():
    broken = ANSWER.replace('"intensity": 0.6}', '"intensity": 0.6')
    _, parser = run([broken])
    answer = validate(parser.finish())

    assert answer.emotion is None
    assert answer.warnings == ("<emotion> is not the JSON asked for; ignored",)


# --- validation failures ---------------------------------------------------------------------


def problems_of(text: str) -> tuple[str, ...]:
    _, parser = run([text])
    with pytest.raises(OutputValidationError) as failure:
        validate(parser.finish())
    return failure.value.problems


def test_a_missing_option_is_named():
    start, end = ANSWER.index("<bold>"), ANSWER.index("<bold_reason>")
    assert problems_of(ANSWER[:start] + ANSWER[end:]) == ("<bold> is missing",)


def test_empty_text_and_explanation_are_named():
    text = ANSWER.replace(TEXTS[RiskLevel.BALANCED], "   ").replace(
        "일정이 비었다고 알리고 상대의 관심사인 영화로 대화를 이어가요.", ""
    )
    assert problems_of(text) == ("<balanced> is empty", "<balanced_reason> is empty")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("1.4", "<safe_confidence> must be between 0 and 1, got 1.4"),
        ("-0.1", "<safe_confidence> must be between 0 and 1, got -0.1"),
        ("높음", "<safe_confidence> must be a number between 0 and 1, got something else"),
        ("nan", "<safe_confidence> must be between 0 and 1, got nan"),
    ],
)
def test_confidence_outside_zero_to_one_is_named(raw, problem):
    assert problems_of(ANSWER.replace("<safe_confidence>0.82<", f"<safe_confidence>{raw}<")) == (problem,)


def test_missing_confidence_and_intent():
    text = ANSWER.replace("<bold_confidence>0.55</bold_confidence>", "")
    text = text[text.index("</intent>") + len("</intent>") :]
    assert problems_of(text) == ("<intent> is missing", "<bold_confidence> is missing")


def test_an_answer_cut_off_inside_an_option():
    cut = ANSWER[: ANSWER.index("치킨")]
    problems = problems_of(cut)
    assert problems[0] == "<bold> was not closed (the answer was cut off)"
    assert "<bold_reason> is missing" in problems
    assert "<bold_confidence> is missing" in problems


def test_a_repeated_option_is_a_problem_and_is_not_streamed_twice():
    extra = ANSWER + "<safe>다른 답장</safe>"
    deltas, parser = run([extra])
    with pytest.raises(OutputValidationError) as failure:
        validate(parser.finish())
    assert failure.value.problems == ("<safe> appears more than once",)
    assert joined(deltas, RiskLevel.SAFE) == TEXTS[RiskLevel.SAFE]


def test_identical_options_are_a_problem():
    text = ANSWER.replace(TEXTS[RiskLevel.BOLD], TEXTS[RiskLevel.SAFE])
    assert problems_of(text) == ("<safe> and <bold> are the same reply; the three options must differ",)


def test_an_empty_answer_lists_every_missing_element():
    problems = problems_of("죄송하지만 도와드릴 수 없어요.")
    assert problems[0] == "<intent> is missing"
    assert len(problems) == 1 + 3 * 3
    assert str(OutputValidationError(list(problems))).startswith("<intent> is missing; <safe> is missing")


def test_the_parser_refuses_input_after_finishing():
    parser = AnswerParser()
    parser.finish()
    with pytest.raises(RuntimeError):
        parser.feed("<safe>")


def test_model_emotion_is_read_leniently():
    emotion = parse_model_emotion('```json\n{"sentiment": "mixed", "labels": [{"label": "서운함", "score": 1.7}, {"label": 3}], "intensity": -2}\n```')
    assert emotion is not None
    assert emotion.sentiment is Sentiment.MIXED
    assert emotion.labels == (("서운함", 1.0),)
    assert emotion.intensity == 0.0
    assert parse_model_emotion("[1, 2]") is None
    assert parse_model_emotion("{}") is None
