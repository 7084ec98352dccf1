"""Benchmark: what the service adds to a streamed analysis, and 200 concurrent subscriptions.

    python -m bench.coach_stream [--sequential 50] [--concurrent 200]

The Bedrock engine talks to the local Bedrock (Messages API) stand-in, which answers at once (every
chunk sent without delay), so what a subscriber waits for is the service: authentication,
reading the room, building and masking the prompt, the aioboto3 request, parsing the stream
and the WebSocket. `loveq serve` runs as one worker in a subprocess. Printed:
- time from subscribe to the first ReplyChunk, and between chunks (p50, p99), one at a time;
- 200 subscriptions at once on that one worker: wall time, and whether every chunk arrived
  (each option's chunks must add up to its stored text). Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import uuid

import httpx
import websockets

from bench.support import database, issuer, loveq_server, peak_rss_mb, percentile
from tests.support.standins.bedrock_server import BedrockStandIn, Chunks

ANSWER = (
    "<summary>주말에 만나자고 돌려 말하고 있어요.</summary><signals>INVITATION,QUESTION</signals><timing>NOW</timing>"
    "<recommendation>비어 있다고 답하고 가고 싶은 곳을 하나 말해 보세요.</recommendation><cautions>길게 답하지 마세요.</cautions>"
    "<safe>아직 계획 없어요! 지민씨는 주말에 뭐 해요?</safe><safe_why>가볍게 되물어요.</safe_why><safe_conf>0.8</safe_conf>"
    "<balanced>아직 비어 있어요 ㅎㅎ 요즘도 러닝 자주 해요? 같이 뛰어도 좋겠다</balanced>"
    "<balanced_why>관심사로 이어가요.</balanced_why><balanced_conf>0.7</balanced_conf>"
    "<bold>토요일에 시간 되면 저랑 카페 투어 가요! 제가 좋은 데 알아요</bold>"
    "<bold_why>분명하게 제안해요.</bold_why><bold_conf>0.6</bold_conf>"
    '<emotion>{"sentiment":"POSITIVE","intensity":0.6,"labels":{"설렘":0.7}}</emotion>'
)
PIECES = [ANSWER[i : i + 6] for i in range(0, len(ANSWER), 6)]

SUBSCRIPTION = """subscription($input: AnalyzeMessageInput!) { analyzeMessage(input: $input) {
  __typename ... on ReplyChunk { risk delta }
  ... on AnalysisCompleted { analysis { id replies { risk text } } }
  ... on AnalysisFailed { code message } } }"""


def setup_room(url: str, token: str) -> str:
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
        def gql(query: str, variables: dict) -> dict:
            body = client.post("/graphql", json={"query": query, "variables": variables}).json()
            if body.get("errors"):
                raise RuntimeError(body["errors"])
            return body["data"]

        partner = gql('mutation { createPartner(input: {name: "지민", relationship: SOME, interests: ["러닝"]}) { partner { id } } }', {})
        room = gql('mutation($p: ID!) { createChatRoom(input: {partnerId: $p, title: "bench"}) { chatRoom { id } } }',
                   {"p": partner["createPartner"]["partner"]["id"]})["createChatRoom"]["chatRoom"]["id"]
        gql('mutation($r: ID!) { addMessages(input: {roomId: $r, messages: [{sender: PARTNER, text: "이번 주말에 뭐 해요? ㅎㅎ",'
            ' sentAt: "2026-11-20T20:05:00+09:00"}]}) { userErrors { code } } }', {"r": room})
        return room


async def one_subscription(ws_url: str, token: str, room_id: str) -> dict:
    started = time.perf_counter()
    arrivals: list[float] = []
    chunks: dict[str, str] = {}
    completed: dict | None = None
    async with websockets.connect(ws_url, subprotocols=["graphql-transport-ws"], max_size=None, open_timeout=60) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
        json.loads(await ws.recv())
        await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                  "payload": {"query": SUBSCRIPTION, "variables": {"input": {"roomId": room_id}}}}))
        while True:
            message = json.loads(await ws.recv())
            if message["type"] == "complete":
                break
            if message["type"] != "next":
                raise RuntimeError(message)
            event = message["payload"]["data"]["analyzeMessage"]
            if event["__typename"] == "ReplyChunk":
                arrivals.append(time.perf_counter())
                chunks[event["risk"]] = chunks.get(event["risk"], "") + event["delta"]
            elif event["__typename"] == "AnalysisCompleted":
                completed = event["analysis"]
            else:
                raise RuntimeError(event)
    intact = completed is not None and all(chunks.get(r["risk"]) == r["text"] for r in completed["replies"])
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
    return {"first": arrivals[0] - started, "gaps": gaps, "chunks": len(arrivals), "intact": intact,
            "total": time.perf_counter() - started}


async def run(args: argparse.Namespace, bedrock: BedrockStandIn, dsn: str) -> None:
    env = {"AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
           "LOVEQ_ENGINE": "bedrock", "LOVEQ_EMOTION": "local", "LOVEQ_BEDROCK_ENDPOINT_URL": bedrock.endpoint_url,
           "LOVEQ_MAX_GENERATIONS": str(args.concurrent + 10), "LOVEQ_DB_POOL_MAX": "20"}
    with loveq_server(dsn, **env) as (process, url, full_env):
        tokens = issuer(full_env)
        ws_url = url.replace("http://", "ws://") + "/graphql"
        users = [tokens.issue(f"bench-{uuid.uuid4().hex[:8]}@example.com") for _ in range(args.concurrent)]
        rooms = await asyncio.gather(*(asyncio.to_thread(setup_room, url, token) for token in users))
        await one_subscription(ws_url, users[0], rooms[0])  # warm-up
        sequential = [await one_subscription(ws_url, users[i % len(users)], rooms[i % len(rooms)]) for i in range(args.sequential)]
        firsts = [r["first"] * 1000 for r in sequential]
        gaps = [g * 1000 for r in sequential for g in r["gaps"]]
        print(f"stand-in answers at once; {len(PIECES)} model chunks -> {sequential[0]['chunks']} ReplyChunk events per analysis")
        print(f"one at a time ({args.sequential} analyses): first chunk after p50 {percentile(firsts, 50):.1f} ms,"
              f" p99 {percentile(firsts, 99):.1f} ms; between chunks p50 {percentile(gaps, 50):.3f} ms, p99 {percentile(gaps, 99):.3f} ms")
        started = time.perf_counter()
        results = await asyncio.gather(*(one_subscription(ws_url, token, room) for token, room in zip(users, rooms)),
                                       return_exceptions=True)
        wall = time.perf_counter() - started
        ok = [r for r in results if isinstance(r, dict)]
        failed = len(results) - len(ok)
        intact = sum(r["intact"] for r in ok)
        c_first = [r["first"] * 1000 for r in ok]
        print(f"{args.concurrent} at once on one worker: {wall:.2f} s wall, {len(ok)} completed, {failed} failed,"
              f" {intact} with every chunk delivered; first chunk p50 {percentile(c_first, 50):.0f} ms,"
              f" p99 {percentile(c_first, 99):.0f} ms; server peak memory {peak_rss_mb(process.pid):.0f} MB")
        print(f"requests the stand-in served: {len(bedrock.requests)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sequential", type=int, default=50)
    parser.add_argument("--concurrent", type=int, default=200)
    args = parser.parse_args()
    with BedrockStandIn(responder=lambda body: Chunks(PIECES)) as bedrock, database() as dsn:
        asyncio.run(run(args, bedrock, dsn))


if __name__ == "__main__":
    main()
