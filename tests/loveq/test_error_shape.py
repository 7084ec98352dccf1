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


FAILING = [
    # These fail after reading the database, so that requests interleave while they fail.
    ("{ viewer { id } chatRooms { edges { node { partner { chatRooms(first: 101) { totalCount } } } } } }", "BAD_USER_INPUT"),
    ("{ viewer { id } chatRooms { edges { node { insights(timezone: \"Mars/Base\") { interestScore } } } } }", "BAD_USER_INPUT"),
    ("{ chatRooms(after: \"not-a-cursor\") { totalCount } }", "BAD_USER_INPUT"),
    ("{ chatRooms(first: 101) { totalCount } }", "BAD_USER_INPUT"),
    ("{ partners(first: 1, last: 1) { totalCount } }", "BAD_USER_INPUT"),
    ("{ viewer { nosuchfield } }", "GRAPHQL_VALIDATION_FAILED"),
    ("{ viewer { id ", "GRAPHQL_PARSE_FAILED"),
    ('{ chatRooms(partnerId: "bad") { totalCount } }', "BAD_USER_INPUT"),
]


async def test_concurrent_failing_requests_each_keep_their_own_code(live_server: LiveServer, alice: GraphQLClient) -> None:
    """One request's error handling never sees another's: 120 failing requests at once, each
    answered with its own code and our own text."""

    users = [{"Authorization": f"Bearer {live_server.token()}"} for _ in range(6)]  # within each one's rate
    for headers in users:
        client = GraphQLClient(live_server.graphql_url, headers["Authorization"].split()[1])
        await factory.room(client, (await factory.partner(client))["id"])

    async def one(i: int) -> tuple[str, list[dict]]:
        query, code = FAILING[i % len(FAILING)]
        async with httpx.AsyncClient(timeout=60) as http:
            response = await http.post(live_server.graphql_url, json={"query": query}, headers=users[i % 6])
        assert response.status_code == 200, response.text
        return code, response.json()["errors"]

    for code, errors in await asyncio.gather(*(one(i) for i in range(120))):
        assert [e["extensions"]["code"] for e in errors] == [code] * len(errors) and errors
