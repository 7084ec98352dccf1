"""Builds the long-lived services from settings: database, migrations, token verifier."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import timedelta

from datastore.database import ConnectHook, Database, connect_dsql, connect_postgres
from datastore.migrate import migrate
from blobs import BlobStore, LocalBlobStore
from loveq.sweeper import sweep_forever
from ai.coach.factory import build_emotion_analyzer, build_engine
from ai.coach.limits import GenerationLimiter
from loveq.coaching import CoachingService
from loveq.insights import insights_summary
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


async def open_blob_store(settings: Settings) -> BlobStore:
    if settings.s3 is None:
        return LocalBlobStore(settings.local_blob_root)
    import aioboto3

    from blobs.s3 import S3BlobStore

    store = S3BlobStore(
        session=aioboto3.Session(),
        bucket=settings.s3.bucket,
        region=settings.s3.region,
        endpoint_url=settings.s3.endpoint_url,
    )
    await store.ensure_lifecycle(settings.raw_retention_days)
    return store


def build_coaching(settings: Settings, db: Database) -> CoachingService:
    coach = settings.coach
    # Only the Bedrock engine takes an emotion analyser; the local engine has its own lexicon.
    emotion = (
        build_emotion_analyzer(coach.emotion, region=coach.region, endpoint_url=coach.comprehend_endpoint_url)
        if coach.engine == "bedrock"
        else None
    )
    engine = build_engine(
        coach.engine,
        region=coach.region,
        model_id=coach.bedrock_model_id,
        endpoint_url=coach.bedrock_endpoint_url,
        read_timeout=coach.idle_timeout_seconds,
        total_timeout=coach.total_timeout_seconds,
        emotion=emotion,
    )
    limiter = GenerationLimiter(per_user=coach.max_per_user, global_limit=coach.max_total)
    return CoachingService(
        db, engine, limiter, insights_summary=lambda owner, room_id, since: insights_summary(db, owner, room_id, since)
    )


@contextlib.asynccontextmanager
async def running_services(
    settings: Settings, *, dsn: str | None = None, on_connect: ConnectHook | None = None
) -> AsyncIterator[Services]:
    db = await open_database(settings, dsn=dsn, on_connect=on_connect)
    verifier = build_verifier(settings)
    sweeper: asyncio.Task | None = None
    blobs: BlobStore | None = None
    coaching: CoachingService | None = None
    try:
        if settings.migrate_on_start:
            await migrate(db)
        blobs = await open_blob_store(settings)
        sweeper = asyncio.create_task(
            sweep_forever(
                db,
                blobs,
                interval=settings.sweep_interval_seconds,
                retention=timedelta(days=settings.raw_retention_days),
            )
        )
        coaching = build_coaching(settings, db)
        # Loading the Korean analyser holds the GIL for a second or two: do it before serving.
        await coaching.engine.warm_up()
        yield Services(settings=settings, db=db, verifier=verifier, blobs=blobs, coaching=coaching)
    finally:
        if sweeper is not None:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper
        if coaching is not None:
            await coaching.engine.aclose()
        if blobs is not None:
            await blobs.aclose()
        await verifier.aclose()
        await db.close()
