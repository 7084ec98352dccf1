"""The GraphQL endpoint: strawberry's ASGI view with our authentication and error shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from cross_web import HTTPException
from strawberry.types.unset import UNSET, UnsetType

from graph.context import Context
from loveq.auth import bearer_token
from loveq.auth.errors import AuthenticationError
from loveq.auth.verifier import TokenVerifier
from loveq.json_text import dumps
from loveq.request_body import RequestBodyParsing
from loveq.runtime import Runtime
from services.identity import Principal

_HTTP_CODES = {
    400: "BAD_REQUEST",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "REQUEST_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
}


def error_response(status: int, message: str, code: str) -> Response:
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


class LoveQGraphQL(RequestBodyParsing, GraphQL):
    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        try:
            response: Response = await self.run(request)
        except HTTPException as exc:
            response = error_response(exc.status_code, exc.reason, _HTTP_CODES.get(exc.status_code, "BAD_REQUEST"))
        await response(scope, receive, send)

    async def get_context(self, request: Request | WebSocket, response: Any) -> RequestContext:
        runtime: Runtime = request.app.state.runtime
        principal, error = await authenticate(runtime.verifier, request.headers.get("authorization"))
        return RequestContext(
            services=runtime.services, principal=principal, auth_error=error, request=request, response=response
        )

    async def on_ws_connect(self, context: RequestContext) -> UnsetType | dict[str, object] | None:
        """A token may also arrive in `connection_init` (browsers cannot set upgrade headers)."""
        params = context.connection_params or {}
        header = params.get("Authorization", params.get("authorization"))
        if context.principal is None and header is not None:
            if not isinstance(header, str):
                context.auth_error = AuthenticationError("malformed")
            else:
                verifier = context.request.app.state.runtime.verifier
                context.principal, context.auth_error = await authenticate(verifier, header)
        return UNSET

    def encode_json(self, data: object) -> str:
        return dumps(data)
