from __future__ import annotations

import strawberry
from strawberry.types import Info

from graph.context import Context
from graph.inputs import DeleteAccountInput
from graph.payloads import DeleteAccountPayload
from graph.relay.global_id import encode_id
from graph.user_errors import UserErrorCode
from resolvers.validation import Problems


async def delete_account(info: Info[Context, None], input: DeleteAccountInput) -> DeleteAccountPayload:
    """Removes the account and every row it owns."""
    ctx = info.context
    problems = Problems()
    if not input.confirm:
        problems.add(["confirm"], "set confirm to true to delete the account", UserErrorCode.CONFIRMATION_REQUIRED)
        return DeleteAccountPayload(deleted_user_id=None, user_errors=problems.errors)
    await ctx.services.accounts.delete_account(ctx.viewer_id)
    return DeleteAccountPayload(deleted_user_id=strawberry.ID(encode_id("User", ctx.viewer_id)), user_errors=[])
