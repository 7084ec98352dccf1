"""No N+1: the statements for a page of rooms with partners and last messages do not grow
with the number of rooms; and one request's statements share one pooled connection, checked
out once (datastore/session.py), where its DataLoaders used to check out one per statement."""

from __future__ import annotations

from tests.support import factory
from tests.support.client import GraphQLClient
from tests.support.server import LiveServer

ROOMS_WITH_PARTNERS_AND_LAST_MESSAGES = """
query($first: Int!) {
  chatRooms(first: $first) {
    edges { node {
      id title lastMessageAt
      partner { id name interests chatRooms(first: 2) { totalCount edges { node { id } } } }
      messages(last: 3) { totalCount edges { node { id text sentAt sender } } }
    } }
  }
}
"""


def _checkouts(live_server: LiveServer) -> int:
    return live_server.app.state.runtime.db.checkouts


async def _statements_for(live_server: LiveServer, client: GraphQLClient, first: int) -> list[str]:
    await client.ok(ROOMS_WITH_PARTNERS_AND_LAST_MESSAGES, {"first": first})  # warm: user row exists
    mark, checkouts = live_server.statements.mark(), _checkouts(live_server)
    data = await client.ok(ROOMS_WITH_PARTNERS_AND_LAST_MESSAGES, {"first": first})
    assert len(data["chatRooms"]["edges"]) == first
    # Before: 6 checkouts (each followed by asyncpg's reset statement: 12 round trips) on 2
    # connections at once. Now: one checkout, no reset, one connection.
    assert len(live_server.statements.connections_since(mark)) == 1
    assert _checkouts(live_server) - checkouts == 1
    return live_server.statements.since(mark)


async def test_twenty_rooms_cost_the_same_statements_as_two(live_server: LiveServer, alice: GraphQLClient) -> None:
    for i in range(20):
        partner = await factory.partner(alice, f"파트너{i}")
        room = await factory.room(alice, partner["id"], f"방{i}")
        await factory.add_messages(alice, room["id"], factory.messages(5))
    two = await _statements_for(live_server, alice, 2)
    twenty = await _statements_for(live_server, alice, 20)
    assert len(twenty) == len(two), (two, twenty)
    # the account check (one read: row, e-mail, deletion), rooms page, partners batch,
    # messages batch, partner rooms batch, partner room counts
    print(f"statements: {len(two)} for 2 rooms, {len(twenty)} for 20 rooms")
    assert len(twenty) <= 6, twenty
    data = await alice.ok(ROOMS_WITH_PARTNERS_AND_LAST_MESSAGES, {"first": 20})
    last = data["chatRooms"]["edges"][0]["node"]["messages"]
    assert [e["node"]["text"] for e in last["edges"]] == ["메시지 2", "메시지 3", "메시지 4"]
    assert last["totalCount"] == 5


ROOMS_WITH_ANALYSES_IMPORTS_AND_INSIGHTS = """
query($first: Int!) {
  chatRooms(first: $first) {
    edges { node {
      id
      analyses(first: 2) { totalCount edges { node { id intent } } }
      imports(first: 2) { totalCount edges { node { id messagesImported } } }
      insights { interestScore partner { messageCount } }
      lastWeek: insights(from: "2026-11-01T00:00:00+09:00", timezone: "Asia/Seoul") { interestScore }
    } }
  }
}
"""


async def test_analyses_imports_and_insights_of_twenty_rooms_cost_the_same_statements_as_two(
    live_server: LiveServer, alice: GraphQLClient
) -> None:
    for i in range(20):
        partner = await factory.partner(alice, f"상대{i}")
        room = await factory.room(alice, partner["id"], f"방{i}")
        await factory.add_messages(alice, room["id"], factory.messages(4))
    await alice.ok(ROOMS_WITH_ANALYSES_IMPORTS_AND_INSIGHTS, {"first": 2})  # warm: user row exists
    counts = []
    for first in (2, 20):
        mark, checkouts = live_server.statements.mark(), _checkouts(live_server)
        data = await alice.ok(ROOMS_WITH_ANALYSES_IMPORTS_AND_INSIGHTS, {"first": first})
        assert len(data["chatRooms"]["edges"]) == first
        assert all(e["node"]["insights"]["partner"]["messageCount"] == 2 for e in data["chatRooms"]["edges"])
        counts.append(len(live_server.statements.since(mark)))
        # Before: 8 checkouts on 3 connections at once; now one of each.
        assert len(live_server.statements.connections_since(mark)) == 1
        assert _checkouts(live_server) - checkouts == 1
    # the account check, rooms page, analyses page + count, imports page + count, insights for
    # each window
    print(f"statements: {counts[0]} for 2 rooms, {counts[1]} for 20 rooms")
    assert counts[0] == counts[1] <= 8, counts
