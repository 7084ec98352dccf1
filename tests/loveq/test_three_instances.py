"""Three `loveq serve` processes over one database, as three instances in production: nothing
that matters holds only inside one process.

- A user's concurrent generations are counted across them (LOVEQ_MAX_GENERATIONS_PER_USER).
- Exactly one of them sweeps at a time; when that process is killed, another takes over within
  one sweeper lease period.
- Two imports into one room, started on two of them at once: one CONFLICT.

Each process has its own database pool, sweeper loop and generation limiter; they share the
database (a fresh one, migrated once), the data directory (the local issuer's key and the raw
files) and a Bedrock stand-in whose answers take a few seconds.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
import pytest

from datastore.database import connect_postgres
from datastore.migrate import migrate
from loveq.auth import build_local_issuer
from loveq.settings import load_settings
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.coach import ANSWER, coach_room, pieces
from tests.support.exports import android_export
from tests.support.imports import new_room, upload
from tests.support.server import free_port, with_database
from tests.support.standins.bedrock_server import BedrockStandIn, Chunks

ROOT = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 3  # the sweeper's lease period here (production: 60)
GENERATION_SECONDS = 2.5  # how long the stand-in takes before its first piece
SWEEP_STARTED = re.compile(r"sweep started by ([^\s\"]+:\d+:[0-9a-f]{8})")


@dataclass
class Instance:
    url: str
    process: subprocess.Popen
    log: Path

    def sweeps(self) -> list[str]:
        """The holders named in this process's "sweep started" lines (its own name, if any)."""
        return SWEEP_STARTED.findall(self.log.read_text(errors="replace"))

    @property
    def alive(self) -> bool:
        return self.process.poll() is None


@dataclass
class Fleet:
    instances: list[Instance]
    data_dir: Path
    dsn: str
    bedrock: BedrockStandIn

    def client(self, index: int, token: str) -> GraphQLClient:
        return GraphQLClient(f"{self.instances[index].url}/graphql", token)

    def token(self) -> str:
        settings = load_settings({"LOVEQ_DATA_DIR": str(self.data_dir), "DATABASE_URL": self.dsn})
        return build_local_issuer(settings).issue(f"user-{uuid.uuid4().hex[:8]}@example.com")


def _environment(data_dir: Path, dsn: str, bedrock: BedrockStandIn) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("LOVEQ_")},
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": dsn,
        "LOVEQ_DATA_DIR": str(data_dir),
        "LOVEQ_MIGRATE_ON_START": "0",
        "LOVEQ_LOG_LEVEL": "INFO",
        "LOVEQ_SWEEP_INTERVAL": "1",
        "LOVEQ_SWEEPER_LEASE_SECONDS": str(LEASE_SECONDS),
        "LOVEQ_MAX_GENERATIONS_PER_USER": "2",
        "LOVEQ_ENGINE": "bedrock",
        "LOVEQ_EMOTION": "local",
        "LOVEQ_BEDROCK_ENDPOINT_URL": bedrock.endpoint_url,
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_EC2_METADATA_DISABLED": "true",
    }


def _wait_ready(instance: Instance, deadline: float) -> None:
    while time.monotonic() < deadline:
        if not instance.alive:
            raise RuntimeError(f"an instance exited at start-up:\n{instance.log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{instance.url}/readyz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"an instance did not get ready:\n{instance.log.read_text()[-3000:]}")


async def _fresh_database(server_dsn: str, name: str) -> str:
    admin = await asyncpg.connect(server_dsn)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    dsn = with_database(server_dsn, name)
    db = await connect_postgres(dsn, min_size=1, max_size=1)
    try:
        await migrate(db)
    finally:
        await db.close()
    return dsn


async def _drop_database(server_dsn: str, name: str) -> None:
    admin = await asyncpg.connect(server_dsn)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(scope="module")
def fleet(server_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fleet]:
    name = f"loveq_three_{uuid.uuid4().hex[:10]}"
    dsn = asyncio.run(_fresh_database(server_dsn, name))
    data_dir = tmp_path_factory.mktemp("three-instances")
    bedrock = BedrockStandIn(responder=lambda body: Chunks(pieces(ANSWER), first_delay=GENERATION_SECONDS)).start()
    env = _environment(data_dir, dsn, bedrock)
    build_local_issuer(load_settings(env))  # the shared signing key, made once before three processes read it
    instances = []
    try:
        for index in range(3):
            port, log = free_port(), data_dir / f"instance-{index}.log"
            command = [sys.executable, "-m", "loveq.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
            process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT)
            instances.append(Instance(f"http://127.0.0.1:{port}", process, log))
        deadline = time.monotonic() + 90
        for instance in instances:
            _wait_ready(instance, deadline)
        yield Fleet(instances, data_dir, dsn, bedrock)
    finally:
        for instance in instances:
            if instance.alive:
                instance.process.send_signal(signal.SIGTERM)
        for instance in instances:
            try:
                instance.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                instance.process.kill()
        bedrock.stop()
        asyncio.run(_drop_database(server_dsn, name))


async def test_a_users_generation_limit_holds_across_three_instances(fleet: Fleet) -> None:
    """Six generations asked at once, two on each instance, with a limit of two per user:
    exactly two run (in memory, each instance would have let two through: six)."""
    token = fleet.token()
    room_id = await coach_room(fleet.client(0, token))
    before = len(fleet.bedrock.requests)
    results = await asyncio.gather(*(
        fleet.client(i % 3, token).execute(ops.ANALYZE_MESSAGE, {"input": {"roomId": room_id}}) for i in range(6)
    ))
    finished = [r for r in results if not r.errors and r.data["analyzeMessage"]["analysis"] is not None]
    refused = [r for r in results if r.codes == ["RATE_LIMITED"]]
    assert (len(finished), len(refused)) == (2, 4), [r.body for r in results]
    assert len(fleet.bedrock.requests) - before == 2, "the refused ones never reached the model"
    again = await fleet.client(2, token).execute(ops.ANALYZE_MESSAGE, {"input": {"roomId": room_id}})
    assert not again.errors, "the slots were given back"


async def test_two_imports_into_one_room_on_two_instances_give_one_conflict(fleet: Fleet) -> None:
    token = fleet.token()
    room_id = await new_room(fleet.client(0, token))
    content = android_export(12_000)
    payloads = await asyncio.gather(
        upload(fleet.client(1, token), room_id, "a.txt", content),
        upload(fleet.client(2, token), room_id, "b.txt", content),
    )
    outcomes = sorted(tuple(e["code"] for e in p["userErrors"]) for p in payloads)
    assert outcomes == [(), ("CONFLICT",)], payloads
    page = await fleet.client(0, token).ok(ops.ROOM_MESSAGES, {"room": room_id, "first": 1})
    assert page["node"]["messages"]["totalCount"] == 12_000


def _sweepers(fleet: Fleet) -> dict[int, int]:
    """How many sweeps each instance started (by its index)."""
    return {index: len(instance.sweeps()) for index, instance in enumerate(fleet.instances)}


async def _wait_for(condition, timeout: float) -> float:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError("timed out")
        await asyncio.sleep(0.05)
    return time.monotonic() - start


async def test_exactly_one_instance_sweeps_and_another_takes_over_when_it_is_killed(fleet: Fleet) -> None:
    before = _sweepers(fleet)
    await asyncio.sleep(2 * LEASE_SECONDS)  # a sweep a second, for two lease periods
    counts = {index: n - before[index] for index, n in _sweepers(fleet).items()}
    working = [index for index, count in counts.items() if count]
    assert len(working) == 1 and counts[working[0]] >= 3, f"sweeps per instance: {counts}"
    (holder,) = working
    assert fleet.instances[holder].sweeps()[-1].split(":")[-2] == str(fleet.instances[holder].process.pid)

    fleet.instances[holder].process.kill()  # SIGKILL: no release, the lease has to expire
    fleet.instances[holder].process.wait()
    others = {index: len(fleet.instances[index].sweeps()) for index in range(3) if index != holder}
    took = await _wait_for(
        lambda: any(len(fleet.instances[i].sweeps()) > n for i, n in others.items()), timeout=3 * LEASE_SECONDS
    )
    # By design within one lease period (expiry at most 2/3 of it after the last renewal, a poll
    # every 1/3); half a second more for three busy processes to be scheduled and log.
    assert took <= LEASE_SECONDS + 0.5, f"taken over {took:.1f} s after the kill (lease period {LEASE_SECONDS} s)"
    await asyncio.sleep(LEASE_SECONDS)
    after = {index: len(fleet.instances[index].sweeps()) - n for index, n in others.items()}
    assert sorted(1 if n else 0 for n in after.values()) == [0, 1], f"new sweeps per instance: {after}"
    print(f"sweeper taken over {took:.2f} s after its holder was killed (lease period {LEASE_SECONDS} s)")
