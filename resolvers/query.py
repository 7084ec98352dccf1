from __future__ import annotations

import asyncio
from typing import Annotated

import strawberry
from strawberry.types import Info

from graph.connection import Connection, owned_connection
from graph.context import Context
from graph.errors import BadUserInput
from graph.ids import decode_id_of
from graph.permissions import IsAuthenticated
from graph.node import Node
from graph.types import ChatRoom, Partner, PageSize, User
from resolvers import limits
from resolvers.nodes import resolve_node

Authenticated = [IsAuthenticated]


@strawberry.type
class Query:
    @strawberry.field(permission_classes=Authenticated, description="The signed-in user.")
    async def viewer(self, info: Info[Context, None]) -> User:
        ctx = info.context
        record = await ctx.loaders.user.load(ctx.viewer_id)
        if record is None:  # deleted by another process since this one last saw the user
            await ctx.services.recreate_user(ctx.principal)
            ctx.loaders.user.clear(ctx.viewer_id)
            record = await ctx.loaders.user.load(ctx.viewer_id)
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

    @strawberry.field(permission_classes=Authenticated, description="Your partner profiles, newest first.")
    async def partners(
        self,
        info: Info[Context, None],
        first: PageSize = None,
        after: str | None = None,
        last: PageSize = None,
        before: str | None = None,
    ) -> Connection[Partner]:
        ctx = info.context
        page = ctx.page_request(first=first, after=after, last=last, before=before)
        return await owned_connection(
            ctx,
            page,
            page=lambda uow: uow.partners.page(page),
            count=lambda uow: uow.partners.count(),
            node=Partner.from_record,
            prime=lambda record: ctx.loaders.partner.prime(record.id, record),
        )

    @strawberry.field(permission_classes=Authenticated, description="Your chat rooms, newest first.")
    async def chat_rooms(
        self,
        info: Info[Context, None],
        first: PageSize = None,
        after: str | None = None,
        last: PageSize = None,
        before: str | None = None,
        partner_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this partner's rooms.")
        ] = None,
    ) -> Connection[ChatRoom]:
        ctx = info.context
        page = ctx.page_request(first=first, after=after, last=last, before=before)
        partner_uuid = None
        if partner_id is not None:
            partner_uuid = decode_id_of(partner_id, "Partner")
            if partner_uuid is None:
                raise BadUserInput("`partnerId` is not a Partner ID", argument="partnerId")
        return await owned_connection(
            ctx,
            page,
            page=lambda uow: uow.chat_rooms.page(page, partner_id=partner_uuid),
            count=lambda uow: uow.chat_rooms.count(partner_id=partner_uuid),
            node=ChatRoom.from_record,
            prime=lambda record: ctx.loaders.chat_room.prime(record.id, record),
        )
