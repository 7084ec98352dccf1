from __future__ import annotations

import strawberry
from strawberry.types import Info

from blobs import user_prefix
from datastore.stores import UnitOfWork
from graph.context import Context
from graph.ids import encode_id
from graph.inputs import DeleteAccountInput
from graph.payloads import DeleteAccountPayload
from graph.user_errors import UserErrorCode
from resolvers.validation import Problems


async def delete_account(info: Info[Context, None], input: DeleteAccountInput) -> DeleteAccountPayload:
    """Removes every row the user owns: the profile at once, the rest in purge chunks."""
    ctx = info.context
    problems = Problems()
    if not input.confirm:
        problems.add(["confirm"], "set confirm to true to delete the account", UserErrorCode.CONFIRMATION_REQUIRED)
        return DeleteAccountPayload(deleted_user_id=None, user_errors=problems.errors)
    user_id = ctx.viewer_id

    async def work(uow: UnitOfWork) -> None:
        await uow.chat_rooms.mark_all_deleted()
        await uow.partners.mark_all_deleted()
        await uow.users.delete(user_id)

    await ctx.services.db.run(work, owner=user_id)
    ctx.services.known_users.forget(user_id)
    await ctx.services.blobs.delete_prefix(user_prefix(user_id))
    await ctx.services.finish_deletion(user_id, [])
    return DeleteAccountPayload(deleted_user_id=strawberry.ID(encode_id("User", user_id)), user_errors=[])
