"""Two users: every query and mutation with the other user's IDs answers exactly like a
missing object, and changes nothing of theirs."""

from __future__ import annotations

import uuid

import pytest

from graph.relay.global_id import encode_id
from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient


@pytest.fixture
async def bobs_world(bob: GraphQLClient) -> dict[str, str]:
    partner = await factory.partner(bob, "민준", interests=["등산"])
    room = await factory.room(bob, partner["id"], "민준이랑")
    message = (await factory.add_messages(bob, room["id"], factory.messages(2)))["messages"][0]
    viewer = (await bob.ok(ops.VIEWER))["viewer"]
    return {"user": viewer["id"], "partner": partner["id"], "room": room["id"], "message": message["id"]}


def _missing(type_name: str) -> str:
    return encode_id(type_name, uuid.uuid4())


async def test_node_and_nodes_hide_other_users_objects(alice: GraphQLClient, bobs_world: dict[str, str]) -> None:
    for kind in ("user", "partner", "room", "message"):
        theirs = await alice.execute(ops.NODE, {"id": bobs_world[kind]})
        missing = await alice.execute(ops.NODE, {"id": _missing({"user": "User", "partner": "Partner", "room": "ChatRoom", "message": "Message"}[kind])})
        assert theirs.body == missing.body == {"data": {"node": None}}
    nodes = (await alice.ok(ops.NODES, {"ids": list(bobs_world.values())}))["nodes"]
    assert nodes == [None, None, None, None]


async def test_lists_show_only_own_objects(alice: GraphQLClient, bobs_world: dict[str, str]) -> None:
    await factory.partner(alice, "서연")
    partners = (await alice.ok(ops.PARTNERS_PAGE, {"first": 100}))["partners"]
    assert [e["node"]["name"] for e in partners["edges"]] == ["서연"] and partners["totalCount"] == 1
    rooms = (await alice.ok(ops.ROOMS_PAGE, {"first": 100}))["chatRooms"]
    assert rooms["edges"] == [] and rooms["totalCount"] == 0
    filtered = (await alice.ok(ops.ROOMS_PAGE, {"partnerId": bobs_world["partner"]}))["chatRooms"]
    assert filtered["edges"] == [] and filtered["totalCount"] == 0


MUTATIONS_ON_OTHERS = [
    ("updatePartner", ops.UPDATE_PARTNER, lambda w: {"id": w["partner"], "name": "해킹"}, ["input", "id"]),
    ("deletePartner", ops.DELETE_PARTNER, lambda w: {"id": w["partner"]}, ["input", "id"]),
    ("createChatRoom", ops.CREATE_ROOM, lambda w: {"partnerId": w["partner"], "title": "x"}, ["input", "partnerId"]),
    ("updateChatRoom", ops.UPDATE_ROOM, lambda w: {"id": w["room"], "title": "x"}, ["input", "id"]),
    ("deleteChatRoom", ops.DELETE_ROOM, lambda w: {"id": w["room"]}, ["input", "id"]),
    ("addMessages", ops.ADD_MESSAGES, lambda w: {"roomId": w["room"], "messages": factory.messages(1)}, ["input", "roomId"]),
]


@pytest.mark.parametrize("name,document,make_input,field", MUTATIONS_ON_OTHERS, ids=[m[0] for m in MUTATIONS_ON_OTHERS])
async def test_mutations_on_other_users_objects_answer_not_found(
    alice: GraphQLClient, bob: GraphQLClient, bobs_world: dict[str, str], name, document, make_input, field
) -> None:
    theirs = (await alice.ok(document, {"input": make_input(bobs_world)}))[name]
    fake = {k: (_missing(v_type) if k in ("partner", "room") else v) for k, v, v_type in (
        ("partner", bobs_world["partner"], "Partner"), ("room", bobs_world["room"], "ChatRoom"),
        ("user", bobs_world["user"], "User"), ("message", bobs_world["message"], "Message"))}
    missing = (await alice.ok(document, {"input": make_input(fake)}))[name]
    assert theirs == missing, "another user's object must be indistinguishable from a missing one"
    assert theirs["userErrors"] == [{"field": field, "message": theirs["userErrors"][0]["message"], "code": "NOT_FOUND"}]

    # Bob still has everything, unchanged.
    partner = (await bob.ok(ops.NODE, {"id": bobs_world["partner"]}))["node"]
    room = (await bob.ok(ops.MESSAGES_PAGE, {"room": bobs_world["room"]}))["node"]
    assert partner is not None and room["messages"]["totalCount"] == 2
    name_now = (await bob.ok('query($id: ID!) { node(id: $id) { ... on Partner { name } } }', {"id": bobs_world["partner"]}))
    assert name_now["node"]["name"] == "민준"


async def test_delete_account_touches_only_own_rows(alice: GraphQLClient, bob: GraphQLClient, bobs_world: dict[str, str]) -> None:
    await factory.partner(alice)
    await alice.mutate(ops.DELETE_ACCOUNT, {"confirm": True}, "deleteAccount")
    nodes = (await bob.ok(ops.NODES, {"ids": [bobs_world["partner"], bobs_world["room"], bobs_world["message"]]}))["nodes"]
    assert all(node is not None for node in nodes)


async def test_imports_analyses_and_coach_mutations_of_others_answer_not_found(alice: GraphQLClient, bob: GraphQLClient) -> None:
    from tests.support.imports import upload

    partner = await factory.partner(bob, "민준")
    room = await factory.room(bob, partner["id"])
    imported = (await upload(bob, room["id"], "android_ko.txt"))["import"]
    analysis = (await bob.mutate(ops.ANALYZE_MESSAGE, {"roomId": room["id"]}, "analyzeMessage"))["analysis"]
    for node_id in (imported["id"], analysis["id"]):
        assert (await alice.ok(ops.NODE, {"id": node_id}))["node"] is None
        assert (await bob.ok(ops.NODE, {"id": node_id}))["node"] is not None
    cases = [
        ("analyzePartner", ops.ANALYZE_PARTNER, {"partnerId": partner["id"]}, ["input", "partnerId"]),
        ("analyzeMessage", ops.ANALYZE_MESSAGE, {"roomId": room["id"]}, ["input", "roomId"]),
        ("chooseReply", ops.CHOOSE_REPLY, {"analysisId": analysis["id"], "risk": "SAFE"}, ["input", "analysisId"]),
        ("analyzeSpeech", ops.ANALYZE_SPEECH, {"roomId": room["id"]}, ["input", "roomId"]),
    ]
    for name, document, input, field in cases:
        payload = (await alice.ok(document, {"input": input}))[name]
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(field, "NOT_FOUND")], name
    insights = await alice.execute('query($id: ID!) { node(id: $id) { ... on ChatRoom { insights { interestScore } } } }', {"id": room["id"]})
    assert insights.body == {"data": {"node": None}}
    still = (await bob.ok(ops.NODE, {"id": analysis["id"]}))["node"]
    assert still is not None
