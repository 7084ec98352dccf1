"""Shared fixtures: a real PostgreSQL database, a real Love Q server on a free port, and
fresh users to call it as.

With DATABASE_URL set the tests use that server (in a database of their own, dropped at
the end); without it they start the embedded PostgreSQL, exactly as `loveq serve` does.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest

from loveq.app import create_app
from loveq.auth import build_local_issuer
from tests.support.client import GraphQLClient
from tests.support.server import LiveServer, ServerThread, StatementLog, make_settings, with_database


async def _admin(dsn: str, sql: str) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def server_dsn() -> Iterator[str]:
    """A DSN of a PostgreSQL server: $DATABASE_URL's, or an embedded one.

    The embedded cluster lives outside pytest's temporary tree: a later pytest session resets
    that tree's permissions, which would pull the floor from under a running server.
    """
    configured = os.environ.get("DATABASE_URL")
    if configured:
        yield configured
        return
    from loveq.embedded_pg import EmbeddedPostgres

    home = Path(tempfile.mkdtemp(prefix="loveq-test-pg-"))
    server = EmbeddedPostgres(home / "pgdata")
    try:
        yield server.start()
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def database_dsn(server_dsn: str) -> Iterator[str]:
    """A fresh database for this test session, dropped afterwards."""
    name = f"loveq_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(server_dsn, f'CREATE DATABASE "{name}"'))
    try:
        yield with_database(server_dsn, name)
    finally:
        asyncio.run(_admin(server_dsn, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def live_server(database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data_dir = tmp_path_factory.mktemp("loveq-data")
    settings = make_settings(data_dir, database_dsn)
    statements = StatementLog()

    async def on_connect(conn: asyncpg.Connection) -> None:
        conn.add_query_logger(statements.recorder(conn))

    app = create_app(settings, on_connect=on_connect)
    with ServerThread(app) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), statements, database_dsn, app)


@pytest.fixture
async def db_conn(live_server: LiveServer) -> AsyncIterator[asyncpg.Connection]:
    """A direct connection, to check what is (and is not) stored."""
    conn = await asyncpg.connect(live_server.dsn)
    try:
        yield conn
    finally:
        await conn.close()


@pytest.fixture
def alice(live_server: LiveServer) -> GraphQLClient:
    """A fresh user: each test gets its own, so tests never see each other's rows."""
    return GraphQLClient(live_server.graphql_url, live_server.token())


@pytest.fixture
def bob(live_server: LiveServer) -> GraphQLClient:
    return GraphQLClient(live_server.graphql_url, live_server.token())


@pytest.fixture
def anonymous(live_server: LiveServer) -> GraphQLClient:
    return GraphQLClient(live_server.graphql_url)


_DATABASE_FIXTURES = {"server_dsn", "database_dsn", "live_server", "db_conn"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "database: the test talks to PostgreSQL (CI runs these on both servers)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.database)
