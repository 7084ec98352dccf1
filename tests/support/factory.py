"""Builds a user's data through the API, the way a client would."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from tests.support import operations as ops
from tests.support.client import GraphQLClient

T0 = datetime(2026, 11, 18, 20, 15, tzinfo=timezone(timedelta(hours=9)))


async def partner(client: GraphQLClient, name: str = "지민", **fields: Any) -> dict[str, Any]:
    input = {"name": name, "relationship": "SOME", **fields}
    return (await client.mutate(ops.CREATE_PARTNER, input, "createPartner"))["partner"]


async def room(client: GraphQLClient, partner_id: str, title: str = "지민이랑") -> dict[str, Any]:
    payload = await client.mutate(ops.CREATE_ROOM, {"partnerId": partner_id, "title": title}, "createChatRoom")
    return payload["chatRoom"]


def messages(count: int, *, start: datetime = T0, step: timedelta = timedelta(minutes=1)) -> list[dict[str, Any]]:
    return [
        {
            "sender": "PARTNER" if i % 2 else "ME",
            "text": f"메시지 {i}",
            "sentAt": (start + step * i).isoformat(),
        }
        for i in range(count)
    ]


async def add_messages(client: GraphQLClient, room_id: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return await client.mutate(ops.ADD_MESSAGES, {"roomId": room_id, "messages": items}, "addMessages")
