"""What every GraphQL request over HTTP passes before its document is even parsed: a verified
token (or an anonymous introspection, when that is open), the caller's request rate; then
the deadline its execution runs under."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from strawberry.types import ExecutionResult

from graph.errors import RateLimited, RequestTimeout
from loveq.extensions import unauthenticated
from loveq.rate_limit import RateLimiter, retry_after_header
from loveq.settings import GuardSettings


class RequestGuard:
    def __init__(self, guards: GuardSettings, *, introspection: bool) -> None:
        self.guards = guards
        self.introspection = introspection
        self.rates = RateLimiter(per_minute=guards.rate_per_minute, burst=guards.rate_burst)

    def refusal(self, context: Any, sub_response: Any) -> ExecutionResult | None:
        """The answer to a request refused before any GraphQL work, or None to go on."""
        if context.principal is None and (context.auth_error is not None or not self.introspection):
            # A bad token is refused whatever the document; without a token only an
            # introspection may go on (the authentication gate checks it after parsing).
            return ExecutionResult(data=None, errors=[unauthenticated(context.auth_error)])
        wait = self.rates.take(self._caller(context))
        if wait is not None:
            seconds = int(retry_after_header(wait))
            sub_response.status_code = 429
            sub_response.headers["Retry-After"] = str(seconds)
            return ExecutionResult(
                data=None,
                errors=[RateLimited("too many requests; try again later", scope="user", retryAfter=seconds)],
            )
        return None

    async def within_deadline(self, execute: Callable[[], Awaitable[Any]]) -> Any:
        try:
            async with asyncio.timeout(self.guards.request_timeout_seconds):
                return await execute()
        except TimeoutError:
            seconds = self.guards.request_timeout_seconds
            return ExecutionResult(data=None, errors=[RequestTimeout(f"the request took over {seconds:g} s and was stopped")])

    @staticmethod
    def _caller(context: Any) -> str:
        if context.principal is not None:
            return f"user:{context.principal.user_id}"
        client = getattr(context.request, "client", None)
        return f"address:{client.host if client else 'unknown'}"
