"""Relay connections over keyset pages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import strawberry

from datastore.paging import Key, Page
from graph.relay.cursor import encode_cursor
from graph.turns import my_turn

# A page of at least this many rows is built and completed in a turn of the event loop of its own
# (graph/turns.py): a page of pages (many rooms' messages, from one loader batch) is then
# answered piece by piece, not in one stretch.
TURN_ROWS = 10

NodeT = TypeVar("NodeT")
RecordT = TypeVar("RecordT")


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


def created_key(record: Any) -> Key:
    """The cursor key of lists ordered by creation time."""
    return Key(record.created_at, record.id)


def build_connection(
    page: Page[RecordT],
    *,
    node: Callable[[RecordT], NodeT],
    count: Callable[[], Awaitable[int]],
    key: Callable[[RecordT], Key] = created_key,
) -> Connection[NodeT]:
    """`count` runs only when `totalCount` is asked for."""
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


async def connection_of(
    page: Page[RecordT],
    *,
    node: Callable[[RecordT], NodeT],
    count: Callable[[], Awaitable[int]],
    key: Callable[[RecordT], Key] = created_key,
) -> Connection[NodeT]:
    """`build_connection` for a resolver: a long page waits for a turn of the event loop of its
    own, where its edges are built and then completed (graphql-core completes what a resolver
    returns in the same step)."""
    if len(page.rows) >= TURN_ROWS:
        await my_turn()
    return build_connection(page, node=node, count=count, key=key)
