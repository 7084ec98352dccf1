"""ASGI middleware that refuses request bodies over the configured size, and stops the work of
a request whose client went away.

JSON bodies are small: they are read whole (up to the limit) before the app parses them; the
app then runs while the connection is watched, and a disconnect cancels it (its database
statements with it). Multipart bodies carry uploads: they stream through, counted, so memory
stays flat (starlette spools the file part to disk), and the request is refused as soon as it
grows past its limit.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from loveq import exchange
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
        await _until_disconnect(self.app, scope, bytes(body), receive, send)

    async def _refuse(self, scope: Any, receive: Any, send: Any, limit: int) -> None:
        response = error_response(413, f"request body over {limit} bytes", "REQUEST_TOO_LARGE")
        await response(scope, receive, send)


async def _until_disconnect(app: Any, scope: Any, body: bytes, receive: Any, send: Any) -> None:
    """Runs the app on the buffered body; if the client disconnects first, cancels it."""
    gone = asyncio.Event()
    replayed = False

    async def replay() -> dict[str, Any]:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        await gone.wait()
        return {"type": "http.disconnect"}

    work = asyncio.create_task(app(scope, replay, send))
    watch = asyncio.create_task(_disconnected(receive))
    try:
        done, _ = await asyncio.wait({work, watch}, return_when=asyncio.FIRST_COMPLETED)
    except BaseException:
        work.cancel()
        watch.cancel()
        raise
    if work in done:
        watch.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watch
        work.result()  # the app's own failure, if any, goes on up
        return
    gone.set()
    exchange.note_client_gone()
    work.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await work


async def _disconnected(receive: Any) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass
