"""The GraphQL endpoint: strawberry's ASGI view with our authentication and error shape."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from cross_web import HTTPException
from strawberry.types.unset import UNSET, UnsetType

from graph.context import Context
from loveq.auth import bearer_token
from loveq.auth.errors import AuthenticationError
from loveq.auth.verifier import TokenVerifier
from loveq.runtime import Runtime
from loveq.ws_auth import AuthenticatedTransportWS, authenticate_init
from services.identity import Principal

_HTTP_CODES = {
    400: "BAD_REQUEST",
    405: "METHOD_NOT_ALLOWED",
    413: "REQUEST_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
}


def error_response(status: int, message: str, code: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status)


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


class LoveQGraphQL(GraphQL):
    graphql_transport_ws_handler_class = AuthenticatedTransportWS

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
        await authenticate_init(context)
        return UNSET

    def encode_json(self, data: object) -> str:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
