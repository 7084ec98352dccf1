"""A real Love Q server for tests: uvicorn on a free port in a thread, over a real database,
and a log of every SQL statement it runs."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
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
