"""Subscriptions over plain HTTP as their clients speak them, through httpx streaming:

- GraphQL over Server-Sent Events, distinct connections mode (the graphql-sse client's default):
  `POST` with `Accept: text/event-stream`; the answer is an event stream of `next` events
  (`data:` one ExecutionResult) ending with a `complete` event; `:` lines are comments (pings).
- Apollo Client's multipart subscriptions: `Accept: multipart/mixed;subscriptionSpec="1.0",
  application/json`; the answer is `multipart/mixed` with a boundary, each part a JSON object:
  `{}` a heartbeat, `{"payload": ExecutionResult}` a result, `{"payload": null, "errors": […]}`
  a transport error; the closing boundary ends the stream.

The parsers are incremental, so a test can read the first event and then walk away.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx

SSE_ACCEPT = "text/event-stream"
APOLLO_MULTIPART_ACCEPT = 'multipart/mixed;subscriptionSpec="1.0", application/json'


@dataclass
class SseEvent:
    event: str
    data: str

    def json(self) -> Any:
        return json.loads(self.data)


async def sse_events(response: httpx.Response) -> AsyncIterator[SseEvent | str]:
    """Events as the EventSource spec dispatches them, and comments (as their text)."""
    event, data, buffer = "message", [], ""
    async for text in response.aiter_text():
        buffer += text
        while True:
            cut = min((i for i in (buffer.find("\r\n"), buffer.find("\n"), buffer.find("\r")) if i >= 0), default=-1)
            if cut < 0:
                break
            line = buffer[:cut]
            buffer = buffer[cut + (2 if buffer.startswith("\r\n", cut) else 1) :]
            if line == "":
                if data:
                    yield SseEvent(event, "\n".join(data))
                event, data = "message", []
            elif line.startswith(":"):
                yield line[1:].strip()
            else:
                name, _, value = line.partition(":")
                value = value[1:] if value.startswith(" ") else value
                if name == "event":
                    event = value
                elif name == "data":
                    data.append(value)


def boundary_of(content_type: str) -> str:
    for param in content_type.split(";")[1:]:
        name, _, value = param.strip().partition("=")
        if name.lower() == "boundary":
            return value.split(",")[0].strip().strip('"')
    raise AssertionError(f"no boundary in {content_type!r}")


@dataclass
class Part:
    headers: dict[str, str]
    body: Any


async def multipart_parts(content_type: str, chunks: AsyncIterator[bytes]) -> AsyncIterator[Part]:
    """The parts of a multipart/mixed answer as Apollo Client's reader splits them: on
    `\\r\\n--boundary`, each part's headers and JSON body; the closing `--boundary--` ends it."""
    delimiter = f"--{boundary_of(content_type)}"
    buffer = b""
    async for chunk in chunks:
        buffer += chunk
        while True:
            start = buffer.find(delimiter.encode())
            end = buffer.find(f"\r\n{delimiter}".encode(), start + len(delimiter)) if start >= 0 else -1
            if end < 0:
                if start >= 0 and buffer[start + len(delimiter) :].startswith(b"--"):
                    return
                break
            raw = buffer[start + len(delimiter) : end]
            buffer = buffer[end + 2 :]
            if not raw.strip():  # nothing between two boundaries (before the closing one): skipped
                continue
            head, _, body = raw.lstrip(b"\r\n").partition(b"\r\n\r\n")
            headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n") if line)
            length = int(headers.get("Content-Length", len(body)))
            assert length == len(body), f"Content-Length {length} for a body of {len(body)} bytes"
            yield Part({k.lower(): v for k, v in headers.items()}, json.loads(body))


@dataclass
class Streamed:
    status: int
    headers: httpx.Headers
    results: list[dict[str, Any]] = field(default_factory=list)
    completed: bool = False
    heartbeats: int = 0


def request_body(query: str, variables: dict[str, Any] | None) -> dict[str, Any]:
    return {"query": query, "variables": variables or {}}


async def over_sse(url: str, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None,
                   headers: dict[str, str] | None = None) -> Streamed:
    """A whole SSE answer: every `next` event's result, and whether `complete` came."""
    sent = {"Accept": SSE_ACCEPT, **({"Authorization": f"Bearer {token}"} if token else {}), **(headers or {})}
    async with httpx.AsyncClient(timeout=60) as http:
        async with http.stream("POST", url, json=request_body(query, variables), headers=sent) as response:
            out = Streamed(response.status_code, response.headers)
            async for item in sse_events(response):
                if isinstance(item, str):
                    out.heartbeats += 1
                elif item.event == "next":
                    assert not out.completed, "a next event after complete"
                    out.results.append(item.json())
                elif item.event == "complete":
                    out.completed = True
    return out


async def over_multipart(url: str, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None,
                         headers: dict[str, str] | None = None) -> Streamed:
    """A whole multipart answer: every payload, heartbeats counted, and whether it closed."""
    sent = {"Accept": APOLLO_MULTIPART_ACCEPT, **({"Authorization": f"Bearer {token}"} if token else {}), **(headers or {})}
    async with httpx.AsyncClient(timeout=60) as http:
        async with http.stream("POST", url, json=request_body(query, variables), headers=sent) as response:
            out = Streamed(response.status_code, response.headers)
            if not response.headers["content-type"].startswith("multipart/mixed"):
                out.results.append(json.loads(await response.aread()))
                return out
            async for part in multipart_parts(response.headers["content-type"], response.aiter_bytes()):
                if part.body == {}:
                    out.heartbeats += 1
                else:
                    assert set(part.body) <= {"payload", "errors"}, part.body
                    assert part.body.get("payload") is not None, f"a transport error: {part.body}"
                    out.results.append(part.body["payload"])
            out.completed = True
    return out
