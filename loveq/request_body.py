"""Reading a GraphQL request from an HTTP body, where every malformed body is a 4xx.

Strawberry's view answers some malformed bodies with 400 and lets others raise (a body that is
not UTF-8, JSON nested past the recursion limit, an integer of more digits than Python converts,
JSON that is not an object, a broken multipart `map`), which became plain-text 500s. Here each
way a body can be wrong raises `HTTPException` with its status, and the view turns that into a
JSON error with a code.

POST bodies are `application/json` (one operation as an object: batching is off) or, for
uploads, `multipart/form-data` per the GraphQL multipart request spec. GET keeps strawberry's
query-parameter parsing, which decodes its JSON parameters (`variables`, `extensions`) with the
same strict decoder, as do WebSocket messages.
"""

from __future__ import annotations

from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException
from strawberry.http import GraphQLRequestData

from loveq.json_body import json_object, loads
from loveq.multipart import operations_with_files

JSON = "application/json"
MULTIPART = "multipart/form-data"


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _optional(data: dict[str, Any], key: str, kind: type, described: str) -> Any:
    value = data.get(key)
    if value is not None and not isinstance(value, kind):
        raise HTTPException(400, f"`{key}` must be {described} or null")
    return value


def operation_request(data: dict[str, Any], protocol: Any = "http") -> GraphQLRequestData:
    """One operation from a decoded request object; a field of the wrong type is a 400.
    `protocol`: how the answer streams, from the Accept header (SSE, multipart) or plain HTTP."""
    return GraphQLRequestData(
        query=_optional(data, "query", str, "a string"),
        variables=_optional(data, "variables", dict, "an object"),
        operation_name=_optional(data, "operationName", str, "a string"),
        extensions=_optional(data, "extensions", dict, "an object"),
        protocol=protocol,
    )


class RequestBodyParsing:
    """Mixin for the strawberry view: strict JSON and multipart bodies, or 4xx."""

    multipart_uploads_enabled: bool

    def decode_json(self, data: str | bytes) -> object:
        """For query parameters and WebSocket messages too: strict, and any failure is a
        `JSONDecodeError`, which strawberry answers as a client's error."""
        return loads(data)

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> GraphQLRequestData:
        if request.method != "POST":
            return await super().parse_http_body(request)  # type: ignore[misc]
        kind = media_type(request.content_type)
        transport = self._get_stream_transport_from_headers(request.headers)  # type: ignore[attr-defined]
        protocol = transport.protocol if transport else "http"
        if kind == JSON:
            return operation_request(json_object(await request.get_body(), "the request body"), protocol)
        if kind == MULTIPART and self.multipart_uploads_enabled:
            return operation_request(await self.parse_multipart(request), protocol)
        accepted = f"{JSON}, or {MULTIPART} for uploads" if self.multipart_uploads_enabled else JSON
        raise HTTPException(415, f"send the operation as {accepted}")

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> dict[str, Any]:
        try:
            form = await request.get_form_data()
        except (StarletteHTTPException, MultiPartException):
            raise HTTPException(400, "the multipart body cannot be parsed") from None
        return operations_with_files(form.form)
