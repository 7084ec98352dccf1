"""Text PostgreSQL cannot store — a lone surrogate ("\\ud800" as a JSON escape) or NUL — is a
userError on its field in every input, and bad input to an argument is BAD_USER_INPUT; never
INTERNAL (15 fields gave INTERNAL with a lone surrogate)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient, WebSocketSession
from tests.support.server import LiveServer

SURROGATE = "반가워\ud800요"
NUL = "반가워\u0000요"

# (mutation, document, base input, path of the text field, the code expected)
TEXT = "INVALID_FORMAT"
ID = "INVALID_ID"
CASES: list[tuple[str, str, dict[str, Any], list[str], str]] = [
    ("updateProfile", ops.UPDATE_PROFILE, {}, ["nickname"], TEXT),
    ("updateProfile", ops.UPDATE_PROFILE, {}, ["bio"], TEXT),
    ("updateProfile", ops.UPDATE_PROFILE, {}, ["mbti"], TEXT),
    ("createPartner", ops.CREATE_PARTNER, {"name": "지민", "relationship": "SOME"}, ["name"], TEXT),
    ("createPartner", ops.CREATE_PARTNER, {"name": "지민", "relationship": "SOME"}, ["description"], TEXT),
    ("createPartner", ops.CREATE_PARTNER, {"name": "지민", "relationship": "SOME"}, ["communicationStyle"], TEXT),
    ("createPartner", ops.CREATE_PARTNER, {"name": "지민", "relationship": "SOME"}, ["mbti"], TEXT),
    ("createPartner", ops.CREATE_PARTNER, {"name": "지민", "relationship": "SOME", "interests": ["영화", ""]}, ["interests", "1"], TEXT),
    ("updatePartner", ops.UPDATE_PARTNER, {"id": "{partner}"}, ["id"], ID),
    ("updatePartner", ops.UPDATE_PARTNER, {"id": "{partner}"}, ["name"], TEXT),
    ("updatePartner", ops.UPDATE_PARTNER, {"id": "{partner}"}, ["description"], TEXT),
    ("updatePartner", ops.UPDATE_PARTNER, {"id": "{partner}"}, ["communicationStyle"], TEXT),
    ("updatePartner", ops.UPDATE_PARTNER, {"id": "{partner}", "interests": [""]}, ["interests", "0"], TEXT),
    ("deletePartner", ops.DELETE_PARTNER, {"id": "{partner}"}, ["id"], ID),
    ("createChatRoom", ops.CREATE_ROOM, {"partnerId": "{partner}", "title": "t"}, ["partnerId"], ID),
    ("createChatRoom", ops.CREATE_ROOM, {"partnerId": "{partner}", "title": "t"}, ["title"], TEXT),
    ("updateChatRoom", ops.UPDATE_ROOM, {"id": "{room}"}, ["id"], ID),
    ("updateChatRoom", ops.UPDATE_ROOM, {"id": "{room}"}, ["title"], TEXT),
    ("updateChatRoom", ops.UPDATE_ROOM, {"id": "{room}"}, ["partnerId"], ID),
    ("deleteChatRoom", ops.DELETE_ROOM, {"id": "{room}"}, ["id"], ID),
    ("addMessages", ops.ADD_MESSAGES, {"roomId": "{room}", "messages": "{messages}"}, ["roomId"], ID),
    ("addMessages", ops.ADD_MESSAGES, {"roomId": "{room}", "messages": "{messages}"}, ["messages", "1", "text"], TEXT),
    ("addMessages", ops.ADD_MESSAGES, {"roomId": "{room}", "messages": "{messages}"}, ["messages", "0", "senderName"], TEXT),
    ("importChat", ops.IMPORT_CHAT, {"roomId": "{room}", "text": "x"}, ["roomId"], ID),
    ("importChat", ops.IMPORT_CHAT, {"roomId": "{room}", "text": "x"}, ["myName"], TEXT),
    ("importChat", ops.IMPORT_CHAT, {"roomId": "{room}", "text": "x"}, ["partnerName"], TEXT),
    ("importChat", ops.IMPORT_CHAT, {"roomId": "{room}", "text": "x"}, ["timezone"], TEXT),
    ("analyzeSpeech", ops.ANALYZE_SPEECH, {"texts": ["안녕하세요", "x"]}, ["texts", "1"], TEXT),
    ("analyzeSpeech", ops.ANALYZE_SPEECH, {}, ["roomId"], ID),
    ("analyzeMessage", ops.ANALYZE_MESSAGE, {"roomId": "{room}"}, ["roomId"], ID),
    ("analyzeMessage", ops.ANALYZE_MESSAGE, {"roomId": "{room}"}, ["message"], TEXT),
    ("analyzeMessage", ops.ANALYZE_MESSAGE, {"roomId": "{room}"}, ["situation"], TEXT),
    ("chooseReply", ops.CHOOSE_REPLY, {"risk": "SAFE"}, ["analysisId"], ID),
    ("analyzePartner", ops.ANALYZE_PARTNER, {}, ["partnerId"], ID),
]


def _with(value: object, path: list[str], text: str) -> object:
    """`value` with `text` at `path` (list indexes as strings)."""
    head, *rest = path
    if isinstance(value, list):
        copied = list(value)
        copied[int(head)] = _with(copied[int(head)], rest, text) if rest else text
        return copied
    copied_dict = dict(value)  # type: ignore[arg-type]
    copied_dict[head] = _with(copied_dict[head], rest, text) if rest else text
    return copied_dict


@pytest.fixture
async def objects(alice: GraphQLClient) -> dict[str, Any]:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    return {"{partner}": partner["id"], "{room}": room["id"], "{messages}": factory.messages(2)}


def _input(base: dict[str, Any], objects: dict[str, Any]) -> dict[str, Any]:
    filled = {key: objects.get(value, value) if isinstance(value, str) else value for key, value in base.items()}
    return copy.deepcopy(filled)


@pytest.mark.parametrize("bad", [SURROGATE, NUL], ids=["surrogate", "nul"])
@pytest.mark.parametrize(("mutation", "document", "base", "path", "code"), CASES, ids=[f"{c[0]}.{'.'.join(c[3])}" for c in CASES])
async def test_unstorable_text_is_a_user_error(
    alice: GraphQLClient, objects: dict, bad: str, mutation: str, document: str, base: dict, path: list[str], code: str
) -> None:
    input = _with(_input(base, objects), path, bad)
    result = await alice.execute(document, {"input": input})
    assert result.errors == [], result.errors
    errors = result.data[mutation]["userErrors"]
    assert {"field": ["input", *path], "code": code} in [{"field": e["field"], "code": e["code"]} for e in errors], errors
    assert all("\ud800" not in e["message"] and "\u0000" not in e["message"] for e in errors)


async def test_pasted_export_with_a_lone_surrogate(alice: GraphQLClient, objects: dict) -> None:
    """Pasted text was encoded to UTF-8 before any check (UnicodeEncodeError, INTERNAL)."""
    input = {"roomId": objects["{room}"], "text": "2026년 11월 18일 오후 8:15, 지민 : 안녕\ud800"}
    payload = (await alice.ok(ops.IMPORT_CHAT, {"input": input}))["importChat"]
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "text"], "INVALID_FORMAT")]


async def test_nothing_is_stored(alice: GraphQLClient, objects: dict) -> None:
    items = objects["{messages}"]
    items[0]["text"] = SURROGATE
    payload = (await alice.ok(ops.ADD_MESSAGES, {"input": {"roomId": objects["{room}"], "messages": items}}))["addMessages"]
    assert payload["chatRoom"] is None and payload["messages"] == []
    assert (await alice.ok(ops.MESSAGES_PAGE, {"room": objects["{room}"]}))["node"]["messages"]["totalCount"] == 0


ARGUMENTS = [
    ("query($v: ID!) { node(id: $v) { id } }", None),
    ("query($v: ID!) { nodes(ids: [$v]) { id } }", None),
    ("query($v: ID) { chatRooms(partnerId: $v) { totalCount } }", "BAD_USER_INPUT"),
    ("query($v: String) { partners(after: $v) { totalCount } }", "BAD_USER_INPUT"),
    ("query($v: String) { chatRooms(before: $v, last: 2) { totalCount } }", "BAD_USER_INPUT"),
]


@pytest.mark.parametrize("bad", [SURROGATE, NUL, "\ud800"], ids=["surrogate", "nul", "lone"])
@pytest.mark.parametrize(("document", "code"), ARGUMENTS)
async def test_unstorable_text_in_arguments(alice: GraphQLClient, bad: str, document: str, code: str | None) -> None:
    result = await alice.execute(document, {"v": bad})
    assert result.status == 200
    assert result.codes == ([code] if code else []), result.errors


@pytest.mark.parametrize("bad", [SURROGATE, NUL], ids=["surrogate", "nul"])
@pytest.mark.parametrize("field", ["timezone", "after"])
async def test_unstorable_text_in_room_arguments(alice: GraphQLClient, objects: dict, bad: str, field: str) -> None:
    document = {
        "timezone": "query($id: ID!, $v: String!) { node(id: $id) { ... on ChatRoom { insights(timezone: $v) { interestScore } } } }",
        "after": "query($id: ID!, $v: String) { node(id: $id) { ... on ChatRoom { messages(after: $v) { totalCount } analyses(after: $v) { totalCount } imports(after: $v) { totalCount } } } }",
    }[field]
    result = await alice.execute(document, {"id": objects["{room}"], "v": bad})
    assert result.codes and set(result.codes) == {"BAD_USER_INPUT"}, result.errors


async def test_subscription_input_with_a_lone_surrogate(live_server: LiveServer, alice: GraphQLClient, objects: dict) -> None:
    input = {"roomId": objects["{room}"], "message": SURROGATE}
    async with WebSocketSession(live_server.ws_url, header_token=alice.token) as session:
        events = await session.subscribe(ops.ANALYZE_MESSAGE_STREAM, {"input": input})
    assert [(e["data"]["analyzeMessage"]["__typename"], e["data"]["analyzeMessage"]["code"]) for e in events] == [
        ("AnalysisFailed", "INVALID_INPUT")
    ]
