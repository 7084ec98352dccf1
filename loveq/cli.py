"""`loveq serve | token EMAIL | migrate`: one data directory ($LOVEQ_DATA_DIR) shared by all three."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Iterator

from loveq.log_format import configure_logging
from loveq.settings import Settings, SettingsError, load_settings

log = logging.getLogger("loveq")


@contextlib.contextmanager
def database_dsn(settings: Settings) -> Iterator[str | None]:
    """The DSN to use: the embedded server's when no database is configured, else None."""
    if not settings.embedded_database:
        yield None
        return
    from loveq.embedded_pg import EmbeddedPostgres

    server = EmbeddedPostgres(settings.embedded_pgdata)
    dsn = server.start()
    log.info("embedded PostgreSQL ready in %s", settings.embedded_pgdata)
    try:
        yield dsn
    finally:
        server.stop()


class _Stopped(Exception):
    """SIGTERM after uvicorn's graceful shutdown: unwind so the embedded database stops too."""


def _raise_stopped(signum: int, frame: object) -> None:
    raise _Stopped


def serve(settings: Settings, host: str | None, port: int | None) -> int:
    import uvicorn

    from loveq.app import create_app

    # uvicorn re-raises the signal it shut down on; with this handler in place that unwinds
    # through the `finally` below instead of killing the process with the server still up.
    signal.signal(signal.SIGTERM, _raise_stopped)
    with contextlib.suppress(_Stopped, KeyboardInterrupt), database_dsn(settings) as dsn:
        app = create_app(settings, dsn=dsn)
        config = uvicorn.Config(
            app,
            host=host or settings.host,
            port=port or settings.port,
            log_level=settings.log_level.lower(),
            # uvicorn's records go through our handler and format (loveq/log_format.py); its access
            # log is off: loveq/request_log.py writes each request, without its query string.
            log_config=None,
            access_log=False,
            ws="websockets-sansio",
            proxy_headers=True,
        )
        uvicorn.Server(config).run()
    return 0


def token(settings: Settings, email: str) -> int:
    from loveq.auth import build_local_issuer

    if settings.cognito is not None:
        print("loveq token: Cognito issues tokens in production; this command is for local mode", file=sys.stderr)
        return 2
    try:
        issued = build_local_issuer(settings).issue(email)
    except ValueError as exc:
        print(f"loveq token: {exc}", file=sys.stderr)
        return 2
    print(issued)
    return 0


def migrate(settings: Settings) -> int:
    from datastore.migrate import migrate as apply_migrations
    from loveq.runtime import open_database

    async def run(dsn: str | None) -> list[int]:
        db = await open_database(settings, dsn=dsn)
        try:
            return await apply_migrations(db)
        finally:
            await db.close()

    with database_dsn(settings) as dsn:
        applied = asyncio.run(run(dsn))
    print(f"applied {len(applied)} migration(s): {applied}" if applied else "database is up to date", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="loveq", description="Love Q GraphQL service")
    commands = root.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="run the GraphQL service (GraphiQL at /graphql)")
    serve_cmd.add_argument("--host", help="address to bind (default $LOVEQ_HOST or 127.0.0.1)")
    serve_cmd.add_argument("--port", type=int, help="port (default $LOVEQ_PORT or 8000)")
    token_cmd = commands.add_parser("token", help="print a local bearer token for EMAIL")
    token_cmd.add_argument("email")
    commands.add_parser("migrate", help="apply database migrations")
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"loveq: configuration error: {exc}", file=sys.stderr)
        return 2
    # Logs go to stderr so that `loveq token` prints nothing but the token on stdout (where the
    # service also writes its metrics, loveq/metrics.py).
    configure_logging(settings.log_level, settings.log_format)
    if args.command == "serve":
        return serve(settings, args.host, args.port)
    if args.command == "token":
        return token(settings, args.email)
    return migrate(settings)


if __name__ == "__main__":
    sys.exit(main())
