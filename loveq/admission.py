"""Letting an authenticated caller's account in, once per operation (HTTP and WebSocket)."""

from __future__ import annotations

from typing import Any

from loveq.auth.errors import AuthenticationError
from services.errors import AccountDeleted


async def admit(ctx: Any) -> None:
    """Makes sure the caller's user row exists; when the account was deleted after the token's
    sign-in, drops the principal and records why, so the operation is refused as UNAUTHENTICATED
    (`extensions.reason = "account_deleted"`) like any credential that does not hold."""
    try:
        await ctx.services.accounts.admit(ctx.principal)
    except AccountDeleted:
        ctx.principal, ctx.auth_error = None, AuthenticationError("account_deleted")
