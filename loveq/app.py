"""The ASGI application: /graphql (HTTP, with subscriptions over SSE and multipart, and
WebSocket), /healthz and /readyz."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from strawberry.subscriptions import (
    GRAPHQL_SSE_PROTOCOL,
    GRAPHQL_TRANSPORT_WS_PROTOCOL,
    GRAPHQL_WS_PROTOCOL,
    MULTIPART_SUBSCRIPTION_PROTOCOL,
)

from datastore.database import ConnectHook
from loveq.graphql_view import LoveQGraphQL
from loveq.http_limits import BodySizeLimit
from loveq.runtime import running
from loveq.request_guard import RequestGuard
from loveq.schema import SchemaLimits, build_schema
from loveq.settings import Settings

# Subscriptions over a WebSocket, and over plain HTTP where no WebSocket passes (API Gateway and
# Lambda): GraphQL over SSE (graphql-sse, distinct connections mode, `Accept: text/event-stream`)
# and Apollo's multipart subscriptions (`Accept: multipart/mixed;subscriptionSpec="1.0"`).
SUBSCRIPTION_PROTOCOLS = (
    GRAPHQL_TRANSPORT_WS_PROTOCOL,
    GRAPHQL_WS_PROTOCOL,
    GRAPHQL_SSE_PROTOCOL,
    MULTIPART_SUBSCRIPTION_PROTOCOL,
)


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    if await request.app.state.runtime.db.ping():
        return JSONResponse({"status": "ready"})
    return JSONResponse({"status": "database unreachable"}, status_code=503)


def _cors(settings: Settings) -> list[Middleware]:
    """Browsers on the listed origins (the web app) may call the API; tokens travel in a header,
    never in cookies, so credentials mode stays off."""
    if not settings.cors_origins:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            # X-Api-Key: API Gateway's usage plan key, sent by the web app with every call.
            allow_headers=["Authorization", "Content-Type", "X-Api-Key"],
            max_age=600,
        )
    ]


def create_app(
    settings: Settings, *, dsn: str | None = None, on_connect: ConnectHook | None = None
) -> Starlette:
    schema = build_schema(
        SchemaLimits(
            max_depth=settings.max_query_depth,
            max_cost=settings.guards.max_query_cost,
            max_page_size=settings.max_page_size,
            introspection=settings.introspection,
        )
    )
    # Uploads need no CSRF guard here: every operation needs an Authorization header, which
    # a cross-site form cannot send.
    graphql = LoveQGraphQL(
        schema,
        guard=RequestGuard(settings.guards, introspection=settings.introspection),
        max_response_bytes=settings.guards.max_response_bytes,
        graphql_ide="graphiql" if settings.graphiql else None,
        multipart_uploads_enabled=True,
        subscription_protocols=SUBSCRIPTION_PROTOCOLS,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with running(settings, dsn=dsn, on_connect=on_connect) as runtime:
            app.state.runtime = runtime
            yield

    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
        ],
        middleware=[
            *_cors(settings),
            Middleware(
                BodySizeLimit,
                max_bytes=settings.max_request_bytes,
                # Within twice the import limit, an oversized export gets a userErrors answer.
                max_upload_bytes=2 * settings.import_max_bytes + 1024 * 1024,
            )
        ],
        lifespan=lifespan,
    )
