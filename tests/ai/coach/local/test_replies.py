"""Reply composition of the local engine: three risk levels that fit both people's way of talking."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

import pytest

from ai.coach.local.context import ReplyContext
from ai.coach.local.replies import compose_replies
from ai.coach.local.style_mirror import StyleLike, StyleSnapshot
from ai.coach.local.templates import SCENES, render
from ai.coach.types import ChatLine, PartnerProfile, RiskLevel, Sender
from ai.korean.morph import sentences
from ai.korean.politeness import detect_polite

POLITE_END = re.compile(r"[요죠](?=[\s?!.,~]|$)|니다|세요")
CASUAL_YO = re.compile(r"요(?=[\s?!.,~]|$)")
LAUGH = re.compile(r"[ㅋㅎ]{2,}")
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


def drafts(message: str, **kw) -> list:
    return compose_replies(ReplyContext(message=message, **kw))


def texts(message: str, **kw) -> list[str]:
    return [d.text for d in drafts(message, **kw)]


SOME = PartnerProfile(name="지민", relationship="SOME")


@pytest.mark.parametrize(
    "message",
    [
        "주말에 시간 돼요? 영화 보러 갈래요?",
        "오늘 너무 피곤하다ㅠㅠ",
        "ㅇㅇ",
        "왜 연락 안 했어?",
        "잘 자요",
        "고마워요!",
        "오늘 러닝 10km 뛰었어요!",
        "자니?",
        "보고 싶어",
        "오늘 비 많이 오네요",
    ],
)
def test_three_distinct_drafts_one_per_risk(message: str) -> None:
    out = drafts(message, partner=SOME)
    assert [d.risk for d in out] == [RiskLevel.SAFE, RiskLevel.BALANCED, RiskLevel.BOLD]
    assert len({d.text for d in out}) == 3
    for d in out:
        assert 5 <= len(d.text) <= 80, d.text
        assert 0 < d.confidence <= 1
        assert d.explanation and any("가" <= ch <= "힣" for ch in d.explanation)


def test_balanced_continues_the_conversation_with_a_question() -> None:
    for message in ("오늘 너무 피곤하다ㅠㅠ", "고마워요!", "오늘 러닝 10km 뛰었어요!", "이번 주말에 뭐 해요?"):
        balanced = drafts(message, partner=SOME)[1]
        assert "?" in balanced.text, (message, balanced.text)


def test_bold_steps_forward() -> None:
    bold = drafts("이번 주말에 뭐 해요?", partner=PartnerProfile(relationship="SOME", interests=("카페",)))[2]
    assert re.search(r"갈래|볼래|할래|마실래|만나|보자|봐요", bold.text), bold.text


def test_polite_partner_gets_polite_replies() -> None:
    for message in ("주말에 시간 돼요? 영화 보러 갈래요?", "오늘 너무 피곤해요", "잘 자요", "고마워요"):
        for text in texts(message, partner=SOME):
            assert POLITE_END.search(text), text
            assert detect_polite([text]) is not False, text


def test_casual_partner_gets_casual_replies() -> None:
    for message in ("주말에 시간 돼? 영화 보러 갈래?", "오늘 너무 피곤해", "잘 자", "고마워"):
        for text in texts(message, partner=SOME):
            assert not CASUAL_YO.search(text), text
            assert detect_polite([text]) is not True, text


def test_the_users_own_speech_level_toward_this_partner_wins() -> None:
    recent = [
        ChatLine(Sender.PARTNER, "오늘 뭐 했어요?"),
        ChatLine(Sender.ME, "나 오늘 집에만 있었어"),
        ChatLine(Sender.ME, "너는 뭐 했어?"),
    ]
    for text in texts("저는 친구 만났어요! 주말에 시간 돼요?", partner=SOME, recent=recent):
        assert not CASUAL_YO.search(text), text


def test_speech_style_object_from_the_speech_style_module_is_accepted() -> None:
    class Formality(enum.Enum):
        FORMAL = "FORMAL"
        SEMI_FORMAL = "SEMI_FORMAL"
        CASUAL = "CASUAL"

    @dataclass
    class SpeechStyle:  # the shape the speech-style module exposes
        formality: Formality
        emoji_ratio: float
        emoticon_ratio: float
        laughter_ratio: float
        crying_ratio: float
        question_ratio: float
        average_length: float
        message_count: int
        typical_tone: str
        examples: list[str]

    style = SpeechStyle(Formality.CASUAL, 0.0, 0.0, 0.0, 0.0, 0.2, 12.0, 50, "다정함", ["뭐해", "밥 먹었어?"])
    assert isinstance(style, StyleLike)
    out = texts("오늘 회사 일이 너무 많았어", partner=SOME, partner_style=style)
    assert all(not CASUAL_YO.search(t) for t in out), out
    plain = SimpleNamespace(formality="FORMAL", emoji_ratio=0, laughter_ratio=0, crying_ratio=0, message_count=5)
    formal = texts("오늘 회사 일이 많았습니다", partner=PartnerProfile(relationship="BLIND_DATE"), partner_style=plain)
    assert all(POLITE_END.search(t) for t in formal), formal


def test_no_laughter_or_emoji_when_the_partner_never_uses_them() -> None:
    style = StyleSnapshot(formality="SEMI_FORMAL", laughter_ratio=0.0, emoji_ratio=0.0, message_count=30)
    for message in ("오늘 진짜 재밌었어요", "주말에 시간 돼요?", "고마워요"):
        for text in texts(message, partner=SOME, partner_style=style):
            assert not LAUGH.search(text) and not EMOJI.search(text), text


def test_laughter_scales_with_the_partners_habit() -> None:
    heavy = StyleSnapshot(formality="CASUAL", laughter_ratio=0.8, message_count=40)
    out = texts("ㅋㅋㅋ 오늘 진짜 웃겼어 ㅋㅋ", partner=SOME, partner_style=heavy)
    assert sum(bool(re.search("ㅋㅋ", t)) for t in out) >= 2, out

    rare = StyleSnapshot(formality="CASUAL", laughter_ratio=0.1, message_count=40)
    out = texts("오늘 진짜 재밌었어", partner=SOME, partner_style=rare)
    assert sum(bool(LAUGH.search(t)) for t in out) <= 1, out


def test_laughter_token_mirrors_the_partner() -> None:
    out = texts("고마워요 ㅎㅎ", partner=SOME)
    assert any("ㅎㅎ" in t for t in out) and not any("ㅋ" in t for t in out)


def test_emoji_only_when_the_partner_uses_them() -> None:
    out = texts("오늘 파스타 먹었어요 😊", partner=SOME)
    assert any("😊" in t for t in out), out
    assert not any(EMOJI.search(t) for t in texts("오늘 파스타 먹었어요", partner=SOME))


def test_crying_mark_goes_to_comforting_replies_only() -> None:
    out = drafts("오늘 너무 피곤하다ㅠㅠ", partner=PartnerProfile(relationship="DATING"))
    assert any("ㅠ" in d.text for d in out)
    apology = drafts("왜 연락 안 했어?", partner=PartnerProfile(relationship="DATING"))
    assert not any(LAUGH.search(d.text) for d in apology)


def test_partner_interest_is_used_when_the_weekend_comes_up() -> None:
    partner = PartnerProfile(name="지민", relationship="SOME", interests=("러닝", "고양이"))
    for message in ("이번 주말에 뭐 해요?", "이번 주말 날씨 좋대요"):
        out = drafts(message, partner=partner)
        assert any("러닝" in d.text for d in out[1:]), [d.text for d in out]
        assert any("러닝" in d.explanation for d in out[1:])


def test_details_from_the_message_are_picked_up() -> None:
    out = texts("오늘 야근 때문에 너무 피곤해요", partner=SOME)
    assert any("야근" in t for t in out), out
    out = texts("주말에 시간 돼요? 영화 보러 갈래요?", partner=SOME)
    assert any("주말" in t or "영화" in t for t in out), out


def test_boldness_depends_on_the_stage() -> None:
    message = "보고 싶어요"
    by_stage = {s: drafts(message, partner=PartnerProfile(relationship=s))[2] for s in ("DATING", "SOME", "BLIND_DATE", "FRIEND")}
    assert len({d.text for d in by_stage.values()}) == 4
    assert by_stage["DATING"].confidence > by_stage["BLIND_DATE"].confidence
    assert "지금" in by_stage["DATING"].text  # 연인: come over now
    assert "지금" not in by_stage["BLIND_DATE"].text  # 소개팅: careful


def test_blind_date_gets_honorifics() -> None:
    out = texts("점심 먹었어요?", partner=PartnerProfile(relationship="BLIND_DATE"))
    assert any(re.search(r"셨|세요|시", t) for t in out), out


def test_name_is_used_in_the_right_form() -> None:
    casual = texts("보고 싶어", partner=PartnerProfile(name="김지민", relationship="DATING"))[2]
    assert casual.startswith("지민아,"), casual
    polite = texts("보고 싶어요", partner=PartnerProfile(name="수지", relationship="DATING"))[2]
    assert polite.startswith("수지 씨,"), polite


def test_situation_shapes_the_drafts() -> None:
    late = texts("오늘 하루 어땠어?", partner=SOME, situation="답장을 하루 늦게 했어요")
    assert all(t.startswith("답장 늦어서 미안해") for t in late), late
    meet = drafts("오늘 하루 어땠어?", partner=SOME, situation="다음 주에 만나자고 하고 싶어")[2]
    assert "다음 주" in meet.text and "만나고 싶다고" in meet.explanation
    slow = drafts("보고 싶어", partner=SOME, situation="천천히 알아가고 싶어요")[2]
    fast = drafts("보고 싶어", partner=SOME)[2]
    assert slow.confidence < fast.confidence


def test_deterministic_and_varied() -> None:
    ctx = ReplyContext(
        message="주말에 시간 돼요? 영화 보러 갈래요?",
        partner=PartnerProfile(name="지민", relationship="SOME", interests=("러닝",)),
        recent=[(Sender.ME, "오늘도 고생했어요", datetime(2026, 11, 18, 20, 0))],
        sent_at=datetime(2026, 11, 18, 21, 0),
    )
    assert compose_replies(ctx) == compose_replies(ctx)
    seen = {tuple(texts(m, partner=SOME)) for m in ("고마워요!", "잘 자요", "오늘 너무 피곤해요", "자니?", "보고 싶어요", "사랑해요")}
    assert len(seen) == 6


def test_recent_messages_accept_plain_tuples_and_enums_from_elsewhere() -> None:
    class GraphSender(enum.Enum):
        ME = "ME"
        PARTNER = "PARTNER"

    out = texts("응", partner=SOME, recent=[(GraphSender.PARTNER, "요즘 클라이밍 배워", None), ("ME", "오 진짜?", None)])
    assert any("클라이밍" in t for t in out), out


TEMPLATE_SLOTS = {
    "time": "주말에", "time_n": "주말", "alt_time": "다음 주", "act": "영화", "act_want": "영화 볼래",
    "act_lets": "영화 보자", "act_may": "영화 봐도", "act_after": "영화 보고 나서", "act_next": "맛있는 것도 먹자",
    "act_q": "보고 싶은 거 있어?", "act_past_q": "뭐 봤어?", "food2": "치킨", "int": "러닝", "int_want": "러닝할래",
    "int_lets": "러닝하자", "int_nom": "러닝하기", "cause": "야근", "topic": "전시", "you": "너는", "voc": "지민아, ",
    "love": "좋아해", "num": "10km",
}


POLITE_SLOTS = {
    **TEMPLATE_SLOTS, "you": "지민 씨는", "voc": "지민 씨, ", "love": "좋아해요", "act_q": "보고 싶은 거 있어요?",
    "act_past_q": "뭐 봤어요?", "act_want": "영화 볼래요", "act_lets": "영화 봐요", "act_next": "맛있는 것도 먹어요",
    "int_want": "러닝할래요", "int_lets": "러닝해요",
}


def test_every_template_keeps_its_speech_level_in_every_sentence() -> None:
    for name, scene in SCENES.items():
        for risk, pool in scene.items():
            for tpl in pool:
                casual = render(tpl.text, polite=False, slots=TEMPLATE_SLOTS)
                assert not CASUAL_YO.search(casual), (name, risk, casual)
                assert all(s.polite is not True for s in sentences(casual)), (name, risk, casual)
                for honorific in (False, True):
                    polite = render(tpl.text, polite=True, honorific=honorific, slots=POLITE_SLOTS)
                    assert POLITE_END.search(polite), (name, risk, polite)
                    assert all(s.polite is not False for s in sentences(polite)), (name, risk, polite)


def test_every_scene_has_a_fallback_for_every_stage() -> None:
    for name, scene in SCENES.items():
        for risk, pool in scene.items():
            for group in ("DATING", "SOME", "BLIND", "FRIEND"):
                usable = [t for t in pool if t.needs <= {"alt_time"} and (t.stages is None or group in t.stages)]
                assert usable, (name, risk, group)
