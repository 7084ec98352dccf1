"""Time zone names: only keys of the IANA database are accepted, anything else is a clear error
(never INTERNAL), and no name is turned into a file path to probe."""

from __future__ import annotations

import zoneinfo

import pytest

from services import time_zones
from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient

INSIGHTS = """
query($id: ID!, $zone: String!) { node(id: $id) { ... on ChatRoom { insights(timezone: $zone) { interestScore } } } }
"""
BAD = [
    "posix/Asia/Seoul",
    "right/Asia/Seoul",
    "Etc/GMT+25",
    "../../etc/passwd",
    "/etc/localtime",
    "Asia/../Asia/Seoul",
    "asia/seoul",
    "posixrules",
    "zone.tab",
    "A" * 5000,
    "Asia/" * 1000,
    "Asia/Seoul\u0000",
    "\u0000",
    "Asia/Seoul\ud800",
    "",
    " Asia/Seoul",
]
GOOD = ["Asia/Seoul", "UTC", "America/New_York", "Europe/London", "Etc/GMT-9"]


@pytest.mark.parametrize("name", BAD)
def test_only_database_keys_are_zones(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def probe(key: str) -> zoneinfo.ZoneInfo:
        raise AssertionError(f"probed {key!r}")

    monkeypatch.setattr(time_zones.zoneinfo, "ZoneInfo", probe)
    assert time_zones.known_zone(name) is None


@pytest.mark.parametrize("name", GOOD)
def test_database_keys_are_zones(name: str) -> None:
    zone = time_zones.known_zone(name)
    assert zone is not None and zone.key == name


async def _room(client: GraphQLClient) -> str:
    partner = await factory.partner(client)
    return (await factory.room(client, partner["id"]))["id"]


async def test_insights_refuse_unknown_zones(alice: GraphQLClient) -> None:
    room = await _room(alice)
    for name in BAD:
        result = await alice.execute(INSIGHTS, {"id": room, "zone": name})
        assert result.codes == ["BAD_USER_INPUT"], (name[:40], result.errors)
        assert result.errors[0]["extensions"]["argument"] == "timezone"
        assert result.errors[0]["message"] == "unknown time zone (use an IANA time zone name like Asia/Seoul)"
    for name in GOOD:
        assert (await alice.ok(INSIGHTS, {"id": room, "zone": name}))["node"]["insights"]["interestScore"] is not None


async def test_imports_refuse_unknown_zones(alice: GraphQLClient) -> None:
    room = await _room(alice)
    for name in BAD:
        payload = (await alice.ok(ops.IMPORT_CHAT, {"input": {"roomId": room, "text": "x", "timezone": name}}))["importChat"]
        assert (["input", "timezone"], "INVALID_FORMAT") in [(e["field"], e["code"]) for e in payload["userErrors"]], name[:40]
