"""Concurrent-generation caps: per user, global, immediate refusal, release on every exit."""

from __future__ import annotations

import asyncio

import pytest

from ai.coach.limits import GenerationLimiter, GenerationLimitExceeded


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
