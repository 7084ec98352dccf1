"""The process's one Kiwi analyser, and the one thread every use of it runs on.

Kiwi takes a second or more to load its model (from the installed ``kiwipiepy_model`` package;
nothing is downloaded), so one instance is built on first use and kept for the life of the
process. Importing this module loads nothing.

Threading policy, the only one for Kiwi in the process: loading and every analysis run on one
dedicated worker thread, "loveq-local-ai", started on first use.

- Kiwi is not documented as safe to drive from several Python threads at once. One thread
  serialises it without a lock that would park the threads of a shared executor.
- Analysis holds the GIL and blocks for milliseconds per message, so more Python threads would
  not make it faster (batch analysis still uses Kiwi's own native workers).
- Async code hands a whole piece of CPU-bound work to the thread with `run_on_kiwi_thread` (the
  local engine's composition, a partner analysis, a lexicon reading), so the event loop keeps
  serving and the work makes one hop, not one per message. A cancelled caller stops waiting at
  once; the call it started finishes on the thread and is discarded.
- Synchronous code calls `on_kiwi_thread`: on the thread it runs the function directly,
  anywhere else it waits for the thread to run it. Never call it on the event loop.
"""

from __future__ import annotations

import asyncio
import functools
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, ParamSpec, TypeVar

if TYPE_CHECKING:
    from kiwipiepy import Kiwi  # type: ignore[import-untyped]

P = ParamSpec("P")
T = TypeVar("T")

THREAD_NAME = "loveq-local-ai"
_MAX_WORKERS = 4  # Kiwi's native workers for batch analysis

_here = threading.local()


def _mark_kiwi_thread() -> None:
    _here.is_kiwi_thread = True


# No thread starts until the first submit.
_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix=THREAD_NAME, initializer=_mark_kiwi_thread)
_kiwi: Kiwi | None = None


def on_kiwi_thread(function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """``function(*args, **kwargs)`` on the Kiwi thread, waiting for it (see the module docstring)."""
    if getattr(_here, "is_kiwi_thread", False):
        return function(*args, **kwargs)
    return _thread.submit(function, *args, **kwargs).result()


async def run_on_kiwi_thread(function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """``function(*args, **kwargs)`` on the Kiwi thread, awaited without blocking the loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_thread, functools.partial(function, *args, **kwargs))


def get_kiwi() -> Kiwi:
    """The process-wide Kiwi instance, loaded on the Kiwi thread on first call."""
    kiwi = _kiwi
    return kiwi if kiwi is not None else on_kiwi_thread(_instance)


def _instance() -> Kiwi:
    global _kiwi
    if _kiwi is None:
        _kiwi = _load()
    return _kiwi


def _load() -> Kiwi:
    from kiwipiepy import Kiwi

    workers = max(1, min(_MAX_WORKERS, os.cpu_count() or 1))
    kiwi = Kiwi(num_workers=workers)
    kiwi.tokenize("")  # Kiwi finishes initialising on its first analysis; pay for it here.
    return kiwi
