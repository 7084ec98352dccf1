"""Message text never appears in the service's logs, even at DEBUG, whatever goes wrong."""

from __future__ import annotations

import logging

from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.imports import new_room, upload

MARKER = "비밀표식-7Q2X"


async def test_no_message_text_in_logs(alice: GraphQLClient, caplog, monkeypatch) -> None:
    for name in ("loveq", "graph", "resolvers", "datastore", "ai", "kakao", "blobs", "strawberry", "uvicorn"):
        caplog.set_level(logging.DEBUG, logger=name)
    room_id = await new_room(alice)
    await upload(alice, room_id, "android_ko.txt")
    await factory.add_messages(alice, room_id, [{"sender": "PARTNER", "text": f"{MARKER} 주말에 뭐 해요?", "sentAt": "2026-11-21T10:00:00+09:00"}])
    await alice.mutate(ops.ANALYZE_MESSAGE, {"roomId": room_id, "situation": f"{MARKER} 상황"}, "analyzeMessage")
    await alice.mutate(ops.ANALYZE_SPEECH, {"texts": [f"{MARKER} 안녕"]}, "analyzeSpeech")
    # An unexpected failure is logged (type and place), but not the data it carried.
    from datastore.stores.messages import MessageStore

    async def explode(self, *args, **kwargs):
        raise RuntimeError(f"failed on {MARKER}")

    monkeypatch.setattr(MessageStore, "latest_in_room", explode)
    failed = await alice.execute(ops.ANALYZE_MESSAGE, {"input": {"roomId": room_id, "message": f"{MARKER}?"}})
    assert failed.codes == ["INTERNAL_SERVER_ERROR"] and MARKER not in str(failed.body)
    assert any(record.levelno >= logging.ERROR for record in caplog.records), "the failure is logged"
    assert MARKER not in caplog.text
    assert "주말에 뭐 해요" not in caplog.text
