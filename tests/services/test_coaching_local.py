"""The coach on the local engine, end to end over HTTP (mutation) and WebSocket (subscription)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient, WebSocketSession
from tests.support.server import LiveServer

KST = timezone(timedelta(hours=9))


async def some_room(client: GraphQLClient) -> tuple[str, str]:
    partner = await factory.partner(client, "지민", interests=["러닝", "카페 투어"], relationship="SOME")
    room = await factory.room(client, partner["id"])
    start = datetime(2026, 11, 20, 20, 0, tzinfo=KST)
    lines = [("ME", "오늘 하루 어땠어요?"), ("PARTNER", "괜찮았어요 ㅎㅎ 민준씨는요?"), ("ME", "저도 좋았어요!"),
             ("PARTNER", "이번 주말에 뭐 해요? ㅎㅎ")]
    await factory.add_messages(client, room["id"], [
        {"sender": s, "text": t, "sentAt": (start + timedelta(minutes=i)).isoformat()} for i, (s, t) in enumerate(lines)
    ])
    return partner["id"], room["id"]


async def test_mutation_analyzes_the_latest_partner_message(alice: GraphQLClient) -> None:
    _, room_id = await some_room(alice)
    payload = await alice.mutate(ops.ANALYZE_MESSAGE, {"roomId": room_id, "situation": "주말에 만나고 싶어요"}, "analyzeMessage")
    analysis = payload["analysis"]
    assert analysis["message"] == "이번 주말에 뭐 해요? ㅎㅎ"
    assert analysis["sourceMessage"]["text"] == analysis["message"]
    assert [r["risk"] for r in analysis["replies"]] == ["SAFE", "BALANCED", "BOLD"]
    texts = [r["text"] for r in analysis["replies"]]
    assert len(set(texts)) == 3 and all(texts) and all(r["explanation"] for r in analysis["replies"])
    assert all("요" in t for t in texts), "the partner writes 해요체; so do the replies"
    assert any("러닝" in t for t in texts), "the partner's interests are used"
    assert analysis["engine"] == "local" and analysis["emotion"]["sentiment"] in ("POSITIVE", "NEUTRAL", "MIXED")
    assert analysis["intent"]
    assert analysis["chatRoom"]["id"] == room_id
    listed = await alice.ok('query($id: ID!) { node(id: $id) { ... on ChatRoom { analyses(first: 5) { totalCount edges { node { id } } } } } }', {"id": room_id})
    assert listed["node"]["analyses"]["edges"][0]["node"]["id"] == analysis["id"]


async def test_subscription_streams_chunks_then_the_stored_analysis(live_server: LiveServer, alice: GraphQLClient) -> None:
    _, room_id = await some_room(alice)
    async with WebSocketSession(live_server.ws_url, init_payload={"Authorization": f"Bearer {alice.token}"}) as session:
        events = await session.subscribe(ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id, "message": "오늘 너무 피곤하다ㅠㅠ"}})
    assert all(e.get("data") for e in events), [e for e in events if not e.get("data")]
    kinds = [e["data"]["analyzeMessage"]["__typename"] for e in events]
    assert kinds[0] == "AdviceReady", "the advice comes before any reply text"
    assert kinds[-1] == "AnalysisCompleted" and kinds.count("AnalysisCompleted") == 1
    assert kinds.count("ReplyChunk") >= 6
    advice = events[0]["data"]["analyzeMessage"]["advice"]
    assert advice["summary"] and advice["timing"] in ("NOW", "LATER", "NOT_NOW") and "DISTRESS" in advice["signals"]
    chunks = [e["data"]["analyzeMessage"] for e in events[1:-1]]
    analysis = events[-1]["data"]["analyzeMessage"]["analysis"]
    for reply in analysis["replies"]:
        streamed = "".join(c["delta"] for c in chunks if c["risk"] == reply["risk"])
        assert streamed == reply["text"], "the chunks of each option add up to its final text"
    order = [c["risk"] for c in chunks]
    assert order == sorted(order, key=["SAFE", "BALANCED", "BOLD"].index)
    assert analysis["emotion"]["sentiment"] == "NEGATIVE"
    assert "피곤함" in [label["label"] for label in analysis["emotion"]["labels"]]
    assert analysis["sourceMessage"] is None
    assert analysis["advice"] == advice, "the stored analysis carries the advice that was streamed"


async def test_choose_reply_records_the_choice(alice: GraphQLClient, bob: GraphQLClient) -> None:
    _, room_id = await some_room(alice)
    analysis = (await alice.mutate(ops.ANALYZE_MESSAGE, {"roomId": room_id}, "analyzeMessage"))["analysis"]
    chosen = (await alice.mutate(ops.CHOOSE_REPLY, {"analysisId": analysis["id"], "risk": "BOLD", "rating": 5}, "chooseReply"))["analysis"]
    assert chosen["choice"]["risk"] == "BOLD" and chosen["choice"]["rating"] == 5
    bad = (await alice.ok(ops.CHOOSE_REPLY, {"input": {"analysisId": analysis["id"], "risk": "SAFE", "rating": 9}}))["chooseReply"]
    assert bad["userErrors"][0]["code"] == "OUT_OF_RANGE"
    theirs = (await bob.ok(ops.CHOOSE_REPLY, {"input": {"analysisId": analysis["id"], "risk": "SAFE"}}))["chooseReply"]
    assert theirs["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await bob.ok(ops.NODE, {"id": analysis["id"]}))["node"] is None


async def test_analyze_partner_stores_an_insight(alice: GraphQLClient) -> None:
    partner_id, _ = await some_room(alice)
    payload = await alice.mutate(ops.ANALYZE_PARTNER, {"partnerId": partner_id}, "analyzePartner")
    insight = payload["insight"]
    assert insight["personalityTraits"] and insight["communicationStyle"] and insight["topicsThatWork"]
    assert payload["partner"]["insight"]["createdAt"] is not None
    assert any("러닝" in topic for topic in insight["topicsThatWork"])


async def test_coach_input_errors(live_server: LiveServer, alice: GraphQLClient, bob: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    empty_room = (await factory.room(alice, partner["id"]))["id"]
    nothing = (await alice.ok(ops.ANALYZE_MESSAGE, {"input": {"roomId": empty_room}}))["analyzeMessage"]
    assert [(e["field"], e["code"]) for e in nothing["userErrors"]] == [(["input", "message"], "EMPTY")]
    _, bobs_room = await some_room(bob)
    theirs = (await alice.ok(ops.ANALYZE_MESSAGE, {"input": {"roomId": bobs_room}}))["analyzeMessage"]
    assert theirs["userErrors"][0]["code"] == "NOT_FOUND"
    async with WebSocketSession(live_server.ws_url, init_payload={"Authorization": f"Bearer {alice.token}"}) as session:
        events = await session.subscribe(ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": bobs_room}})
    assert [e["data"]["analyzeMessage"] for e in events] == [
        {"__typename": "AnalysisFailed", "code": "NOT_FOUND", "message": "chat room not found"}
    ]
