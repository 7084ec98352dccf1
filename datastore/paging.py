"""Keyset pagination over (sort column, id): never OFFSET.

A connection is ordered oldest-first or newest-first. `first/after` walks that order forward,
`last/before` walks it backward; both fetch one row more than asked to learn whether
another page exists.
"""

from __future__ import annotations

import uuid
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
