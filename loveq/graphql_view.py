"""The GraphQL endpoint: strawberry's ASGI view with our authentication and error shape."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncGenerator, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.http.streaming import MULTIPART_SUBSCRIPTION_BOUNDARY, MultipartSubscriptionTransport
from strawberry.subscriptions import MULTIPART_SUBSCRIPTION_PROTOCOL
from strawberry.types import ExecutionResult
from cross_web import HTTPException
from strawberry.types.unset import UNSET, UnsetType

from graph.context import Context
from graph.errors import ResponseTooLarge
from loveq import exchange
from loveq.auth import bearer_token
from loveq.auth.errors import AuthenticationError
from loveq.auth.verifier import TokenVerifier
from loveq.request_guard import RequestGuard
from loveq.json_text import dumps, dumps_within
from loveq.operation_observer import describe_text
from loveq.request_body import RequestBodyParsing
from loveq.runtime import Runtime
from loveq.ws_auth import AuthenticatedTransportWS, authenticate_init
from services.identity import Principal

_HTTP_CODES = {
    400: "BAD_REQUEST",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "REQUEST_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
}


def error_response(status: int, message: str, code: str) -> Response:
    exchange.note_codes([code])
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return Response(dumps(body), status_code=status, media_type="application/json")


async def authenticate(
    verifier: TokenVerifier, header: str | None
) -> tuple[Principal | None, AuthenticationError | None]:
    try:
        token = bearer_token(header)
        if token is None:
            return None, None
        return await verifier.verify(token), None
    except AuthenticationError as exc:
        return None, exc


@dataclass
class RequestContext(Context):
    """The GraphQL context plus what the shell knows of the request: why authentication failed."""

    auth_error: AuthenticationError | None = None
    request: Any = None
    response: Any = None
    credential_checked: bool = False  # a WebSocket's, at connection_init (loveq/ws_auth.py)
    guard: Any = None  # the RequestGuard: the cost-limit extension charges the cost budget
    admitted: bool = False  # the guard took this request's rate before its body was read


class MultipartSubscriptions(MultipartSubscriptionTransport):
    """Apollo's multipart subscriptions, framed as RFC 2046 multipart: every part already ends
    with the next delimiter, so the stream closes by turning the last one into the close
    delimiter (`--graphql--`) rather than adding another delimiter and an empty part; the
    opening delimiter is added in `LoveQGraphQL.create_streaming_response`."""

    def encode_complete(self) -> str:
        return "--\r\n"


class LoveQGraphQL(RequestBodyParsing, GraphQL):
    graphql_transport_ws_handler_class = AuthenticatedTransportWS
    stream_transport_classes_by_protocol = {
        **GraphQL.stream_transport_classes_by_protocol,
        MULTIPART_SUBSCRIPTION_PROTOCOL: MultipartSubscriptions,
    }

    def __init__(self, schema: Any, *, guard: RequestGuard, max_response_bytes: int, **options: Any) -> None:
        super().__init__(schema, **options)
        self.guard = guard
        self.max_response_bytes = max_response_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        try:
            response: Response = await self._refused_before_body(request) or await self.run(request)
        except HTTPException as exc:
            response = error_response(exc.status_code, exc.reason, _HTTP_CODES.get(exc.status_code, "BAD_REQUEST"))
        await response(scope, receive, send)

    async def _refused_before_body(self, request: Request) -> Response | None:
        """The answer to an operation over HTTP that its headers refuse (loveq/request_guard.py),
        given before its body is decoded: the same answer the view gives, at a fraction of the
        cost. None to go on; the token verified here is not verified again."""
        if request.method == "GET" and "query" not in request.query_params:
            return None  # GraphiQL's page, or the view's own 400
        if request.method not in ("GET", "POST") or self._asks_for_a_stream(request):
            return None  # a stream's refusal is the stream's one result: the view gives it
        principal, error = await self._authenticated(request)
        sub_response = await self.get_sub_response(request)
        refusal, admitted = self.guard.before_body(principal, error, sub_response)
        request.scope[_ADMITTED] = admitted
        if refusal is None:
            return None
        _note_request("http", None)
        response_data = await self.process_result(request, refusal)
        return self.create_response(response_data=response_data, sub_response=sub_response)

    def _asks_for_a_stream(self, request: Request) -> bool:
        accept = request.headers.get("accept", "").lower()
        if "event-stream" not in accept and "multipart" not in accept:
            return False  # (the usual case, without going through every transport)
        return self._get_stream_transport_from_headers(request.headers) is not None

    async def _authenticated(self, request: Request | WebSocket) -> tuple[Principal | None, AuthenticationError | None]:
        """The request's principal (or why it has none), verified once per request."""
        known = request.scope.get(_AUTHENTICATED)
        if known is None:
            runtime: Runtime = request.app.state.runtime
            known = await authenticate(runtime.verifier, request.headers.get("authorization"))
            request.scope[_AUTHENTICATED] = known
            current = exchange.current()
            if current is not None and known[0] is not None:
                current.user_id = known[0].user_id
        return known

    async def get_context(self, request: Request | WebSocket, response: Any) -> RequestContext:
        runtime: Runtime = request.app.state.runtime
        principal, error = await self._authenticated(request)
        return RequestContext(
            services=runtime.services, principal=principal, auth_error=error, request=request, response=response,
            guard=self.guard, admitted=request.scope.get(_ADMITTED, False),
        )

    async def on_ws_connect(self, context: RequestContext) -> UnsetType | dict[str, object] | None:
        """A token may also arrive in `connection_init` (browsers cannot set upgrade headers)."""
        await authenticate_init(context)
        return UNSET

    async def execute_operation(  # type: ignore[override]
        self, request: Any, request_adapter: Any, request_data: Any, context: RequestContext, root_value: Any,
        sub_response: Any,
    ) -> Any:
        streamed = not isinstance(request_data, list) and self._get_stream_transport(request_data.protocol)
        if not isinstance(request_data, list):
            _note_request(request_data.protocol, request_data.operation_name)
        query = None if isinstance(request_data, list) else request_data.query
        refusal = self.guard.refusal(context, sub_response, query)
        if refusal is not None:
            if context.principal is None and context.auth_error is None and isinstance(query, str):
                # Refused unparsed: the log and metrics still name a short document by its root
                # field, as they did when it was parsed before being refused.
                describe_text(exchange.current(), self.schema._schema, query, request_data.operation_name)
            # A client that asked for a stream gets the refusal as the stream's one result
            # (graphql-sse: errors before execution go through the accepted event stream).
            return _single(refusal) if streamed else refusal
        return await self.guard.within_deadline(
            lambda: super(LoveQGraphQL, self).execute_operation(
                request=request,
                request_adapter=request_adapter,
                request_data=request_data,
                context=context,
                root_value=root_value,
                sub_response=sub_response,
            )
        )

    async def create_streaming_response(
        self, request: Any, stream: Callable[[], AsyncGenerator[str, None]], sub_response: Any, headers: Mapping[str, str]
    ) -> Response:
        """A multipart subscription opens with its delimiter, so that its first part (the first
        heartbeat) is a part and not the preamble, which RFC 2046 readers skip."""
        if "subscriptionSpec" in headers.get("Content-Type", ""):
            stream = _opened(stream, f"--{MULTIPART_SUBSCRIPTION_BOUNDARY}")
        return await super().create_streaming_response(request, stream, sub_response, headers)

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        """The last net: an error that reached here without a code (one raised by an extension
        before the error-code extension could see it, such as a parse error) gets one."""
        response = await super().process_result(request, result)
        for error in response.get("errors") or ():
            extensions = error.setdefault("extensions", {})
            if "code" not in extensions:
                extensions["code"] = exchange.fallback_code(error.get("message", ""))
        exchange.note_codes(exchange.codes_in(response))  # streamed results pass here one by one
        # Encoded here, where the event loop can be handed back meanwhile, and only as far as
        # the size cap: `encode_json` (synchronous) then has the text at hand. A refusal (no
        # data, an error or two: as large as the message, at most) is one `dumps`.
        if response.get("data") is None and len(response.get("errors") or ()) <= 2 and len(response) <= 2:
            text = dumps(response)
            if not self._over_the_cap(text):
                return _Encoded(response, text)
        text = await dumps_within(response, self.max_response_bytes)
        if text is None:
            return _Encoded(self._too_large())
        return _Encoded(response, text)

    def encode_json(self, data: object) -> str:
        if isinstance(data, _Encoded) and data.text is not None:
            return data.text
        encoded = dumps(data)
        if self._over_the_cap(encoded):
            return dumps(self._too_large())
        return encoded

    def _over_the_cap(self, text: str) -> bool:
        return len(text) * 3 > self.max_response_bytes and len(text.encode()) > self.max_response_bytes

    def _too_large(self) -> dict[str, Any]:
        error = ResponseTooLarge(f"the response is over {self.max_response_bytes} bytes: ask for less")
        exchange.note_codes([error.formatted["extensions"]["code"]])
        return {"data": None, "errors": [error.formatted]}


_AUTHENTICATED = "loveq.authenticated"  # keys in the ASGI scope of an HTTP request
_ADMITTED = "loveq.admitted"


class _Encoded(dict):  # type: ignore[type-arg]
    """A processed result with its JSON text (`dumps` of it, or of the too-large answer); a
    result changed afterwards (strawberry adds `hasNext` to an incremental one) is encoded anew."""

    def __init__(self, response: Mapping[str, Any], text: str | None = None) -> None:
        super().__init__(response)
        self.text: str | None = dumps(response) if text is None else text

    def __setitem__(self, key: Any, value: Any) -> None:
        self.text = None
        super().__setitem__(key, value)


def _note_request(protocol: str, operation_name: object) -> None:
    current = exchange.current()
    if current is not None:
        current.note_protocol(protocol)
        current.operation_name = operation_name[:100] if isinstance(operation_name, str) else None


async def _single(result: ExecutionResult) -> AsyncGenerator[ExecutionResult, None]:
    yield result


def _opened(stream: Callable[[], AsyncGenerator[str, None]], opening: str) -> Callable[[], AsyncGenerator[str, None]]:
    async def opened() -> AsyncGenerator[str, None]:
        yield opening
        async with contextlib.aclosing(stream()) as chunks:
            async for chunk in chunks:
                yield chunk

    return opened
