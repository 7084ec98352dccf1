"""A canned model answer in the coach's tagged format, and a room to analyse."""

from __future__ import annotations

from tests.support import factory
from tests.support.client import GraphQLClient
from tests.support.model_answers import advice_block

SUMMARY = "주말에 만나자고 돌려 말하고 있어요."
ANSWER = (
    advice_block(summary=SUMMARY)
    + "<safe>아직 계획 없어요! 지민씨는요?</safe><safe_why>가볍게 되물어요.</safe_why><safe_conf>0.8</safe_conf>"
    "<balanced>아직 비어 있어요 ㅎㅎ 같이 러닝할래요?</balanced><balanced_why>관심사로 이어가요.</balanced_why>"
    "<balanced_conf>0.7</balanced_conf>"
    "<bold>토요일에 시간 되면 저랑 카페 투어 가요!</bold><bold_why>분명하게 제안해요.</bold_why>"
    "<bold_conf>0.6</bold_conf>"
    '<emotion>{"sentiment":"POSITIVE","intensity":0.6,"labels":{"설렘":0.7}}</emotion>'
)


def pieces(text: str, size: int = 7) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


async def coach_room(client: GraphQLClient, **partner_fields) -> str:
    partner = await factory.partner(client, "지민", interests=["러닝", "카페 투어"], **partner_fields)
    room = await factory.room(client, partner["id"])
    await factory.add_messages(client, room["id"], [
        {"sender": "ME", "text": "오늘 잘 들어갔어요?", "sentAt": "2026-11-20T20:00:00+09:00"},
        {"sender": "PARTNER", "text": "이번 주말에 뭐 해요? ㅎㅎ", "sentAt": "2026-11-20T20:05:00+09:00"},
    ])
    return room["id"]
