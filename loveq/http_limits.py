"""ASGI middleware that refuses request bodies over the configured size.

JSON bodies are small: they are read whole (up to the limit) before the app parses them.
Multipart bodies carry uploads: they stream through, counted, so memory stays flat (starlette
spools the file part to disk), and the request is refused as soon as it grows past its limit.
"""

from __future__ import annotations

from typing import Any

from loveq.graphql_view import error_response


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    def __init__(self, app: Any, *, max_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_upload_bytes = max_upload_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        multipart = headers.get(b"content-type", b"").startswith(b"multipart/")
        limit = self.max_upload_bytes if multipart else self.max_bytes
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, receive, send, limit)
        elif multipart:
            await self._stream(scope, receive, send, limit)
        else:
            await self._buffered(scope, receive, send, limit)

    async def _stream(self, scope: Any, receive: Any, send: Any, limit: int) -> None:
        received = 0
        started = False

        async def counting_receive() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise _TooLarge
            return message

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send, limit)

    async def _buffered(self, scope: Any, receive: Any, send: Any, limit: int) -> None:
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            more = message.get("more_body", False)
            if len(body) > limit:
                await self._refuse(scope, receive, send, limit)
                return
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Any, receive: Any, send: Any, limit: int) -> None:
        response = error_response(413, f"request body over {limit} bytes", "REQUEST_TOO_LARGE")
        await response(scope, receive, send)
