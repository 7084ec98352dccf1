"""What the fuzz tests share: example budgets, a blocking client (hypothesis drives plain
functions), a user with one of each object to aim real IDs at, and the check every answer must
pass: data, userErrors with codes, or errors with `extensions.code` — never INTERNAL_SERVER_ERROR,
never an HTTP 5xx, never an error without a code, never Python's own words.

Budgets: the suite runs the `suite` profile (few examples, derandomized so a run is repeatable);
`scripts/fuzz.sh` runs the `long` profile (LOVEQ_FUZZ_EXAMPLES examples per test, random).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from hypothesis import HealthCheck, settings

from tests.support import operations as ops
from tests.support.server import LiveServer

FIXTURES = Path(__file__).resolve().parents[1] / "kakao" / "fixtures"
PYTHON_WORDS = ("Traceback", "object has no attribute", "codec can't", "isoformat string", "out of range", "Exceeds the limit", "NoneType")


def register_profiles() -> None:
    common: dict[str, Any] = {
        "deadline": None,  # each example is a request to a live server
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    }
    settings.register_profile("suite", max_examples=40, derandomize=True, database=None, **common)
    settings.register_profile("long", max_examples=int(os.environ.get("LOVEQ_FUZZ_EXAMPLES", "1000")), **common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


def check_answer(response: httpx.Response, root: str | None = None) -> dict[str, Any]:
    """The body, after checking it is an answer a client can act on."""
    where = f"{response.request.method} {response.status_code}: {response.text[:500]}"
    assert response.status_code < 500, where
    assert response.headers.get("content-type", "").startswith("application/json"), where
    body = response.json()
    assert isinstance(body, dict) and ("data" in body or "errors" in body), where
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        assert code, f"an error without a code: {where}"
        assert code != "INTERNAL_SERVER_ERROR", where
        assert not any(word in error["message"] for word in PYTHON_WORDS), where
    if response.status_code >= 400:
        assert body.get("errors"), where
    payload = (body.get("data") or {}).get(root) if root else None
    for error in (payload or {}).get("userErrors") or []:
        assert error["code"] and error["message"], where
    return body


class Client:
    """Blocking GraphQL over one keep-alive connection."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url
        self.http = httpx.Client(timeout=60, headers={"Authorization": f"Bearer {token}"})

    def post(self, query: str, variables: dict[str, Any] | None = None) -> httpx.Response:
        # ASCII JSON: lone surrogates travel as their escapes, as JSON.stringify sends them.
        body = json.dumps({"query": query, "variables": variables or {}})
        return self.http.post(self.url, content=body, headers={"content-type": "application/json"})

    def send(self, query: str, variables: dict[str, Any] | None = None, root: str | None = None) -> dict[str, Any]:
        return check_answer(self.post(query, variables), root)

    def ok(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        body = self.send(query, variables)
        assert not body.get("errors"), body
        return body["data"]

    def upload(self, query: str, variables: dict[str, Any], path: str, name: str, content: bytes) -> httpx.Response:
        fields = {"operations": json.dumps({"query": query, "variables": variables}), "map": json.dumps({"0": [path]})}
        return self.http.post(self.url, data=fields, files={"0": (name, content, "text/plain")})

    def close(self) -> None:
        self.http.close()


@dataclass
class World:
    """A user with partners, rooms, messages, an import and an analysis; and IDs of another
    user's objects (which must answer like missing ones)."""

    client: Client
    partners: list[str] = field(default_factory=list)
    rooms: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)
    analyses: list[str] = field(default_factory=list)
    user: list[str] = field(default_factory=list)
    strangers: list[str] = field(default_factory=list)
    cursors: list[str] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [*self.partners, *self.rooms, *self.messages, *self.imports, *self.analyses, *self.user, *self.strangers]


def _room(client: Client, name: str) -> tuple[str, str]:
    partner = client.ok(ops.CREATE_PARTNER, {"input": {"name": name, "relationship": "SOME"}})["createPartner"]["partner"]["id"]
    room = client.ok(ops.CREATE_ROOM, {"input": {"partnerId": partner, "title": f"{name}이랑"}})["createChatRoom"]["chatRoom"]["id"]
    return partner, room


def build_world(server: LiveServer) -> World:
    world = World(Client(server.graphql_url, server.token()))
    client = world.client
    for name in ("지민", "서연"):
        partner, room = _room(client, name)
        world.partners.append(partner)
        world.rooms.append(room)
    text = (FIXTURES / "android_ko.txt").read_text(encoding="utf-8")
    imported = client.ok(ops.IMPORT_CHAT, {"input": {"roomId": world.rooms[0], "text": text}})["importChat"]
    world.imports.append(imported["import"]["id"])
    page = client.ok(ops.MESSAGES_PAGE, {"room": world.rooms[0], "first": 5})["node"]["messages"]
    world.messages += [edge["node"]["id"] for edge in page["edges"]]
    world.cursors += [edge["cursor"] for edge in page["edges"]]
    analysis = client.ok(ops.ANALYZE_MESSAGE, {"input": {"roomId": world.rooms[0]}})["analyzeMessage"]["analysis"]
    world.analyses.append(analysis["id"])
    world.user.append(client.ok(ops.VIEWER)["viewer"]["id"])
    stranger = Client(server.graphql_url, server.token())
    world.strangers += _room(stranger, "도윤")
    stranger.close()
    return world
