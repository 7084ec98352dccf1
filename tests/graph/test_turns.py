"""graph/turns.py: waiters for a turn go on one per turn of the event loop, in order, and the
loop runs what else is ready between two of them."""

from __future__ import annotations

import asyncio

from graph.turns import my_turn


async def test_waiters_go_on_one_per_turn_of_the_loop() -> None:
    log: list[str] = []
    stop = False

    def tick() -> None:  # something else that is ready on every turn of the loop
        log.append("tick")
        if not stop:
            asyncio.get_running_loop().call_soon(tick)

    async def worker(name: str) -> None:
        await my_turn()
        log.append(name)

    asyncio.get_running_loop().call_soon(tick)
    await asyncio.gather(*(worker(name) for name in "abc"))
    stop = True
    work = [entry for entry in log if entry != "tick"]
    assert work == ["a", "b", "c"], "first come, first served"
    at = [log.index(name) for name in "abc"]
    assert all("tick" in log[before + 1 : after] for before, after in zip(at, at[1:])), log


async def test_a_cancelled_waiter_gives_its_turn_up() -> None:
    done: list[str] = []

    async def worker(name: str) -> None:
        await my_turn()
        done.append(name)

    first, second, third = (asyncio.create_task(worker(name)) for name in "abc")
    await asyncio.sleep(0)
    second.cancel()
    await asyncio.gather(first, third)
    assert done == ["a", "c"] and second.cancelled()
    await my_turn()  # and the turns go on afterwards
