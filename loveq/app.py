"""The ASGI application: /graphql (HTTP and WebSocket), /healthz and /readyz."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute

from datastore.database import ConnectHook
from loveq.graphql_view import LoveQGraphQL
from loveq.http_errors import EXCEPTION_HANDLERS
from loveq.http_limits import BodySizeLimit
from loveq.runtime import running
from loveq.schema import build_schema
from loveq.settings import Settings


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
            allow_headers=["Authorization", "Content-Type"],
            max_age=600,
        )
    ]


def create_app(
    settings: Settings, *, dsn: str | None = None, on_connect: ConnectHook | None = None
) -> Starlette:
    schema = build_schema(max_depth=settings.max_query_depth)
    # Uploads need no CSRF guard here: every operation needs an Authorization header, which
    # a cross-site form cannot send.
    graphql = LoveQGraphQL(
        schema, graphql_ide="graphiql" if settings.graphiql else None, multipart_uploads_enabled=True
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
        exception_handlers=EXCEPTION_HANDLERS,
    )
