"""A local stand-in for Amazon Comprehend's DetectSentiment and DetectKeyPhrases, over real HTTP.

It speaks the AWS JSON 1.1 protocol (``POST /``, ``X-Amz-Target: Comprehend_20171127.<Op>``,
``application/x-amz-json-1.1``), so the production analyser talks to it through aioboto3
unchanged. Unlike moto (whose DetectSentiment answers a canned NEUTRAL, checks the size in
characters and keeps no record), it enforces the real limits in UTF-8 bytes (DetectSentiment
5,000, DetectKeyPhrases 100,000) with AWS's ``TextSizeLimitExceededException``, answers what a
test scripts, can fail on request, and records every request for inspection.

Usage::

    with ComprehendStandIn() as comprehend:
        comprehend.sentiment = lambda text: ("POSITIVE", {"Positive": 0.9, ...})
        comprehend.key_phrases = lambda text: ["주말", "영화"]
        comprehend.fail_next("ThrottlingException", status=400)
        ... point the analyser at comprehend.endpoint_url ...
        comprehend.requests[-1].text
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import uvicorn

_TARGET_PREFIX = "Comprehend_20171127."
_LIMITS = {"DetectSentiment": 5000, "DetectKeyPhrases": 100_000}
_LANGUAGES = {"ar", "hi", "ko", "zh-TW", "ja", "zh", "de", "pt", "en", "it", "fr", "es"}

Scores = dict[str, float]


def default_sentiment(text: str) -> tuple[str, Scores]:
    return "NEUTRAL", {"Positive": 0.05, "Negative": 0.03, "Neutral": 0.9, "Mixed": 0.02}


def default_key_phrases(text: str) -> list[str]:
    return []


@dataclass(frozen=True)
class Received:
    operation: str
    body: dict[str, Any]
    status: int

    @property
    def text(self) -> str:
        return str(self.body.get("Text", ""))


class ComprehendStandIn:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.sentiment: Callable[[str], tuple[str, Scores]] = default_sentiment
        self.key_phrases: Callable[[str], list[str]] = default_key_phrases
        self.delay = 0.0  # seconds before answering
        self._host = host
        self._lock = threading.Lock()
        self._failures: deque[tuple[str, int]] = deque()
        self._requests: list[Received] = []
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port: int | None = None

    # lifecycle

    @property
    def endpoint_url(self) -> str:
        if self.port is None:
            raise RuntimeError("the stand-in is not running")
        return f"http://{self._host}:{self.port}"

    def start(self) -> ComprehendStandIn:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self._host, 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self, lifespan="off", log_config=None, access_log=False)
        self._server = uvicorn.Server(config)
        server = self._server
        self._thread = threading.Thread(
            target=lambda: asyncio.run(server.serve(sockets=[sock])), name="comprehend-standin", daemon=True
        )
        self._thread.start()
        for _ in range(1000):
            if server.started:
                return self
            threading.Event().wait(0.01)
        self.stop()
        raise RuntimeError("the Comprehend stand-in did not start")

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(5)
        self._server, self._thread, self.port = None, None, None

    def __enter__(self) -> ComprehendStandIn:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # scripting and inspection

    def fail_next(self, error_type: str = "ThrottlingException", *, status: int = 400, times: int = 1) -> None:
        with self._lock:
            self._failures.extend([(error_type, status)] * times)

    @property
    def requests(self) -> list[Received]:
        with self._lock:
            return list(self._requests)

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()
            self._requests.clear()
        self.sentiment, self.key_phrases, self.delay = default_sentiment, default_key_phrases, 0.0

    # ASGI

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            return
        raw = b""
        while True:
            message = await receive()
            raw += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        operation = headers.get("x-amz-target", "").removeprefix(_TARGET_PREFIX)
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        status, answer = self._answer(operation, body)
        with self._lock:
            self._requests.append(Received(operation, body, status))
        if self.delay:
            await asyncio.sleep(self.delay)
        payload = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/x-amz-json-1.1"),
                    (b"x-amzn-requestid", b"00000000-0000-0000-0000-000000000000"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})

    def _answer(self, operation: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            failure = self._failures.popleft() if self._failures else None
        if failure is not None:
            error_type, status = failure
            return status, {"__type": error_type, "Message": "Rate exceeded" if "Throttl" in error_type else "error"}
        if operation not in _LIMITS:
            return 400, {"__type": "UnknownOperationException", "Message": f"Unknown operation {operation}"}
        text, language = body.get("Text"), body.get("LanguageCode")
        if not isinstance(text, str) or not text:
            return 400, {"__type": "ValidationException", "Message": "1 validation error detected: Value at 'text' failed to satisfy constraint: Member must have length greater than or equal to 1"}
        if language not in _LANGUAGES:
            return 400, {"__type": "UnsupportedLanguageException", "Message": f"Unsupported language {language}"}
        size = len(text.encode("utf-8"))
        if size > _LIMITS[operation]:
            return 400, {
                "__type": "TextSizeLimitExceededException",
                "Message": f"Input text size exceeds limit. Max length of request text allowed is {_LIMITS[operation]} bytes while in this request the text size is {size} bytes",
            }
        if operation == "DetectSentiment":
            sentiment, scores = self.sentiment(text)
            return 200, {"Sentiment": sentiment, "SentimentScore": scores}
        phrases = []
        for phrase in self.key_phrases(text):
            begin = text.find(phrase)
            phrases.append({"Score": 0.99, "Text": phrase, "BeginOffset": max(begin, 0), "EndOffset": max(begin, 0) + len(phrase)})
        return 200, {"KeyPhrases": phrases}
