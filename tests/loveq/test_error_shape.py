"""Errors always leave as JSON with a code: under concurrency, beside succeeding siblings."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.support import factory
from tests.support.client import GraphQLClient
from tests.support.server import LiveServer

# `node` is nullable: an error below it stops there, and the sibling `node` (which awaits the
# same DataLoader keys: the room, its partner) must still resolve.
SIBLINGS = """
query($id: ID!) {
  a: node(id: $id) { ... on ChatRoom { partner { name chatRooms(%s) { totalCount } } insights(timezone: "%s") { interestScore } } }
  b: node(id: $id) { ... on ChatRoom { partner { name } } }
}
"""


@pytest.mark.parametrize(
    "arguments,zone",
    [("first: 101", "Asia/Seoul"), ('after: "bm90LWEtY3Vyc29y"', "Asia/Seoul"), ("first: 1", "Mars/Olympus")],
)
async def test_a_failing_branch_does_not_take_its_siblings_down(
    live_server: LiveServer, alice: GraphQLClient, arguments: str, zone: str
) -> None:
    partner = await factory.partner(alice, "지민")
    room = await factory.room(alice, partner["id"])
    async with httpx.AsyncClient(timeout=30) as http:
        for _ in range(10):
            response = await http.post(
                live_server.graphql_url,
                json={"query": SIBLINGS % (arguments, zone), "variables": {"id": room["id"]}},
                headers={"Authorization": f"Bearer {alice.token}"},
            )
            assert response.status_code == 200, response.text
            body = response.json()
            assert body["data"] == {"a": None, "b": {"partner": {"name": "지민"}}}
            assert body["errors"] and all(e["extensions"]["code"] == "BAD_USER_INPUT" for e in body["errors"])
