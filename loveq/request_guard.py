"""What every GraphQL request over HTTP passes before its document is even parsed: a verified
token (or an anonymous introspection, when that is open), the caller's request rate and what
is left of their cost budget; then the deadline its execution runs under.

The cost budget is a token bucket in query-cost units per caller (`LOVEQ_COST_BUDGET` a
minute, up to `LOVEQ_COST_BURST`): the request rate alone let a user send one maximal document
after another, each a second of the worker's CPU. A caller whose bucket is empty is refused
before parsing; a document is charged its static cost once it is known (the cost-limit
extension calls `charge`), and refused, uncharged, when the bucket does not hold that much.
Both refusals are the request rate's: HTTP 429 `RATE_LIMITED` with `extensions.retryAfter`
(and `scope: "cost"`) and `Retry-After`.

Refusals are cheap: a client that ignores `retryAfter` keeps sending, and each refusal used to
cost a body read, a JSON decode and the view. An HTTP request whose headers decide it (a bad
token; a signed-in caller past their rate or with an empty budget; no token where introspection
is closed) is answered by `before_body`, called by the view before the body is read. An
anonymous request's body must be read (it may be an introspection), but a document without
`__` cannot be introspection only: it is refused before it is parsed."""

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
        self.costs = RateLimiter(per_minute=guards.cost_per_minute, burst=guards.cost_burst)

    def refusal(self, context: Any, sub_response: Any, query: object = None) -> ExecutionResult | None:
        """The answer to a request refused before any GraphQL work, or None to go on.
        `query`: the document's text, when it is known."""
        if context.principal is None and (
            context.auth_error is not None or not self.introspection or (isinstance(query, str) and "__" not in query)
        ):
            # A bad token is refused whatever the document; without a token only an
            # introspection may go on (the authentication gate checks it after parsing), and a
            # document that names no `__` field is none.
            return ExecutionResult(data=None, errors=[unauthenticated(context.auth_error)])
        if getattr(context, "admitted", False):
            return None  # `before_body` took this request's rate already
        return self._rate_refusal(self._caller(context), sub_response)

    def before_body(self, principal: Any, auth_error: Any, sub_response: Any) -> tuple[ExecutionResult | None, bool]:
        """What the headers alone decide of an HTTP request: its refusal, or None; and whether
        it was admitted (its rate taken) or must wait for its body (no token, introspection
        open: it may be an introspection)."""
        if principal is None and (auth_error is not None or not self.introspection):
            return ExecutionResult(data=None, errors=[unauthenticated(auth_error)]), False
        if principal is None:
            return None, False
        refused = self._rate_refusal(f"user:{principal.user_id}", sub_response)
        return refused, refused is None

    def _rate_refusal(self, caller: str, sub_response: Any) -> ExecutionResult | None:
        wait = self.rates.take(caller)
        if wait is not None:
            seconds = _too_many(sub_response, wait)
            return ExecutionResult(
                data=None,
                errors=[RateLimited("too many requests; try again later", scope="user", retryAfter=seconds)],
            )
        wait = self.costs.wait(caller)
        if wait is not None:
            seconds = _too_many(sub_response, wait)
            return ExecutionResult(
                data=None,
                errors=[RateLimited("the query cost budget is spent; try again later", scope="cost", retryAfter=seconds)],
            )
        return None

    def charge(self, context: Any, cost: float) -> RateLimited | None:
        """Takes a document's cost from the caller's budget: None when it may run, else the
        error that refuses it (nothing is taken then)."""
        wait = self.costs.take(self._caller(context), cost)
        if wait is None:
            return None
        request = getattr(context, "request", None)
        over_http = getattr(request, "scope", {}).get("type") == "http"
        seconds = _too_many(context.response if over_http else None, wait)
        return RateLimited(
            f"the query costs {int(cost)}, more than is left of the cost budget; try again later",
            scope="cost", retryAfter=seconds, cost=int(cost),
        )

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


def _too_many(sub_response: Any, wait: float) -> int:
    """The whole seconds to wait; an HTTP answer becomes a 429 with `Retry-After`."""
    seconds = int(retry_after_header(wait))
    if sub_response is not None:
        sub_response.status_code = 429
        sub_response.headers["Retry-After"] = str(seconds)
    return seconds
