"""Importing the KakaoTalk fixture exports through the endpoint."""

from __future__ import annotations

from pathlib import Path

from kakao import parse_lines
from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient

FIXTURES = Path(__file__).resolve().parents[1] / "kakao" / "fixtures"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def expected_count(name: str) -> int:
    messages, _ = parse_lines((FIXTURES / name).read_text(encoding="utf-8-sig").splitlines())
    return len(messages)


async def new_room(client: GraphQLClient, partner: str = "지민") -> str:
    created = await factory.partner(client, partner)
    return (await factory.room(client, created["id"], f"{partner}와의 대화"))["id"]


async def upload(client: GraphQLClient, room_id: str, name: str, content: bytes | None = None, **extra) -> dict:
    result = await client.upload(
        ops.IMPORT_CHAT,
        {"input": {"roomId": room_id, "file": None, **extra}},
        path="variables.input.file",
        file_name=name,
        content=fixture(name) if content is None else content,
    )
    return result.ok()["importChat"]
