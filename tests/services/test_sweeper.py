"""Raw uploads: seven days, then gone (the sweeper, in every mode); imports through S3."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from blobs import LocalBlobStore
from datastore.database import connect_postgres
from graph.relay.global_id import decode_id
from loveq.app import create_app
from loveq.auth import build_local_issuer
from services.import_lease import DEFAULT_LEASE
from services.sweeper import sweep_raw_files
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.imports import fixture, new_room, upload
from tests.support.server import LiveServer, ServerThread, make_settings
from tests.support.moto_server import MotoServer, moto_server  # noqa: F401


async def test_sweeper_deletes_expired_raw_files_but_keeps_messages(alice: GraphQLClient, live_server: LiveServer, db_conn) -> None:
    room_id = await new_room(alice)
    imported = (await upload(alice, room_id, "android_ko.txt"))["import"]
    import_id = decode_id(imported["id"]).id
    user_id = decode_id((await alice.ok(ops.VIEWER))["viewer"]["id"]).id
    raw = live_server.settings.local_blob_root / "imports" / str(user_id) / str(import_id)
    assert raw.exists()
    store = LocalBlobStore(live_server.settings.local_blob_root)
    db = await connect_postgres(live_server.dsn, min_size=1, max_size=2)
    try:
        report = await sweep_raw_files(db, store, retention=timedelta(days=7))
        assert raw.exists(), "not expired yet"
        # Seven days pass for this import (moving the clock would age every test's files).
        await db_conn.execute(
            "UPDATE chat_imports SET raw_expires_at = now() - interval '1 minute' WHERE id = $1", import_id
        )
        report = await sweep_raw_files(db, store, retention=timedelta(days=7))
    finally:
        await db.close()
    assert report.raw_files_expired >= 1 and not raw.exists()
    node = (await alice.ok('query($id: ID!) { node(id: $id) { ... on ChatImport { rawFileDeletedAt messagesImported } } }', {"id": imported["id"]}))["node"]
    assert node["rawFileDeletedAt"] is not None
    page = (await alice.ok(ops.ROOM_MESSAGES, {"room": room_id, "first": 1}))["node"]
    assert page["messages"]["totalCount"] == imported["messagesImported"], "message rows are not the raw file"


async def test_sweeper_removes_orphans_and_stale_imports(live_server: LiveServer, alice: GraphQLClient, db_conn) -> None:
    root = live_server.settings.local_blob_root
    orphan = root / "imports" / str(uuid.uuid4()) / str(uuid.uuid4())
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"left behind by a crash")
    old = time.time() - 8 * 86400
    os.utime(orphan, (old, old))
    # An import whose process died half-way, in a room whose lease is free (as one that died
    # before leases existed, or after its lease was freed): PENDING, with invisible messages.
    room_id = decode_id(await new_room(alice)).id
    user_id = decode_id((await alice.ok(ops.VIEWER))["viewer"]["id"]).id
    import_id = uuid.uuid4()
    started = datetime.now(timezone.utc) - DEFAULT_LEASE - timedelta(minutes=5)
    await db_conn.execute(
        "INSERT INTO chat_imports (id, user_id, room_id, status, messages_imported, duplicates_skipped,"
        " lines_not_understood, created_at) VALUES ($1, $2, $3, 'PENDING', 0, 0, 0, $4)", import_id, user_id, room_id, started)
    await db_conn.execute(
        "INSERT INTO messages (id, room_id, user_id, sender, body, kind, sent_at, created_at, import_id)"
        " VALUES ($1, $2, $3, 'ME', '반쯤 들어온 메시지', 'TEXT', now(), now(), $4)", uuid.uuid4(), room_id, user_id, import_id)
    db = await connect_postgres(live_server.dsn, min_size=1, max_size=2)
    try:
        report = await sweep_raw_files(db, LocalBlobStore(root), retention=timedelta(days=7))
    finally:
        await db.close()
    assert not orphan.exists() and report.orphans >= 1 and report.stale_imports >= 1
    assert await db_conn.fetchval("SELECT count(*) FROM messages WHERE import_id = $1", import_id) == 0
    assert await db_conn.fetchval("SELECT count(*) FROM chat_imports WHERE id = $1", import_id) == 0


@pytest.fixture(scope="module")
def s3_server(moto_server: MotoServer, database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:  # noqa: F811
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    bucket = f"loveq-raw-{uuid.uuid4().hex[:10]}"
    moto_server.client("s3").create_bucket(Bucket=bucket)
    settings = make_settings(
        tmp_path_factory.mktemp("s3"), database_dsn,
        LOVEQ_S3_BUCKET=bucket, LOVEQ_S3_ENDPOINT_URL=moto_server.endpoint_url, AWS_REGION=moto_server.region,
    )
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), None, database_dsn), bucket  # type: ignore[arg-type]


async def test_import_through_s3(s3_server, moto_server: MotoServer) -> None:  # noqa: F811
    server, bucket = s3_server
    client = GraphQLClient(server.graphql_url, server.token())
    room_id = await new_room(client)
    imported = (await upload(client, room_id, "windows_ko.txt"))["import"]
    user_id = decode_id((await client.ok(ops.VIEWER))["viewer"]["id"]).id
    key = f"imports/{user_id}/{decode_id(imported['id']).id}"
    s3 = moto_server.client("s3")
    head = s3.head_object(Bucket=bucket, Key=key)
    assert head["ServerSideEncryption"] == "AES256"
    assert s3.get_object(Bucket=bucket, Key=key)["Body"].read() == fixture("windows_ko.txt")
    await client.mutate(ops.DELETE_ROOM, {"id": room_id}, "deleteChatRoom")
    assert "Contents" not in s3.list_objects_v2(Bucket=bucket, Prefix=f"imports/{user_id}/")
