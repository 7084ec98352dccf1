"""Scalar errors are ours, never Python's; instants the database cannot hold are refused as bad
input (they were INTERNAL), wherever they arrive: variables, literals, cursors."""

from __future__ import annotations

import base64

import pytest

from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient

INSIGHTS = """
query($id: ID!, $from: DateTime, $to: DateTime, $zone: String! = "Asia/Seoul") {
  node(id: $id) { ... on ChatRoom { insights(from: $from, to: $to, timezone: $zone) { interestScore } } }
}
"""
PYTHON_TEXT = ("isoformat", "out of range", "invalid literal", "month must be", "Exceeds the limit", "object has no")
ROOM_ID = base64.urlsafe_b64encode(b"ChatRoom:00000000-0000-0000-0000-000000000000").decode().rstrip("=")
UNDERFLOW = "0001-01-01T00:00:00+09:00"  # before 0001-01-01 in UTC
OVERFLOW = "9999-12-31T23:59:59-05:00"  # after 9999-12-31 in UTC


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _no_python_text(errors: list[dict]) -> None:
    for error in errors:
        assert not any(fragment in error["message"] for fragment in PYTHON_TEXT), error["message"]


async def _room(client: GraphQLClient) -> str:
    partner = await factory.partner(client)
    return (await factory.room(client, partner["id"]))["id"]


@pytest.mark.parametrize(
    "value", ["2026-13-45", "yesterday", "0000-01-01T00:00:00Z", "2026-02-30T00:00:00+09:00", "", "2" * 5000, 1e300, 20261118, True, ["2026-11-18"]]
)
async def test_bad_datetime_variables(alice: GraphQLClient, value: object) -> None:
    result = await alice.execute(INSIGHTS, {"id": ROOM_ID, "from": value})
    assert result.codes == ["BAD_USER_INPUT"], result.errors
    assert "DateTime must be an ISO 8601 date and time" in result.errors[0]["message"]
    _no_python_text(result.errors)


@pytest.mark.parametrize("literal", ['"yesterday"', '"2026-13-45"', "12", "1.5", "true", '"0000-01-01"'])
async def test_bad_datetime_literals(alice: GraphQLClient, literal: str) -> None:
    document = f'{{ node(id: "{ROOM_ID}") {{ ... on ChatRoom {{ insights(from: {literal}) {{ interestScore }} }} }} }}'
    result = await alice.execute(document)
    assert result.codes == ["GRAPHQL_VALIDATION_FAILED"], result.errors
    _no_python_text(result.errors)


@pytest.mark.parametrize("bound", ["from", "to"])
@pytest.mark.parametrize("value", [UNDERFLOW, OVERFLOW])
async def test_insights_window_beyond_utc(alice: GraphQLClient, bound: str, value: str) -> None:
    room = await _room(alice)
    result = await alice.execute(INSIGHTS, {"id": room, bound: value})
    assert result.codes == ["BAD_USER_INPUT"], result.errors
    assert "between the years 1 and 9999 in UTC" in result.errors[0]["message"]


async def test_insights_window_at_the_edges_of_utc(alice: GraphQLClient) -> None:
    room = await _room(alice)
    data = await alice.ok(INSIGHTS, {"id": room, "from": "0001-01-01T00:00:00Z", "to": "9999-12-31T23:59:59+00:00"})
    assert data["node"]["insights"]["interestScore"] is not None


async def test_insights_window_without_offset(alice: GraphQLClient) -> None:
    room = await _room(alice)
    result = await alice.execute(INSIGHTS, {"id": room, "from": "2026-01-01T00:00:00", "to": "2026-02-01T00:00:00+09:00"})
    assert result.codes == ["BAD_USER_INPUT"], result.errors
    assert result.errors[0]["extensions"]["argument"] == "from"


@pytest.mark.parametrize("value", [UNDERFLOW, OVERFLOW])
async def test_message_times_beyond_utc(alice: GraphQLClient, value: str) -> None:
    room = await _room(alice)
    items = factory.messages(2)
    items[1]["sentAt"] = value
    result = await alice.execute(ops.ADD_MESSAGES, {"input": {"roomId": room, "messages": items}})
    assert result.codes == ["BAD_USER_INPUT"], result.errors
    assert "messages[1].sentAt" in result.errors[0]["message"]
    assert (await alice.ok(ops.MESSAGES_PAGE, {"room": room}))["node"]["messages"]["totalCount"] == 0


@pytest.mark.parametrize("at", [UNDERFLOW, OVERFLOW, "2026-11-18T20:15:00", "garbage", "\u0000"])
@pytest.mark.parametrize("direction", ["after", "before"])
async def test_cursors_beyond_utc(alice: GraphQLClient, at: str, direction: str) -> None:
    room = await _room(alice)
    cursor = _cursor(f"{at}|00000000-0000-0000-0000-000000000000")
    paging = {"first": 5, "after": cursor} if direction == "after" else {"last": 5, "before": cursor}
    for document, variables in [(ops.MESSAGES_PAGE, {"room": room, **paging}), (ops.PARTNERS_PAGE, paging)]:
        result = await alice.execute(document, variables)
        assert result.codes == ["BAD_USER_INPUT"], result.errors
        assert result.errors[0]["extensions"]["argument"] == direction


async def test_cursors_that_are_too_long(alice: GraphQLClient) -> None:
    result = await alice.execute(ops.PARTNERS_PAGE, {"first": 1, "after": "A" * 100_000})
    assert result.codes == ["BAD_USER_INPUT"], result.errors


@pytest.mark.parametrize("literal", ["9" * 5000, "-" + "9" * 5000, "9" * 101])
async def test_integer_literals_too_long_for_python(alice: GraphQLClient, literal: str) -> None:
    """Python refuses to convert them; validation raised and the answer quoted Python with no code."""
    result = await alice.execute(f"{{ partners(first: {literal}) {{ totalCount }} }}")
    assert result.codes == ["GRAPHQL_VALIDATION_FAILED"], result.errors
    _no_python_text(result.errors)


@pytest.mark.parametrize("value", [2**31, -(2**31) - 1, 10**40, 1.5, "3", "x" * 5000])
async def test_bad_int_variables(alice: GraphQLClient, value: object) -> None:
    result = await alice.execute(ops.PARTNERS_PAGE, {"first": value})
    assert result.codes == ["BAD_USER_INPUT"], result.errors
    _no_python_text(result.errors)


@pytest.mark.parametrize("value", ["abc", 5, {"a": 1}, [1]])
async def test_upload_variables_sent_as_json(alice: GraphQLClient, value: object) -> None:
    """A file variable in plain JSON reached the resolver, which called `.read` on it (INTERNAL)."""
    document = "mutation($f: Upload!) { importChat(input: {roomId: \"%s\", file: $f}) { userErrors { code } } }" % ROOM_ID
    result = await alice.execute(document, {"f": value})
    assert result.codes == ["BAD_USER_INPUT"], result.errors
    assert "multipart" in result.errors[0]["message"]


async def test_upload_literal_in_the_document(alice: GraphQLClient) -> None:
    result = await alice.execute('mutation { importChat(input: {roomId: "x", file: "abc"}) { userErrors { code } } }')
    assert result.codes == ["GRAPHQL_VALIDATION_FAILED"], result.errors
