"""The incremental answer parser: the advice block first, then each reply streamed as it comes,
in any split; and the whole answer's checks (`check_answer`) on what it read."""

from __future__ import annotations

import random

import pytest

from ai.coach.llm.answer.check import check_answer
from ai.coach.llm.answer.parser import ADVICE_COMPLETE, AnswerParser
from ai.coach.types import RISK_ORDER, ReplyDelta, RiskLevel, Sentiment
from tests.support.readings import reading

ANSWER = """<summary>주말 계획을 물으면서 만나자고 돌려 말하는 것 같아요.</summary>
<signals>INVITATION, QUESTION</signals>
<timing>NOW</timing>
<recommendation>비어 있다고 답하고 하고 싶은 걸 하나 말해 보세요.</recommendation>
<cautions>- 너무 길게 답하지 마세요.
바로 약속을 정하려고 조르지 마세요.</cautions>
<safe>
아직 계획 없어요! 지민 씨는요? >_<
</safe><safe_why>부담 없이 질문을 돌려줘서 상대가 먼저 제안할 여지를 남겨요.</safe_why><safe_conf>0.82</safe_conf>
<balanced>비어 있어요 ㅎㅎ <3 요즘 보고 싶은 영화 있어요?</balanced><balanced_why>상대의 관심사인 영화로 이어가요.</balanced_why><balanced_conf>0.7</balanced_conf>
<bold>  토요일에 저랑 한강에서 러닝하고 치킨 먹을래요? 😊🏃‍♀️  </bold><bold_why>상대가 좋아하는 러닝으로 먼저 제안해요.</bold_why><bold_conf>0.55</bold_conf>
<emotion>{"sentiment":"POSITIVE","intensity":0.6,"labels":{"설렘":0.7,"기쁨":0.3}}</emotion>"""

TEXTS = {
    RiskLevel.SAFE: "아직 계획 없어요! 지민 씨는요? >_<",
    RiskLevel.BALANCED: "비어 있어요 ㅎㅎ <3 요즘 보고 싶은 영화 있어요?",
    RiskLevel.BOLD: "토요일에 저랑 한강에서 러닝하고 치킨 먹을래요? 😊🏃‍♀️",
}
READING = reading()


def run(pieces: list[str]) -> tuple[list, AnswerParser]:
    parser = AnswerParser()
    events: list = []
    for piece in pieces:
        events.extend(parser.feed(piece))
    return events, parser


def joined(events: list, risk: RiskLevel) -> str:
    return "".join(e.text for e in events if isinstance(e, ReplyDelta) and e.risk is risk)


def checked(text: str):
    _, parser = run([text])
    return check_answer(parser.finish(), READING)


def test_a_whole_answer_parses_and_checks():
    events, parser = run([ANSWER])
    answer = check_answer(parser.finish(), READING)

    assert answer.problems == ()
    advice = answer.advice
    assert advice is not None
    assert advice.summary == "주말 계획을 물으면서 만나자고 돌려 말하는 것 같아요."
    assert [s.value for s in advice.signals] == ["INVITATION", "QUESTION"]
    assert advice.timing.value == "NOW"
    assert advice.cautions == ("너무 길게 답하지 마세요.", "바로 약속을 정하려고 조르지 마세요.")
    assert [r.risk for r in answer.replies] == list(RISK_ORDER)
    assert {r.risk: r.text for r in answer.replies} == TEXTS
    assert [r.confidence for r in answer.replies] == [0.82, 0.7, 0.55]
    assert answer.emotion is not None and answer.emotion.sentiment is Sentiment.POSITIVE
    assert answer.emotion.labels == (("설렘", 0.7), ("기쁨", 0.3))
    assert answer.warnings == ()


def test_the_advice_is_complete_before_the_first_reply_text():
    events, _ = run([ANSWER[i : i + 1] for i in range(len(ANSWER))])
    assert events.count(ADVICE_COMPLETE) == 1
    first_reply = next(i for i, e in enumerate(events) if isinstance(e, ReplyDelta))
    assert events.index(ADVICE_COMPLETE) < first_reply


def test_the_advice_completes_where_the_first_reply_opens_when_an_element_is_skipped():
    skipped = ANSWER.replace(ANSWER[ANSWER.index("<cautions>") : ANSWER.index("<safe>")], "")
    events, parser = run([skipped[i : i + 4] for i in range(0, len(skipped), 4)])
    assert events[0] is ADVICE_COMPLETE
    assert "cautions" not in parser.fields
    assert check_answer(parser.finish(), READING).advice is not None  # cautions are optional


@pytest.mark.parametrize("split", range(0, len(ANSWER) + 1, 3))
def test_split_anywhere_streams_exactly_the_final_texts(split):
    events, parser = run([ANSWER[:split], ANSWER[split:]])
    answer = check_answer(parser.finish(), READING)
    for option in answer.replies:
        assert joined(events, option.risk) == option.text == TEXTS[option.risk]


def test_one_character_at_a_time_streams_in_order_and_early():
    parser = AnswerParser()
    seen: list[tuple[int, ReplyDelta]] = []
    for index, char in enumerate(ANSWER):
        seen.extend((index, e) for e in parser.feed(char) if isinstance(e, ReplyDelta))
    risks = [d.risk for _, d in seen]
    assert risks == sorted(risks, key=RISK_ORDER.index)
    first_safe = next(i for i, d in seen if d.risk is RiskLevel.SAFE)
    assert first_safe < ANSWER.index("</safe>")
    first_bold = next(i for i, d in seen if d.risk is RiskLevel.BOLD)
    assert first_bold < ANSWER.index("</bold>") - 20


def test_random_splits_of_many_sizes():
    rng = random.Random(7)
    for _ in range(200):
        cuts = sorted(rng.sample(range(1, len(ANSWER)), rng.randint(1, 40)))
        pieces = [ANSWER[a:b] for a, b in zip([0, *cuts], [*cuts, len(ANSWER)])]
        events, parser = run(pieces)
        answer = check_answer(parser.finish(), READING)
        assert answer.problems == ()
        for option in answer.replies:
            assert joined(events, option.risk) == option.text


def test_text_outside_elements_and_unknown_wrappers_are_ignored():
    wrapped = "네, 분석해 볼게요.\n<answer>\n" + ANSWER + "\n</answer>\n이상입니다."
    events, parser = run([wrapped[i : i + 3] for i in range(0, len(wrapped), 3)])
    answer = check_answer(parser.finish(), READING)
    assert {r.risk: r.text for r in answer.replies} == TEXTS
    assert answer.warnings == ()


def test_an_element_left_open_before_the_next_one_is_closed_there_with_a_warning():
    sloppy = ANSWER.replace("</safe>", "")
    events, parser = run([sloppy[i : i + 5] for i in range(0, len(sloppy), 5)])
    answer = check_answer(parser.finish(), READING)
    assert answer.replies[0].text == TEXTS[RiskLevel.SAFE] == joined(events, RiskLevel.SAFE)
    assert answer.warnings == ("<safe> was not closed before the next element",)


def test_malformed_or_cut_emotion_is_a_warning_not_a_problem():
    broken = checked(ANSWER.replace('"기쁨":0.3}}', '"기쁨":0.3}'))
    assert broken.problems == () and broken.emotion is None
    assert broken.warnings == ("<emotion> is not the JSON asked for; ignored",)
    cut = checked(ANSWER[: ANSWER.index('"labels"')])
    assert cut.problems == () and cut.warnings[0] == "<emotion> was not closed (the answer was cut off)"


def test_a_repeated_option_is_a_problem_and_is_not_streamed_twice():
    events, parser = run([ANSWER + "<safe>다른 답장</safe>"])
    assert check_answer(parser.finish(), READING).reply_problems == ("<safe> appears more than once",)
    assert joined(events, RiskLevel.SAFE) == TEXTS[RiskLevel.SAFE]


def test_the_parser_refuses_input_after_finishing():
    parser = AnswerParser()
    parser.finish()
    with pytest.raises(RuntimeError):
        parser.feed("<safe>")
