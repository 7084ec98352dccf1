"""The analysis stream through the clients web apps use, over plain HTTP: Apollo Client's
multipart subscriptions (its HttpLink) and the graphql-sse client (distinct connections mode),
run by Node.js from tests/clients (installed by tests/clients/install.sh, which scripts/test.sh
runs; skipped where Node.js or the packages are missing)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.coach import coach_room
from tests.support.server import LiveServer

CLIENTS = Path(__file__).resolve().parents[1] / "clients"
SCRIPTS = {"apollo-multipart": "apollo_multipart.mjs", "graphql-sse": "graphql_sse.mjs"}

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (CLIENTS / "node_modules" / "graphql-sse").is_dir()
    or not (CLIENTS / "node_modules" / "@apollo" / "client").is_dir(),
    reason="Node.js or the clients in tests/clients are missing (bash tests/clients/install.sh)",
)


def _run(client: str, url: str, token: str | None, variables: dict) -> list[dict]:
    done = subprocess.run(
        ["node", SCRIPTS[client], url, token or "", ops.ANALYZE_MESSAGE_STREAM, json.dumps(variables)],
        cwd=CLIENTS, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.parametrize("client", SCRIPTS)
async def test_the_analysis_streams_to_a_real_client(live_server: LiveServer, alice: GraphQLClient, client: str) -> None:
    room_id = await coach_room(alice)
    lines = _run(client, live_server.graphql_url, alice.token, {"input": {"roomId": room_id}})
    assert lines[-1] == {"complete": True}
    events = [line["next"]["data"]["analyzeMessage"] for line in lines[:-1]]
    kinds = [event["__typename"] for event in events]
    assert kinds[0] == "AdviceReady" and kinds[-1] == "AnalysisCompleted" and set(kinds[1:-1]) == {"ReplyChunk"}
    for reply in events[-1]["analysis"]["replies"]:
        assert "".join(e["delta"] for e in events if e["__typename"] == "ReplyChunk" and e["risk"] == reply["risk"]) == reply["text"]


@pytest.mark.parametrize("client", SCRIPTS)
async def test_a_real_client_sees_the_refusal_as_graphql_errors(live_server: LiveServer, client: str) -> None:
    lines = _run(client, live_server.graphql_url, "not-a-token", {"input": {"roomId": "x"}})
    assert lines[-1] == {"complete": True}
    result = lines[0]["next"]
    errors = result["error"]["errors"] if client == "apollo-multipart" else result["errors"]
    assert [e["extensions"]["code"] for e in errors] == ["UNAUTHENTICATED"]
    assert errors[0]["extensions"]["reason"] == "malformed"
