"""Keyset pagination over (sort column, id): never OFFSET.

A connection is ordered oldest-first or newest-first. `first/after` walks that order forward,
`last/before` walks it backward; both fetch one row more than asked to learn whether
another page exists.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

R = TypeVar("R")


@dataclass(frozen=True)
class Key:
    at: datetime
    id: uuid.UUID


@dataclass(frozen=True)
class PageRequest:
    first: int | None = None
    after: Key | None = None
    last: int | None = None
    before: Key | None = None

    @property
    def backwards(self) -> bool:
        return self.last is not None

    @property
    def size(self) -> int:
        size = self.last if self.backwards else self.first
        assert size is not None, "a page request needs first or last"
        return size


@dataclass(frozen=True)
class Page(Generic[R]):
    rows: list[R]
    has_next: bool
    has_previous: bool


@dataclass(frozen=True)
class KeysetClause:
    """SQL fragments to append to a query that already has a WHERE clause."""

    where: str
    order_by: str
    limit: int
    params: list[Any]


def keyset_clause(
    page: PageRequest, *, sort: str, id_column: str = "id", newest_first: bool, first_param: int
) -> KeysetClause:
    after_op, before_op = ("<", ">") if newest_first else (">", "<")
    conditions: list[str] = []
    params: list[Any] = []
    n = first_param
    for key, op in ((page.after, after_op), (page.before, before_op)):
        if key is not None:
            conditions.append(f"({sort}, {id_column}) {op} (${n}, ${n + 1})")
            params += [key.at, key.id]
            n += 2
    descending = newest_first != page.backwards
    direction = "DESC" if descending else "ASC"
    return KeysetClause(
        where="".join(f" AND {c}" for c in conditions),
        order_by=f"{sort} {direction}, {id_column} {direction}",
        limit=page.size + 1,
        params=params,
    )


def to_page(rows: list[R], page: PageRequest) -> Page[R]:
    has_more = len(rows) > page.size
    rows = rows[: page.size]
    if page.backwards:
        rows.reverse()
        return Page(rows, has_next=page.before is not None, has_previous=has_more)
    return Page(rows, has_next=has_more, has_previous=page.after is not None)


@dataclass(frozen=True)
class Listing:
    """An owner-scoped list of one table's rows, paged by keyset.

    ``where`` is the condition every listed row meets, written with ``alias`` and with ``$1``
    standing for the owner; ``columns`` are read unprefixed, as the row factory expects them.
    """

    table: str
    alias: str
    columns: str
    where: str
    sort: str
    newest_first: bool

    def _clause(self, page: PageRequest, first_param: int) -> KeysetClause:
        return keyset_clause(
            page,
            sort=f"{self.alias}.{self.sort}",
            id_column=f"{self.alias}.id",
            newest_first=self.newest_first,
            first_param=first_param,
        )

    @property
    def _select(self) -> str:
        a = self.alias
        return ", ".join(f"{a}.{column.strip()}" for column in self.columns.split(","))


async def page_of(
    conn: Any,
    listing: Listing,
    owner: Any,
    page: PageRequest,
    row: Callable[[Any], R],
    *,
    filters: Sequence[tuple[str, Any]] = (),
) -> Page[R]:
    """One page of the owner's rows; each filter is (`column`, value) equality on the table."""
    params: list[Any] = [owner]
    where = listing.where
    for column, value in filters:
        params.append(value)
        where += f" AND {listing.alias}.{column} = ${len(params)}"
    clause = listing._clause(page, first_param=len(params) + 1)
    rows = await conn.fetch(
        f"SELECT {listing._select} FROM {listing.table} {listing.alias} WHERE {where}{clause.where}"
        f" ORDER BY {clause.order_by} LIMIT {clause.limit}",
        *params,
        *clause.params,
    )
    return to_page([row(r) for r in rows], page)


# Rows turned into records between two turns of the event loop (an analysis's takes ~50 µs).
ROWS_PER_TURN = 500


async def pages_by_parent(
    conn: Any,
    listing: Listing,
    owner: Any,
    parent_column: str,
    parent_ids: Sequence[uuid.UUID],
    page: PageRequest,
    row: Callable[[Any], R],
) -> dict[uuid.UUID, Page[R]]:
    """The same page of many parents' rows (a room's messages, a partner's rooms) in one
    statement: a LATERAL keyset scan per parent."""
    a = listing.alias
    clause = listing._clause(page, first_param=3)
    rows = await conn.fetch(
        f"""
        SELECT x.* FROM unnest($2::uuid[]) AS parent(id)
        CROSS JOIN LATERAL (
            SELECT {listing._select} FROM {listing.table} {a}
            WHERE {listing.where} AND {a}.{parent_column} = parent.id {clause.where}
            ORDER BY {clause.order_by} LIMIT {clause.limit}
        ) x
        """,
        owner,
        list(parent_ids),
        *clause.params,
    )
    grouped: dict[uuid.UUID, list[R]] = {parent: [] for parent in parent_ids}
    for index, record in enumerate(rows):
        if index and index % ROWS_PER_TURN == 0:
            await asyncio.sleep(0)  # thousands of rows (a page of 100 rooms' pages): not in one stretch
        grouped[record[parent_column]].append(row(record))
    return {parent: to_page(records, page) for parent, records in grouped.items()}


async def count_of(conn: Any, listing: Listing, owner: Any, *, filters: Sequence[tuple[str, Any]] = ()) -> int:
    params: list[Any] = [owner]
    where = listing.where
    for column, value in filters:
        params.append(value)
        where += f" AND {listing.alias}.{column} = ${len(params)}"
    return await conn.fetchval(f"SELECT count(*) FROM {listing.table} {listing.alias} WHERE {where}", *params)


async def counts_by_parent(
    conn: Any, listing: Listing, owner: Any, parent_column: str, parent_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, int]:
    a = listing.alias
    rows = await conn.fetch(
        f"SELECT {a}.{parent_column} AS parent, count(*) AS n FROM {listing.table} {a}"
        f" WHERE {listing.where} AND {a}.{parent_column} = ANY($2::uuid[]) GROUP BY {a}.{parent_column}",
        owner,
        list(parent_ids),
    )
    counts = {record["parent"]: record["n"] for record in rows}
    return {parent: counts.get(parent, 0) for parent in parent_ids}
