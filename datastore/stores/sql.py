"""Small helpers shared by the stores' SQL."""


def prefixed(columns: str, alias: str) -> str:
    """'id, name' with alias 'c' -> 'c.id, c.name'."""
    return ", ".join(f"{alias}.{column.strip()}" for column in columns.split(","))


def affected(status: str) -> int:
    """The row count of an asyncpg command status such as 'UPDATE 3'."""
    return int(status.rsplit(" ", 1)[-1])
