"""What the model stand-ins share: a scripted streaming HTTP server over real sockets.

A stand-in runs uvicorn on 127.0.0.1 (a free port) in a background thread with its own event
loop, so it serves any test or benchmark loop and many concurrent connections. Each request
takes the next scripted step; with none left it asks ``responder(body)``, which returns text
pieces (or a step). Every request is recorded with how its answer ended. A subclass speaks one
wire (`bedrock_server`: AWS event stream; `openai_server`: server-sent events)::

    with SomeStandIn() as server:                 # or .start() / .stop()
        server.script(Throttle(), Chunks(["안녕", "하세요"]))
        ... point the client at server.endpoint_url ...
        [request] = server.requests[-1:]          # what left the service, parsed
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import uvicorn

# --- script steps ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Chunks:
    """Stream ``pieces`` of text, then finish normally."""

    pieces: Sequence[str]
    delay: float = 0.0  # seconds between pieces
    first_delay: float = 0.0  # seconds before the first piece
    stop_reason: str = "end_turn"  # the wire's own word: end_turn/max_tokens, stop/length
    input_tokens: int | None = None  # default: characters of text in the request
    output_tokens: int | None = None  # default: number of pieces
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    thinking: Sequence[str] = ()  # reasoning streamed before the answer, never to be shown


@dataclass(frozen=True)
class HttpError:
    """Refuse the request before any stream starts."""

    status: int
    error_type: str
    message: str


def Throttle(message: str = "Too many requests, please wait before trying again.") -> HttpError:
    return HttpError(429, "ThrottlingException", message)


def Unavailable(message: str = "Service is temporarily unavailable.") -> HttpError:
    return HttpError(503, "ServiceUnavailableException", message)


def ServerError(message: str = "An internal server error occurred. Retry your request.") -> HttpError:
    return HttpError(500, "InternalServerException", message)


@dataclass(frozen=True)
class FailAfter:
    """Stream ``pieces``, then fail: the wire's error event, or (``drop``) the connection cut."""

    pieces: Sequence[str]
    exception_type: str = "modelStreamErrorException"
    message: str = "The model stream was interrupted."
    delay: float = 0.0
    drop: bool = False


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


class Dropped(Exception):
    """Raised by a wire to cut the connection without ending the response."""


# --- what was received -----------------------------------------------------------------------


@dataclass
class RecordedRequest:
    """One request as it arrived, and how its answer ended: ``completed``, ``failed`` (an
    error event sent), ``dropped`` (the connection cut mid-stream), ``http_error``,
    ``disconnected`` (the client hung up before the end), ``aborted`` (the stand-in stopped
    under a stall) or ``bad_request``. Set before the answer's last byte is sent."""

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
        """The parsed body as readable JSON (clients may escape non-ASCII in ``raw_body``):
        search this for what a request carried."""
        return json.dumps(self.body, ensure_ascii=False)

    @property
    def ended(self) -> bool:
        return self._ended.is_set()

    async def wait_ended(self, timeout: float) -> str | None:
        """Wait (without blocking the caller's loop) until the answer is over; its outcome."""
        await asyncio.to_thread(self._ended.wait, timeout)
        return self.outcome


# --- the server ------------------------------------------------------------------------------


class ScriptedStandIn:
    name = "stand-in"

    def __init__(self, *, responder: Responder = default_responder, host: str = "127.0.0.1") -> None:
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

    # what a wire provides

    def route(self, method: str, path: str) -> tuple[bool, str | None]:
        """Whether the request is the streaming call, and the model it names in its path."""
        raise NotImplementedError

    def malformed(self, body: Any) -> str | None:
        raise NotImplementedError

    async def send_error(self, send: Callable, error: HttpError) -> None:
        raise NotImplementedError

    def content_type(self) -> bytes:
        raise NotImplementedError

    def opening(self, step: Step, record: RecordedRequest) -> list[bytes]:
        return []

    def thinking_frames(self, pieces: Sequence[str], record: RecordedRequest) -> list[bytes]:
        return []

    def text_frame(self, piece: str, record: RecordedRequest) -> bytes:
        raise NotImplementedError

    def closing(self, chunks: Chunks, record: RecordedRequest) -> list[bytes]:
        raise NotImplementedError

    def failure(self, step: FailAfter) -> bytes:
        raise NotImplementedError

    # lifecycle

    @property
    def endpoint_url(self) -> str:
        if self.port is None:
            raise RuntimeError("the stand-in is not running")
        return f"http://{self._host}:{self.port}"

    def start(self) -> ScriptedStandIn:
        if self._thread is not None:
            raise RuntimeError("already started")
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self._host, 0))
        self._socket = sock
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self, lifespan="off", log_config=None, access_log=False, timeout_keep_alive=30, timeout_graceful_shutdown=2
        )
        self._server = uvicorn.Server(config)
        self._started.clear()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._serve()), name=self.name, daemon=True)
        self._thread.start()
        if not self._started.wait(10) or not self._server.started:
            self.stop()
            raise RuntimeError(f"the {self.name} did not start")
        return self

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

    def __enter__(self):  # noqa: ANN204 - the subclass
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
        streaming, model_id = self.route(scope["method"], scope["path"])
        try:
            body: Any = json.loads(raw_body) if raw_body else None
        except ValueError:
            body = None
        record = RecordedRequest(scope["method"], scope["path"], model_id, headers, raw_body, body)
        with self._lock:
            self._requests.append(record)
        if not streaming:
            record._finish("bad_request")
            await self.send_error(send, HttpError(404, "UnknownOperationException", "Unknown operation"))
            return
        if (problem := self.malformed(body)) is not None:
            record._finish("bad_request")
            await self.send_error(send, HttpError(400, "ValidationException", problem))
            return
        step = self._next_step(body)
        if isinstance(step, HttpError):
            record._finish("http_error")
            await self.send_error(send, step)
            return
        await self._stream(step, record, receive, send)

    async def _stream(self, step: Step, record: RecordedRequest, receive: Callable, send: Callable) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", self.content_type())]})
        producer = asyncio.create_task(self._produce(step, record, send))
        watcher = asyncio.create_task(_wait_for_disconnect(receive))
        await asyncio.wait({producer, watcher}, return_when=asyncio.FIRST_COMPLETED)
        if producer.done():
            watcher.cancel()
            try:
                outcome = producer.result()
            except OSError:
                outcome = "disconnected"
            except Dropped:
                # Returning without ending the response: uvicorn closes the connection (and
                # logs one line saying so), which the client reads as a broken stream.
                record._finish("dropped")
                return
        else:
            producer.cancel()
            await asyncio.gather(producer, return_exceptions=True)
            outcome = "disconnected"
        record._finish(outcome)  # unless _produce already did, before its last frame
        if outcome != "disconnected":
            await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def _produce(self, step: Step, record: RecordedRequest, send: Callable) -> str:
        async def emit(frame: bytes) -> None:
            await send({"type": "http.response.body", "body": frame, "more_body": True})
            record.events_sent += 1

        async def text(pieces: Sequence[str], delay: float, first_delay: float = 0.0) -> None:
            for index, piece in enumerate(pieces):
                pause = first_delay if index == 0 else delay
                if pause:
                    await asyncio.sleep(pause)
                await emit(self.text_frame(piece, record))

        for frame in self.opening(step, record):
            await emit(frame)
        if isinstance(step, Chunks):
            for frame in self.thinking_frames(step.thinking, record):
                await emit(frame)
        if isinstance(step, FailAfter):
            await text(step.pieces, step.delay)
            if step.drop:
                raise Dropped
            record._finish("failed")
            await emit(self.failure(step))
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
            assert isinstance(step, Chunks)
            chunks = step
            await text(chunks.pieces, chunks.delay, chunks.first_delay)
        frames = self.closing(chunks, record)
        for frame in frames[:-1]:
            await emit(frame)
        record._finish("completed")
        await emit(frames[-1])
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


def text_size(texts: Sequence[str]) -> int:
    """Characters of text: the stand-ins' stand-in for an input token count."""
    return sum(len(text) for text in texts)
