"""Turns of the event loop for big pieces of synchronous work.

graphql-core completes a resolved list in one go: a connection of 100 messages, with their
fields, is one synchronous stretch. When many connections resolve at once (a page of rooms,
each with a page of messages: their pages come from one loader batch), all of them complete in
the same turn of the event loop, and every other request waits that long (0.1–0.6 s for the
costliest admitted documents, bench/abuse.py). A connection resolver with many edges waits for
`my_turn()` before handing them over: waiters go on one per turn of the loop, first come first
served, so that between two of them the loop polls its sockets and runs whatever else is ready.
"""

from __future__ import annotations

import asyncio
import weakref
from collections import deque


class _Turns:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.waiting: deque[asyncio.Future[None]] = deque()
        self.releasing = False

    def release(self) -> None:
        """Lets the first waiter still waiting go on (in the loop's next turn), and comes back
        for the next one in the turn after that."""
        while self.waiting:
            future = self.waiting.popleft()
            if not future.done():  # a cancelled waiter gives its turn up
                future.set_result(None)
                break
        if self.waiting:
            self.loop.call_soon(self.release)
        else:
            self.releasing = False


_turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Turns] = weakref.WeakKeyDictionary()


async def my_turn() -> None:
    """Returns in a turn of the event loop of its own (after the loop has polled for I/O)."""
    loop = asyncio.get_running_loop()
    turns = _turns.get(loop)
    if turns is None:
        turns = _turns[loop] = _Turns(loop)
    future: asyncio.Future[None] = loop.create_future()
    turns.waiting.append(future)
    if not turns.releasing:
        turns.releasing = True
        loop.call_soon(turns.release)
    await future
