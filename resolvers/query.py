from __future__ import annotations

import asyncio
import inspect
import uuid
from typing import Annotated

import strawberry
from strawberry.types import Info

from datastore.paging import PageRequest
from graph.context import Context
from graph.errors import BadUserInput, Unauthenticated
from graph.permissions import IsAuthenticated
from graph.relay.connection import Connection, connection_of
from graph.relay.global_id import decode_id_of
from graph.relay.node import Node
from graph.relay.paging import connection_field
from graph.types.chat_room import ChatRoom
from graph.types.partner import Partner
from graph.types.user import User
from resolvers import input_limits as limits
from resolvers.node import resolve_node
from services.errors import AccountDeleted

Authenticated = [IsAuthenticated]


async def _partners(root: object, info: Info[Context, None], page: PageRequest) -> Connection[Partner]:
    ctx = info.context
    found = await ctx.services.partners.page(ctx.viewer_id, page)
    for record in found.rows:
        ctx.loaders.partner.prime(record.id, record)
    return await connection_of(found, node=Partner.from_record, count=lambda: ctx.services.partners.count(ctx.viewer_id))


async def _chat_rooms(
    root: object, info: Info[Context, None], page: PageRequest, partner_id: strawberry.ID | None = None
) -> Connection[ChatRoom]:
    ctx = info.context
    partner: uuid.UUID | None = None
    if partner_id is not None:
        partner = decode_id_of(partner_id, "Partner")
        if partner is None:
            raise BadUserInput("`partnerId` is not a Partner ID", argument="partnerId")
    found = await ctx.services.chat_rooms.page(ctx.viewer_id, page, partner_id=partner)
    for record in found.rows:
        ctx.loaders.chat_room.prime(record.id, record)
    return await connection_of(
        found, node=ChatRoom.from_record, count=lambda: ctx.services.chat_rooms.count(ctx.viewer_id, partner_id=partner)
    )


_PARTNER_FILTER = inspect.Parameter(
    "partner_id",
    inspect.Parameter.KEYWORD_ONLY,
    default=None,
    annotation=Annotated[strawberry.ID | None, strawberry.argument(description="Only this partner's rooms.")],
)


@strawberry.type
class Query:
    @strawberry.field(permission_classes=Authenticated, description="The signed-in user.")
    async def viewer(self, info: Info[Context, None]) -> User:
        ctx = info.context
        record = await ctx.loaders.user.load(ctx.viewer_id)
        if record is None:  # deleted by another instance since this operation was let in
            try:
                record = await ctx.services.accounts.recreate_user(ctx.viewer)
            except AccountDeleted:
                raise Unauthenticated.account_deleted() from None
            ctx.loaders.user.prime(record.id, record, force=True)
        return User.from_record(record)

    @strawberry.field(permission_classes=Authenticated, description="Fetch one of your objects by global ID.")
    async def node(self, info: Info[Context, None], id: strawberry.ID) -> Node | None:
        return await resolve_node(info.context, id)

    @strawberry.field(
        permission_classes=Authenticated,
        description=f"Fetch up to {limits.NODES_PER_CALL} of your objects; null where not found.",
    )
    async def nodes(self, info: Info[Context, None], ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > limits.NODES_PER_CALL:
            raise BadUserInput(f"at most {limits.NODES_PER_CALL} ids", argument="ids")
        return list(await asyncio.gather(*(resolve_node(info.context, raw) for raw in ids)))

    partners = connection_field(
        _partners,
        returns=Connection[Partner],
        permission_classes=Authenticated,
        description="Your partner profiles, newest first.",
    )
    chat_rooms = connection_field(
        _chat_rooms,
        returns=Connection[ChatRoom],
        permission_classes=Authenticated,
        description="Your chat rooms, newest first.",
        arguments=[_PARTNER_FILTER],
    )
