"""Small helpers shared by the stores' SQL."""

from collections.abc import Iterable, Mapping
from typing import Any


def prefixed(columns: str, alias: str) -> str:
    """'id, name' with alias 'c' -> 'c.id, c.name'."""
    return ", ".join(f"{alias}.{column.strip()}" for column in columns.split(","))


def affected(status: str) -> int:
    """The row count of an asyncpg command status such as 'UPDATE 3'."""
    return int(status.rsplit(" ", 1)[-1])


def set_clause(changes: Mapping[str, Any], allowed: Iterable[str], *, first_param: int) -> tuple[str, list[Any]]:
    """`a = $n, b = $n+1, updated_at = now()` for an UPDATE, and the values in that order.

    Column names are spliced into SQL, so only names of the fixed `allowed` list pass.
    """
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValueError(f"not updatable columns: {sorted(unknown)}")
    names = list(changes)
    assignments = [f"{name} = ${index}" for index, name in enumerate(names, start=first_param)]
    return ", ".join([*assignments, "updated_at = now()"]), [changes[name] for name in names]
