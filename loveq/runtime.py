"""Builds the long-lived services from settings: database, migrations, token verifier."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from datastore.database import ConnectHook, Database, connect_dsql, connect_postgres
from datastore.migrate import migrate
from datastore.purge import purge_deleted
from loveq.auth import build_verifier
from loveq.services import Services
from loveq.settings import Settings

log = logging.getLogger(__name__)


async def open_database(settings: Settings, *, dsn: str | None = None, on_connect: ConnectHook | None = None) -> Database:
    if settings.dsql is not None:
        return await connect_dsql(
            endpoint=settings.dsql.endpoint,
            region=settings.dsql.region,
            user=settings.dsql.user,
            database=settings.dsql.database,
            min_size=settings.db_pool_min,
            max_size=settings.db_pool_max,
            on_connect=on_connect,
            retry_attempts=settings.db_retry_attempts,
        )
    dsn = dsn or settings.database_url
    if dsn is None:
        raise RuntimeError("no database: set DATABASE_URL or start the embedded one")
    return await connect_postgres(
        dsn,
        min_size=settings.db_pool_min,
        max_size=settings.db_pool_max,
        on_connect=on_connect,
        retry_attempts=settings.db_retry_attempts,
    )


async def _sweep_forever(db: Database, interval: float) -> None:
    while True:
        try:
            await purge_deleted(db)
        except Exception:  # the sweeper must outlive a bad moment of the database
            log.exception("sweep failed; retrying in %ss", interval)
        await asyncio.sleep(interval)


@contextlib.asynccontextmanager
async def running_services(
    settings: Settings, *, dsn: str | None = None, on_connect: ConnectHook | None = None
) -> AsyncIterator[Services]:
    db = await open_database(settings, dsn=dsn, on_connect=on_connect)
    verifier = build_verifier(settings)
    sweeper: asyncio.Task | None = None
    try:
        if settings.migrate_on_start:
            await migrate(db)
        sweeper = asyncio.create_task(_sweep_forever(db, settings.sweep_interval_seconds))
        yield Services(settings=settings, db=db, verifier=verifier)
    finally:
        if sweeper is not None:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper
        await verifier.aclose()
        await db.close()
