"""A small GraphQL client over real HTTP and graphql-transport-ws."""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import websockets


@dataclass
class Result:
    status: int
    body: dict[str, Any]

    @property
    def data(self) -> Any:
        return self.body.get("data")

    @property
    def errors(self) -> list[dict[str, Any]]:
        return self.body.get("errors") or []

    @property
    def codes(self) -> list[str]:
        return [e.get("extensions", {}).get("code") for e in self.errors]

    def ok(self) -> Any:
        assert not self.errors, self.errors
        return self.data


class GraphQLClient:
    def __init__(self, url: str, token: str | None = None) -> None:
        self.url = url
        self.token = token

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def execute(self, query: str, variables: dict[str, Any] | None = None, *, headers: dict[str, str] | None = None) -> Result:
        # ASCII JSON, as browsers' JSON.stringify can send: "\ud800" arrives as the escape.
        body = json.dumps({"query": query, "variables": variables or {}})
        async with httpx.AsyncClient(timeout=60) as http:
            response = await http.post(
                self.url, content=body, headers={"content-type": "application/json", **(headers or self.headers())}
            )
        return Result(response.status_code, response.json())

    async def upload(
        self, query: str, variables: dict[str, Any], *, path: str, file_name: str, content: bytes
    ) -> Result:
        """The GraphQL multipart request spec, as Apollo's and urql's upload clients send it."""
        operations = json.dumps({"query": query, "variables": variables})
        files_map = json.dumps({"0": [path]})
        async with httpx.AsyncClient(timeout=120) as http:
            response = await http.post(
                self.url,
                data={"operations": operations, "map": files_map},
                files={"0": (file_name, content, "text/plain")},
                headers=self.headers(),
            )
        return Result(response.status_code, response.json())

    async def ok(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        return (await self.execute(query, variables)).ok()

    async def mutate(self, query: str, input: dict[str, Any], payload: str) -> dict[str, Any]:
        """Run a mutation expected to succeed, returning its payload (userErrors must be empty)."""
        data = await self.ok(query, {"input": input})
        assert data[payload]["userErrors"] == [], data[payload]["userErrors"]
        return data[payload]


class WebSocketSession:
    """graphql-transport-ws: connection_init, then subscribe/next/complete per operation."""

    def __init__(self, url: str, *, header_token: str | None = None, init_payload: dict[str, Any] | None = None) -> None:
        self.url = url
        self.header_token = header_token
        self.init_payload = init_payload or {}
        self.ws: Any = None

    async def __aenter__(self) -> WebSocketSession:
        headers = {"Authorization": f"Bearer {self.header_token}"} if self.header_token else None
        self.ws = await websockets.connect(
            self.url, subprotocols=["graphql-transport-ws"], additional_headers=headers, open_timeout=10
        )
        await self.ws.send(json.dumps({"type": "connection_init", "payload": self.init_payload}))
        ack = json.loads(await self.ws.recv())
        assert ack["type"] == "connection_ack", ack
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.ws.close()

    async def start(self, query: str, variables: dict[str, Any] | None = None) -> str:
        op_id = str(uuid.uuid4())
        await self.ws.send(json.dumps({"id": op_id, "type": "subscribe", "payload": {"query": query, "variables": variables or {}}}))
        return op_id

    async def events(self, op_id: str) -> list[dict[str, Any]]:
        """Every `next` payload of one operation, until `complete` (or an `error`)."""
        received: list[dict[str, Any]] = []
        while True:
            message = json.loads(await self.ws.recv())
            if message.get("id") != op_id:
                continue
            if message["type"] == "next":
                received.append(message["payload"])
            elif message["type"] == "error":
                received.append({"errors": message["payload"]})
                return received
            elif message["type"] == "complete":
                return received

    async def stop(self, op_id: str) -> None:
        await self.ws.send(json.dumps({"id": op_id, "type": "complete"}))

    async def subscribe(self, query: str, variables: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return await self.events(await self.start(query, variables))

    async def execute(self, query: str, variables: dict[str, Any] | None = None) -> Result:
        """A single-result operation; returns the `next` payload or the `error` payload."""
        op_id = str(uuid.uuid4())
        await self.ws.send(json.dumps({"id": op_id, "type": "subscribe", "payload": {"query": query, "variables": variables or {}}}))
        result: Result | None = None
        while True:
            message = json.loads(await self.ws.recv())
            if message.get("id") != op_id:
                continue
            if message["type"] == "next":
                result = Result(200, message["payload"])
            elif message["type"] == "error":
                return Result(200, {"data": None, "errors": message["payload"]})
            elif message["type"] == "complete":
                assert result is not None
                return result


async def ws_init_outcome(url: str, payload: object, *, header_token: str | None = None) -> tuple[int, str]:
    """Opens a graphql-transport-ws connection and sends `connection_init`: the close (code,
    reason) the server answered with, or (0, "connection_ack") when it acknowledged."""
    headers = {"Authorization": f"Bearer {header_token}"} if header_token else None
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers, open_timeout=10) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        try:
            message = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
        except websockets.ConnectionClosed as closed:
            assert closed.rcvd is not None
            return closed.rcvd.code, closed.rcvd.reason
        return 0, message["type"]
