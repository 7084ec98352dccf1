"""Shared fixtures: a real PostgreSQL database and a real Love Q server on a free port.

With DATABASE_URL set the tests use that server (in a database of their own, dropped at
the end); without it they start the embedded PostgreSQL, exactly as `loveq serve` does.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import tempfile
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
import uvicorn

from loveq.app import create_app
from loveq.auth import build_local_issuer
from loveq.auth.local_issuer import LocalIssuer
from loveq.settings import Settings, load_settings


def with_database(dsn: str, database: str) -> str:
    parts = urlsplit(dsn)
    return urlunsplit(parts._replace(path=f"/{database}"))


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_POOL_RESET = "SELECT pg_advisory_unlock_all();"


@dataclass
class StatementLog:
    """Every SQL statement the server runs, for the N+1 tests."""

    statements: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, query: object) -> None:
        sql = getattr(query, "query", str(query))
        if sql.startswith(_POOL_RESET):  # asyncpg's housekeeping when a connection returns to the pool
            return
        with self.lock:
            self.statements.append(sql)

    def mark(self) -> int:
        with self.lock:
            return len(self.statements)

    def since(self, mark: int) -> list[str]:
        with self.lock:
            return self.statements[mark:]


@dataclass
class LiveServer:
    url: str
    settings: Settings
    issuer: LocalIssuer
    statements: StatementLog
    dsn: str

    @property
    def graphql_url(self) -> str:
        return f"{self.url}/graphql"

    @property
    def ws_url(self) -> str:
        return self.graphql_url.replace("http://", "ws://")

    def token(self, email: str | None = None) -> str:
        return self.issuer.issue(email or f"user-{uuid.uuid4().hex[:10]}@example.com")


def make_settings(data_dir: Path, dsn: str, **overrides: str) -> Settings:
    env = {"LOVEQ_DATA_DIR": str(data_dir), "DATABASE_URL": dsn, "LOVEQ_SWEEP_INTERVAL": "3600", **overrides}
    return load_settings(env)


class ServerThread:
    """uvicorn on a free port in a background thread: the tests talk to it over real sockets."""

    def __init__(self, app: object) -> None:
        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", ws="websockets-sansio", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("test server did not start")
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


@pytest.fixture(scope="session")
def live_server(database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data_dir = tmp_path_factory.mktemp("loveq-data")
    settings = make_settings(data_dir, database_dsn)
    statements = StatementLog()

    async def on_connect(conn: asyncpg.Connection) -> None:
        conn.add_query_logger(statements.record)

    app = create_app(settings, on_connect=on_connect)
    with ServerThread(app) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), statements, database_dsn)


@pytest.fixture
async def db_conn(live_server: LiveServer) -> AsyncIterator[asyncpg.Connection]:
    """A direct connection, to check what is (and is not) stored."""
    conn = await asyncpg.connect(live_server.dsn)
    try:
        yield conn
    finally:
        await conn.close()
