"""A real Love Q server for tests: uvicorn on a free port in a thread, over a real database,
and a log of every SQL statement it runs."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import uvicorn

from loveq.auth.local_issuer import LocalIssuer
from loveq.settings import Settings, load_settings


def with_database(dsn: str, database: str) -> str:
    parts = urlsplit(dsn)
    return urlunsplit(parts._replace(path=f"/{database}"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class StatementLog:
    """Every SQL statement the server runs, and on which connection, for the N+1 tests."""

    statements: list[str] = field(default_factory=list)
    connections: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def recorder(self, connection: object) -> Callable[[object], None]:
        """A query logger for one connection (asyncpg's `add_query_logger`)."""
        key = id(connection)
        return lambda query: self.record(query, key)

    def record(self, query: object, connection: int = 0) -> None:
        sql = getattr(query, "query", str(query))
        with self.lock:
            self.statements.append(sql)
            self.connections.append(connection)

    def mark(self) -> int:
        with self.lock:
            return len(self.statements)

    def since(self, mark: int) -> list[str]:
        with self.lock:
            return self.statements[mark:]

    def connections_since(self, mark: int) -> set[int]:
        """The distinct connections the statements since `mark` ran on."""
        with self.lock:
            return set(self.connections[mark:])


@dataclass
class LiveServer:
    url: str
    settings: Settings
    issuer: LocalIssuer
    statements: StatementLog
    dsn: str
    app: Any = None  # the Starlette app: its runtime (`app.state.runtime`) once started

    @property
    def graphql_url(self) -> str:
        return f"{self.url}/graphql"

    @property
    def ws_url(self) -> str:
        return self.graphql_url.replace("http://", "ws://")

    def token(self, email: str | None = None) -> str:
        return self.issuer.issue(email or f"user-{uuid.uuid4().hex[:10]}@example.com")


def make_settings(data_dir: Path, dsn: str, **overrides: str) -> Settings:
    # The per-user cost budget is generous here: the shared server's tests send costly documents
    # in quick succession (ten insights documents in a row) to test other things; the budget's
    # own tests (tests/loveq/test_guards.py) set it.
    env = {
        "LOVEQ_DATA_DIR": str(data_dir), "DATABASE_URL": dsn, "LOVEQ_SWEEP_INTERVAL": "3600",
        "LOVEQ_COST_BUDGET": "100000000", **overrides,
    }
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
