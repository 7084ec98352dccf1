"""What one request may cost: a static cost limit, the token before any parsing, a per-caller
rate limit, a response-size cap — each through the real endpoint."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest

from loveq.app import create_app
from loveq.auth import build_local_issuer
from loveq.settings import SettingsError
from tests.support import factory
from tests.support.client import GraphQLClient
from tests.support.server import LiveServer, ServerThread, StatementLog, make_settings

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


async def test_an_anonymous_document_without_introspection_is_refused_unparsed(anonymous: GraphQLClient) -> None:
    """A document that names no `__` field cannot be introspection only: without a token it is
    refused before it is parsed, with the answer an anonymous valid document gets."""
    refused = await anonymous.execute("{ viewer { id } }")
    assert refused.status == 200 and refused.data is None and refused.codes == ["UNAUTHENTICATED"]
    assert refused.errors[0]["extensions"]["reason"] == "missing"
    garbage = await anonymous.execute("{{{ not GraphQL " + "viewer { id } " * 2000)
    assert (garbage.status, garbage.body) == (refused.status, refused.body), "not parsed: no syntax error"
    # One that might be introspection is parsed (and validated, and run) as before.
    assert (await anonymous.execute("{ __schema {{{")).codes == ["GRAPHQL_PARSE_FAILED"]
    assert (await anonymous.execute("{ __typename }")).data == {"__typename": "Query"}


async def test_a_bad_token_is_refused_before_the_body_is_decoded(live_server: LiveServer) -> None:
    async with httpx.AsyncClient() as http:
        bad = await http.post(
            live_server.graphql_url, content=b"{not json", headers={"content-type": "application/json", "authorization": "Bearer x"}
        )
        good = await http.post(
            live_server.graphql_url, content=b"{not json",
            headers={"content-type": "application/json", "authorization": f"Bearer {live_server.token()}"},
        )
    assert bad.status_code == 200 and bad.json()["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED", "reason": "malformed"}
    assert good.status_code == 400, "a signed-in caller within their limits gets the body's own error"


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


async def test_a_caller_past_their_rate_is_refused_before_the_body_is_read(strict_server: LiveServer) -> None:
    """Refusals are cheap: the rate is checked right after the token, before the body is
    decoded, and the answer is the same 429 whatever the body holds."""
    client = GraphQLClient(strict_server.graphql_url, strict_server.token())
    while (await client.execute("{ viewer { id } }")).status == 200:
        pass
    async with httpx.AsyncClient() as http:
        response = await http.post(
            strict_server.graphql_url, content=b"{not json", headers={"content-type": "application/json", **client.headers()}
        )
    assert response.status_code == 429 and int(response.headers["retry-after"]) >= 1
    body = response.json()
    assert body["data"] is None and [e["extensions"]["code"] for e in body["errors"]] == ["RATE_LIMITED"]
    assert body["errors"][0]["extensions"]["scope"] == "user" and body["errors"][0]["extensions"]["retryAfter"] >= 1
    valid = await client.execute("{ viewer { id } }")
    assert valid.status == 429 and valid.body["errors"][0]["message"] == body["errors"][0]["message"]


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


# What the budget tests' documents cost (loveq/query_cost.py): a page of 100 rooms' ids.
ROOM_IDS = "{ chatRooms(first: 100) { edges { node { id } } } }"


@pytest.fixture(scope="module")
def budget_server(database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = make_settings(
        tmp_path_factory.mktemp("budget"),
        database_dsn,
        LOVEQ_MAX_QUERY_COST="1000",
        LOVEQ_COST_BURST="1000",
        LOVEQ_COST_BUDGET="6",  # a unit every 10 s: nothing comes back during the test
    )
    statements = StatementLog()

    async def on_connect(conn: asyncpg.Connection) -> None:
        conn.add_query_logger(statements.recorder(conn))

    with ServerThread(create_app(settings, on_connect=on_connect)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), statements, database_dsn)


async def test_a_user_cannot_spend_more_than_their_cost_budget(budget_server: LiveServer) -> None:
    """Each document is under the cost limit; together they pass the user's budget, and the
    one that does not fit is refused before it runs, as the request rate refuses."""
    from graphql import parse

    from loveq.query_cost import document_cost
    from loveq.schema import build_schema

    cost = document_cost(build_schema()._schema, parse(ROOM_IDS), None, {}, max_page_size=100)
    assert 100 < cost <= 500
    client = GraphQLClient(budget_server.graphql_url, budget_server.token())
    other = GraphQLClient(budget_server.graphql_url, budget_server.token())
    fitting = int(1000 // cost)
    for _ in range(fitting):
        assert (await client.execute(ROOM_IDS)).errors == []
    refused = await client.execute(ROOM_IDS)
    assert refused.status == 429 and refused.codes == ["RATE_LIMITED"] and refused.data is None
    extensions = refused.errors[0]["extensions"]
    assert extensions["scope"] == "cost" and extensions["cost"] == int(cost) and extensions["retryAfter"] >= 1
    assert (await other.execute(ROOM_IDS)).errors == [], "another user has a budget of their own"
    # What is left is still spent on documents that fit in it.
    assert (await client.execute("{ viewer { id } }")).errors == []


async def test_an_empty_cost_budget_refuses_before_the_document_is_read(budget_server: LiveServer) -> None:
    client = GraphQLClient(budget_server.graphql_url, budget_server.token())
    for size in (100, 30, 10, 3, 1, 0):  # spends the budget, smaller and smaller documents
        while not (await client.execute(f"{{ chatRooms(first: {size}) {{ edges {{ node {{ id }} }} }} }}")).codes:
            pass
    while not (await client.execute("{ viewer { id } }")).codes:
        pass
    mark = budget_server.statements.mark()
    refused = await client.execute("{{{ not even GraphQL")
    assert refused.status == 429 and refused.codes == ["RATE_LIMITED"]
    assert refused.errors[0]["extensions"]["scope"] == "cost"
    assert budget_server.statements.since(mark) == [], "nothing ran"
    async with httpx.AsyncClient() as http:
        response = await http.post(budget_server.graphql_url, json={"query": "{ viewer { id } }"}, headers=client.headers())
    assert response.status_code == 429 and int(response.headers["retry-after"]) >= 1
    async with httpx.AsyncClient() as http:
        response = await http.post(budget_server.graphql_url, content=b"not even JSON", headers=client.headers())
    assert response.status_code == 429 and response.json()["errors"][0]["extensions"]["scope"] == "cost"
    assert budget_server.statements.since(mark) == [], "nothing ran"


def test_a_cost_burst_below_the_cost_limit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="LOVEQ_COST_BURST"):
        make_settings(tmp_path, "postgresql://x/y", LOVEQ_MAX_QUERY_COST="5000", LOVEQ_COST_BURST="4000")
    assert make_settings(tmp_path, "postgresql://x/y", LOVEQ_MAX_QUERY_COST="5000").guards.cost_burst == 5000


async def test_each_insights_window_is_paid_for(alice: GraphQLClient) -> None:
    """Every place `insights` is selected is a statement over whole rooms of its own: aliased
    windows ran one statement each, 24 of them in 12 s under the cost limit. Two windows fit;
    three do not, however few rooms they are asked of."""
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])

    def windows(count: int) -> str:
        selected = " ".join(
            f'w{i}: insights(from: "2026-0{i + 1}-01T00:00:00+09:00") {{ interestScore }}' for i in range(count)
        )
        return f"query($id: ID!) {{ node(id: $id) {{ ... on ChatRoom {{ {selected} }} }} }}"

    three = await alice.execute(windows(3), {"id": room["id"]})
    assert three.errors == [] and set(three.data["node"]) == {"w0", "w1", "w2"}
    four = await alice.execute(windows(4), {"id": room["id"]})
    assert four.codes == ["QUERY_TOO_COSTLY"] and four.data is None


async def test_answers_are_written_as_before_and_refused_as_soon_as_they_pass_the_cap() -> None:
    """The answer is written piece by piece (the event loop is handed back between pieces) and
    stops at the cap, rather than encoding the whole answer first: same text as one dumps."""
    from loveq.json_text import dumps, dumps_within

    answers = [
        {"data": {"a": [1, 2.5, True, None, "x\ud800y", {"b": []}, {}], "é": '한국어\n"q"'}, "errors": []},
        {"data": None, "errors": [{"message": "m", "extensions": {"code": "X", "limit": 10}}]},
        [], {}, [[[]]],
    ]
    for answer in answers:
        text = dumps(answer)
        size = len(text.encode())
        assert await dumps_within(answer, 10**9) == text
        assert await dumps_within(answer, size) == text
        assert await dumps_within(answer, size - 1) is None
    huge = {"data": {"nodes": [{"text": "가" * 1000} for _ in range(10_000)]}}
    assert await dumps_within(huge, 100_000) is None
