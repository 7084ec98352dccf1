"""The metrics the alarms read, as CloudWatch Embedded Metric Format lines on stdout: each line is
checked against the EMF specification, and each metric of docs/operations.md is seen when its
event happens, with the unit and dimensions the alarms expect."""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import time
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import asyncpg
import pytest

import telemetry
from datastore.database import connect_postgres
from datastore.migrate import migrate
from loveq.app import create_app
from loveq.auth import build_local_issuer
from loveq.metrics import EmfWriter
from tests.support import operations as ops
from tests.support import streams
from tests.support.client import GraphQLClient, WebSocketSession
from tests.support.coach import ANSWER, coach_room, pieces
from tests.support.imports import expected_count, new_room, upload
from tests.support.server import LiveServer, ServerThread, make_settings
from tests.support.standins.bedrock_server import BedrockStandIn, Chunks, FailAfter, Throttle

SERVICE = "love-q-test"
UNITS = ("Seconds|Microseconds|Milliseconds|Bytes|Kilobytes|Megabytes|Gigabytes|Terabytes|Bits|Kilobits|Megabits|"
         "Gigabits|Terabits|Percent|Count|Bytes/Second|Kilobytes/Second|Megabytes/Second|Gigabytes/Second|"
         "Terabytes/Second|Bits/Second|Kilobits/Second|Megabits/Second|Gigabits/Second|Terabits/Second|"
         "Count/Second|None").split("|")

# docs/operations.md, "Metrics": name -> (unit, dimension sets); the alarms read these.
EXPECTED = {
    "Requests": ("Count", [["Service"], ["Service", "Operation"]]),
    "Errors": ("Count", [["Service", "Code"]]),
    "Latency": ("Milliseconds", [["Service"], ["Service", "Operation"]]),
    "FirstChunkLatency": ("Milliseconds", [["Service"]]),
    "GenerationLatency": ("Milliseconds", [["Service"]]),
    "BedrockThrottles": ("Count", [["Service"]]),
    "BedrockFailures": ("Count", [["Service"]]),
    "ConflictRetries": ("Count", [["Service"]]),
    "ImportRows": ("Count", [["Service"]]),
    "TokensIn": ("Count", [["Service"]]),
    "TokensOut": ("Count", [["Service"]]),
}


def check_emf(line: str) -> dict[str, Any]:
    """One log event checked against the EMF specification (docs.aws.amazon.com/AmazonCloudWatch/
    latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html); returns it parsed."""
    document = json.loads(line)  # a JSON object and nothing around it
    assert isinstance(document, dict) and "\n" not in line
    metadata = document["_aws"]
    assert isinstance(metadata, dict) and set(metadata) >= {"Timestamp", "CloudWatchMetrics"}
    assert isinstance(metadata["Timestamp"], int) and abs(metadata["Timestamp"] / 1000 - time.time()) < 3600
    directives = metadata["CloudWatchMetrics"]
    assert isinstance(directives, list) and directives
    for directive in directives:
        assert set(directive) == {"Namespace", "Dimensions", "Metrics"}
        assert isinstance(directive["Namespace"], str) and 1 <= len(directive["Namespace"]) <= 255
        assert isinstance(directive["Dimensions"], list) and directive["Dimensions"]
        for dimension_set in directive["Dimensions"]:
            assert isinstance(dimension_set, list) and len(dimension_set) <= 9  # 30 today; 9 is the older, safe limit
            for key in dimension_set:
                assert isinstance(document[key], str) and document[key], f"dimension target {key} must be a string"
        assert isinstance(directive["Metrics"], list) and 1 <= len(directive["Metrics"]) <= 100
        for definition in directive["Metrics"]:
            assert set(definition) <= {"Name", "Unit", "StorageResolution"} and definition["Unit"] in UNITS
            value = document[definition["Name"]]
            values = value if isinstance(value, list) else [value]
            assert len(values) <= 100 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
    return document


def metrics_in(out: str) -> list[dict[str, Any]]:
    """Each EMF line of the output, checked, as {"Name": …, "Unit": …, "value": …, "dims": …}."""
    found = []
    for line in out.splitlines():
        if not line.startswith('{"_aws"'):
            continue
        document = check_emf(line)
        for directive in document["_aws"]["CloudWatchMetrics"]:
            assert directive["Namespace"] == "LoveQ"
            for definition in directive["Metrics"]:
                name = definition["Name"]
                unit, dimension_sets = EXPECTED[name]
                assert definition["Unit"] == unit and directive["Dimensions"] == dimension_sets, (name, directive)
                dims = {key: document[key] for dimension_set in directive["Dimensions"] for key in dimension_set}
                assert dims["Service"] == SERVICE
                found.append({"Name": name, "value": document[name], "dims": dims})
    return found


def named(found: list[dict[str, Any]], name: str, **dims: str) -> list[float]:
    return [m["value"] for m in found if m["Name"] == name and all(m["dims"].get(k) == v for k, v in dims.items())]


def test_every_metric_is_a_valid_emf_document() -> None:
    out = io.StringIO()
    writer = EmfWriter(SERVICE, lambda: out)
    for name in telemetry.UNITS:
        extra: Mapping[str, str] = {"Code": "RATE_LIMITED"} if name == "Errors" else (
            {"Operation": "viewer"} if name in ("Requests", "Latency") else {})
        writer({name: 1.5}, extra)
    assert {m["Name"] for m in metrics_in(out.getvalue())} == set(telemetry.UNITS) == set(EXPECTED)
    example = json.loads(out.getvalue().splitlines()[0])
    assert example["Service"] == SERVICE and example["_aws"]["CloudWatchMetrics"][0]["Namespace"] == "LoveQ"


def test_an_unknown_metric_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        telemetry.emit({"Request": 1.0})


@pytest.fixture(scope="module")
def bedrock() -> Iterator[BedrockStandIn]:
    with BedrockStandIn(responder=lambda body: pieces(ANSWER)) as stand_in:
        yield stand_in


@pytest.fixture
def service(tmp_path: Path, database_dsn: str) -> Iterator[LiveServer]:
    settings = make_settings(tmp_path, database_dsn, LOVEQ_SERVICE_NAME=SERVICE)
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), None, database_dsn)  # type: ignore[arg-type]


async def _settle() -> None:
    await asyncio.sleep(0.3)  # a request's metrics are written just after its answer was sent


async def test_requests_errors_latency_and_the_local_coach(service: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    user = GraphQLClient(service.graphql_url, service.token())
    await user.ok("{ viewer { id } }")
    invalid = await user.execute("{ nope }")  # HTTP 200, a GraphQL error
    assert invalid.status == 200 and invalid.codes == ["GRAPHQL_VALIDATION_FAILED"]
    refused = await user.execute('mutation { createPartner(input: {name: "", relationship: SOME}) { userErrors { code } } }')
    user_error = refused.data["createPartner"]["userErrors"][0]["code"]
    room_id = await coach_room(user)
    await user.mutate(ops.ANALYZE_MESSAGE, {"roomId": room_id}, "analyzeMessage")
    streamed = await streams.over_sse(service.graphql_url, ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id}}, token=user.token)
    assert streamed.completed
    imported = await upload(user, await new_room(user), "android_ko.txt")
    async with WebSocketSession(service.ws_url, init_payload={"Authorization": f"Bearer {user.token}"}) as session:
        await session.execute("{ viewer { id } }")
    await GraphQLClient(service.graphql_url).execute("{ viewer { id } }")  # no token
    await _settle()
    found = metrics_in(capsys.readouterr().out)

    # Over HTTP, over the WebSocket, and without a token (refused, by the field it asked for).
    assert len(named(found, "Requests", Operation="viewer")) == 3
    assert named(found, "Requests", Operation="anonymous") == [1.0]  # `nope` is no field of the schema
    assert len(named(found, "Latency", Operation="viewer")) == 3 and all(v >= 0 for v in named(found, "Latency"))
    assert named(found, "Errors", Code="GRAPHQL_VALIDATION_FAILED") == [1.0]
    assert named(found, "Errors", Code=user_error) == [1.0]
    assert named(found, "Errors", Code="UNAUTHENTICATED") == [1.0]
    assert len(named(found, "Requests", Operation="analyzeMessage")) == 2
    assert len(named(found, "Latency", Operation="analyzeMessage")) == 1, "the subscription has no Latency"
    assert len(named(found, "FirstChunkLatency")) == 2 and len(named(found, "GenerationLatency")) == 2
    assert named(found, "TokensIn") == [], "the local engine uses no model"
    assert named(found, "ImportRows") == [float(imported["import"]["messagesImported"])]
    assert imported["import"]["messagesImported"] == expected_count("android_ko.txt")


async def test_nothing_is_written_without_a_service_name(live_server: LiveServer, alice: GraphQLClient,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert live_server.settings.service_name is None
    await alice.ok("{ viewer { id } }")
    await _settle()
    assert '"_aws"' not in capsys.readouterr().out


@pytest.fixture
def bedrock_service(bedrock: BedrockStandIn, tmp_path: Path, database_dsn: str) -> Iterator[LiveServer]:
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    settings = make_settings(
        tmp_path, database_dsn, LOVEQ_SERVICE_NAME=SERVICE, AWS_REGION="us-east-1", LOVEQ_ENGINE="bedrock",
        LOVEQ_EMOTION="local", LOVEQ_BEDROCK_ENDPOINT_URL=bedrock.endpoint_url, LOVEQ_GENERATION_IDLE_TIMEOUT="5",
    )
    bedrock.reset()
    bedrock.responder = lambda body: pieces(ANSWER)
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), None, database_dsn)  # type: ignore[arg-type]


async def test_bedrock_tokens_throttles_and_failures(bedrock_service: LiveServer, bedrock: BedrockStandIn,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    user = GraphQLClient(bedrock_service.graphql_url, bedrock_service.token())
    room_id = await coach_room(user)
    bedrock.script(Throttle(), Throttle(), Chunks(pieces(ANSWER)))
    done = await streams.over_multipart(bedrock_service.graphql_url, ops.ANALYZE_MESSAGE_STREAM, {"input": {"roomId": room_id}},
                                        token=user.token)
    usage = done.results[-1]["data"]["analyzeMessage"]["analysis"]["usage"]
    bedrock.script(FailAfter(pieces(ANSWER[: ANSWER.index("<safe>") + 12])))  # fails after a reply began
    failed = await user.execute(ops.ANALYZE_MESSAGE, {"input": {"roomId": room_id}})
    assert failed.codes == ["SERVICE_UNAVAILABLE"]
    await _settle()
    found = metrics_in(capsys.readouterr().out)
    assert named(found, "BedrockThrottles") == [1.0, 1.0]
    assert named(found, "TokensIn") == [float(usage["inputTokens"])] and usage["inputTokens"] > 0
    assert named(found, "TokensOut") == [float(usage["outputTokens"])]
    assert named(found, "BedrockFailures") == [1.0]
    assert named(found, "Errors", Code="SERVICE_UNAVAILABLE") == [1.0]
    assert len(named(found, "FirstChunkLatency")) == 2 and len(named(found, "GenerationLatency")) == 1


async def test_conflict_retries_are_counted(database_dsn: str) -> None:
    captured: list[tuple[dict[str, float], dict[str, str]]] = []
    previous = telemetry.install(lambda metrics, dims: captured.append((dict(metrics), dict(dims))))
    db = await connect_postgres(database_dsn, min_size=1, max_size=2, retry_attempts=3)
    try:
        await migrate(db)
        attempts = 0

        async def conflicting_once(uow):
            nonlocal attempts
            attempts += 1
            if attempts == 1:
                raise asyncpg.exceptions.SerializationError("could not serialize access")
            return "done"

        assert await db.run(conflicting_once, owner=uuid.uuid4()) == "done"
    finally:
        telemetry.install(previous)
        await db.close()
    assert captured == [({"ConflictRetries": 1.0}, {})]


def test_the_alarms_read_these_names(repo_root: Path = Path(__file__).resolve().parents[2]) -> None:
    """Every metric an alarm in the templates reads is one the application emits, with the
    dimensions the alarm names."""
    shared = (repo_root / "deploy/templates/shared.yaml").read_text()
    alarmed = set(re.findall(r"MetricName: (\w+)\n\s+Dimensions:", shared))
    assert alarmed and alarmed <= set(telemetry.UNITS)
    documented = (repo_root / "docs/operations.md").read_text()
    for name in telemetry.UNITS:
        assert f"`{name}`" in documented, f"{name} is not in docs/operations.md"
