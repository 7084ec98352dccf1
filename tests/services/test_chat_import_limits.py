"""Import limits and failures: a userErrors entry, and nothing of the import remains."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.relay.global_id import decode_id
from loveq.app import create_app
from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.server import LiveServer, ServerThread, StatementLog, make_settings
from tests.support.exports import android_export

MAX_BYTES = 300_000
MAX_MESSAGES = 3500


@pytest.fixture(scope="module")
def small_server(database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from loveq.auth import build_local_issuer

    settings = make_settings(
        tmp_path_factory.mktemp("small"),
        database_dsn,
        LOVEQ_IMPORT_MAX_BYTES=str(MAX_BYTES),
        LOVEQ_IMPORT_MAX_MESSAGES=str(MAX_MESSAGES),
    )
    statements = StatementLog()

    async def on_connect(conn) -> None:  # type: ignore[no-untyped-def]
        conn.add_query_logger(statements.record)

    with ServerThread(create_app(settings, on_connect=on_connect)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), statements, database_dsn)


@pytest.fixture
def carol(small_server: LiveServer) -> GraphQLClient:
    return GraphQLClient(small_server.graphql_url, small_server.token())


async def _room(client: GraphQLClient) -> str:
    partner = await factory.partner(client)
    return (await factory.room(client, partner["id"]))["id"]


async def _assert_nothing_stored(db_conn, server: LiveServer, client: GraphQLClient, room_id: str) -> None:
    room = decode_id(room_id).id
    assert await db_conn.fetchval("SELECT count(*) FROM messages WHERE room_id = $1", room) == 0
    assert await db_conn.fetchval("SELECT count(*) FROM chat_imports WHERE room_id = $1", room) == 0
    user_id = decode_id((await client.ok(ops.VIEWER))["viewer"]["id"]).id
    user_dir = server.settings.local_blob_root / "imports" / str(user_id)
    assert not user_dir.exists() or not any(user_dir.iterdir())
    page = (await client.ok(ops.ROOM_MESSAGES, {"room": room_id, "first": 1}))["node"]
    assert page["messages"]["totalCount"] == 0 and page["imports"]["totalCount"] == 0


def _writes(statements: list[str]) -> list[str]:
    return [s for s in statements if s.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")]


async def test_too_many_messages_are_refused_before_anything_is_written(
    carol: GraphQLClient, small_server: LiveServer, db_conn
) -> None:
    """The export is counted (parsed, nothing stored) before the import starts: one message over
    the limit is refused without a row written, a raw file stored or the room's lease taken."""
    content = android_export(MAX_MESSAGES + 1)
    assert len(content) < MAX_BYTES
    room_id = await _room(carol)
    await carol.ok(ops.VIEWER)  # the user's row exists: the import request itself writes nothing
    mark = small_server.statements.mark()
    payload = (await carol.upload(ops.IMPORT_CHAT, {"input": {"roomId": room_id, "file": None}},
                                  path="variables.input.file", file_name="big.txt", content=content)).ok()["importChat"]
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "file"], "TOO_MANY")]
    assert _writes(small_server.statements.since(mark)) == []
    await _assert_nothing_stored(db_conn, small_server, carol, room_id)


async def test_an_import_at_the_limit_succeeds(carol: GraphQLClient) -> None:
    room_id = await _room(carol)
    payload = (await carol.upload(ops.IMPORT_CHAT, {"input": {"roomId": room_id, "file": None}},
                                  path="variables.input.file", file_name="ok.txt", content=android_export(MAX_MESSAGES))).ok()["importChat"]
    assert payload["userErrors"] == [] and payload["import"]["messagesImported"] == MAX_MESSAGES
    assert payload["chatRoom"]["messages"]["totalCount"] == MAX_MESSAGES


async def test_too_large_file_and_text(carol: GraphQLClient, small_server: LiveServer, db_conn) -> None:
    room_id = await _room(carol)
    content = android_export(8000)
    assert MAX_BYTES < len(content) < 2 * MAX_BYTES
    payload = (await carol.upload(ops.IMPORT_CHAT, {"input": {"roomId": room_id, "file": None}},
                                  path="variables.input.file", file_name="big.txt", content=content)).ok()["importChat"]
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["input", "file"], "TOO_LARGE")]
    text = (await carol.ok(ops.IMPORT_CHAT, {"input": {"roomId": room_id, "text": content.decode()}}))
    assert text["importChat"]["userErrors"][0]["code"] == "TOO_LARGE"
    await _assert_nothing_stored(db_conn, small_server, carol, room_id)


async def test_far_too_large_upload_is_refused_by_the_transport(carol: GraphQLClient, small_server: LiveServer) -> None:
    room_id = await _room(carol)
    result = await carol.upload(ops.IMPORT_CHAT, {"input": {"roomId": room_id, "file": None}},
                                path="variables.input.file", file_name="huge.txt", content=b"x" * (2 * MAX_BYTES + 2 * 1024 * 1024))
    assert result.status == 413 and result.codes == ["REQUEST_TOO_LARGE"]
