"""Relay connections with keyset cursors, walked forward and backward."""

from __future__ import annotations

from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient


async def _walk(client: GraphQLClient, document: str, field, variables: dict, *, backwards: bool) -> list[list[str]]:
    pages, cursor = [], None
    while True:
        args = dict(variables)
        args.update({"last": 3, "before": cursor} if backwards else {"first": 3, "after": cursor})
        connection = field(await client.ok(document, args))
        pages.append([e["node"]["text" if "text" in e["node"] else "name"] for e in connection["edges"]])
        info = connection["pageInfo"]
        assert info["startCursor"] == (connection["edges"][0]["cursor"] if connection["edges"] else None)
        more = info["hasPreviousPage"] if backwards else info["hasNextPage"]
        if not more:
            return pages
        cursor = info["startCursor"] if backwards else info["endCursor"]


async def test_messages_forward_and_backward(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    # Ten messages, several within the same minute (exports have minute precision).
    items = factory.messages(10)
    for item in items[4:7]:
        item["sentAt"] = items[4]["sentAt"]
    await factory.add_messages(alice, room["id"], items)
    field = lambda data: data["node"]["messages"]  # noqa: E731
    forward = await _walk(alice, ops.MESSAGES_PAGE, field, {"room": room["id"]}, backwards=False)
    assert forward == [["메시지 0", "메시지 1", "메시지 2"], ["메시지 3", "메시지 4", "메시지 5"],
                       ["메시지 6", "메시지 7", "메시지 8"], ["메시지 9"]]
    backward = await _walk(alice, ops.MESSAGES_PAGE, field, {"room": room["id"]}, backwards=True)
    assert backward == [["메시지 7", "메시지 8", "메시지 9"], ["메시지 4", "메시지 5", "메시지 6"],
                        ["메시지 1", "메시지 2", "메시지 3"], ["메시지 0"]]


async def test_page_info_flags_at_both_ends(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    await factory.add_messages(alice, room["id"], factory.messages(4))
    first = (await alice.ok(ops.MESSAGES_PAGE, {"room": room["id"], "first": 2}))["node"]["messages"]
    assert first["pageInfo"]["hasNextPage"] is True and first["pageInfo"]["hasPreviousPage"] is False
    assert first["totalCount"] == 4
    rest = (await alice.ok(ops.MESSAGES_PAGE, {"room": room["id"], "first": 2, "after": first["pageInfo"]["endCursor"]}))["node"]["messages"]
    assert [e["node"]["text"] for e in rest["edges"]] == ["메시지 2", "메시지 3"]
    assert rest["pageInfo"]["hasNextPage"] is False and rest["pageInfo"]["hasPreviousPage"] is True
    between = (await alice.ok(ops.MESSAGES_PAGE, {
        "room": room["id"], "first": 10, "after": first["edges"][0]["cursor"], "before": rest["edges"][1]["cursor"]}))
    assert [e["node"]["text"] for e in between["node"]["messages"]["edges"]] == ["메시지 1", "메시지 2"]


async def test_partners_newest_first_both_directions(alice: GraphQLClient) -> None:
    names = [f"파트너{i}" for i in range(7)]
    for name in names:
        await factory.partner(alice, name)
    field = lambda data: data["partners"]  # noqa: E731
    forward = await _walk(alice, ops.PARTNERS_PAGE, field, {}, backwards=False)
    assert sum(forward, []) == list(reversed(names))
    backward = await _walk(alice, ops.PARTNERS_PAGE, field, {}, backwards=True)
    assert sum(reversed(backward), []) == list(reversed(names))


async def test_page_size_cap_and_argument_errors(alice: GraphQLClient) -> None:
    over = await alice.execute(ops.PARTNERS_PAGE, {"first": 101})
    assert over.codes == ["BAD_USER_INPUT"] and "100" in over.errors[0]["message"]
    assert over.errors[0]["extensions"]["argument"] == "first"
    assert (await alice.execute(ops.PARTNERS_PAGE, {"last": -1})).codes == ["BAD_USER_INPUT"]
    assert (await alice.execute(ops.PARTNERS_PAGE, {"first": 1, "last": 1})).codes == ["BAD_USER_INPUT"]
    assert (await alice.execute(ops.PARTNERS_PAGE, {"first": 1, "after": "garbage!"})).codes == ["BAD_USER_INPUT"]
    full = (await alice.ok(ops.PARTNERS_PAGE, {"first": 100}))["partners"]
    assert full["edges"] == []
