"""importChat through the GraphQL endpoint with real multipart uploads of realistic exports."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta, timezone

import pytest

from graph.relay.global_id import decode_id
from kakao import parse_lines
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.server import LiveServer
from tests.support.imports import FIXTURES, expected_count, fixture, new_room, upload

KST = timezone(timedelta(hours=9))


async def room_messages(client: GraphQLClient, room_id: str) -> dict:
    return (await client.ok(ops.ROOM_MESSAGES, {"room": room_id, "first": 100}))["node"]


@pytest.mark.parametrize(
    "name,format",
    [("android_ko.txt", "ANDROID"), ("ios_ko.txt", "IOS"), ("windows_ko.txt", "WINDOWS"), ("macos.csv", "MACOS"),
     ("android_ko_bom_crlf.txt", "ANDROID"), ("ios_ko_24h.txt", "IOS"), ("windows_en.txt", "WINDOWS")],
)
async def test_each_format_imports_through_a_multipart_upload(alice: GraphQLClient, name: str, format: str) -> None:
    room_id = await new_room(alice)
    before = datetime.now(timezone.utc)
    # A macOS CSV has no header naming the partner: the user says who they are.
    extra = {"myName": "민준"} if format == "MACOS" else {}
    payload = await upload(alice, room_id, name, **extra)
    assert payload["userErrors"] == []
    imported = payload["import"]
    count = expected_count(name)
    assert imported["format"] == format and imported["fileName"] == name
    assert imported["messagesImported"] == count > 10 and imported["duplicatesSkipped"] == 0
    expires = datetime.fromisoformat(imported["rawFileExpiresAt"])
    assert before + timedelta(days=7) - timedelta(minutes=1) < expires < datetime.now(timezone.utc) + timedelta(days=7, minutes=1)
    assert payload["chatRoom"]["messages"]["totalCount"] == count
    room = await room_messages(alice, room_id)
    assert room["imports"]["edges"][0]["node"]["id"] == imported["id"]
    texts = [e["node"]["text"] for e in room["messages"]["edges"]]
    senders = {e["node"]["senderName"]: e["node"]["sender"] for e in room["messages"]["edges"]}
    if "en" not in name:
        assert "저는 아직 회사예요 ㅠㅠ 야근 : 오늘도 확정" in texts  # ' : ' stays in the text
        assert "헐, 고생 많아요. 저녁은 먹었어요?" in texts  # so do commas
        assert "네 방금 집 도착했어요 ㅎㅎ\n지민씨는요?" in texts  # multi-line messages survive intact
        assert senders["지민"] == "PARTNER"
        assert next(v for k, v in senders.items() if k != "지민") == "ME"
    kinds = {e["node"]["kind"] for e in room["messages"]["edges"]}
    assert {"TEXT", "PHOTO", "EMOTICON"} <= kinds


async def test_a_macos_csv_needs_no_name_when_the_rooms_partner_is_one_of_the_senders(alice: GraphQLClient) -> None:
    """The CSV has no title line naming the partner; the room's partner (지민) is one of its two
    senders, so the other is the user."""
    matching, unrelated = await new_room(alice, "지민"), await new_room(alice, "서연")
    payload = await upload(alice, matching, "macos.csv")
    assert payload["userErrors"] == []
    senders = {e["node"]["senderName"]: e["node"]["sender"] for e in (await room_messages(alice, matching))["messages"]["edges"]}
    assert senders == {"지민": "PARTNER", "민준": "ME"}
    refused = await upload(alice, unrelated, "macos.csv")
    assert [(e["field"], e["code"]) for e in refused["userErrors"]] == [(["input", "myName"], "AMBIGUOUS_PARTICIPANTS")]


async def test_times_are_read_in_the_given_zone_and_stored_as_instants(alice: GraphQLClient) -> None:
    seoul_room, new_york_room = await new_room(alice), await new_room(alice, "서연")
    await upload(alice, seoul_room, "android_ko.txt")
    await upload(alice, new_york_room, "android_ko.txt", timezone="America/New_York")
    first = lambda room: datetime.fromisoformat(room["messages"]["edges"][0]["node"]["sentAt"])  # noqa: E731
    seoul, new_york = first(await room_messages(alice, seoul_room)), first(await room_messages(alice, new_york_room))
    assert seoul == datetime(2026, 11, 18, 20, 15, tzinfo=KST)
    assert new_york - seoul == timedelta(hours=14)
    after_midnight = [datetime.fromisoformat(e["node"]["sentAt"]).astimezone(KST) for e in (await room_messages(alice, seoul_room))["messages"]["edges"]
                      if e["node"]["text"] == "헉 완전 좋아요!!"]
    assert after_midnight == [datetime(2026, 11, 19, 0, 3, tzinfo=KST)]  # 오전 12:03 is after midnight
    bad = (await alice.upload(ops.IMPORT_CHAT, {"input": {"roomId": seoul_room, "file": None, "timezone": "Mars/Olympus"}},
                              path="variables.input.file", file_name="a.txt", content=fixture("android_ko.txt"))).ok()["importChat"]
    assert [(e["field"], e["code"]) for e in bad["userErrors"]] == [(["input", "timezone"], "INVALID_FORMAT")]


async def test_reimport_and_overlapping_exports_add_no_duplicates(alice: GraphQLClient) -> None:
    room_id = await new_room(alice)
    full = fixture("android_ko.txt")
    lines = full.decode().splitlines(keepends=True)
    first_part = "".join(lines[: len(lines) // 2]).encode()
    early = await upload(alice, room_id, "early.txt", first_part)
    assert early["userErrors"] == []
    later = await upload(alice, room_id, "later.txt", full)
    total = expected_count("android_ko.txt")
    assert later["import"]["messagesImported"] == total - early["import"]["messagesImported"]
    assert later["import"]["duplicatesSkipped"] == early["import"]["messagesImported"]
    again = await upload(alice, room_id, "again.txt", full)
    assert again["import"]["messagesImported"] == 0 and again["import"]["duplicatesSkipped"] == total
    assert (await room_messages(alice, room_id))["messages"]["totalCount"] == total


async def test_pasted_text_imports_and_is_not_kept_as_a_file(alice: GraphQLClient, live_server: LiveServer) -> None:
    room_id = await new_room(alice)
    text = fixture("ios_ko.txt").decode("utf-8")
    payload = (await alice.ok(ops.IMPORT_CHAT, {"input": {"roomId": room_id, "text": text, "myName": "민준"}}))["importChat"]
    assert payload["userErrors"] == [] and payload["import"]["format"] == "IOS"
    assert payload["import"]["rawFileExpiresAt"] is None and payload["import"]["fileName"] is None
    user_id = decode_id((await alice.ok(ops.VIEWER))["viewer"]["id"]).id
    assert not (live_server.settings.local_blob_root / "imports" / str(user_id)).exists()


async def test_one_of_file_or_text(alice: GraphQLClient) -> None:
    room_id = await new_room(alice)
    neither = (await alice.ok(ops.IMPORT_CHAT, {"input": {"roomId": room_id}}))["importChat"]
    assert neither["userErrors"][0]["code"] == "REQUIRED"
    both = (await alice.upload(ops.IMPORT_CHAT, {"input": {"roomId": room_id, "file": None, "text": "x"}},
                               path="variables.input.file", file_name="a.txt", content=b"x")).ok()["importChat"]
    assert both["userErrors"][0]["code"] == "REQUIRED" and both["import"] is None


async def _nothing_stored(db_conn, live_server: LiveServer, client: GraphQLClient, room_id: str) -> None:
    room = decode_id(room_id).id
    assert await db_conn.fetchval("SELECT count(*) FROM messages WHERE room_id = $1", room) == 0
    assert await db_conn.fetchval("SELECT count(*) FROM chat_imports WHERE room_id = $1", room) == 0
    user_id = decode_id((await client.ok(ops.VIEWER))["viewer"]["id"]).id
    user_dir = live_server.settings.local_blob_root / "imports" / str(user_id)
    assert not user_dir.exists() or not any(user_dir.iterdir())


@pytest.mark.parametrize(
    "name,content,code",
    [
        ("notes.txt", None, "UNRECOGNIZED_FORMAT"),
        ("euckr.txt", "지민 님과 카카오톡 대화\n".encode("cp949"), "UNDECODABLE"),
        ("empty.txt", b"", "UNRECOGNIZED_FORMAT"),
    ],
)
async def test_unreadable_files_are_user_errors_and_store_nothing(
    alice: GraphQLClient, live_server: LiveServer, db_conn, name: str, content: bytes | None, code: str
) -> None:
    room_id = await new_room(alice)
    payload = await upload(alice, room_id, name, fixture("not_kakao.txt") if content is None else content)
    assert payload["import"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "file"], code)]
    assert payload["userErrors"][0]["message"].strip()
    await _nothing_stored(db_conn, live_server, alice, room_id)


async def test_group_chat_needs_the_partner_and_keeps_others_as_other(alice: GraphQLClient) -> None:
    room_id = await new_room(alice)
    ambiguous = await upload(alice, room_id, "android_group.txt")
    assert ambiguous["userErrors"][0]["code"] == "AMBIGUOUS_PARTICIPANTS"
    assert ambiguous["userErrors"][0]["field"] == ["input", "partnerName"]
    payload = await upload(alice, room_id, "android_group.txt", partnerName="지민")
    assert payload["userErrors"] == []
    senders = {(e["node"]["senderName"], e["node"]["sender"]) for e in (await room_messages(alice, room_id))["messages"]["edges"]}
    assert ("지민", "PARTNER") in senders and ("회원님", "ME") in senders
    assert ("수아", "OTHER") in senders and ("태호", "OTHER") in senders


async def test_raw_file_is_kept_privately_and_deleted_with_the_room(alice: GraphQLClient, live_server: LiveServer, db_conn) -> None:
    room_id = await new_room(alice)
    imported = (await upload(alice, room_id, "android_ko.txt"))["import"]
    user_id = decode_id((await alice.ok(ops.VIEWER))["viewer"]["id"]).id
    raw = live_server.settings.local_blob_root / "imports" / str(user_id) / str(decode_id(imported["id"]).id)
    assert raw.read_bytes() == fixture("android_ko.txt")
    assert stat.S_IMODE(os.stat(raw).st_mode) == 0o600
    await alice.mutate(ops.DELETE_ROOM, {"id": room_id}, "deleteChatRoom")
    assert not raw.exists(), "deleting the room deletes its raw upload at once"
    assert await db_conn.fetchval("SELECT count(*) FROM chat_imports WHERE room_id = $1", decode_id(room_id).id) == 0


async def test_delete_account_deletes_raw_files(alice: GraphQLClient, live_server: LiveServer) -> None:
    room_id = await new_room(alice)
    await upload(alice, room_id, "windows_ko.txt")
    user_id = decode_id((await alice.ok(ops.VIEWER))["viewer"]["id"]).id
    user_dir = live_server.settings.local_blob_root / "imports" / str(user_id)
    assert any(user_dir.iterdir())
    await alice.mutate(ops.DELETE_ACCOUNT, {"confirm": True}, "deleteAccount")
    assert not user_dir.exists()


async def test_partner_speech_style_is_measured_after_an_import(alice: GraphQLClient) -> None:
    room_id = await new_room(alice)
    await upload(alice, room_id, "android_ko.txt")
    style = (await room_messages(alice, room_id))["partner"]["speechStyle"]
    assert style["formality"] == "SEMI_FORMAL" and style["politeRatio"] > 0.5
    messages, _ = parse_lines((FIXTURES / "android_ko.txt").read_text(encoding="utf-8").splitlines())
    assert style["messageCount"] == sum(m.sender_name == "지민" for m in messages) == 12
    viewer = await alice.ok("{ viewer { speechStyle { formality messageCount } } }")
    assert viewer["viewer"]["speechStyle"]["messageCount"] > 0, "the user's own style is measured once"


async def test_import_into_another_users_room_is_not_found(alice: GraphQLClient, bob: GraphQLClient, db_conn) -> None:
    bobs_room = await new_room(bob)
    payload = await upload(alice, bobs_room, "android_ko.txt")
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "roomId"], "NOT_FOUND")]
    assert await db_conn.fetchval("SELECT count(*) FROM messages WHERE room_id = $1", decode_id(bobs_room).id) == 0


async def test_the_user_is_recognised_even_after_a_long_partner_only_opening(alice: GraphQLClient) -> None:
    from tests.support.exports import android_lines

    lines = list(android_lines(6200))
    header, body = lines[:2], lines[2:]
    # More partner-only messages than the parser may hold back while it waits to see the user.
    partner_only = [line.replace(", 민준 : ", ", 지민 : ") for line in body[:6000]]
    content = "".join(header + partner_only + body[6000:]).encode()
    room_id = await new_room(alice)
    payload = await upload(alice, room_id, "long.txt", content)
    assert payload["userErrors"] == [] and payload["import"]["messagesImported"] == 6200
    query = 'query($id: ID!) { node(id: $id) { ... on ChatRoom { messages(last: 100) { edges { node { sender senderName } } } } } }'
    senders = {(e["node"]["senderName"], e["node"]["sender"]) for e in (await alice.ok(query, {"id": room_id}))["node"]["messages"]["edges"]}
    assert senders == {("지민", "PARTNER"), ("민준", "ME")}
