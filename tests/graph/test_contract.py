"""The contract the frontend codes against, exercised over real HTTP."""

from __future__ import annotations

from datetime import datetime

from graph.relay.global_id import decode_id
from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.server import LiveServer


async def test_viewer_is_created_on_first_use_with_the_token_email(live_server: LiveServer) -> None:
    client = GraphQLClient(live_server.graphql_url, live_server.token("Mina@Example.com"))
    viewer = (await client.ok(ops.VIEWER))["viewer"]
    assert viewer["email"] == "mina@example.com"
    assert viewer["profile"] == {"nickname": None, "gender": None, "birthYear": None, "mbti": None, "bio": None}
    assert decode_id(viewer["id"]).type_name == "User"
    again = (await client.ok(ops.VIEWER))["viewer"]
    assert again["id"] == viewer["id"] and again["createdAt"] == viewer["createdAt"]


async def test_update_profile_sets_and_clears_fields(alice: GraphQLClient) -> None:
    payload = await alice.mutate(
        ops.UPDATE_PROFILE,
        {"nickname": "  하늘 ", "gender": "FEMALE", "birthYear": 1998, "mbti": "enfp", "bio": "영화 좋아해요"},
        "updateProfile",
    )
    assert payload["user"]["profile"] == {
        "nickname": "하늘", "gender": "FEMALE", "birthYear": 1998, "mbti": "ENFP", "bio": "영화 좋아해요",
    }
    payload = await alice.mutate(ops.UPDATE_PROFILE, {"bio": None}, "updateProfile")
    assert payload["user"]["profile"]["bio"] is None
    assert payload["user"]["profile"]["nickname"] == "하늘"  # omitted fields keep their value
    viewer = (await alice.ok(ops.VIEWER))["viewer"]
    assert viewer["profile"]["mbti"] == "ENFP"


async def test_partner_lifecycle(alice: GraphQLClient) -> None:
    created = await factory.partner(
        alice, "지민", relationship="BLIND_DATE", age=27, mbti="istj", description="소개팅에서 만남",
        interests=["러닝", "영화", "러닝"], communicationStyle="답장이 느리지만 길게 씀",
    )
    assert created["name"] == "지민" and created["relationship"] == "BLIND_DATE" and created["age"] == 27
    assert created["mbti"] == "ISTJ" and created["interests"] == ["러닝", "영화"]
    assert decode_id(created["id"]).type_name == "Partner"

    updated = (await alice.mutate(ops.UPDATE_PARTNER, {"id": created["id"], "relationship": "DATING", "age": None}, "updatePartner"))["partner"]
    assert updated["relationship"] == "DATING" and updated["age"] is None and updated["name"] == "지민"
    assert datetime.fromisoformat(updated["updatedAt"]) >= datetime.fromisoformat(created["updatedAt"])

    node = (await alice.ok(ops.NODE, {"id": created["id"]}))["node"]
    assert node == {"__typename": "Partner", "id": created["id"]}


async def test_chat_room_with_partner_and_messages_in_sent_order(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"], "썸 대화")
    assert room["partner"] == {"id": partner["id"], "name": "지민"}
    assert room["lastMessageAt"] is None

    items = factory.messages(3)
    items.reverse()  # sent out of order: the connection still answers in sentAt order
    items.append({"sender": "PARTNER", "text": "사진", "sentAt": items[0]["sentAt"], "kind": "PHOTO", "senderName": "지민"})
    added = await factory.add_messages(alice, room["id"], items)
    assert [m["text"] for m in added["messages"]] == ["메시지 0", "메시지 1", "메시지 2", "사진"]
    assert added["messages"][3]["kind"] == "PHOTO" and added["messages"][3]["senderName"] == "지민"
    assert added["chatRoom"]["messages"]["totalCount"] == 4
    assert datetime.fromisoformat(added["chatRoom"]["lastMessageAt"]) == datetime.fromisoformat(items[0]["sentAt"])

    page = (await alice.ok(ops.MESSAGES_PAGE, {"room": room["id"], "first": 10}))["node"]["messages"]
    assert [e["node"]["text"] for e in page["edges"]] == ["메시지 0", "메시지 1", "메시지 2", "사진"]
    assert [e["node"]["sender"] for e in page["edges"]] == ["ME", "PARTNER", "ME", "PARTNER"]

    renamed = (await alice.mutate(ops.UPDATE_ROOM, {"id": room["id"], "title": "지민 ♥"}, "updateChatRoom"))["chatRoom"]
    assert renamed["title"] == "지민 ♥"


async def test_rooms_can_be_listed_per_partner_and_moved(alice: GraphQLClient) -> None:
    first, second = await factory.partner(alice, "지민"), await factory.partner(alice, "서연")
    room_a = await factory.room(alice, first["id"], "a")
    await factory.room(alice, second["id"], "b")
    listed = (await alice.ok(ops.ROOMS_PAGE, {"partnerId": first["id"]}))["chatRooms"]
    assert [e["node"]["title"] for e in listed["edges"]] == ["a"] and listed["totalCount"] == 1

    moved = (await alice.mutate(ops.UPDATE_ROOM, {"id": room_a["id"], "partnerId": second["id"]}, "updateChatRoom"))["chatRoom"]
    assert moved["partner"]["id"] == second["id"]
    listed = (await alice.ok(ops.ROOMS_PAGE, {"partnerId": second["id"]}))["chatRooms"]
    assert sorted(e["node"]["title"] for e in listed["edges"]) == ["a", "b"]


async def test_partner_chat_rooms_connection(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    for title in ("one", "two", "three"):
        await factory.room(alice, partner["id"], title)
    query = """query($id: ID!) { node(id: $id) { ... on Partner {
        chatRooms(first: 2) { totalCount edges { node { title } } pageInfo { hasNextPage } } } } }"""
    rooms = (await alice.ok(query, {"id": partner["id"]}))["node"]["chatRooms"]
    assert rooms["totalCount"] == 3
    assert [e["node"]["title"] for e in rooms["edges"]] == ["three", "two"]  # newest first
    assert rooms["pageInfo"]["hasNextPage"] is True


async def test_nodes_answers_in_order_with_nulls(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    message = (await factory.add_messages(alice, room["id"], factory.messages(1)))["messages"][0]
    viewer = (await alice.ok(ops.VIEWER))["viewer"]
    ids = [message["id"], "not-an-id", partner["id"], room["id"], viewer["id"]]
    nodes = (await alice.ok(ops.NODES, {"ids": ids}))["nodes"]
    assert [n and n["__typename"] for n in nodes] == ["Message", None, "Partner", "ChatRoom", "User"]


async def test_message_links_back_to_its_room(alice: GraphQLClient) -> None:
    partner = await factory.partner(alice)
    room = await factory.room(alice, partner["id"])
    message = (await factory.add_messages(alice, room["id"], factory.messages(1)))["messages"][0]
    query = "query($id: ID!) { node(id: $id) { ... on Message { text chatRoom { id partner { name } } } } }"
    node = (await alice.ok(query, {"id": message["id"]}))["node"]
    assert node == {"text": "메시지 0", "chatRoom": {"id": room["id"], "partner": {"name": "지민"}}}


async def test_messages_of_a_page_of_rooms_link_back_to_their_rooms(alice: GraphQLClient) -> None:
    """Messages reached through their room answer it from the room at hand (no loader call);
    reached otherwise (a mutation's payload, `node`), through the loader: the same room."""
    partner = await factory.partner(alice)
    rooms = [await factory.room(alice, partner["id"], f"방{i}") for i in range(2)]
    for room in rooms:
        await factory.add_messages(alice, room["id"], factory.messages(12))
    query = "{ chatRooms(first: 2) { edges { node { id messages(first: 12) { edges { node { id chatRoom { id title } } } } } } } }"
    for edge in (await alice.ok(query))["chatRooms"]["edges"]:
        room = edge["node"]
        links = {m["node"]["chatRoom"]["id"] for m in room["messages"]["edges"]}
        assert len(room["messages"]["edges"]) == 12 and links == {room["id"]}
    payload = await alice.ok(
        'mutation($r: ID!) { addMessages(input: {roomId: $r, messages: [{sender: ME, text: "또", sentAt: "2026-02-01T00:00:00Z"}]})'
        " { messages { chatRoom { id title } } } }",
        {"r": rooms[1]["id"]},
    )
    assert payload["addMessages"]["messages"] == [{"chatRoom": {"id": rooms[1]["id"], "title": "방1"}}]


async def test_an_analysis_reads_back_whole_through_its_room_and_by_id(alice: GraphQLClient) -> None:
    """An analysis read from its row decodes its parts when they are asked for: whatever the
    path, every field answers as the mutation that made it did."""
    from tests.support.coach import coach_room

    room_id = await coach_room(alice)
    made = (await alice.mutate(ops.ANALYZE_MESSAGE, {"roomId": room_id}, "analyzeMessage"))["analysis"]
    by_id = (await alice.ok(f"query($id: ID!) {{ node(id: $id) {{ ... on Analysis {{ {ops.ANALYSIS_FIELDS} }} }} }}", {"id": made["id"]}))["node"]
    paged = (await alice.ok(
        f"query($id: ID!) {{ node(id: $id) {{ ... on ChatRoom {{ analyses(first: 1) {{ edges {{ node {{ {ops.ANALYSIS_FIELDS} }} }} }} }} }} }}",
        {"id": room_id},
    ))["node"]["analyses"]["edges"][0]["node"]
    assert by_id == paged == made
    assert made["emotion"]["sentiment"] and len(made["replies"]) == 3 and made["advice"]["summary"]
    only = (await alice.ok("query($id: ID!) { node(id: $id) { ... on Analysis { id intent } } }", {"id": made["id"]}))["node"]
    assert only == {"id": made["id"], "intent": made["intent"]}
