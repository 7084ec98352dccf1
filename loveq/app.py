"""The ASGI application: /graphql (HTTP, with subscriptions over SSE and multipart, and
WebSocket), /healthz and /readyz."""

from __future__ import annotations

import contextlib
import logging
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
from loveq import metrics
from loveq.graphql_view import LoveQGraphQL
from loveq.http_errors import EXCEPTION_HANDLERS
from loveq.http_limits import BodySizeLimit
from loveq.request_log import Finish, RequestLog, UserHasher
from loveq.runtime import running
from loveq.request_guard import RequestGuard
from loveq.schema import SchemaLimits, build_schema
from loveq.settings import Settings

log = logging.getLogger(__name__)

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
            # X-Request-Id: the client's id for a request, answered with the id the logs use.
            allow_headers=["Authorization", "Content-Type", "X-Api-Key", "X-Request-Id"],
            expose_headers=["X-Request-Id"],
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
    if settings.log_format == "json" and settings.log_salt is None:
        log.warning("LOVEQ_LOG_SALT is not set: the user hashes in the logs hold for this process only")
    finish = Finish(UserHasher(settings.log_salt))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        uninstall_metrics = metrics.install(settings.service_name)
        try:
            async with running(settings, dsn=dsn, on_connect=on_connect) as runtime:
                app.state.runtime = runtime
                yield
        finally:
            uninstall_metrics()

    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
        ],
        middleware=[
            *_cors(settings),
            Middleware(RequestLog, finish=finish),
            Middleware(
                BodySizeLimit,
                max_bytes=settings.max_request_bytes,
                # Within twice the import limit, an oversized export gets a userErrors answer.
                max_upload_bytes=2 * settings.import_max_bytes + 1024 * 1024,
            )
        ],
        lifespan=lifespan,
        exception_handlers=EXCEPTION_HANDLERS,
    )
