"""One sweeper at a time across instances: the "sweeper" lease row (services/service_lease.py).
The processes themselves are in tests/test_three_instances.py; here, instances in one process."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from blobs import LocalBlobStore
from datastore.database import Database, connect_postgres
from services.service_lease import ServiceLease
from services.sweeper import sweep_forever
from tests.support.server import LiveServer


@pytest.fixture
async def db(live_server: LiveServer) -> AsyncIterator[Database]:
    database = await connect_postgres(live_server.dsn, min_size=1, max_size=8)
    try:
        yield database
    finally:
        await database.close()


async def test_one_holder_at_a_time_and_a_takeover_after_expiry(db: Database) -> None:
    name = f"test-{uuid.uuid4().hex[:8]}"
    a = ServiceLease(db, name, holder="a", period=timedelta(seconds=3))
    b = ServiceLease(db, name, holder="b", period=timedelta(seconds=3))
    assert await a.hold() and not await b.hold()
    assert await a.hold(), "the holder renews"
    both = await asyncio.gather(*(lease.hold() for lease in (a, b) for _ in range(3)))
    assert both == [True] * 3 + [False] * 3
    await asyncio.sleep(2.1)  # past a's expiry (2/3 of the period) without a renewal: a died
    assert await b.hold() and not await a.hold()
    record = await db.read(lambda uow: uow.service_leases.get(name), owner=None)
    assert record is not None and record.holder == "b"
    await b.release()
    assert await a.hold(), "a released lease is taken at once"


async def test_of_two_sweeping_instances_only_the_holder_sweeps(
    db: Database, live_server: LiveServer, caplog: pytest.LogCaptureFixture
) -> None:
    blobs = LocalBlobStore(live_server.settings.local_blob_root)
    caplog.set_level(logging.INFO, logger="services.sweeper")

    name = f"sweeper-{uuid.uuid4().hex[:8]}"  # not the test server's own sweeper's lease

    def loop(holder: str) -> asyncio.Task[None]:
        return asyncio.create_task(sweep_forever(db, blobs, interval=0.2, retention=timedelta(days=7), holder=holder,
                                                 lease_period=timedelta(seconds=1.5), lease_name=name))

    first, second = loop("first"), loop("second")
    try:
        await asyncio.sleep(2.0)
        sweepers = {r.args[0] for r in caplog.records if r.getMessage().startswith("sweep started by")}
        assert len(sweepers) == 1, sweepers
        holder = next(iter(sweepers))
        (first if holder == "first" else second).cancel()  # shutting down releases the lease
        await asyncio.sleep(1.5)
        later = [r.args[0] for r in caplog.records if r.getMessage().startswith("sweep started by")]
        assert later[-1] != holder, "the other instance took over"
    finally:
        for task in (first, second):
            task.cancel()
        await asyncio.gather(first, second, return_exceptions=True)
    record = await db.read(lambda uow: uow.service_leases.get(name), owner=None)
    assert record is not None and record.runs >= 2
