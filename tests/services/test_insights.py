"""ChatRoom.insights through the endpoint, on a conversation with hand-computed figures."""

from __future__ import annotations

from tests.support import factory
from tests.support.client import GraphQLClient

INSIGHTS = """
query($id: ID!, $from: DateTime, $to: DateTime, $tz: String! = "Asia/Seoul") { node(id: $id) { ... on ChatRoom {
  insights(from: $from, to: $to, timezone: $tz) {
    me { messageCount medianReplySeconds conversationsStarted questionRate laughterRate lateNightShare }
    partner { messageCount medianReplySeconds medianReplyToQuestionSeconds conversationsStarted questionRate laughterRate lateNightShare averageLength }
    interestScore lowConfidence factors { name label effect detail } weekly { weekStart score partnerMessages myMessages }
  } } } }
"""

CONVERSATION = [
    ("ME", "뭐해?", "2026-11-20T20:00:00+09:00"),
    ("PARTNER", "나 영화 봐 ㅋㅋ", "2026-11-20T20:02:00+09:00"),
    ("ME", "무슨 영화?", "2026-11-20T20:03:00+09:00"),
    ("PARTNER", "인터스텔라!", "2026-11-20T20:13:00+09:00"),
    ("PARTNER", "자?", "2026-11-20T23:30:00+09:00"),
    ("PARTNER", "좋은 아침", "2026-11-21T09:00:00+09:00"),
    ("ME", "굿모닝 ㅎㅎ", "2026-11-21T09:30:00+09:00"),
]


async def test_insights_of_a_known_conversation(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    await factory.add_messages(alice, room["id"], [{"sender": s, "text": t, "sentAt": at} for s, t, at in CONVERSATION])
    insights = (await alice.ok(INSIGHTS, {"id": room["id"]}))["node"]["insights"]
    assert insights["partner"] == {
        "messageCount": 4, "medianReplySeconds": 360.0, "medianReplyToQuestionSeconds": 360.0,
        "conversationsStarted": 1, "questionRate": 0.25, "laughterRate": 0.25, "lateNightShare": 0.25,
        "averageLength": insights["partner"]["averageLength"],
    }
    assert insights["me"] == {
        "messageCount": 3, "medianReplySeconds": 930.0, "conversationsStarted": 1,
        "questionRate": insights["me"]["questionRate"], "laughterRate": insights["me"]["laughterRate"],
        "lateNightShare": 0.0,
    }
    assert abs(insights["me"]["questionRate"] - 2 / 3) < 1e-3 and abs(insights["me"]["laughterRate"] - 1 / 3) < 1e-3
    assert 0 <= insights["interestScore"] <= 100 and insights["lowConfidence"] is True
    assert insights["factors"] and all(f["label"] and f["detail"] for f in insights["factors"])
    assert [w["weekStart"] for w in insights["weekly"]] == ["2026-11-16"]

    window = (await alice.ok(INSIGHTS, {"id": room["id"], "from": "2026-11-21T00:00:00+09:00"}))["node"]["insights"]
    assert window["partner"]["messageCount"] == 1 and window["me"]["messageCount"] == 1

    bad = await alice.execute(INSIGHTS, {"id": room["id"], "tz": "Nowhere/Land"})
    assert bad.codes == ["BAD_USER_INPUT"]
