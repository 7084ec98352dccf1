"""Run the local analyser's CPU-bound work off the event loop.

Kiwi analysis holds the GIL and blocks for milliseconds per message, so it never runs on the
loop. All of the local engine's work goes to one dedicated worker thread: the analyser is not
documented as safe to drive from several threads at once, one worker serialises it without a
lock that would park threads of the shared default executor, and since the work holds the GIL
more threads would not make it faster. The thread is created on first use; a cancelled caller
stops waiting at once, while the call it started finishes on the worker and is discarded.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_executor: ThreadPoolExecutor | None = None


def _worker() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="loveq-local-ai")
    return _executor


async def run_local(function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """``function(*args, **kwargs)`` on the local-analysis worker thread."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_worker(), functools.partial(function, *args, **kwargs))
