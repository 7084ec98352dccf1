"""Intent detection and interpretation of the local engine."""

from __future__ import annotations

from datetime import datetime

import pytest

from ai.coach.local.intent import detect_intent
from ai.coach.local.readings import Intent

NIGHT = datetime(2026, 11, 18, 1, 10)
AFTERNOON = datetime(2026, 11, 18, 15, 0)

CASES = [
    ("주말에 시간 돼요? 영화 보러 갈래요?", Intent.INVITATION),
    ("내일 커피 한잔 할래?", Intent.INVITATION),
    ("토요일 어때요?", Intent.INVITATION),
    ("고마워 ㅎㅎ 덕분에 잘 들어왔어", Intent.THANKS),
    ("왜 연락 안 했어?", Intent.COMPLAINT),
    ("근데 오늘 하루 종일 연락도 없고 좀 서운했어", Intent.COMPLAINT),
    ("오늘 너무 피곤하다ㅠㅠ", Intent.VENTING),
    ("팀장님 때문에 짜증나 진짜", Intent.VENTING),
    ("답장 늦어서 미안해요 ㅠ 회의가 길어졌어요", Intent.APOLOGY),
    ("좋은 아침이에요!", Intent.GREETING),
    ("잘 자요 좋은 꿈 꿔요", Intent.CLOSING),
    ("ㅇㅇ", Intent.ACKNOWLEDGEMENT),
    ("보고 싶다", Intent.MISSING_YOU),
    ("사랑해", Intent.AFFECTION),
    ("오늘 옷 예쁘더라", Intent.COMPLIMENT),
    ("ㅋㅋㅋ 바보야", Intent.TEASING),
    ("나 합격했어!!", Intent.SHARING_NEWS),
    ("오늘 러닝 10km 뛰었어요!", Intent.SHARING_NEWS),
    ("영화 좋아해요?", Intent.QUESTION),
    ("오늘 비 많이 오네요", Intent.SMALL_TALK),
]


@pytest.mark.parametrize(("text", "intent"), CASES)
def test_primary_intent(text: str, intent: Intent) -> None:
    reading = detect_intent(text, sent_at=AFTERNOON)
    assert reading.primary is intent, reading
    assert reading.evidence and all(reading.evidence)
    assert 0 < reading.confidence <= 1


@pytest.mark.parametrize("text", [t for t, _ in CASES])
def test_interpretation_is_one_korean_sentence(text: str) -> None:
    sentence = detect_intent(text, sent_at=AFTERNOON).interpretation
    assert sentence.endswith("요.") and sentence.count(".") == 1
    assert any("가" <= ch <= "힣" for ch in sentence)


def test_invitation_interpretation_uses_the_details() -> None:
    r = detect_intent("주말에 시간 돼요? 영화 보러 갈래요?", sent_at=None)
    assert r.details.time is not None and r.details.time.text == "주말"
    assert r.details.activity is not None and r.details.activity.key == "영화"
    assert "주말" in r.interpretation and "영화" in r.interpretation
    assert r.reply_expected and r.has(Intent.QUESTION)


def test_question_about_plans_is_a_veiled_invitation() -> None:
    r = detect_intent("이번 주말에 뭐 해요?", sent_at=None)
    assert r.primary is Intent.INVITATION and r.indirect
    assert "돌려서" in r.interpretation and "이번 주말" in r.interpretation
    assert r.has(Intent.QUESTION)


def test_late_night_depends_on_the_hour() -> None:
    assert detect_intent("자니?", sent_at=NIGHT).primary is Intent.LATE_NIGHT_CHECKIN
    night = detect_intent("뭐해?", sent_at=NIGHT)
    assert night.primary is Intent.LATE_NIGHT_CHECKIN and night.late_night
    assert detect_intent("뭐해?", sent_at=AFTERNOON).primary is Intent.QUESTION


def test_answer_to_the_users_invitation() -> None:
    yes = detect_intent("좋아요! 토요일에 봬요", sent_at=None, previous_mine="토요일에 영화 볼래요?")
    assert yes.primary is Intent.ACCEPTANCE
    no = detect_intent("미안 이번 주는 좀 바빠서 어려울 것 같아", sent_at=None, previous_mine="이번 주말에 밥 먹을래?")
    assert no.primary is Intent.DECLINE and no.has(Intent.APOLOGY)
    dry_yes = detect_intent("ㅇㅇ", sent_at=None, previous_mine="내일 7시 괜찮아?")
    assert dry_yes.primary is Intent.ACCEPTANCE


def test_decline_with_another_date_reads_as_rescheduling() -> None:
    r = detect_intent("이번 주는 어려울 것 같아요 ㅠ 대신 다음 주 어때요?", sent_at=None, previous_mine="이번 주 금요일에 볼래요?")
    assert r.primary is Intent.DECLINE
    assert "일정 조율" in r.interpretation


def test_reply_expected() -> None:
    assert not detect_intent("ㅇㅇ", sent_at=None).reply_expected
    assert not detect_intent("잘 자요", sent_at=None).reply_expected
    assert detect_intent("왜 연락 안 했어?", sent_at=None).reply_expected
    assert detect_intent("오늘 너무 피곤하다ㅠㅠ", sent_at=None).reply_expected


def test_apology_about_own_lateness_is_not_a_complaint() -> None:
    r = detect_intent("답장 늦어서 미안해요", sent_at=None)
    assert r.primary is Intent.APOLOGY and not r.has(Intent.COMPLAINT)


def test_venting_interpretation_names_the_cause() -> None:
    r = detect_intent("야근 때문에 너무 피곤해", sent_at=None)
    assert r.primary is Intent.VENTING
    assert "야근" in r.interpretation and "공감" in r.interpretation
