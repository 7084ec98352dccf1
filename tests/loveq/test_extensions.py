"""The schema's extensions keep each request's state to itself."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from loveq.schema import build_schema
from services.identity import Principal


@dataclass
class _Accounts:
    entered: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)

    async def admit(self, principal: Principal) -> None:
        self.entered.set()
        await self.release.wait()


class _Database:
    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[None]:  # the operation's one connection: none here
        yield


@dataclass
class _Context:
    services: Any
    principal: Principal | None = Principal(subject="s", email=None, issuer="i", token_use="access")
    auth_error: Exception | None = None

    def open_operation_scope(self) -> None:
        return None

    def close_operation_scope(self, token: object) -> None:
        return None


async def test_a_request_interleaved_with_another_keeps_its_error_code() -> None:
    """Request A is held inside execution while request B runs whole; A's error must still be
    processed as A's (a shared extension instance processed B's result instead)."""
    schema = build_schema()
    accounts = _Accounts()
    limits = type("Limits", (), {"max_page_size": 100})()
    services = type("Services", (), {"accounts": accounts, "limits": limits, "db": _Database()})()
    # A fails unexpectedly (the stub context has no loaders): its error must be masked.
    held = asyncio.create_task(schema.execute("{ viewer { id } }", context_value=_Context(services)))
    await accounts.entered.wait()
    other = await schema.execute("{ viewer { nosuchfield } }", context_value=_Context(services))
    accounts.release.set()
    result = await held
    assert [e.extensions["code"] for e in other.errors] == ["GRAPHQL_VALIDATION_FAILED"]
    assert [(e.message, e.extensions["code"]) for e in result.errors] == [("Internal server error", "INTERNAL_SERVER_ERROR")]


def test_no_extension_instance_is_shared_between_requests() -> None:
    from strawberry.extensions import SchemaExtension

    assert not [e for e in build_schema().extensions if isinstance(e, SchemaExtension)]
