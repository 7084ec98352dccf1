"""Blobs in Amazon S3 through aioboto3: server-side encryption (AES256), multipart streaming so
memory stays flat. The bucket's lifecycle rule that expires raw uploads after the retention is
the infrastructure's (deploy/templates/shared.yaml): the service needs no right over it."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

PART_SIZE = 8 * 1024 * 1024  # S3 needs parts of at least 5 MiB (but the last)


class _MultipartWriter:
    def __init__(self, client: Any, bucket: str, key: str) -> None:
        self._client = client
        self._bucket = bucket
        self._key = key
        self._buffer = bytearray()
        self._upload_id: str | None = None
        self._parts: list[dict[str, Any]] = []

    async def write(self, chunk: bytes) -> None:
        self._buffer.extend(chunk)
        if len(self._buffer) >= PART_SIZE:
            await self._flush_part()

    async def _flush_part(self) -> None:
        if self._upload_id is None:
            created = await self._client.create_multipart_upload(
                Bucket=self._bucket, Key=self._key, ServerSideEncryption="AES256"
            )
            self._upload_id = created["UploadId"]
        number = len(self._parts) + 1
        part = await self._client.upload_part(
            Bucket=self._bucket, Key=self._key, UploadId=self._upload_id, PartNumber=number, Body=bytes(self._buffer)
        )
        self._parts.append({"ETag": part["ETag"], "PartNumber": number})
        self._buffer.clear()

    async def finish(self) -> None:
        if self._upload_id is None:  # small object: one request
            await self._client.put_object(
                Bucket=self._bucket, Key=self._key, Body=bytes(self._buffer), ServerSideEncryption="AES256"
            )
            return
        if self._buffer:
            await self._flush_part()
        await self._client.complete_multipart_upload(
            Bucket=self._bucket, Key=self._key, UploadId=self._upload_id, MultipartUpload={"Parts": self._parts}
        )

    async def abort(self) -> None:
        if self._upload_id is not None:
            await self._client.abort_multipart_upload(Bucket=self._bucket, Key=self._key, UploadId=self._upload_id)


class S3BlobStore:
    name = "s3"

    def __init__(self, *, session: Any, bucket: str, region: str, endpoint_url: str | None = None) -> None:
        self.bucket = bucket
        self._session = session
        self._region = region
        self._endpoint_url = endpoint_url
        self._exit: contextlib.AsyncExitStack | None = None
        self._client: Any = None

    async def _s3(self) -> Any:
        if self._client is None:
            self._exit = contextlib.AsyncExitStack()
            self._client = await self._exit.enter_async_context(
                self._session.client("s3", region_name=self._region, endpoint_url=self._endpoint_url)
            )
        return self._client

    @contextlib.asynccontextmanager
    async def writer(self, key: str) -> AsyncIterator[_MultipartWriter]:
        writer = _MultipartWriter(await self._s3(), self.bucket, key)
        try:
            yield writer
            await writer.finish()
        except BaseException:
            with contextlib.suppress(Exception):
                await writer.abort()
            raise

    async def read(self, key: str) -> bytes:
        response = await (await self._s3()).get_object(Bucket=self.bucket, Key=key)
        async with response["Body"] as body:
            return await body.read()

    async def exists(self, key: str) -> bool:
        client = await self._s3()
        try:
            await client.head_object(Bucket=self.bucket, Key=key)
        except client.exceptions.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    async def delete(self, key: str) -> None:
        await (await self._s3()).delete_object(Bucket=self.bucket, Key=key)

    async def delete_partial(self, key: str) -> None:
        """Aborts the multipart uploads of `key` still open (the bucket's lifecycle rule would
        abort them after a day; a dead import's are aborted as soon as it is reclaimed)."""
        client = await self._s3()
        paginator = client.get_paginator("list_multipart_uploads")
        async for page in paginator.paginate(Bucket=self.bucket, Prefix=key):
            for upload in page.get("Uploads", []):
                if upload["Key"] == key:
                    await client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload["UploadId"])

    async def _delete_where(self, prefix: str, keep: Any) -> int:
        client = await self._s3()
        removed = 0
        paginator = client.get_paginator("list_objects_v2")
        async for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
            doomed = [{"Key": item["Key"]} for item in page.get("Contents", []) if not keep(item)]
            for start in range(0, len(doomed), 1000):
                batch = doomed[start : start + 1000]
                await client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})
                removed += len(batch)
        return removed

    async def delete_prefix(self, prefix: str) -> int:
        return await self._delete_where(prefix, keep=lambda item: False)

    async def delete_older_than(self, cutoff: datetime, prefix: str = "imports/") -> int:
        return await self._delete_where(prefix, keep=lambda item: item["LastModified"] >= cutoff)

    async def aclose(self) -> None:
        if self._exit is not None:
            await self._exit.aclose()
            self._exit, self._client = None, None
