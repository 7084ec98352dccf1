"""Every realistic fixture export, read as bytes, gives exactly the expected messages."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kakao import ExportFormat, ExportHeader, ExportReader, MessageKind, ParsedMessage, ParseStats
from tests.support.kakao_conversation import ENGLISH_TEXTS, MACOS_SECONDS, expected

FIXTURES = Path(__file__).parent / "fixtures"
K = MessageKind


def at(minute: int) -> datetime:
    """A minute of 2026-11-21 19:xx, when the group fixtures talk."""
    return datetime(2026, 11, 21, 19, minute)


def read(name: str, chunk_size: int = 4096) -> tuple[list[ParsedMessage], ParseStats]:
    data = (FIXTURES / name).read_bytes()
    reader = ExportReader()
    messages: list[ParsedMessage] = []
    for start in range(0, len(data), chunk_size):
        messages.extend(reader.feed(data[start : start + chunk_size]))
    messages.extend(reader.close())
    return messages, reader.stats


ONE_TO_ONE = [
    # (fixture, format, expected messages, header)
    (
        "android_ko.txt",
        ExportFormat.ANDROID,
        expected(),
        ExportHeader("지민", "지민", datetime(2026, 11, 20, 21, 1)),
    ),
    (
        "android_ko_bom_crlf.txt",
        ExportFormat.ANDROID,
        expected(me="회원님"),
        ExportHeader("지민", "지민", datetime(2026, 11, 20, 21, 1)),
    ),
    (
        "ios_ko.txt",
        ExportFormat.IOS,
        expected(),
        ExportHeader("지민", "지민", datetime(2026, 11, 20, 21, 1)),
    ),
    (
        "ios_ko_24h.txt",
        ExportFormat.IOS,
        expected(),
        ExportHeader("지민", "지민", datetime(2026, 11, 20, 21, 1)),
    ),
    (
        "windows_ko.txt",
        ExportFormat.WINDOWS,
        expected(),
        ExportHeader("지민", "지민", datetime(2026, 11, 20, 21, 1, 33)),
    ),
    (
        "windows_en.txt",
        ExportFormat.WINDOWS,
        expected(texts=ENGLISH_TEXTS),
        ExportHeader("지민", "지민", datetime(2026, 11, 20, 21, 1, 33)),
    ),
    ("macos.csv", ExportFormat.MACOS, expected(seconds=MACOS_SECONDS), ExportHeader()),
]


@pytest.mark.parametrize(
    ("name", "fmt", "messages", "header"), ONE_TO_ONE, ids=[case[0] for case in ONE_TO_ONE]
)
def test_one_to_one_export(
    name: str, fmt: ExportFormat, messages: list[ParsedMessage], header: ExportHeader
) -> None:
    got, stats = read(name)
    assert got == messages
    assert stats.format is fmt
    assert stats.header == header
    assert stats.messages == len(messages) == 18
    assert stats.lines_not_understood == 0
    assert stats.notices == 1  # the deleted message
    assert stats.participants == (messages[0].sender_name, messages[1].sender_name)
    assert stats.first_sent_at == messages[0].sent_at
    assert stats.last_sent_at == messages[-1].sent_at


@pytest.mark.parametrize("chunk_size", [1, 3, 17, 1 << 20])
def test_chunk_size_does_not_change_the_result(chunk_size: int) -> None:
    assert read("android_ko_bom_crlf.txt", chunk_size) == read("android_ko_bom_crlf.txt")
    assert read("macos.csv", chunk_size) == read("macos.csv")


def test_android_group_chat() -> None:
    messages, stats = read("android_group.txt")
    assert messages == [
        ParsedMessage("수아", at(1), "내일 등산 멤버 방 만들었어요!", K.TEXT),
        ParsedMessage("수아", at(1), "9시에 북한산 입구에서 봐요 : 늦으면 커피 쏘기", K.TEXT),
        ParsedMessage("지민", at(3), "좋아요 ㅋㅋ 저 김밥 싸갈게요", K.TEXT),
        ParsedMessage("회원님", at(4), "오 지민씨 김밥 기대돼요\n저는 물이랑 간식 챙길게요", K.TEXT),
        ParsedMessage("태호", at(5), "이모티콘", K.EMOTICON),
        ParsedMessage("민호", at(13), "안녕하세요! 수아 친구 민호예요", K.TEXT),
        ParsedMessage("지민", at(15), "반가워요, 민호씨", K.TEXT),
        # Typed by a person, so a message even though it reads like a notice.
        ParsedMessage("악성유저", at(16), "악성유저님이 나갔습니다.", K.TEXT),
    ]
    assert stats.format is ExportFormat.ANDROID
    # The member-list header names the room, not a partner.
    assert stats.header == ExportHeader("지민,수아,태호 4", None, datetime(2026, 11, 22, 22, 40))
    assert stats.notices == 4  # two invites, a leave, a deleted message
    assert stats.lines_not_understood == 0
    assert stats.participants == ("수아", "지민", "회원님", "태호", "민호", "악성유저")


def test_windows_group_chat_bare_notices_end_messages() -> None:
    messages, stats = read("windows_group.txt")
    assert messages == [
        ParsedMessage("수아", at(1), "내일 등산 멤버 방 만들었어요!", K.TEXT),
        ParsedMessage("수아", at(1), "9시에 북한산 입구에서 봐요 : 늦으면 커피 쏘기", K.TEXT),
        ParsedMessage("지민", at(3), "좋아요 ㅋㅋ 저 김밥 싸갈게요", K.TEXT),
        ParsedMessage("민준", at(4), "오 지민씨 김밥 기대돼요\n저는 물이랑 간식 챙길게요", K.TEXT),
        ParsedMessage("태호", at(5), "이모티콘", K.EMOTICON),  # "태호님이 나갔습니다." is not part of it
        ParsedMessage("민호", at(13), "안녕하세요! 수아 친구 민호예요", K.TEXT),
        ParsedMessage("지민", at(15), "반가워요, 민호씨", K.TEXT),
    ]
    assert stats.header == ExportHeader("등산 모임", "등산 모임", datetime(2026, 11, 22, 22, 40, 12))
    assert stats.notices == 5  # invite, leave, invite, deleted, hidden by the admin
    assert stats.lines_not_understood == 0
