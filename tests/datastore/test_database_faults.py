"""The database going away, statements past their deadline, and many writers on one row:
typed errors and retries, never a driver's text."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from datastore.database import connect_postgres
from datastore.errors import DatabaseUnavailable, StatementTimeout
from loveq.app import create_app
from loveq.auth import build_local_issuer
from tests.support import factory
from tests.support.client import GraphQLClient
from tests.support.server import LiveServer, ServerThread, make_settings
from tests.support.tcp_proxy import CuttableProxy


async def test_a_statement_past_its_deadline_is_a_statement_timeout(database_dsn: str) -> None:
    db = await connect_postgres(database_dsn, min_size=1, max_size=2, statement_timeout=0.2)
    try:
        with pytest.raises(StatementTimeout):
            await db.read(lambda uow: uow.conn.fetchval("SELECT pg_sleep(2)"), owner=None)
        assert await db.read(lambda uow: uow.conn.fetchval("SELECT 1"), owner=None) == 1, "the pool lives on"
    finally:
        await db.close()


@pytest.fixture(scope="module")
def proxied_server(database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, CuttableProxy]]:
    with CuttableProxy(database_dsn) as proxy:
        settings = make_settings(tmp_path_factory.mktemp("proxied"), proxy.dsn)
        with ServerThread(create_app(settings)) as url:
            yield LiveServer(url, settings, build_local_issuer(settings), None, proxy.dsn), proxy  # type: ignore[arg-type]


async def test_while_the_database_is_down_every_answer_is_service_unavailable(proxied_server) -> None:
    server, proxy = proxied_server
    client = GraphQLClient(server.graphql_url, server.token())
    partner = await factory.partner(client)
    proxy.cut()
    try:
        queries = ["{ viewer { id } }", "{ partners { totalCount edges { node { name } } } }"]
        results = await asyncio.gather(*(client.execute(queries[i % 2]) for i in range(20)))
        for result in results:
            assert result.status == 200
            assert result.errors and {e["extensions"]["code"] for e in result.errors} == {"SERVICE_UNAVAILABLE"}, result.body
            assert all(e["message"] == "the database is unavailable; try again shortly" for e in result.errors)
        update = await client.execute(
            "mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { partner { name } } }",
            {"input": {"id": partner["id"], "name": "바뀐 이름"}},
        )
        assert update.codes == ["SERVICE_UNAVAILABLE"]
    finally:
        proxy.restore()
    assert (await client.execute("{ viewer { id } }")).errors == [], "the service recovers with the database"


async def test_eight_writers_on_one_room_almost_always_succeed(live_server: LiveServer) -> None:
    """Every addMessages updates the room's row: eight at once conflict (40001) and retry with
    jittered backoff; at least 99% must land."""
    clients = [GraphQLClient(live_server.graphql_url, live_server.token()) for _ in range(1)]
    client = clients[0]
    room = await factory.room(client, (await factory.partner(client))["id"])
    mutation = "mutation($input: AddMessagesInput!) { addMessages(input: $input) { userErrors { code } } }"

    async def write(i: int) -> bool:
        message = {"sender": "ME", "text": f"동시에 {i}", "sentAt": f"2026-11-20T10:{i % 60:02d}:00+09:00"}
        result = await client.execute(mutation, {"input": {"roomId": room["id"], "messages": [message]}})
        return not result.errors and result.data["addMessages"]["userErrors"] == []

    outcomes: list[bool] = []
    for _ in range(6):
        outcomes += await asyncio.gather(*(write(i) for i in range(8)))
    rate = sum(outcomes) / len(outcomes)
    print(f"8 concurrent writers on one room: {sum(outcomes)}/{len(outcomes)} landed")
    assert rate >= 0.99, rate
