"""analyzeSpeech: the user's own texting style, from given texts or from their messages in a room."""

from __future__ import annotations

from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient

CASUAL = ["오늘 뭐해? ㅋㅋ", "나 방금 퇴근했어 ㅠㅠ", "배고프다", "내일 영화 볼래?", "ㅋㅋㅋ 진짜 웃기다", "알겠어 내일 봐"]
POLITE = ["안녕하세요 오늘 잘 지내셨어요?", "저는 방금 퇴근했어요", "주말에 시간 괜찮으세요?", "감사합니다", "내일 뵐게요"]


async def test_measures_given_texts_and_stores_them_on_the_user(alice: GraphQLClient) -> None:
    payload = await alice.mutate(ops.ANALYZE_SPEECH, {"texts": CASUAL}, "analyzeSpeech")
    style = payload["speechStyle"]
    assert style["formality"] == "CASUAL" and style["messageCount"] == 6
    assert style["laughterRatio"] == round(2 / 6, 4) and style["cryingRatio"] == round(1 / 6, 4)
    assert style["questionRatio"] > 0 and style["examples"]
    assert payload["user"]["speechStyle"] == {"formality": "CASUAL", "messageCount": 6}
    viewer = await alice.ok("{ viewer { speechStyle { formality } } }")
    assert viewer["viewer"]["speechStyle"]["formality"] == "CASUAL"


async def test_measures_the_users_messages_in_a_room(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    items = [{"sender": "ME", "text": text, "sentAt": f"2026-11-18T20:{i:02d}:00+09:00"} for i, text in enumerate(POLITE)]
    items += [{"sender": "PARTNER", "text": "ㅇㅇ 나도", "sentAt": "2026-11-18T21:00:00+09:00"}]
    await factory.add_messages(alice, room["id"], items)
    style = (await alice.mutate(ops.ANALYZE_SPEECH, {"roomId": room["id"]}, "analyzeSpeech"))["speechStyle"]
    assert style["formality"] == "SEMI_FORMAL" and style["messageCount"] == len(POLITE)


async def test_speech_input_errors(alice: GraphQLClient, bob: GraphQLClient) -> None:
    nothing = (await alice.ok(ops.ANALYZE_SPEECH, {"input": {}}))["analyzeSpeech"]
    assert nothing["userErrors"][0]["code"] == "REQUIRED"
    blank = (await alice.ok(ops.ANALYZE_SPEECH, {"input": {"texts": ["   "]}}))["analyzeSpeech"]
    assert blank["userErrors"][0]["code"] == "EMPTY"
    partner = await factory.partner(bob)
    bobs_room = await factory.room(bob, partner["id"])
    other = (await alice.ok(ops.ANALYZE_SPEECH, {"input": {"roomId": bobs_room["id"]}}))["analyzeSpeech"]
    assert [(e["field"], e["code"]) for e in other["userErrors"]] == [(["input", "roomId"], "NOT_FOUND")]
