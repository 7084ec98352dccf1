"""What one request may cost: a static cost limit, the token before any parsing, a per-caller
rate limit, a response-size cap — each through the real endpoint."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from loveq.app import create_app
from loveq.auth import build_local_issuer
from tests.support import factory
from tests.support.client import GraphQLClient
from tests.support.server import LiveServer, ServerThread, make_settings

# The 194-byte document that ran 71 s and answered 162 MB.
NESTED_PAGES = (
    "{ chatRooms(first:100){ edges { node { id partner { chatRooms(first:100){ edges { node { id"
    " messages(first:100){ edges { node { id text } } } } } } } } } } }"
)


async def test_nested_pages_are_refused_before_they_run(live_server: LiveServer, alice: GraphQLClient) -> None:
    mark = live_server.statements.mark()
    result = await alice.execute(NESTED_PAGES)
    assert result.codes == ["QUERY_TOO_COSTLY"]
    extensions = result.errors[0]["extensions"]
    assert extensions["cost"] > extensions["limit"] == live_server.settings.guards.max_query_cost
    assert result.data is None
    assert not [s for s in live_server.statements.since(mark) if "chat_rooms" in s], "nothing ran"


async def test_repeated_ids_count_each_time(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on ChatRoom { insights { interestScore } } } }"
    many = await alice.execute(query, {"ids": [room["id"]] * 100})
    assert many.codes == ["QUERY_TOO_COSTLY"], many.body
    few = await alice.execute(query, {"ids": [room["id"]] * 3})
    assert few.errors == [] and len(few.data["nodes"]) == 3


async def test_aliases_and_fragments_count_too(alice: GraphQLClient) -> None:
    fragment = "fragment R on ChatRoom { messages(first: 100) { edges { node { id text sentAt } } } }"
    aliased = " ".join(f"a{i}: chatRooms(first: 100) {{ edges {{ node {{ ...R }} }} }}" for i in range(5))
    assert (await alice.execute(f"{{ {aliased} }} {fragment}")).codes == ["QUERY_TOO_COSTLY"]
    cycle = "{ viewer { id } chatRooms { edges { node { ...A } } } } fragment A on ChatRoom { partner { chatRooms { edges { node { ...A } } } } }"
    assert (await alice.execute(cycle)).codes[0] in ("QUERY_TOO_COSTLY", "GRAPHQL_VALIDATION_FAILED")


async def test_everyday_queries_stay_under_the_limit(alice: GraphQLClient) -> None:
    query = """{ viewer { id } chatRooms(first: 20) { totalCount edges { node { id title insights { interestScore }
      partner { name speechStyle { formality } } messages(last: 30) { totalCount edges { node { id text sentAt sender } } }
      analyses(first: 5) { edges { node { id intent replies { risk text } } } } } } } }"""
    assert (await alice.execute(query)).errors == []


async def test_a_bad_token_is_refused_before_the_document_is_read(alice: GraphQLClient, live_server: LiveServer) -> None:
    garbage = "{{{ this is not GraphQL"
    bad = GraphQLClient(live_server.graphql_url, "not-a-token")
    assert (await bad.execute(garbage)).codes == ["UNAUTHENTICATED"]
    assert (await alice.execute(garbage)).codes == ["GRAPHQL_PARSE_FAILED"]


async def test_an_anonymous_document_is_not_validated(anonymous: GraphQLClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation is the expensive step (quadratic in repeated selections): an anonymous
    document that is not introspection stops after parsing."""
    from strawberry.schema import schema as strawberry_schema

    validated: list[object] = []
    real = strawberry_schema.validate_document
    monkeypatch.setattr(strawberry_schema, "validate_document", lambda *a: validated.append(a) or real(*a))
    repeated = "{ " + " ".join("viewer { id profile { nickname bio } }" for _ in range(400)) + " }"
    assert len(repeated) > 15_000
    assert (await anonymous.execute(repeated)).codes == ["UNAUTHENTICATED"]
    assert validated == []
    assert (await anonymous.execute("{ __schema { queryType { name } } }")).errors == []
    assert len(validated) == 1, "an anonymous introspection is validated and runs"


@pytest.fixture(scope="module")
def strict_server(database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = make_settings(
        tmp_path_factory.mktemp("strict"),
        database_dsn,
        LOVEQ_RATE_LIMIT="60",
        LOVEQ_RATE_LIMIT_BURST="5",
    )
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), None, database_dsn)  # type: ignore[arg-type]


async def test_a_caller_past_their_rate_is_told_when_to_come_back(strict_server: LiveServer) -> None:
    client = GraphQLClient(strict_server.graphql_url, strict_server.token())
    other = GraphQLClient(strict_server.graphql_url, strict_server.token())
    answers = [await client.execute("{ viewer { id } }") for _ in range(7)]
    assert [a.status for a in answers[:5]] == [200] * 5
    refused = answers[-1]
    assert refused.status == 429 and refused.codes == ["RATE_LIMITED"]
    assert refused.errors[0]["extensions"]["retryAfter"] >= 1
    assert (await other.execute("{ viewer { id } }")).errors == [], "another user is not slowed down"
    async with httpx.AsyncClient() as http:
        response = await http.post(
            strict_server.graphql_url, json={"query": "{ viewer { id } }"}, headers=client.headers()
        )
    assert int(response.headers["retry-after"]) >= 1


@pytest.fixture(scope="module")
def capped_server(database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = make_settings(tmp_path_factory.mktemp("capped"), database_dsn, LOVEQ_MAX_RESPONSE_BYTES="20000")
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), None, database_dsn)  # type: ignore[arg-type]


async def test_a_response_over_the_cap_is_refused_whole(capped_server: LiveServer) -> None:
    client = GraphQLClient(capped_server.graphql_url, capped_server.token())
    partner = await factory.partner(client)
    room = await factory.room(client, partner["id"])
    for message in factory.messages(3):  # one at a time: each answer stays under the cap
        await factory.add_messages(client, room["id"], [{**message, "text": "가" * 4000}])
    result = await client.execute(
        "query($id: ID!) { node(id: $id) { ... on ChatRoom { messages(first: 3) { edges { node { text } } } } } }",
        {"id": room["id"]},
    )
    assert result.codes == ["RESPONSE_TOO_LARGE"] and result.data is None
