"""Blobs as files under the data directory, private to the service's user (0700 / 0600)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path


class _FileWriter:
    def __init__(self, handle) -> None:  # type: ignore[no-untyped-def]
        self._handle = handle

    async def write(self, chunk: bytes) -> None:
        await asyncio.to_thread(self._handle.write, chunk)


def _partial(path: Path) -> Path:
    """Where a writer streams the object until it is complete."""
    return path.with_name(path.name + ".partial")


class LocalBlobStore:
    name = "local"

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError("blob key escapes the store")
        return path

    @contextlib.asynccontextmanager
    async def writer(self, key: str) -> AsyncIterator[_FileWriter]:
        path = self._path(key)
        await asyncio.to_thread(self._make_dirs, path.parent)
        partial = _partial(path)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                yield _FileWriter(handle)
            os.replace(partial, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)
            raise

    def _make_dirs(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)

    async def read(self, key: str) -> bytes:
        return await asyncio.to_thread(self._path(key).read_bytes)

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._path(key).exists)

    async def delete(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            await asyncio.to_thread(os.unlink, self._path(key))

    async def delete_partial(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            await asyncio.to_thread(os.unlink, _partial(self._path(key)))

    async def delete_prefix(self, prefix: str) -> int:
        directory = self._path(prefix.rstrip("/"))
        if not directory.is_dir():
            return 0
        count = sum(1 for p in directory.rglob("*") if p.is_file())
        await asyncio.to_thread(shutil.rmtree, directory, True)
        return count

    async def delete_older_than(self, cutoff: datetime, prefix: str = "imports/") -> int:
        return await asyncio.to_thread(self._delete_older_than, cutoff.timestamp(), prefix)

    def _delete_older_than(self, cutoff: float, prefix: str) -> int:
        base = self._path(prefix.rstrip("/"))
        removed = 0
        if not base.is_dir():
            return 0
        for path in base.rglob("*"):
            with contextlib.suppress(FileNotFoundError):
                if path.is_file() and path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
        return removed

    async def aclose(self) -> None:
        return None
