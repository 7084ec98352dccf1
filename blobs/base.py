from __future__ import annotations

import uuid
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Protocol


def user_prefix(user_id: uuid.UUID) -> str:
    return f"imports/{user_id}/"


def import_key(user_id: uuid.UUID, import_id: uuid.UUID) -> str:
    """Keys are scoped by user; file names (which often name the partner) are not in them."""
    return f"{user_prefix(user_id)}{import_id}"


class BlobWriter(Protocol):
    async def write(self, chunk: bytes) -> None: ...


class BlobStore(Protocol):
    name: str

    def writer(self, key: str) -> AbstractAsyncContextManager[BlobWriter]:
        """Streams an object in; if the block raises, nothing is left behind."""
        ...

    async def read(self, key: str) -> bytes: ...

    async def exists(self, key: str) -> bool: ...

    async def delete(self, key: str) -> None: ...

    async def delete_partial(self, key: str) -> None:
        """Removes what a writer of `key` left half-written when its process died (a writer
        that fails cleans up after itself)."""
        ...

    async def delete_prefix(self, prefix: str) -> int: ...

    async def delete_older_than(self, cutoff: datetime, prefix: str = "imports/") -> int:
        """The sweeper's safety net: removes objects written before `cutoff`."""
        ...

    async def aclose(self) -> None: ...
