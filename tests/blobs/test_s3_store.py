"""The S3 blob store against moto's S3 server, through aioboto3."""

from __future__ import annotations

import os
import uuid
from datetime import datetime, timedelta, timezone

import aioboto3
import pytest

from blobs.s3 import PART_SIZE, S3BlobStore
from tests.support.moto_server import MotoServer, moto_server  # noqa: F401


@pytest.fixture
def store(moto_server: MotoServer, monkeypatch) -> S3BlobStore:  # noqa: F811
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    bucket = f"loveq-{uuid.uuid4().hex[:12]}"
    moto_server.client("s3").create_bucket(Bucket=bucket)
    return S3BlobStore(session=aioboto3.Session(), bucket=bucket, region=moto_server.region, endpoint_url=moto_server.endpoint_url)


async def _write(store: S3BlobStore, key: str, content: bytes, chunk: int = 64 * 1024) -> None:
    async with store.writer(key) as writer:
        for start in range(0, len(content), chunk):
            await writer.write(content[start : start + chunk])


async def test_small_and_multipart_objects_are_encrypted(store: S3BlobStore, moto_server: MotoServer) -> None:  # noqa: F811
    small, large = os.urandom(1000), os.urandom(PART_SIZE * 2 + 12345)
    await _write(store, "imports/u/small", small)
    await _write(store, "imports/u/large", large, chunk=1024 * 1024)
    s3 = moto_server.client("s3")
    for key, content in (("imports/u/small", small), ("imports/u/large", large)):
        head = s3.head_object(Bucket=store.bucket, Key=key)
        assert head["ServerSideEncryption"] == "AES256"
        assert await store.read(key) == content
    await store.aclose()


async def test_failed_write_leaves_nothing(store: S3BlobStore, moto_server: MotoServer) -> None:  # noqa: F811
    with pytest.raises(RuntimeError):
        async with store.writer("imports/u/broken") as writer:
            await writer.write(os.urandom(PART_SIZE + 1))
            raise RuntimeError("upload interrupted")
    assert not await store.exists("imports/u/broken")
    assert moto_server.client("s3").list_multipart_uploads(Bucket=store.bucket).get("Uploads", []) == []
    await store.aclose()


async def test_delete_partial_aborts_what_a_dead_writer_left_open(store: S3BlobStore, moto_server: MotoServer) -> None:  # noqa: F811
    """A process killed mid-upload leaves its multipart upload open (parts stored, billed, and
    holding the user's chat); reclaiming its import aborts it, and only its."""
    s3 = moto_server.client("s3")
    for key in ("imports/u/dead", "imports/u/dead-not", "imports/u/alive"):
        upload = s3.create_multipart_upload(Bucket=store.bucket, Key=key, ServerSideEncryption="AES256")
        s3.upload_part(Bucket=store.bucket, Key=key, UploadId=upload["UploadId"], PartNumber=1, Body=b"x" * 1024)
    await store.delete_partial("imports/u/dead")
    await store.delete_partial("imports/u/never-started")
    left = {u["Key"] for u in s3.list_multipart_uploads(Bucket=store.bucket).get("Uploads", [])}
    assert left == {"imports/u/dead-not", "imports/u/alive"}
    await store.aclose()


async def test_delete_prefix_and_age(store: S3BlobStore) -> None:
    for key in ("imports/a/1", "imports/a/2", "imports/b/1"):
        await _write(store, key, b"x")
    assert await store.delete_prefix("imports/a/") == 2
    assert not await store.exists("imports/a/1") and await store.exists("imports/b/1")
    assert await store.delete_older_than(datetime.now(timezone.utc) - timedelta(days=7)) == 0
    assert await store.delete_older_than(datetime.now(timezone.utc) + timedelta(minutes=1)) == 1
    assert not await store.exists("imports/b/1")
    await store.aclose()
