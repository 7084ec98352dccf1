"""How many generations may run at once: per user and in the whole process.

``slot(user_id)`` either takes a slot at once or raises ``GenerationLimitExceeded``; nobody
waits in a queue (a person who asks twice gets a clear answer, not a growing delay). Taking a
slot involves no ``await``, so on one event loop the check and the count cannot interleave with
another request; the slot is given back in ``__aexit__``, which runs on normal exit, on error
and on cancellation alike.
"""

from __future__ import annotations

from collections import Counter
from types import TracebackType
from typing import Literal


class GenerationLimitExceeded(Exception):
    def __init__(self, scope: Literal["user", "global"], limit: int) -> None:
        who = "for this user" if scope == "user" else "on this server"
        super().__init__(f"at most {limit} generations may run at once {who}")
        self.scope = scope
        self.limit = limit


class GenerationLimiter:
    def __init__(self, per_user: int, global_limit: int) -> None:
        if per_user < 1 or global_limit < 1:
            raise ValueError("limits must be at least 1")
        self.per_user = per_user
        self.global_limit = global_limit
        self._by_user: Counter[str] = Counter()
        self._total = 0

    @property
    def active(self) -> int:
        return self._total

    def active_for(self, user_id: object) -> int:
        return self._by_user[str(user_id)]

    def slot(self, user_id: object) -> _Slot:
        """``async with limiter.slot(user_id): ...`` — raises ``GenerationLimitExceeded`` on
        entry when the user's or the global limit is reached."""
        return _Slot(self, str(user_id))

    def _acquire(self, user: str) -> None:
        # The user's own limit is checked first: someone over their share is told so even
        # when the server is also full.
        if self._by_user[user] >= self.per_user:
            raise GenerationLimitExceeded("user", self.per_user)
        if self._total >= self.global_limit:
            raise GenerationLimitExceeded("global", self.global_limit)
        self._by_user[user] += 1
        self._total += 1

    def _release(self, user: str) -> None:
        self._total -= 1
        self._by_user[user] -= 1
        if self._by_user[user] <= 0:
            del self._by_user[user]


class _Slot:
    __slots__ = ("_limiter", "_user", "_held")

    def __init__(self, limiter: GenerationLimiter, user: str) -> None:
        self._limiter = limiter
        self._user = user
        self._held = False

    async def __aenter__(self) -> None:
        if self._held:
            raise RuntimeError("a slot is entered once")
        self._limiter._acquire(self._user)
        self._held = True

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._held:
            self._held = False
            self._limiter._release(self._user)
