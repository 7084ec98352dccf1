"""Every query argument, generated: IDs (real, another user's, forged), page sizes, cursors
(real, in our shape at years 1 and 9999, malformed), insight windows and time zones. Each
answer passes tests/support/fuzzing.check_answer."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.support import strategies as s
from tests.support.fuzzing import World

PAGE = "first: $first, after: $after, last: $last, before: $before"
PAGE_VARIABLES = "$first: Int, $after: String, $last: Int, $before: String"
CONNECTION = "totalCount edges { cursor node { id } } pageInfo { hasNextPage startCursor endCursor }"
ROOM_CONNECTIONS = f"""
query($id: ID!, {PAGE_VARIABLES}) {{ node(id: $id) {{ id ... on ChatRoom {{
  messages({PAGE}) {{ {CONNECTION} }} analyses({PAGE}) {{ {CONNECTION} }} imports({PAGE}) {{ {CONNECTION} }}
}} ... on Partner {{ chatRooms({PAGE}) {{ {CONNECTION} }} }} }} }}
"""
ROOT_CONNECTIONS = f"""
query($partnerId: ID, {PAGE_VARIABLES}) {{
  partners({PAGE}) {{ {CONNECTION} }} chatRooms(partnerId: $partnerId, {PAGE}) {{ {CONNECTION} }}
}}
"""
INSIGHTS = """
query($id: ID!, $from: DateTime, $to: DateTime, $zone: String!) { node(id: $id) { ... on ChatRoom {
  insights(from: $from, to: $to, timezone: $zone) { interestScore lowConfidence }
} } }
"""
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } node(id: \"\") { id } }"


def _paging(world: World) -> st.SearchStrategy[dict[str, Any]]:
    """Forward or backward paging from a real cursor, with at most two arguments spoiled."""
    size, cursor = st.integers(0, 100), st.sampled_from(world.cursors)
    bad_size, bad_cursor = s.or_wrong(s.ints(-2, 102)), s.or_wrong(s.cursors(world.cursors))
    forward = s.spoiled({"first": size, "after": cursor}, {"first": bad_size, "after": bad_cursor, "last": bad_size}, ("first", "after"))
    backward = s.spoiled({"last": size, "before": cursor}, {"last": bad_size, "before": bad_cursor, "first": bad_size}, ("last", "before"))
    return st.one_of(forward, backward)


@given(data=st.data())
def test_connections(world: World, data: st.DataObject) -> None:
    paging = data.draw(_paging(world))
    node = data.draw(st.one_of(st.sampled_from(world.rooms + world.partners), s.or_wrong(s.ids(world.ids))))
    world.client.send(ROOM_CONNECTIONS, {"id": node, **paging})
    partner = data.draw(st.one_of(st.none(), st.sampled_from(world.partners), s.or_wrong(s.ids(world.ids))))
    world.client.send(ROOT_CONNECTIONS, {"partnerId": partner, **paging})


@given(data=st.data())
def test_insights(world: World, data: st.DataObject) -> None:
    valid = {
        "id": st.sampled_from(world.rooms), "zone": st.sampled_from(s.REAL_ZONES),
        "from": s.recent_datetimes(), "to": s.recent_datetimes(),
    }
    bad = {"id": s.or_wrong(s.ids(world.ids)), "zone": s.or_wrong(s.zone_names()), "from": s.datetime_values(), "to": s.datetime_values()}
    world.client.send(INSIGHTS, data.draw(s.spoiled(valid, bad, optional=("from", "to"))))


@given(data=st.data())
def test_nodes(world: World, data: st.DataObject) -> None:
    ids = data.draw(s.or_wrong(st.lists(s.ids(world.ids), max_size=103)))
    world.client.send(NODES, {"ids": ids})
