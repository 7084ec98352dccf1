"""Malformed HTTP requests get a 4xx with a JSON body and a code, never a plain-text 500."""

from __future__ import annotations

import json

import httpx
import pytest
import websockets

from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.raw_http import post_multipart, post_raw, refused
from tests.support.server import LiveServer

VIEWER = json.dumps({"query": ops.VIEWER}).encode()
UPLOAD = "mutation($f: Upload!) { importChat(input: {roomId: \"x\", file: $f}) { userErrors { code } } }"
OPERATIONS = json.dumps({"query": UPLOAD, "variables": {"f": None}})
A_FILE = {"0": ("chat.txt", "안녕".encode(), "text/plain")}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"query": "{ viewer { id } }", "x": "\xff\xfe"}', "not valid UTF-8"),
        ('{"query": "{ viewer { id } }"}'.encode("utf-16"), "not valid UTF-8"),
        (b"[" * 100_000, "nested too deeply"),
        (b'{"query": "{ viewer { id } }", "variables": {"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}", "nested too deeply"),
        (b'{"query": "{ viewer { id } }", "variables": {"a": ' + b"9" * 5000 + b"}}", "not valid JSON"),
        (b'{"query": "{ viewer { id } }", "variables": {"a": NaN}}', "not JSON"),
        (b"", "not valid JSON"),
        (b'{"query": ', "not valid JSON"),
    ],
)
async def test_bodies_that_are_not_json(alice: GraphQLClient, body: bytes, message: str) -> None:
    assert message in refused(await post_raw(alice, body), 400, "BAD_REQUEST")


@pytest.mark.parametrize("body", [b"[]", b'[{"query": "{ viewer { id } }"}]', b'"{ viewer { id } }"', b"42", b"null", b"true"])
async def test_json_that_is_not_an_object(alice: GraphQLClient, body: bytes) -> None:
    assert refused(await post_raw(alice, body), 400, "BAD_REQUEST") == "the request body must be a JSON object"


@pytest.mark.parametrize(
    ("field", "value"),
    [("query", 5), ("variables", []), ("variables", "x"), ("operationName", [1]), ("extensions", 3)],
)
async def test_request_fields_of_the_wrong_type(alice: GraphQLClient, field: str, value: object) -> None:
    body = {"query": ops.VIEWER, field: value}
    assert f"`{field}`" in refused(await post_raw(alice, json.dumps(body).encode()), 400, "BAD_REQUEST")


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/jsonx", "application/x-www-form-urlencoded", "application/graphql"])
async def test_unsupported_content_types(alice: GraphQLClient, content_type: str | None) -> None:
    refused(await post_raw(alice, VIEWER, content_type), 415, "UNSUPPORTED_MEDIA_TYPE")


async def test_json_content_type_with_parameters_is_accepted(alice: GraphQLClient) -> None:
    response = await post_raw(alice, VIEWER, "Application/JSON; charset=utf-8")
    assert response.status_code == 200 and response.json()["data"]["viewer"]["id"]


async def test_a_utf8_byte_order_mark_is_ignored(alice: GraphQLClient) -> None:
    response = await post_raw(alice, "\ufeff".encode() + VIEWER)
    assert response.status_code == 200 and response.json()["data"]["viewer"]["id"]


async def test_a_lone_surrogate_quoted_in_an_error_is_escaped(alice: GraphQLClient) -> None:
    """Error messages that quote the request (an unknown operation name, an enum value) were
    unencodable as UTF-8: a plain-text 500."""
    body = b'{"query": "query a { viewer { id } }", "operationName": "\\ud800"}'
    assert "\ud800" in refused(await post_raw(alice, body), 400, "BAD_REQUEST")
    enum = {"query": ops.CREATE_PARTNER, "variables": {"input": {"name": "a", "relationship": "\ud800"}}}
    response = await post_raw(alice, json.dumps(enum).encode())
    assert response.status_code == 200 and response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert b"\\ud800" in response.content


async def test_other_methods_and_paths_answer_json(live_server: LiveServer) -> None:
    async with httpx.AsyncClient(timeout=30) as http:
        refused(await http.put(live_server.graphql_url, content=VIEWER), 405, "METHOD_NOT_ALLOWED")
        refused(await http.get(f"{live_server.url}/nowhere"), 404, "NOT_FOUND")


async def test_get_with_broken_variables(alice: GraphQLClient) -> None:
    async with httpx.AsyncClient(timeout=30) as http:
        for variables in ["[" * 3000, "9" * 5000, "{", "NaN"]:
            response = await http.get(alice.url, params={"query": ops.VIEWER, "variables": variables}, headers=alice.headers())
            refused(response, 400, "BAD_REQUEST")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"map": '{"0": ["variables.f"]}'}, "needs the `operations` field"),
        ({"operations": "[]", "map": "{}"}, "`operations` must be a JSON object"),
        ({"operations": '"x"', "map": "{}"}, "`operations` must be a JSON object"),
        ({"operations": "{", "map": "{}"}, "`operations` is not valid JSON"),
        ({"operations": OPERATIONS, "map": "{0:"}, "`map` is not valid JSON"),
        ({"operations": OPERATIONS, "map": '["variables.f"]'}, "`map` must be a JSON object"),
        ({"operations": OPERATIONS, "map": '{"0": "variables.f"}'}, "list of paths"),
        ({"operations": OPERATIONS, "map": '{"0": 5}'}, "list of paths"),
        ({"operations": OPERATIONS, "map": '{"1": ["variables.f"]}'}, "does not carry"),
        ({"operations": OPERATIONS, "map": '{"0": ["variables.g.h"]}'}, "null placeholder"),
        ({"operations": OPERATIONS, "map": '{"0": ["variables.f.x"]}'}, "null placeholder"),
        ({"operations": json.dumps({"query": UPLOAD, "variables": {"f": "x"}}), "map": '{"0": ["variables.f"]}'}, "null placeholder"),
        ({"operations": json.dumps({"query": UPLOAD, "variables": {"f": "abc"}}), "map": '{"0": ["variables.f.0"]}'}, "null placeholder"),
        ({"operations": json.dumps({"query": UPLOAD, "variables": {"f": []}}), "map": '{"0": ["variables.f.3"]}'}, "null placeholder"),
        ({"operations": json.dumps({"query": UPLOAD, "variables": {"f": [None]}}), "map": '{"0": ["variables.f.' + "9" * 5000 + '"]}'}, "null placeholder"),
        ({"operations": OPERATIONS, "map": '{"0": ["query"]}'}, "must point into `variables`"),
        ({"operations": OPERATIONS, "map": '{"0": ["variables"]}'}, "must point into `variables`"),
    ],
)
async def test_broken_multipart_requests(alice: GraphQLClient, fields: dict[str, str], message: str) -> None:
    assert message in refused(await post_multipart(alice, fields, A_FILE), 400, "BAD_REQUEST")


async def test_multipart_parts_that_are_not_files(alice: GraphQLClient) -> None:
    fields = {"operations": OPERATIONS, "map": '{"0": ["variables.f"]}', "0": "not a file"}
    assert "does not carry" in refused(await post_multipart(alice, fields), 400, "BAD_REQUEST")
    as_file = {"operations": ("operations.json", OPERATIONS.encode(), "application/json")}
    assert "`operations`" in refused(await post_multipart(alice, {"map": "{}"}, as_file), 400, "BAD_REQUEST")


async def test_unparseable_multipart_bodies(alice: GraphQLClient) -> None:
    refused(await post_raw(alice, b"--x\r\n", "multipart/form-data"), 400, "BAD_REQUEST")  # no boundary
    garbage = await post_raw(alice, b"--xx\r\nContent-Disposition: form-data\r\n\r\n", "multipart/form-data; boundary=xx")
    refused(garbage, 400, "BAD_REQUEST")


async def test_a_websocket_message_that_is_not_json_closes_with_4400(live_server: LiveServer) -> None:
    """Nested past the recursion limit, a message raised inside the connection handler."""
    async with websockets.connect(live_server.ws_url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send("[" * 100_000)
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await ws.recv()
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4400
