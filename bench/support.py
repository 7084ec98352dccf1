"""What the benchmarks share: a throwaway database and a `loveq serve` subprocess."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx


async def _admin(dsn: str, sql: str) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@contextmanager
def database() -> Iterator[str]:
    """A fresh database on $DATABASE_URL's server, or on an embedded one; dropped afterwards."""
    base = os.environ.get("DATABASE_URL")
    home: Path | None = None
    server = None
    if base is None:
        from loveq.embedded_pg import EmbeddedPostgres

        home = Path(tempfile.mkdtemp(prefix="loveq-bench-"))
        server = EmbeddedPostgres(home / "pgdata")
        base = server.start()
    name = f"loveq_bench_{uuid.uuid4().hex[:8]}"
    asyncio.run(_admin(base, f'CREATE DATABASE "{name}"'))
    try:
        yield urlunsplit(urlsplit(base)._replace(path=f"/{name}"))
    finally:
        asyncio.run(_admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if server is not None:
            server.stop()
        if home is not None:
            shutil.rmtree(home, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def loveq_server(dsn: str, **env: str) -> Iterator[tuple[subprocess.Popen, str, dict[str, str]]]:
    """`loveq serve` (one worker) on a free port; yields the process, its URL and its environment."""
    data_dir = Path(tempfile.mkdtemp(prefix="loveq-bench-data-"))
    full_env = {**os.environ, "DATABASE_URL": dsn, "LOVEQ_DATA_DIR": str(data_dir), "LOVEQ_LOG_LEVEL": "WARNING", **env}
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "loveq.cli", "serve", "--port", str(port)], env=full_env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.1)
        yield process, url, full_env
    finally:
        process.terminate()
        process.wait(timeout=60)
        shutil.rmtree(data_dir, ignore_errors=True)


def issuer(env: dict[str, str]):  # type: ignore[no-untyped-def]
    """The server's local token issuer (its key lives in the shared data directory)."""
    from loveq.auth import build_local_issuer
    from loveq.settings import load_settings

    return build_local_issuer(load_settings({"LOVEQ_DATA_DIR": env["LOVEQ_DATA_DIR"]}))


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]
