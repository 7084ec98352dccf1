"""Relay connections with keyset cursors."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, Generic, TypeVar

import strawberry

from datastore.paging import Key, Page, PageRequest
from datastore.stores import UnitOfWork
from graph.errors import BadUserInput

NodeT = TypeVar("NodeT")
RecordT = TypeVar("RecordT")

DEFAULT_PAGE_SIZE = 20


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items the whole list holds.")
    async def total_count(self) -> int:
        return await self.count()


def encode_cursor(key: Key) -> str:
    raw = f"{key.at.isoformat()}|{key.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, argument: str) -> Key:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, _, key_id = text.partition("|")
        key = Key(datetime.fromisoformat(at), uuid.UUID(key_id))
        if key.at.tzinfo is None:
            raise ValueError("naive time")
        return key
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadUserInput(f"`{argument}` is not a valid cursor", argument=argument) from None


def page_request(
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    max_size: int,
) -> PageRequest:
    if first is not None and last is not None:
        raise BadUserInput("pass either `first` or `last`, not both", argument="last")
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= max_size:
            raise BadUserInput(
                f"`{name}` must be between 0 and {max_size}, got {value}",
                argument=name,
                maximum=max_size,
            )
    if first is None and last is None:
        first = min(DEFAULT_PAGE_SIZE, max_size)
    return PageRequest(
        first=first,
        after=decode_cursor(after, "after") if after is not None else None,
        last=last,
        before=decode_cursor(before, "before") if before is not None else None,
    )


def build_connection(
    page: Page[RecordT],
    *,
    node: Callable[[RecordT], NodeT],
    key: Callable[[RecordT], Key],
    count: Callable[[], Awaitable[int]],
) -> Connection[NodeT]:
    edges = [Edge(cursor=encode_cursor(key(row)), node=node(row)) for row in page.rows]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        count=count,
    )


def created_key(record: Any) -> Key:
    """The cursor key of lists ordered by creation time."""
    return Key(record.created_at, record.id)


async def owned_connection(
    ctx: Any,
    request: PageRequest,
    *,
    page: Callable[[UnitOfWork], Awaitable[Page[RecordT]]],
    count: Callable[[UnitOfWork], Awaitable[int]],
    node: Callable[[RecordT], NodeT],
    key: Callable[[RecordT], Key] = created_key,
    prime: Callable[[RecordT], None] | None = None,
) -> Connection[NodeT]:
    """A page of the caller's own rows as a connection; `totalCount` is counted only if asked."""
    found = await ctx.services.db.read(page, owner=ctx.viewer_id)
    if prime is not None:
        for record in found.rows:
            prime(record)
    return build_connection(found, node=node, key=key, count=lambda: ctx.services.db.read(count, owner=ctx.viewer_id))
