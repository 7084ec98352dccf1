"""A damaged export: NUL characters (which PostgreSQL text cannot hold) are removed from what is
stored and counted on the ChatImport; the import does not fail."""

from __future__ import annotations

import asyncpg

from graph.relay.global_id import decode_id
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.imports import expected_count, fixture, new_room, upload

DAMAGED = (
    fixture("android_ko.txt")
    .decode("utf-8")
    .replace("헐, 고생 많아요.", "헐,\x00 고생\x00\x00 많아요.")  # three in a message text
    .replace("8:17, 민준 : ", "8:17, 민\x00준 : ")  # one in a sender's name
)


async def test_nul_characters_in_an_uploaded_export_are_removed_and_counted(
    alice: GraphQLClient, db_conn: asyncpg.Connection
) -> None:
    room_id = await new_room(alice)
    payload = await upload(alice, room_id, "damaged.txt", DAMAGED.encode("utf-8"))
    assert payload["userErrors"] == []
    assert payload["import"]["nulCharactersRemoved"] == 4
    assert payload["import"]["messagesImported"] == expected_count("android_ko.txt")
    texts = await db_conn.fetch("SELECT sender_name, body FROM messages WHERE room_id = $1", decode_id(room_id).id)
    assert ("민준", "헐, 고생 많아요. 저녁은 먹었어요?") in {(r["sender_name"], r["body"]) for r in texts}
    assert {r["sender_name"] for r in texts} == {"지민", "민준"}
    node = await alice.ok("query($id: ID!) { node(id: $id) { ... on ChatImport { nulCharactersRemoved } } }",
                          {"id": payload["import"]["id"]})
    assert node["node"]["nulCharactersRemoved"] == 4


async def test_nul_characters_in_pasted_text_too(alice: GraphQLClient) -> None:
    room_id = await new_room(alice)
    data = await alice.ok(ops.IMPORT_CHAT, {"input": {"roomId": room_id, "text": DAMAGED}})
    assert data["importChat"]["userErrors"] == []
    assert data["importChat"]["import"]["nulCharactersRemoved"] == 4


async def test_a_clean_export_removes_none(alice: GraphQLClient) -> None:
    payload = await upload(alice, await new_room(alice), "android_ko.txt")
    assert payload["import"]["nulCharactersRemoved"] == 0
