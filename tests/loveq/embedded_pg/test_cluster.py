"""The embedded PostgreSQL: lifecycle, persistence, crash recovery, reuse, root and non-root."""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import asyncpg
import pytest

from loveq.embedded_pg import SERVER_USER, EmbeddedPostgres

REPO = Path(__file__).resolve().parents[3]
TEST_USER = "loveq-test"
IS_ROOT = os.geteuid() == 0


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    """A private (0700) directory outside pytest's basetemp.

    Another pytest session starting on this machine resets ``/tmp/pytest-of-$USER`` to 0700,
    which, as root, would revoke the server user's traverse ACL under a running test.
    """
    path = Path(tempfile.mkdtemp(prefix="loveq-pgtest-"))
    yield path
    remove_tree_and_its_servers(path)


def remove_tree_and_its_servers(path: Path) -> None:
    """Immediate shutdown of any server a failed test left running under ``path``, then rm."""
    for pid_file in path.rglob("postmaster.pid"):
        with contextlib.suppress(ValueError, IndexError, OSError):
            pid = int(pid_file.read_text().split()[0])
            if os.path.samefile(f"/proc/{pid}/cwd", pid_file.parent):  # not a faked stale pid
                os.kill(pid, signal.SIGQUIT)
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def make_pg(tmp_path: Path) -> Iterator[Callable[..., EmbeddedPostgres]]:
    made: list[EmbeddedPostgres] = []

    def make(pgdata: Path | None = None) -> EmbeddedPostgres:
        pg = EmbeddedPostgres(pgdata or tmp_path / "data" / "pgdata", timeout=20)
        made.append(pg)
        return pg

    yield make
    for pg in made:
        pg.stop()


async def fetchval(dsn: str, sql: str) -> object:
    conn = await asyncpg.connect(dsn, timeout=5)
    try:
        return await conn.fetchval(sql)
    finally:
        await conn.close()


def postmaster_pid(pg: EmbeddedPostgres) -> int | None:
    try:
        return int((pg.pgdata / "postmaster.pid").read_text().split()[0])
    except FileNotFoundError:
        return None


def wait_gone(pid: int, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        if not Path(f"/proc/{pid}/cwd").exists():  # a zombie nobody reaps yet
            return
        time.sleep(0.05)
    raise AssertionError(f"pid {pid} still running")


async def test_start_connect_stop_restart_persists(make_pg) -> None:
    pg = make_pg()
    dsn = pg.start()
    assert pg.owned and pg.start() == dsn  # start is idempotent
    assert await fetchval(dsn, "select 1") == 1
    assert await fetchval(dsn, "select current_database()") == "loveq"
    assert await fetchval(dsn, "show server_encoding") == "UTF8"
    assert (
        await fetchval(dsn, "select datcollate from pg_database where datname = current_database()")
        == "C"
    )
    assert await fetchval(dsn, "show listen_addresses") == ""
    await fetchval(dsn, "create table kept as select 'still here' as v")
    pid = postmaster_pid(pg)
    assert pid is not None

    pg.stop()
    pg.stop()  # idempotent
    wait_gone(pid)
    assert postmaster_pid(pg) is None
    assert pg.dsn is None
    with pytest.raises((OSError, asyncpg.PostgresError)):
        await fetchval(dsn, "select 1")
    assert (pg.pgdata / "server.log").stat().st_size > 0

    dsn = pg.start()
    assert await fetchval(dsn, "select v from kept") == "still here"


async def test_long_path_uses_short_socket_dir_under_tmp(make_pg, tmp_path: Path) -> None:
    pg = make_pg(tmp_path / ("d" * 100) / "pgdata")
    dsn = pg.start()
    assert "host=/tmp/loveq-pg-" in dsn
    socket_dir = Path(dsn.split("host=")[1].split("&")[0])
    assert socket_dir.stat().st_mode & 0o777 == 0o700
    assert await fetchval(dsn, "select 1") == 1
    pg.stop()
    assert not socket_dir.exists()


async def test_second_instance_reuses_running_server(make_pg) -> None:
    first, second = make_pg(), make_pg()
    dsn = first.start()
    assert second.start() == dsn
    assert not second.owned
    second.stop()  # not ours: must leave it running
    assert await fetchval(dsn, "select 1") == 1
    pid = postmaster_pid(first)
    first.stop()
    wait_gone(pid)


def test_concurrent_first_start_initialises_once(make_pg) -> None:
    instances = [make_pg() for _ in range(3)]
    dsns: list[str] = []
    threads = [threading.Thread(target=lambda pg=pg: dsns.append(pg.start())) for pg in instances]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(dsns) == 3 and len(set(dsns)) == 1
    assert sum(pg.owned for pg in instances) == 1


async def test_recovers_after_postmaster_killed(make_pg) -> None:
    pg = make_pg()
    pg.start()
    pid = postmaster_pid(pg)
    os.kill(pid, signal.SIGKILL)
    wait_gone(pid)
    assert (pg.pgdata / "postmaster.pid").exists()  # left behind by the crash

    pg.stop()  # its server is gone: nothing to do
    dsn = make_pg().start()
    assert postmaster_pid(pg) != pid
    assert await fetchval(dsn, "select 1") == 1


@pytest.mark.parametrize("stale_pid", ["self", "dead", "empty"])
async def test_recovers_from_stale_pid_file(make_pg, stale_pid: str) -> None:
    pg = make_pg()
    pg.start()
    contents = (pg.pgdata / "postmaster.pid").read_text().splitlines(True)
    pg.stop()
    if stale_pid == "self":  # the pid was reused by an unrelated live process (container restart)
        contents[0] = f"{os.getpid()}\n"
    elif stale_pid == "dead":
        contents[0] = f"{exited_pid()}\n"
    else:  # truncated by a crash during start-up
        contents = []
    for name in ("postmaster.pid", ".s.PGSQL.5432.lock"):  # a crash leaves both behind
        stale = pg.pgdata / name
        stale.write_text("".join(contents))
        if IS_ROOT:
            shutil.chown(stale, SERVER_USER, SERVER_USER)

    dsn = pg.start()
    assert pg.owned
    assert await fetchval(dsn, "select 1") == 1


def exited_pid() -> int:
    gone = subprocess.Popen(["true"])
    gone.wait()
    return gone.pid


def start_owner_process(pgdata: Path) -> subprocess.Popen[str]:
    """Another process that starts the server, prints the DSN and waits on stdin."""
    script = textwrap.dedent(
        f"""
        import sys
        from loveq.embedded_pg import EmbeddedPostgres
        print(EmbeddedPostgres({str(pgdata)!r}).start(), flush=True)
        sys.stdin.read()
        """
    )
    return subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


async def test_orphan_of_crashed_process_is_adopted(make_pg, tmp_path: Path) -> None:
    pgdata = tmp_path / "data" / "pgdata"
    owner = start_owner_process(pgdata)
    try:
        dsn = owner.stdout.readline().strip()
        assert dsn.startswith("postgresql://")
        visitor = make_pg(pgdata)
        assert visitor.start() == dsn and not visitor.owned  # its starter is alive
        visitor.stop()
        assert await fetchval(dsn, "select 1") == 1
    finally:
        owner.kill()  # a crash: no stop(), the server keeps running
        owner.wait()

    heir = make_pg(pgdata)
    assert heir.start() == dsn
    assert heir.owned
    pid = postmaster_pid(heir)
    heir.stop()
    wait_gone(pid)


@pytest.mark.skipif(not IS_ROOT, reason="root only: checks how the server drops privileges")
async def test_as_root_server_runs_unprivileged_and_parents_stay_private(
    make_pg, tmp_path: Path
) -> None:
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    pg = make_pg(private / "data" / "pgdata")
    dsn = pg.start()
    assert await fetchval(dsn, "select current_setting('data_directory')") == str(pg.pgdata)

    user = pwd.getpwnam(SERVER_USER)
    assert pg.pgdata.stat().st_uid == user.pw_uid
    assert pg.pgdata.stat().st_mode & 0o777 == 0o700
    status = Path(f"/proc/{postmaster_pid(pg)}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines())
    assert fields["Uid"].split() == [str(user.pw_uid)] * 4
    assert fields["Gid"].split() == [str(user.pw_gid)] * 4
    assert fields["Groups"].split() == []
    # The 0700 parent was opened to that one user by an ACL, not to everyone.
    assert private.stat().st_mode & 0o007 == 0
    assert os.getxattr(private, "system.posix_acl_access")
    assert not can_list_as(SERVER_USER, private)


def can_list_as(user: str, path: Path) -> bool:
    listing = subprocess.run(["runuser", "-u", user, "--", "ls", path], check=False)
    return listing.returncode == 0


# -- the full cycle as an ordinary user ---------------------------------------------------

CYCLE = textwrap.dedent(
    """
    import asyncio, json, os, sys
    import asyncpg
    from loveq.embedded_pg import EmbeddedPostgres

    async def main():
        pg = EmbeddedPostgres(sys.argv[1])
        dsn = pg.start()
        conn = await asyncpg.connect(dsn)
        one = await conn.fetchval("select 1")
        await conn.close()
        pg.stop()
        pg.stop()
        down = not os.path.exists(sys.argv[1] + "/postmaster.pid")
        print(json.dumps({"uid": os.geteuid(), "one": one, "down": down}))

    asyncio.run(main())
    """
)


def _ensure_test_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(TEST_USER)
    except KeyError:
        options = "--system --user-group --no-create-home --home-dir /nonexistent"
        command = ["useradd", *options.split(), "--shell", "/usr/sbin/nologin", TEST_USER]
        subprocess.run(command, capture_output=True, check=False)
        return pwd.getpwnam(TEST_USER)


def _interpreter_for(user: str, env: dict[str, str]) -> str | None:
    """A Python of this version that ``user`` can run and that imports our dependencies.

    The venv's interpreter may live under /root (pyenv), which other users cannot traverse;
    a system interpreter of the same minor version loads the venv's packages just as well.
    """
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [
        sys.executable,
        os.path.realpath(sys.executable),
        shutil.which(f"python{version}", path="/usr/local/bin:/usr/bin:/bin"),
        f"/usr/local/bin/python{version}",
        f"/usr/bin/python{version}",
    ]
    for candidate in dict.fromkeys(c for c in candidates if c):
        probe = [*_as_user(user, env), candidate, "-c", "import asyncpg, loveq.embedded_pg"]
        if subprocess.run(probe, capture_output=True, cwd="/", check=False).returncode == 0:
            return candidate
    return None


def _as_user(user: str, env: dict[str, str]) -> list[str]:
    return ["runuser", "-u", user, "--", "env", *[f"{k}={v}" for k, v in env.items()]]


def test_full_cycle_as_ordinary_user(tmp_path: Path) -> None:
    """As root, run start/connect/stop as an unprivileged user in a directory it owns."""
    if not IS_ROOT:  # every test already runs as an ordinary user; run the script anyway
        pythonpath = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
        env = {**os.environ, "PYTHONPATH": pythonpath}
        command = [sys.executable, "-c", CYCLE, str(tmp_path / "pgdata")]
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        uid = os.geteuid()
    else:
        user = _ensure_test_user()
        paths = [str(REPO), sysconfig.get_path("purelib"), sysconfig.get_path("platlib")]
        env = {"PYTHONPATH": os.pathsep.join(dict.fromkeys(paths)), "PATH": "/usr/bin:/bin"}
        python = _interpreter_for(user.pw_name, env)
        if python is None:
            pytest.skip(f"no Python {sys.version_info[:2]} that {TEST_USER} can run the venv with")
        home = Path(tempfile.mkdtemp(prefix="loveq-user-"))  # in /tmp: traversable by all
        os.chown(home, user.pw_uid, user.pw_gid)
        command = [*_as_user(user.pw_name, env), python, "-c", CYCLE, str(home / "pgdata")]
        try:
            result = subprocess.run(command, capture_output=True, text=True, cwd=home, check=False)
        finally:
            remove_tree_and_its_servers(home)
        uid = user.pw_uid
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"uid": uid, "one": 1, "down": True}
