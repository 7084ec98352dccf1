"""Masking personal data: what must go and what must stay."""

from __future__ import annotations

import pytest

from ai.privacy import ACCOUNT, ADDRESS, CARD, EMAIL, PASSWORD, PHONE, RRN, mask_personal_data

MASKED = [
    # phones
    ("010-1234-5678", PHONE),
    ("01012345678", PHONE),
    ("010 1234 5678", PHONE),
    ("010.1234.5678", PHONE),
    ("011-123-4567", PHONE),
    ("+82 10-1234-5678", PHONE),
    ("+82-10-1234-5678", PHONE),
    ("+821012345678", PHONE),
    ("+82 (0)10 1234 5678", PHONE),
    ("+82-2-123-4567", PHONE),
    ("02-123-4567", PHONE),
    ("02-1234-5678", PHONE),
    ("031-123-4567", PHONE),
    ("051 987 6543", PHONE),
    ("(02) 123-4567", PHONE),
    ("02)123-4567", PHONE),
    ("0212345678", PHONE),
    ("070-1234-5678", PHONE),
    ("0505-123-4567", PHONE),
    # e-mail
    ("kim.jimin+love@gmail.com", EMAIL),
    ("jimin_0101@naver.co.kr", EMAIL),
    ("Sun-Woo.Lee@company-mail.io", EMAIL),
    # resident registration numbers
    ("900101-1234567", RRN),
    ("900101 - 2345678", RRN),
    ("9001011234567", RRN),
    ("051231-4123456", RRN),
    # cards (Luhn-valid)
    ("4111 1111 1111 1111", CARD),
    ("4111-1111-1111-1111", CARD),
    ("4111111111111111", CARD),
    ("5555 5555 5555 4444", CARD),
    ("3782 822463 10005", CARD),
    ("6011 0009 9013 9424", CARD),
    # accounts
    ("110-123-456789", ACCOUNT),
    ("3333-01-1234567", ACCOUNT),
    ("1002-123-456789", ACCOUNT),
    ("123-456789-01-011", ACCOUNT),
    # addresses
    ("테헤란로 123", ADDRESS),
    ("테헤란로 12길 34", ADDRESS),
    ("올림픽로35길 10", ADDRESS),
    ("세종대로 110", ADDRESS),
    ("강남대로 123 3층", ADDRESS),
    ("판교역로 235, 101동 1203호", ADDRESS),
    ("서울시 강남구 테헤란로 123", ADDRESS),
    ("서울특별시 마포구 월드컵북로 396", ADDRESS),
    ("경기도 성남시 분당구 판교역로 235", ADDRESS),
    ("역삼동 123-45", ADDRESS),
    ("신림동 1234번지", ADDRESS),
    ("역삼동 123-45번지 2층", ADDRESS),
    ("상도1동 55-3", ADDRESS),
    ("서울시 관악구 신림동 1234", ADDRESS),
    ("101동 1203호", ADDRESS),
    # buildings with their units (issue 9)
    ("망원빌라 302호", ADDRESS),
    ("래미안 101동 1203호", ADDRESS),
    ("센터빌딩 3층", ADDRESS),
    ("망원빌라 3층 302호", ADDRESS),
    ("한빛오피스텔 1503호", ADDRESS),
    ("푸르지오 2단지 105동 801호", ADDRESS),
    ("302호", ADDRESS),
    ("1203호실", ADDRESS),
    # door codes and passwords (issue 9)
    ("1234*", PASSWORD),
    ("#0417", PASSWORD),
    ("*0417#", PASSWORD),
]


@pytest.mark.parametrize(("text", "placeholder"), MASKED)
def test_personal_data_is_replaced_whole(text, placeholder):
    assert mask_personal_data(text) == placeholder


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("내 번호 010-1234-5678 이야", "내 번호 [전화번호] 이야"),
        ("번호는01012345678이에요", "번호는[전화번호]이에요"),
        ("메일 jimin@naver.com 으로 보내줘", "메일 [이메일] 으로 보내줘"),
        ("계좌 1234567890123 으로 보내줘", "계좌 [계좌번호] 으로 보내줘"),
        ("국민 123456789012", "국민 [계좌번호]"),
        ("신한은행 110 123 456789 김지민", "신한은행 [계좌번호] 김지민"),
        ("카카오뱅크 3333011234567", "카카오뱅크 [계좌번호]"),
        ("통장으로 넣을게 12345678901234", "통장으로 넣을게 [계좌번호]"),
        ("1234567890123로 입금해줘", "[계좌번호]로 입금해줘"),
        ("우리 집 역삼동 123-45야", "우리 집 [주소]야"),
        ("세종대로 110에서 보자", "[주소]에서 보자"),
        ("테헤란로 123이야 와", "[주소]이야 와"),
        ("신림동 1234번지에 살아", "[주소]에 살아"),
        ("예전엔 신림동 1234번지 살았어", "예전엔 [주소] 살았어"),
        ("테헤란로 123 살아요", "[주소] 살아요"),
        ("래미안 101동 1203호로 와", "[주소]로 와"),
        ("망원빌라 302호 앞에 두고 갈게", "[주소] 앞에 두고 갈게"),
        ("롯데타워 3층 카페에서 봐", "[주소] 카페에서 봐"),
        ("테헤란로 123 래미안 101동 1203호", "[주소] [주소]"),
        ("공동현관 비밀번호 1234* 누르고 올라와", "공동현관 비밀번호 [비밀번호] 누르고 올라와"),
        ("현관 비번 #0417 이야", "현관 비번 [비밀번호] 이야"),
        ("공동현관 0417 누르면 돼", "공동현관 [비밀번호] 누르면 돼"),
        ("*0417# 누르고 들어와", "[비밀번호] 누르고 들어와"),
        ("넷플 비번은 qwer1234! 야", "넷플 비번은 [비밀번호] 야"),
        ("와이파이 비밀번호: abc12345", "와이파이 비밀번호: [비밀번호]"),
        ("비번 알려줄게 1234", "비번 알려줄게 [비밀번호]"),
        ("pw: hunter22", "pw: [비밀번호]"),
        ("my password is secret1", "my password is [비밀번호]"),
        ("혹시 테헤란로 123 알아?", "혹시 [주소] 알아?"),
        ("카드 4111 1111 1111 1111 유효기간 12/27", "카드 [카드번호] 유효기간 12/27"),
        ("주민번호 900101-1234567 맞아?", "주민번호 [주민번호] 맞아?"),
    ],
)
def test_masks_inside_sentences_keep_the_rest(text, expected):
    assert mask_personal_data(text) == expected


SURVIVES = [
    "2024-01-15",
    "2024.01.15",
    "2024/01/15",
    "20240115",
    "2024-01-15 12:30",
    "12:30",
    "오후 2-3시",
    "3시 30분",
    "12,000원",
    "1,234,567원",
    "2,500원이면 돼",
    "2024년",
    "1999-2024",
    "우리 3년 됐다",
    "10~20명",
    "3-4명",
    "하루 1-2잔",
    "2월 14일",
    "키 180",
    "TOEIC 900",
    "v1.2.3",
    "5.5km 뛰었어",
    "버스로 10분",
    "자전거로 10분 걸려",
    "택시로 20분이면 가",
    "자전거로 10 분이면 가",
    "버스로 10 분 걸려",
    "운동 30분 했어",
    "운동 3-4번",
    "이따가 2-3시에 봐",
    "다시 이동 10분",
    "내일 7시로 3명 예약",
    "강남역 2번 출구",
    "지하철 2호선",
    "테헤란로에서 보자",
    "강남대로 막히더라",
    "3333",
    "100-200",
    "010",
    "주문번호 12345678",
    "1234 5678 9012 3456",  # 16 digits, but not a valid card number (Luhn)
    "1588-1234",
    "2024-0115-3",
    "시급 9,860원",
    "3.14159265358979",
    "2시간 30분",
    "5월 3일 토요일 저녁 7시",
    "100일 축하해! ❤️",
    "ㅋㅋㅋㅋ 010 아니고 011이었어",
    "1시로 12명",
    "비밀번호 바꿨어",
    "비밀번호 바꾸고 3시에 만나",
    "지하철 1호선 타고 와",
    "2호점에서 보자",
    "우리 3층 카페 가자",
    "2024년 5월에 비번 바꿈",
]


@pytest.mark.parametrize("text", SURVIVES)
def test_ordinary_numbers_survive(text):
    assert mask_personal_data(text) == text


def test_a_realistic_message_with_everything():
    text = (
        "지민아 내 번호 010-9876-5432, 메일은 jimin.kim@gmail.com 이야. "
        "주민번호 950505-2123456 은 절대 안 알려줌ㅋㅋ 카드 5555-5555-5555-4444 로 결제했고 "
        "12,000원 남았어. 계좌는 국민 123456-78-901234, 집은 서울시 마포구 월드컵북로 396, "
        "예전엔 신림동 1234번지 살았어. 2024년 5월 3일 7시 30분에 보자!"
    )
    masked = mask_personal_data(text)

    for secret in (
        "010-9876-5432", "jimin.kim@gmail.com", "950505-2123456", "5555-5555-5555-4444",
        "123456-78-901234", "월드컵북로 396", "신림동 1234",
    ):
        assert secret not in masked
    for placeholder in (PHONE, EMAIL, RRN, CARD, ACCOUNT, ADDRESS):
        assert placeholder in masked
    for kept in ("12,000원", "2024년 5월 3일 7시 30분에 보자!", "지민아", "절대 안 알려줌ㅋㅋ"):
        assert kept in masked


def test_masking_is_idempotent_and_empty_safe():
    text = "010-1234-5678 / kim@a.io / 테헤란로 123 / 망원빌라 302호 / 비번은 qwer1234! / *0417#"
    once = mask_personal_data(text)
    assert mask_personal_data(once) == once
    assert mask_personal_data("") == ""
