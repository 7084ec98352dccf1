"""A local stand-in for Amazon Bedrock Runtime's ConverseStream, over real HTTP.

It answers ``POST /model/{modelId}/converse-stream`` with the real binary event-stream framing,
so the production client decodes real bytes through aioboto3/aiobotocore. It runs uvicorn on
127.0.0.1 (a free port) in a background thread with its own event loop, so it serves any test
or benchmark loop and many concurrent connections.

Usage::

    with BedrockStandIn() as bedrock:              # or .start() / .stop()
        bedrock.script(Throttle(), Chunks(["안녕", "하세요"]))
        ... point the client at bedrock.endpoint_url ...
        [request] = bedrock.requests[-1:]          # what left the service, parsed

Each request takes the next scripted step; with none left it asks ``responder(body)``, which
returns text pieces (or a step). SigV4 signatures are accepted unchecked.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import uvicorn

from tests.support.standins.eventstream import encode_event, encode_exception

_PATH = re.compile(r"/model/(?P<model_id>[^/]+)/converse-stream")
_EVENTSTREAM = b"application/vnd.amazon.eventstream"


# --- script steps ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Chunks:
    """Stream ``pieces`` as contentBlockDelta events, then stop and metadata events."""

    pieces: Sequence[str]
    delay: float = 0.0  # seconds between pieces
    first_delay: float = 0.0  # seconds before the first piece (after messageStart)
    stop_reason: str = "end_turn"
    input_tokens: int | None = None  # default: characters of text in the request
    output_tokens: int | None = None  # default: number of pieces
    latency_ms: int | None = None  # default: measured


@dataclass(frozen=True)
class HttpError:
    """Refuse the request before any stream starts, as a rest-json error response."""

    status: int
    error_type: str
    message: str


def Throttle(message: str = "Too many requests, please wait before trying again.") -> HttpError:
    """HTTP 429 with ``x-amzn-ErrorType: ThrottlingException`` (one request's worth)."""
    return HttpError(429, "ThrottlingException", message)


def Unavailable(message: str = "Service is temporarily unavailable.") -> HttpError:
    """HTTP 503 with ``x-amzn-ErrorType: ServiceUnavailableException``."""
    return HttpError(503, "ServiceUnavailableException", message)


@dataclass(frozen=True)
class FailAfter:
    """Stream ``pieces``, then send an exception message and end the response."""

    pieces: Sequence[str]
    exception_type: str = "modelStreamErrorException"
    message: str = "The model stream was interrupted."
    delay: float = 0.0


@dataclass(frozen=True)
class Stall:
    """Stream ``pieces``, then send nothing for ``seconds`` (None: until the client hangs up
    or the stand-in stops); if the wait ends by itself, stream ``then`` and finish normally."""

    pieces: Sequence[str] = ()
    seconds: float | None = None
    then: Sequence[str] = ()


Step = Chunks | HttpError | FailAfter | Stall
Responder = Callable[[dict[str, Any]], "Sequence[str] | Step"]


def default_responder(body: dict[str, Any]) -> list[str]:
    return ["안녕하세요! ", "스탠드인 ", "응답입니다."]


# --- what was received -----------------------------------------------------------------------


@dataclass
class RecordedRequest:
    """One request as it arrived, and how its answer ended.

    ``outcome`` is set once the answer is decided, before its last byte is sent: ``completed`` (messageStop and metadata sent),
    ``failed`` (an exception message sent), ``http_error``, ``disconnected`` (the client hung up
    before the end), ``aborted`` (the stand-in stopped under a stall) or ``bad_request``.
    """

    method: str
    path: str
    model_id: str | None
    headers: dict[str, str]
    raw_body: bytes
    body: Any
    received_at: float = field(default_factory=time.monotonic)
    outcome: str | None = None
    events_sent: int = 0
    _ended: threading.Event = field(default_factory=threading.Event, repr=False)

    def _finish(self, outcome: str) -> None:
        if self.outcome is None:  # the first word stands
            self.outcome = outcome
        self._ended.set()

    @property
    def body_text(self) -> str:
        """The parsed body as readable JSON. botocore escapes non-ASCII (``\\ub108``) in
        ``raw_body``, so search this, not the raw bytes, for what a request carried."""
        return json.dumps(self.body, ensure_ascii=False)

    @property
    def ended(self) -> bool:
        return self._ended.is_set()

    async def wait_ended(self, timeout: float) -> str | None:
        """Wait (without blocking the caller's loop) until the answer is over; its outcome."""
        await asyncio.to_thread(self._ended.wait, timeout)
        return self.outcome


# --- the server ------------------------------------------------------------------------------


class BedrockStandIn:
    def __init__(self, *, responder: Responder = default_responder, host: str = "127.0.0.1"):
        self.responder = responder
        self._host = host
        self._lock = threading.Lock()
        self._script: deque[Step] = deque()
        self._requests: list[RecordedRequest] = []
        self._thread: threading.Thread | None = None
        self._server: uvicorn.Server | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closing: asyncio.Event | None = None
        self._started = threading.Event()
        self._socket: socket.socket | None = None
        self.port: int | None = None

    # lifecycle

    @property
    def endpoint_url(self) -> str:
        if self.port is None:
            raise RuntimeError("the stand-in is not running")
        return f"http://{self._host}:{self.port}"

    def start(self) -> BedrockStandIn:
        if self._thread is not None:
            raise RuntimeError("already started")
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self._host, 0))
        self._socket = sock
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self,
            lifespan="off",
            log_config=None,
            access_log=False,
            timeout_keep_alive=30,
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._started.clear()
        self._thread = threading.Thread(target=self._run, name="bedrock-standin", daemon=True)
        self._thread.start()
        if not self._started.wait(10) or not self._server.started:
            self.stop()
            raise RuntimeError("the Bedrock stand-in did not start")
        return self

    def _run(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        assert self._server is not None and self._socket is not None
        self._loop = asyncio.get_running_loop()
        self._closing = asyncio.Event()
        task = asyncio.create_task(self._server.serve(sockets=[self._socket]))
        while not self._server.started and not task.done():
            await asyncio.sleep(0.005)
        self._started.set()
        await task

    def stop(self) -> None:
        if self._thread is None:
            return
        if self._loop is not None and self._closing is not None:
            self._loop.call_soon_threadsafe(self._closing.set)
        assert self._server is not None
        self._server.should_exit = True
        self._thread.join(5)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(5)
        self._thread = None
        self.port = None

    def __enter__(self) -> BedrockStandIn:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # scripting and inspection (safe from any thread)

    def script(self, *steps: Step) -> None:
        """Queue answers: each request takes the next step, in order."""
        with self._lock:
            self._script.extend(steps)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._script)

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def reset(self) -> None:
        """Forget the script and the recorded requests; restore the default responder."""
        with self._lock:
            self._script.clear()
            self._requests.clear()
        self.responder = default_responder

    def _next_step(self, body: Any) -> Step:
        with self._lock:
            if self._script:
                return self._script.popleft()
        answer = self.responder(body if isinstance(body, dict) else {})
        if isinstance(answer, Chunks | HttpError | FailAfter | Stall):
            return answer
        return Chunks(list(answer))

    # ASGI

    async def __call__(self, scope: dict, receive: Callable[[], Awaitable[dict]], send: Callable) -> None:
        if scope["type"] != "http":
            return
        raw_body = await _read_body(receive)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        match = _PATH.fullmatch(scope["path"])
        try:
            body: Any = json.loads(raw_body) if raw_body else None
        except ValueError:
            body = None
        record = RecordedRequest(
            method=scope["method"],
            path=scope["path"],
            model_id=match["model_id"] if match else None,
            headers=headers,
            raw_body=raw_body,
            body=body,
        )
        with self._lock:
            self._requests.append(record)

        if scope["method"] != "POST" or match is None:
            record._finish("bad_request")
            await _send_error(send, HttpError(404, "UnknownOperationException", "Unknown operation"))
            return
        if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
            record._finish("bad_request")
            await _send_error(send, HttpError(400, "ValidationException", "Malformed input request"))
            return

        step = self._next_step(body)
        if isinstance(step, HttpError):
            record._finish("http_error")
            await _send_error(send, step)
            return
        await self._stream(step, record, receive, send)

    async def _stream(self, step: Step, record: RecordedRequest, receive: Callable, send: Callable) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", _EVENTSTREAM),
                    (b"x-amzn-requestid", str(uuid.uuid4()).encode()),
                ],
            }
        )
        producer = asyncio.create_task(self._produce(step, record, send))
        watcher = asyncio.create_task(_wait_for_disconnect(receive))
        await asyncio.wait({producer, watcher}, return_when=asyncio.FIRST_COMPLETED)
        if producer.done():
            watcher.cancel()
            try:
                outcome = producer.result()
            except OSError:
                outcome = "disconnected"
        else:
            producer.cancel()
            await asyncio.gather(producer, return_exceptions=True)
            outcome = "disconnected"
        record._finish(outcome)  # unless _produce already did, before its last frame
        if outcome != "disconnected":
            await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def _produce(self, step: Step, record: RecordedRequest, send: Callable) -> str:
        started = time.monotonic()

        async def emit(frame: bytes) -> None:
            await send({"type": "http.response.body", "body": frame, "more_body": True})
            record.events_sent += 1

        async def text(pieces: Sequence[str], delay: float, first_delay: float = 0.0) -> None:
            for index, piece in enumerate(pieces):
                pause = first_delay if index == 0 else delay
                if pause:
                    await asyncio.sleep(pause)
                await emit(encode_event("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": piece}}))

        await emit(encode_event("messageStart", {"role": "assistant"}))
        if isinstance(step, FailAfter):
            await text(step.pieces, step.delay)
            record._finish("failed")
            await emit(encode_exception(step.exception_type, step.message))
            return "failed"

        if isinstance(step, Stall):
            await text(step.pieces, 0.0)
            assert self._closing is not None
            try:
                await asyncio.wait_for(self._closing.wait(), step.seconds)
                return "aborted"  # the stand-in is stopping: end the response unfinished
            except TimeoutError:
                pass
            await text(step.then, 0.0)
            chunks = Chunks([*step.pieces, *step.then])
        else:
            chunks = step
            await text(chunks.pieces, chunks.delay, chunks.first_delay)

        await emit(encode_event("contentBlockStop", {"contentBlockIndex": 0}))
        await emit(encode_event("messageStop", {"stopReason": chunks.stop_reason}))
        input_tokens = chunks.input_tokens if chunks.input_tokens is not None else _text_size(record.body)
        output_tokens = chunks.output_tokens if chunks.output_tokens is not None else len(chunks.pieces)
        latency_ms = chunks.latency_ms if chunks.latency_ms is not None else int((time.monotonic() - started) * 1000)
        record._finish("completed")
        await emit(
            encode_event(
                "metadata",
                {
                    "usage": {
                        "inputTokens": input_tokens,
                        "outputTokens": output_tokens,
                        "totalTokens": input_tokens + output_tokens,
                    },
                    "metrics": {"latencyMs": latency_ms},
                },
            )
        )
        return "completed"


async def _read_body(receive: Callable[[], Awaitable[dict]]) -> bytes:
    parts: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        parts.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(parts)


async def _wait_for_disconnect(receive: Callable[[], Awaitable[dict]]) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def _send_error(send: Callable, error: HttpError) -> None:
    # rest-json errors: botocore takes the code from x-amzn-ErrorType (the part before ':')
    # and the message from the body's "message".
    body = json.dumps({"message": error.message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": error.status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"x-amzn-errortype", f"{error.error_type}:http://internal.amazon.com/coral/com.amazon.bedrock/".encode()),
                (b"x-amzn-requestid", str(uuid.uuid4()).encode()),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


def _text_size(body: Any) -> int:
    """Characters of text in a Converse request: a stand-in for the input token count."""
    if not isinstance(body, dict):
        return 0
    blocks = list(body.get("system") or [])
    for message in body.get("messages") or []:
        blocks.extend(message.get("content") or [])
    return sum(len(block.get("text", "")) for block in blocks if isinstance(block, dict))
