"""Line grammars, one rule at a time, on small inline exports."""

from __future__ import annotations

from datetime import datetime

import pytest

from kakao import (
    ExportFormat,
    ExportParser,
    MalformedExportError,
    MessageKind,
    ParsedMessage,
    ParseStats,
    parse_lines,
)
from kakao.formats.macos import MacCsvParser

K = MessageKind
ANDROID, IOS, WINDOWS, MACOS = ExportFormat


def parse(text: str, fmt: ExportFormat) -> tuple[list[ParsedMessage], ParseStats]:
    return parse_lines(text.split("\n"), fmt)


def simple(messages: list[ParsedMessage]) -> list[tuple[str, datetime, str]]:
    return [(m.sender_name, m.sent_at, m.text) for m in messages]


# -- Android and iOS ------------------------------------------------------------------------


def test_twelve_oclock_is_midnight_before_noon_and_noon_after() -> None:
    messages, _ = parse(
        "2026년 11월 19일 오전 12:03, 지민 : 자정\n"
        "2026년 11월 19일 오후 12:03, 지민 : 정오\n"
        "2026. 11. 19. 오전 12:59, 지민 : 자정\n"
        "2026. 11. 19. 오후 12:00, 지민 : 정오",
        ANDROID,
    )
    assert [m.sent_at for m in messages] == [
        datetime(2026, 11, 19, 0, 3),
        datetime(2026, 11, 19, 12, 3),
        datetime(2026, 11, 19, 0, 59),
        datetime(2026, 11, 19, 12, 0),
    ]


def test_feed_returns_a_message_once_the_next_one_starts() -> None:
    parser = ExportParser(ANDROID)
    assert parser.feed("2026년 11월 18일 오후 8:15, 지민 : 첫 줄") == []
    assert parser.feed("둘째 줄") == []
    assert parser.feed("") == []
    first = parser.feed("2026년 11월 18일 오후 8:16, 민준 : 답장")
    assert simple(first) == [("지민", datetime(2026, 11, 18, 20, 15), "첫 줄\n둘째 줄")]
    assert parser.feed("2026년 11월 18일 오후 8:17, 지민님이 나갔습니다.") != []  # a notice ends it
    assert parser.close() == []
    assert parser.participants == ("지민", "민준")


def test_text_keeps_colons_commas_and_lines_that_look_like_stamps() -> None:
    messages, stats = parse(
        "2026년 11월 18일 오후 8:15, 지민 : 장소 : 시청역, 시간 : 2시\n"
        "2026년 11월 21일 오후 2:00에 만나요\n"
        "2026년 11월 21일 토요일은 비 온대요\n"
        "   들여쓴 줄\n"
        "\n"
        "마지막 줄\n"
        "\n"
        "   \n"
        "2026년 11월 18일 오후 8:16, 민준 : 좋아요",
        ANDROID,
    )
    assert simple(messages)[0] == (
        "지민",
        datetime(2026, 11, 18, 20, 15),
        "장소 : 시청역, 시간 : 2시\n2026년 11월 21일 오후 2:00에 만나요\n"
        "2026년 11월 21일 토요일은 비 온대요\n   들여쓴 줄\n\n마지막 줄",
    )
    assert stats.lines_not_understood == 0


def test_mobile_notices_in_every_shape_are_skipped() -> None:
    messages, stats = parse(
        "2026년 11월 18일 오후 8:15, 수아님이 지민님과 민준님을 초대했습니다.\n"
        "2026. 11. 18. 오후 8:16: 수아님이 나갔습니다.\n"
        "2026. 11. 18. 20:17: 채팅방 관리자가 메시지를 가렸습니다.\n"
        "2026. 11. 18. 오후 8:18,  : 시스템 알림\n"
        "2026년 11월 18일 오후 8:19, 지민 : 메시지가 삭제되었습니다.\n"
        "2026년 11월 18일 오후 8:20, 지민 : 남은 메시지",
        IOS,
    )
    assert simple(messages) == [("지민", datetime(2026, 11, 18, 20, 20), "남은 메시지")]
    assert stats.notices == 5
    assert stats.lines_not_understood == 0


def test_a_notice_ends_the_message_and_what_follows_it_is_counted() -> None:
    messages, stats = parse(
        "2026년 11월 18일 오후 8:15, 지민 : 안녕\n"
        "2026년 11월 18일 오후 8:16, 민호님이 들어왔습니다.\n"
        "타인, 기관 등의 사칭에 유의해 주세요. 금전 또는 개인정보를 요구 받을 경우 신고해 주시기 바랍니다.\n"
        "운영정책을 위반한 메시지로 신고 접수 시 카카오톡 이용에 제한이 있을 수 있습니다.\n"
        "알 수 없는 줄",
        ANDROID,
    )
    assert simple(messages) == [("지민", datetime(2026, 11, 18, 20, 15), "안녕")]
    assert stats.notices == 3
    assert stats.lines_not_understood == 1


def test_lines_before_the_first_message_are_header_or_counted() -> None:
    messages, stats = parse(
        "Talk_2026.11.20 21:01-1.txt\n"
        "저장한 날짜 : 2026. 11. 20. 오후 9:01\n"
        "\n"
        "이상한 줄\n"
        "2026년 11월 18일 수요일\n"
        "또 이상한 줄\n"
        "2026. 11. 18. 오후 8:15, 지민 : 안녕",
        IOS,
    )
    assert simple(messages) == [("지민", datetime(2026, 11, 18, 20, 15), "안녕")]
    assert stats.lines_not_understood == 2
    assert stats.header.title is None
    assert stats.header.saved_at == datetime(2026, 11, 20, 21, 1)


def test_a_header_line_inside_the_file_ends_the_message() -> None:
    messages, stats = parse(
        "2026년 11월 18일 오후 8:15, 지민 : 안녕\n"
        "저장한 날짜 : 2026년 11월 20일 오후 9:01\n"
        "2026년 11월 18일 오후 8:16, 지민 : 또 안녕",
        ANDROID,
    )
    assert [m.text for m in messages] == ["안녕", "또 안녕"]
    assert stats.header.saved_at == datetime(2026, 11, 20, 21, 1)


def test_old_ios_time_only_lines_take_the_day_header_date() -> None:
    messages, stats = parse(
        "팀 채팅방 카카오톡 대화\n"
        "저장한 날짜 : 2021년 12월 18일 오후 7:17\n"
        "\n"
        "2021년 12월 29일 수요일\n"
        "오전 12:05, 테스트 : 자정 넘었다\n"
        "오후 8:36, 테스트 : ㅎㅇ\n"
        "오후 8:37, 테스트님이 나갔습니다.\n"
        "2021년 12월 30일 목요일\n"
        "오후 12:00, 나 : 다음날 정오",
        IOS,
    )
    assert simple(messages) == [
        ("테스트", datetime(2021, 12, 29, 0, 5), "자정 넘었다"),
        ("테스트", datetime(2021, 12, 29, 20, 36), "ㅎㅇ"),
        ("나", datetime(2021, 12, 30, 12, 0), "다음날 정오"),
    ]
    assert stats.header.title == "팀 채팅방"
    assert stats.header.partner_name is None
    assert stats.notices == 1


def test_english_android_export() -> None:
    messages, stats = parse(
        "KakaoTalk Chats with Jimin\n"
        "Date Saved : November 20, 2026, 9:01 PM\n"
        "\n"
        "November 18, 2026, 8:15 PM\n"
        "November 18, 2026, 8:15 PM, Jimin : Did you get home okay?\n"
        "Also, dinner : tomorrow?\n"
        "November 19, 2026, 12:03 AM, you : Photo\n"
        "November 19, 2026, 12:04 PM, Sua left this chatroom.",
        ANDROID,
    )
    assert messages == [
        ParsedMessage(
            "Jimin",
            datetime(2026, 11, 18, 20, 15),
            "Did you get home okay?\nAlso, dinner : tomorrow?",
            K.TEXT,
        ),
        ParsedMessage("you", datetime(2026, 11, 19, 0, 3), "Photo", K.PHOTO),
    ]
    assert stats.header.partner_name == "Jimin"
    assert stats.header.saved_at == datetime(2026, 11, 20, 21, 1)
    assert stats.notices == 1


def test_english_ios_export() -> None:
    messages, stats = parse(
        "Talk_2026.11.20 21:01-1.txt\n"
        "Date Saved : Nov 20, 2026 at 21:01\n"
        "\n"
        "Wednesday, November 18, 2026\n"
        "Nov 18, 2026 at 20:12: Sua invited Jimin.\n"
        "Nov 18, 2026 at 20:15, Jimin : Day 1 : hello\n"
        "continued line\n"
        "Nov 18, 2026 at 8:16 PM, Minjun : 3 photos",
        IOS,
    )
    assert messages == [
        ParsedMessage("Jimin", datetime(2026, 11, 18, 20, 15), "Day 1 : hello\ncontinued line", K.TEXT),
        ParsedMessage("Minjun", datetime(2026, 11, 18, 20, 16), "3 photos", K.PHOTO),
    ]
    assert stats.header.saved_at == datetime(2026, 11, 20, 21, 1)
    assert stats.notices == 1


def test_impossible_stamps_are_text_not_messages() -> None:
    messages, stats = parse(
        "2026년 11월 18일 오후 8:15, 지민 : 안녕\n"
        "2026년 2월 30일 오후 8:15, 지민 : 없는 날\n"
        "2026년 11월 18일 오후 13:15, 지민 : 없는 시각",
        ANDROID,
    )
    assert [m.text for m in messages] == [
        "안녕\n2026년 2월 30일 오후 8:15, 지민 : 없는 날\n2026년 11월 18일 오후 13:15, 지민 : 없는 시각"
    ]
    assert stats.lines_not_understood == 0


def test_message_whose_first_line_is_empty() -> None:
    messages, _ = parse("2026년 11월 18일 오후 8:15, 지민 :\n둘째 줄부터\n시작", ANDROID)
    assert [m.text for m in messages] == ["둘째 줄부터\n시작"]


# -- Windows --------------------------------------------------------------------------------


def test_windows_dates_come_from_the_latest_day_line() -> None:
    messages, stats = parse(
        "[지민] [오후 8:14] 날짜 없음\n"
        "--------------- 2026년 11월 18일 수요일 ---------------\n"
        "[지민] [오후 11:59] 늦었다\n"
        "--------------- Thursday, November 19, 2026 ---------------\n"
        "[Jimin] [12:00 AM] midnight\n"
        "[Jimin] [12:00 PM] noon\n"
        "[[공식] 지민] [13:05] 24시간제\n"
        "[공지] 대괄호로 시작하는 둘째 줄",
        WINDOWS,
    )
    assert simple(messages) == [
        ("지민", datetime(2026, 11, 18, 23, 59), "늦었다"),
        ("Jimin", datetime(2026, 11, 19, 0, 0), "midnight"),
        ("Jimin", datetime(2026, 11, 19, 12, 0), "noon"),
        ("[공식] 지민", datetime(2026, 11, 19, 13, 5), "24시간제\n[공지] 대괄호로 시작하는 둘째 줄"),
    ]
    assert stats.lines_not_understood == 1  # the message before any day line


def test_windows_english_notices_are_bare_lines() -> None:
    messages, stats = parse(
        "--------------- Wednesday, November 18, 2026 ---------------\n"
        "Sua invited Jimin and Minjun.\n"
        "[Jimin] [8:15 PM] hi\n"
        "Sua left this chatroom.\n"
        "Taeho joined this chatroom.\n"
        "[Jimin] [8:16 PM] This message has been deleted.",
        WINDOWS,
    )
    assert simple(messages) == [("Jimin", datetime(2026, 11, 18, 20, 15), "hi")]
    assert stats.notices == 4


# -- macOS ----------------------------------------------------------------------------------


def test_macos_quoted_fields_with_commas_quotes_and_crlf() -> None:
    rows = (
        'Date,User,Message\r\n'
        '2026-11-18 20:15:03,"지민","쉼표, 그리고 ""따옴표"" : 콜론"\r\n'
        '2026-11-18 20:16:00,"민준","첫 줄\n\n셋째 줄\n\n"\r\n'
        "2026-11-18 20:17:00,지민,따옴표 없는 필드\r\n"
        '2026-11-18 20:18:00,"민준","""인용""으로 시작"\r\n'
    )
    messages, stats = parse_lines(rows.replace("\r\n", "\n").split("\n"), MACOS)
    assert simple(messages) == [
        ("지민", datetime(2026, 11, 18, 20, 15, 3), '쉼표, 그리고 "따옴표" : 콜론'),
        ("민준", datetime(2026, 11, 18, 20, 16), "첫 줄\n\n셋째 줄"),
        ("지민", datetime(2026, 11, 18, 20, 17), "따옴표 없는 필드"),
        ("민준", datetime(2026, 11, 18, 20, 18), '"인용"으로 시작'),
    ]
    assert stats.lines_not_understood == 0


def test_macos_notice_rows_are_skipped() -> None:
    messages, stats = parse(
        "Date,User,Message\n"
        '2026-11-18 20:10:00,"박영우","박영우 invited 김민기 and."\n'
        '2026-11-18 20:11:00,"Stewie","Stewie left this chatroom."\n'
        '2026-11-18 20:12:00,"나","나님이 나갔습니다."\n'
        '2026-11-18 20:13:00,"","시스템 알림"\n'
        '2026-11-18 20:14:00,"지민","수아 invited 민준."\n'
        '2026-11-18 20:15:00,"지민","(사진)"',
        MACOS,
    )
    assert messages == [
        # Not a notice: the text does not start with the sender's name.
        ParsedMessage("지민", datetime(2026, 11, 18, 20, 14), "수아 invited 민준.", K.TEXT),
        ParsedMessage("지민", datetime(2026, 11, 18, 20, 15), "(사진)", K.PHOTO),
    ]
    assert stats.notices == 4


def test_macos_rows_that_are_not_rows_are_counted() -> None:
    messages, stats = parse(
        "Date,User,Message\n"
        '2026-11-18 20:15:00,"지민","ok"\n'
        "그냥 한 줄\n"
        '2026-13-18 20:15:00,"지민","없는 달"',
        MACOS,
    )
    assert [m.text for m in messages] == ["ok"]
    assert stats.lines_not_understood == 2


def test_macos_unclosed_quote_is_malformed() -> None:
    parser = ExportParser(MACOS)
    parser.feed_lines(["Date,User,Message", '2026-11-18 20:15:00,"지민","ok"'])
    parser.feed_lines(['2026-11-18 20:16:00,"지민","열린 따옴표', "계속", "또 계속"])
    with pytest.raises(MalformedExportError, match="line 3") as caught:
        parser.close()
    assert caught.value.line == 3


def test_macos_unclosed_quote_does_not_swallow_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MacCsvParser, "max_record_chars", 100)
    parser = ExportParser(MACOS)
    parser.feed('2026-11-18 20:16:00,"지민","열린 따옴표')
    with pytest.raises(MalformedExportError):
        for _ in range(100):
            parser.feed("x" * 10)


def test_parse_lines_accepts_raw_file_lines() -> None:
    raw = ["\ufeff지민 님과 카카오톡 대화\r\n", "2026년 11월 18일 오후 8:15, 지민 : 안녕\r\n", "둘째\n"]
    messages, stats = parse_lines(raw)
    assert simple(messages) == [("지민", datetime(2026, 11, 18, 20, 15), "안녕\n둘째")]
    assert stats.header.partner_name == "지민"


def test_a_blank_sender_is_a_notice_not_a_message() -> None:
    messages, stats = parse("2026년 11월 18일 오후 8:15,    : 시스템 알림", ANDROID)
    assert messages == [] and stats.notices == 1
