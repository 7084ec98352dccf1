"""`node` / `nodes`: the caller's own objects only; anything else answers null."""

from __future__ import annotations

from graph.context import Context
from graph.relay.global_id import decode_id
from graph.relay.node import NODE_KINDS, Node


async def resolve_node(ctx: Context, raw: str) -> Node | None:
    decoded = decode_id(raw)
    kind = NODE_KINDS.get(decoded.type_name) if decoded else None
    if kind is None:
        return None
    record = await getattr(ctx.loaders, kind.loader).load(decoded.id)
    return kind.build(record) if record is not None else None
