"""Bad input gets a typed error with a code and a field, and nothing is stored."""

from __future__ import annotations

import httpx

from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.server import LiveServer


def _errors(payload: dict) -> list[tuple[list[str], str]]:
    return [(e["field"], e["code"]) for e in payload["userErrors"]]


async def test_partner_validation_reports_every_field(alice: GraphQLClient) -> None:
    payload = (await alice.ok(ops.CREATE_PARTNER, {"input": {
        "name": "   ", "relationship": "SOME", "age": 7, "mbti": "ABCD",
        "interests": ["x" * 31] + ["y"] * 2, "description": "d" * 2001,
    }}))["createPartner"]
    assert payload["partner"] is None
    assert _errors(payload) == [
        (["input", "name"], "REQUIRED"),
        (["input", "age"], "OUT_OF_RANGE"),
        (["input", "mbti"], "INVALID_FORMAT"),
        (["input", "description"], "TOO_LONG"),
        (["input", "interests", "0"], "TOO_LONG"),
    ]
    assert (await alice.ok(ops.PARTNERS_PAGE, {"first": 1}))["partners"]["totalCount"] == 0


async def test_too_many_interests(alice: GraphQLClient) -> None:
    payload = (await alice.ok(ops.CREATE_PARTNER, {"input": {"name": "a", "relationship": "SOME", "interests": [str(i) for i in range(21)]}}))["createPartner"]
    assert _errors(payload) == [(["input", "interests"], "TOO_MANY")]


async def test_add_messages_is_all_or_nothing(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    items = factory.messages(3)
    items[1]["text"] = "x" * 5001
    items[2]["sentAt"] = "1999-12-31T00:00:00+09:00"
    payload = (await alice.ok(ops.ADD_MESSAGES, {"input": {"roomId": room["id"], "messages": items}}))["addMessages"]
    assert _errors(payload) == [
        (["input", "messages", "1", "text"], "TOO_LONG"),
        (["input", "messages", "2", "sentAt"], "OUT_OF_RANGE"),
    ]
    page = (await alice.ok(ops.MESSAGES_PAGE, {"room": room["id"]}))["node"]["messages"]
    assert page["totalCount"] == 0 and page["edges"] == []


async def test_add_messages_limits(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    empty = (await alice.ok(ops.ADD_MESSAGES, {"input": {"roomId": room["id"], "messages": []}}))["addMessages"]
    assert _errors(empty) == [(["input", "messages"], "REQUIRED")]
    too_many = (await alice.ok(ops.ADD_MESSAGES, {"input": {"roomId": room["id"], "messages": factory.messages(501)}}))["addMessages"]
    assert _errors(too_many) == [(["input", "messages"], "TOO_MANY")]
    naive = factory.messages(1)
    naive[0]["sentAt"] = "2026-11-18T20:15:00"
    assert _errors((await alice.ok(ops.ADD_MESSAGES, {"input": {"roomId": room["id"], "messages": naive}}))["addMessages"]) == [
        (["input", "messages", "0", "sentAt"], "INVALID_FORMAT")
    ]


async def test_ids_of_the_wrong_kind_or_shape(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    payload = (await alice.ok(ops.CREATE_ROOM, {"input": {"partnerId": "garbage", "title": "t"}}))["createChatRoom"]
    assert _errors(payload) == [(["input", "partnerId"], "INVALID_ID")]
    room_id_as_partner = (await alice.ok(ops.ADD_MESSAGES, {"input": {"roomId": partner["id"], "messages": factory.messages(1)}}))["addMessages"]
    assert _errors(room_id_as_partner) == [(["input", "roomId"], "INVALID_ID")]
    assert (await alice.ok(ops.NODE, {"id": "%%%"}))["node"] is None


async def test_control_characters_and_update_nulls(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    payload = (await alice.ok(ops.UPDATE_PARTNER, {"input": {"id": partner["id"], "name": "a\u0000b", "relationship": None}}))["updatePartner"]
    assert _errors(payload) == [(["input", "name"], "INVALID_FORMAT"), (["input", "relationship"], "REQUIRED")]
    unchanged = (await alice.ok('query($id: ID!) { node(id: $id) { ... on Partner { name relationship } } }', {"id": partner["id"]}))["node"]
    assert unchanged == {"name": "지민", "relationship": "SOME"}


async def test_variables_of_the_wrong_type_are_rejected_before_execution(alice: GraphQLClient) -> None:
    result = await alice.execute(ops.CREATE_PARTNER, {"input": {"name": "a", "relationship": "MARRIED"}})
    assert result.codes == ["BAD_USER_INPUT"] or result.codes == ["GRAPHQL_VALIDATION_FAILED"], result.body
    assert result.data is None


async def test_malformed_documents_and_bodies(live_server: LiveServer, alice: GraphQLClient) -> None:
    assert (await alice.execute("query { viewer { id ")).codes == ["GRAPHQL_PARSE_FAILED"]
    assert (await alice.execute("query { viewer { password } }")).codes == ["GRAPHQL_VALIDATION_FAILED"]
    async with httpx.AsyncClient() as http:
        response = await http.post(live_server.graphql_url, content=b"{not json", headers={**alice.headers(), "content-type": "application/json"})
        assert response.status_code == 400 and response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
        huge = {"query": "query { viewer { id } }", "variables": {"pad": "x" * 1_100_000}}
        response = await http.post(live_server.graphql_url, json=huge, headers=alice.headers())
        assert response.status_code == 413
        assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


async def test_query_depth_and_node_caps(alice: GraphQLClient) -> None:
    # Cheap (one item per page) but deeper than allowed.
    deep = "query { viewer { id } partners(first: 1) { edges { node { chatRooms(first: 1) { edges { node { partner { chatRooms(first: 1) { edges { node { partner { chatRooms(first: 1) { edges { node { id } } } } } } } } } } } } } } }"
    result = await alice.execute(deep)
    assert result.codes == ["GRAPHQL_VALIDATION_FAILED"] and "depth" in result.errors[0]["message"]
    too_many = await alice.execute(ops.NODES, {"ids": ["x"] * 101})
    assert too_many.codes == ["BAD_USER_INPUT"]


async def test_internal_errors_are_masked(alice: GraphQLClient, monkeypatch) -> None:
    """An unexpected exception answers INTERNAL_SERVER_ERROR without its message."""
    from datastore.stores.partners import PartnerStore

    async def explode(self, page):
        raise RuntimeError("secret detail 010-1234-5678")

    monkeypatch.setattr(PartnerStore, "page", explode)
    result = await alice.execute(ops.PARTNERS_PAGE, {"first": 1})
    assert result.codes == ["INTERNAL_SERVER_ERROR"]
    assert "secret" not in str(result.body)
