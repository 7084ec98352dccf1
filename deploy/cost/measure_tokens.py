"""Measures the prompt the coach really sends per analysis, on realistic rooms.

    .venv/bin/python -m deploy.cost.measure_tokens        # from the repository root

Runs the service in-process with LOVEQ_ENGINE=bedrock pointed at the Bedrock and Comprehend
stand-ins (tests/support/standins), on the embedded PostgreSQL (or DATABASE_URL), imports generated
KakaoTalk exports of several sizes into rooms, asks analyzeMessage in each, and counts what left
for Bedrock with the code's own estimator (ai.coach.llm.prompt.text.estimate_tokens, deliberately
on the high side): in all, and the part of it that is the cached system prompt (the same for every
request; read from Bedrock's prompt cache at a tenth of the price after the first). Output tokens
cannot be measured without the real model: it prints the estimate of a typical answer (advice and
three replies) and the engine's cap (max_tokens). Prints a Markdown table.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from ai.coach.llm.prompt.text import estimate_tokens
from loveq.app import create_app
from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.server import ServerThread, make_settings
from tests.deploy.test_image import ANSWER
from tests.support.standins.bedrock_server import BedrockStandIn
from tests.support.standins.comprehend_server import ComprehendStandIn
from tests.support.exports import android_export

ROOM_SIZES = (30, 300, 3000, 30000)
MAX_TOKENS = 2500  # ai.coach.factory.build_engine's default cap on an answer
MESSAGE = "이번 주말에 시간 돼요? 저 보고 싶었던 전시가 있는데 같이 갈래요?"
SITUATION = "세 번 만났고 다음 약속을 잡고 싶어요. 너무 들이대는 것 같지 않게 답하고 싶어요."


async def _measure(url: str, bedrock: BedrockStandIn, token: str) -> list[tuple[int, int, int, int]]:
    client = GraphQLClient(f"{url}/graphql", token)
    rows = []
    for size in ROOM_SIZES:
        partner = await factory.partner(client, "지민", interests=["전시", "러닝", "카페 투어"])
        room = await factory.room(client, partner["id"])
        uploaded = await client.upload(
            ops.IMPORT_CHAT, {"input": {"roomId": room["id"], "file": None, "myName": "민준"}},
            path="variables.input.file", file_name="KakaoTalk_Chat.txt", content=android_export(size),
        )
        assert uploaded.ok()["importChat"]["userErrors"] == []
        before = len(bedrock.requests)
        await client.mutate(ops.ANALYZE_MESSAGE, {"roomId": room["id"], "message": MESSAGE, "situation": SITUATION}, "analyzeMessage")
        sent = bedrock.requests[before:]
        prompt_tokens = sum(_request_tokens(r.body) for r in sent)
        cached = sum(_system_tokens(r.body) for r in sent)
        rows.append((size, len(sent), prompt_tokens, cached))
    return rows


def _system_tokens(body: dict) -> int:
    return sum(estimate_tokens(block.get("text", "")) for block in body.get("system", []))


def _request_tokens(body: dict) -> int:
    texts = [block.get("text", "") for block in body.get("system", [])]
    for message in body.get("messages", []):
        texts += [block.get("text", "") for block in message.get("content", []) if isinstance(block, dict)]
    return sum(estimate_tokens(t) for t in texts)


def main() -> None:
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    data_dir = Path(tempfile.mkdtemp(prefix="loveq-tokens-"))
    embedded = None
    dsn = os.environ.get("DATABASE_URL")
    if not dsn:
        from loveq.embedded_pg import EmbeddedPostgres

        embedded = EmbeddedPostgres(data_dir / "pgdata")
        dsn = embedded.start()
    try:
        with BedrockStandIn(responder=lambda body: [ANSWER[i : i + 9] for i in range(0, len(ANSWER), 9)]) as bedrock, \
                ComprehendStandIn() as comprehend:
            settings = make_settings(
                data_dir / "data", dsn, AWS_REGION="us-east-1", LOVEQ_ENGINE="bedrock",
                LOVEQ_BEDROCK_ENDPOINT_URL=bedrock.endpoint_url, LOVEQ_COMPREHEND_ENDPOINT_URL=comprehend.endpoint_url,
                LOVEQ_IMPORT_MAX_MESSAGES="100000",
            )
            from loveq.auth import build_local_issuer

            with ServerThread(create_app(settings)) as url:
                token = build_local_issuer(settings).issue("tokens@example.com")
                rows = asyncio.run(_measure(url, bedrock, token))
    finally:
        if embedded is not None:
            embedded.stop()
    answer = estimate_tokens(ANSWER)
    print("| messages in the room | Bedrock requests | prompt tokens (estimated) | of which the cached system prompt "
          "| output tokens: typical answer / cap |")
    print("|---:|---:|---:|---:|---:|")
    for size, requests, prompt, cached in rows:
        print(f"| {size:,} | {requests} | {prompt:,} | {cached:,} | {answer:,} / {MAX_TOKENS:,} |")


if __name__ == "__main__":
    main()
