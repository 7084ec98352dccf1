"""Who is who: ME, PARTNER and OTHER from the header, the names and myName."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakao import (
    AmbiguousParticipantsError,
    ExportHeader,
    ParseStats,
    Role,
    RoleMap,
    parse_lines,
    resolve_roles,
)

FIXTURES = Path(__file__).parent / "fixtures"
ONE_TO_ONE = ExportHeader("지민", "지민")


def fixture(name: str) -> ParseStats:
    with open(FIXTURES / name, encoding="utf-8-sig") as lines:
        return parse_lines(lines)[1]


def test_my_name_marks_the_user_and_the_header_the_partner() -> None:
    roles = resolve_roles(ONE_TO_ONE, ("지민", "민준"), "민준")
    assert roles == RoleMap(me="민준", partner="지민")
    assert [roles.role_of(n) for n in ("민준", "지민", "누구")] == [Role.ME, Role.PARTNER, Role.OTHER]


def test_one_to_one_without_my_name_the_user_is_whoever_is_not_the_partner() -> None:
    stats = fixture("windows_ko.txt")
    assert resolve_roles(stats.header, stats.participants, None) == RoleMap("민준", "지민")


def test_members_name_stands_for_the_user() -> None:
    stats = fixture("android_ko_bom_crlf.txt")
    assert resolve_roles(stats.header, stats.participants, None) == RoleMap("회원님", "지민")
    # myName that never appears, with 회원님 present: 회원님 is that user.
    assert resolve_roles(stats.header, stats.participants, "민준") == RoleMap("회원님", "지민")


def test_group_chat_everyone_else_is_other() -> None:
    stats = fixture("android_group.txt")
    roles = resolve_roles(stats.header, stats.participants, None, partner_name="지민")
    assert roles == RoleMap("회원님", "지민")
    assert {name: roles.role_of(name) for name in stats.participants} == {
        "수아": Role.OTHER,
        "지민": Role.PARTNER,
        "회원님": Role.ME,
        "태호": Role.OTHER,
        "민호": Role.OTHER,
        "악성유저": Role.OTHER,
    }


def test_group_chat_without_a_partner_name_asks_for_one() -> None:
    stats = fixture("android_group.txt")
    with pytest.raises(AmbiguousParticipantsError) as caught:
        resolve_roles(stats.header, stats.participants, None)
    assert caught.value.missing == "partner_name"
    assert caught.value.names == stats.participants


def test_group_chat_without_my_name_asks_for_it_listing_the_names() -> None:
    stats = fixture("windows_group.txt")
    with pytest.raises(AmbiguousParticipantsError, match="수아, 지민, 민준, 태호, 민호") as caught:
        resolve_roles(stats.header, stats.participants, None, partner_name="지민")
    assert caught.value.missing == "my_name"
    assert caught.value.code == "AMBIGUOUS_PARTICIPANTS"
    roles = resolve_roles(stats.header, stats.participants, "민준", partner_name="지민")
    assert roles == RoleMap("민준", "지민")


def test_a_my_name_that_is_not_in_the_chat_is_refused() -> None:
    with pytest.raises(AmbiguousParticipantsError, match="'민수' does not appear") as caught:
        resolve_roles(ONE_TO_ONE, ("지민", "민준"), "민수")
    assert caught.value.missing == "my_name"


def test_header_that_names_no_sender_and_two_people_is_ambiguous() -> None:
    with pytest.raises(AmbiguousParticipantsError):
        resolve_roles(ExportHeader("등산 모임", "등산 모임"), ("지민", "민준"), None)
    assert resolve_roles(ExportHeader("등산 모임", "등산 모임"), ("지민", "민준"), "민준") == RoleMap(
        "민준", "지민"
    )


def test_when_only_the_partner_or_nobody_speaks() -> None:
    assert resolve_roles(ONE_TO_ONE, ("지민",), None) == RoleMap(None, "지민")
    assert resolve_roles(ONE_TO_ONE, (), "민준") == RoleMap("민준", "지민")
