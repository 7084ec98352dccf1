"""Concurrent-generation caps: per user (across instances, in the database) and per process,
immediate refusal, release on every exit, slots of a dead instance lapse."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest

from services.generation_limits import GenerationLimiter, GenerationLimitExceeded


async def test_a_user_past_their_limit_is_refused_at_once():
    limiter = GenerationLimiter(per_user=2, global_limit=10)
    async with limiter.slot("u1"), limiter.slot("u1"):
        with pytest.raises(GenerationLimitExceeded) as refused:
            async with limiter.slot("u1"):
                pass
        assert (refused.value.scope, refused.value.limit) == ("user", 2)
        # Another user is not affected.
        async with limiter.slot("u2"):
            assert limiter.active == 3
    assert limiter.active == 0
    assert limiter.active_for("u1") == 0


async def test_the_global_limit_refuses_everyone_once_full():
    limiter = GenerationLimiter(per_user=5, global_limit=3)
    async with limiter.slot("a"), limiter.slot("b"), limiter.slot("c"):
        with pytest.raises(GenerationLimitExceeded) as refused:
            async with limiter.slot("d"):
                pass
        assert refused.value.scope == "global"
        assert "at most 3 generations" in str(refused.value)
    async with limiter.slot("d"):
        assert limiter.active == 1


async def test_the_user_limit_is_reported_before_the_global_one():
    limiter = GenerationLimiter(per_user=1, global_limit=1)
    async with limiter.slot("a"):
        with pytest.raises(GenerationLimitExceeded) as refused:
            async with limiter.slot("a"):
                pass
        assert refused.value.scope == "user"


async def test_refusal_does_not_wait():
    limiter = GenerationLimiter(per_user=1, global_limit=1)
    async with limiter.slot("a"):
        loop = asyncio.get_running_loop()
        started = loop.time()
        with pytest.raises(GenerationLimitExceeded):
            async with limiter.slot("b"):
                pass
        assert loop.time() - started < 0.05


async def test_slots_are_released_on_error():
    limiter = GenerationLimiter(per_user=1, global_limit=1)
    with pytest.raises(ZeroDivisionError):
        async with limiter.slot("a"):
            1 / 0
    assert limiter.active == 0
    async with limiter.slot("a"):
        pass


async def test_slots_are_released_when_the_task_is_cancelled():
    limiter = GenerationLimiter(per_user=1, global_limit=2)
    entered = asyncio.Event()

    async def generation(user):
        async with limiter.slot(user):
            entered.set()
            await asyncio.sleep(60)

    task = asyncio.create_task(generation("a"))
    await entered.wait()
    assert (limiter.active, limiter.active_for("a")) == (1, 1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert (limiter.active, limiter.active_for("a")) == (0, 0)
    async with limiter.slot("a"):
        pass


async def test_many_concurrent_requests_take_exactly_the_global_limit():
    limiter = GenerationLimiter(per_user=3, global_limit=10)
    release = asyncio.Event()
    outcomes: list[str] = []

    async def one(user):
        try:
            async with limiter.slot(user):
                outcomes.append("ran")
                await release.wait()
        except GenerationLimitExceeded as exc:
            outcomes.append(exc.scope)

    tasks = [asyncio.create_task(one(f"user-{i % 5}")) for i in range(40)]
    await asyncio.sleep(0.01)
    assert limiter.active == 10
    assert all(limiter.active_for(f"user-{i}") <= 3 for i in range(5))
    release.set()
    await asyncio.gather(*tasks)
    assert outcomes.count("ran") == 10
    assert outcomes.count("user") + outcomes.count("global") == 30
    assert limiter.active == 0


def test_limits_must_be_positive():
    with pytest.raises(ValueError):
        GenerationLimiter(per_user=0, global_limit=1)


# Across instances: the per-user count lives in the database (datastore/stores/leases.py).


@pytest.fixture
async def shared_db(live_server):  # type: ignore[no-untyped-def]
    from datastore.database import connect_postgres

    db = await connect_postgres(live_server.dsn, min_size=1, max_size=8)
    try:
        yield db
    finally:
        await db.close()


def _instances(db, count: int, *, per_user: int = 2, lease: timedelta = timedelta(seconds=30)) -> list[GenerationLimiter]:  # type: ignore[no-untyped-def]
    return [GenerationLimiter(per_user=per_user, global_limit=10, db=db, lease=lease, holder=f"instance-{i}")
            for i in range(count)]


async def test_the_per_user_limit_holds_across_instances(shared_db) -> None:  # type: ignore[no-untyped-def]
    user = uuid.uuid4()
    a, b, c = _instances(shared_db, 3)
    async with a.slot(user), b.slot(user):
        with pytest.raises(GenerationLimitExceeded) as refused:
            async with c.slot(user):
                pass
        assert (refused.value.scope, refused.value.limit) == ("user", 2)
        assert c.active == 0, "the refused instance gave its own count back"
        async with c.slot(uuid.uuid4()):  # another user is not affected
            pass
    async with c.slot(user), a.slot(user):  # freed on exit
        pass
    assert await shared_db.read(lambda uow: uow.generation_slots.live(), owner=user) == 0


async def test_instances_racing_for_a_users_slots_get_exactly_the_limit(shared_db) -> None:  # type: ignore[no-untyped-def]
    user = uuid.uuid4()
    instances = _instances(shared_db, 3)
    release = asyncio.Event()
    outcomes: list[str] = []

    async def one(limiter: GenerationLimiter) -> None:
        try:
            async with limiter.slot(user):
                outcomes.append("ran")
                await release.wait()
        except GenerationLimitExceeded as exc:
            outcomes.append(exc.scope)

    tasks = [asyncio.create_task(one(instances[i % 3])) for i in range(9)]
    while len(outcomes) < 9:  # every one has either started or been refused (after any retries)
        await asyncio.sleep(0.02)
    release.set()
    await asyncio.gather(*tasks)
    assert sorted(outcomes) == ["ran"] * 2 + ["user"] * 7


async def test_a_dead_instances_slots_lapse_and_a_live_one_keeps_its_own(shared_db) -> None:  # type: ignore[no-untyped-def]
    from datastore.ids import new_id

    user = uuid.uuid4()
    # What a killed instance leaves: both slots taken, never renewed nor freed.
    for _ in range(2):
        await shared_db.run(lambda uow: uow.generation_slots.take(2, new_id(), "dead", timedelta(seconds=0.6)), owner=user)
    (alive,) = _instances(shared_db, 1, lease=timedelta(seconds=0.6))
    with pytest.raises(GenerationLimitExceeded):
        async with alive.slot(user):
            pass
    await asyncio.sleep(0.7)
    async with alive.slot(user):  # the dead instance's slots lapsed
        await asyncio.sleep(1.5)  # over two lease periods: renewed meanwhile
        (other,) = _instances(shared_db, 1, per_user=1)
        with pytest.raises(GenerationLimitExceeded):
            async with other.slot(user):
                pass
