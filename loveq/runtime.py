"""Wiring: builds the long-lived parts from settings — database, migrations, token verifier,
raw-file store, coach engine, the services over them — and the sweeper that runs beside."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

from ai.coach.engine import CoachEngine
from ai.coach.factory import build_emotion_analyzer, build_engine
from blobs import BlobStore, LocalBlobStore
from datastore.database import ConnectHook, Database, connect_dsql, connect_postgres
from datastore.migrate import migrate
from loveq.auth import build_verifier
from loveq.auth.verifier import TokenVerifier
from loveq.settings import Settings
from services.chat_import import ImportLimits
from services.container import Limits, Services
from services.generation_limits import GenerationLimiter
from services.sweeper import sweep_forever

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    db: Database
    verifier: TokenVerifier
    services: Services
    instance: str


def instance_name() -> str:
    """This process among the service's instances (it holds leases under this name)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


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
            statement_timeout=settings.guards.statement_timeout_seconds,
            max_connection_age=settings.db_max_connection_age_seconds,
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
        statement_timeout=settings.guards.statement_timeout_seconds,
        max_connection_age=settings.db_max_connection_age_seconds,
    )


async def open_blob_store(settings: Settings) -> BlobStore:
    if settings.s3 is None:
        return LocalBlobStore(settings.local_blob_root)
    import aioboto3

    from blobs.s3 import S3BlobStore

    return S3BlobStore(
        session=aioboto3.Session(),
        bucket=settings.s3.bucket,
        region=settings.s3.region,
        endpoint_url=settings.s3.endpoint_url,
    )


def build_coach_engine(settings: Settings) -> CoachEngine:
    coach = settings.coach
    # The model engines take an emotion analyser; the local engine has its own lexicon.
    emotion = (
        build_emotion_analyzer(coach.emotion, region=coach.region, endpoint_url=coach.comprehend_endpoint_url)
        if coach.engine != "local"
        else None
    )
    bedrock = coach.engine == "bedrock"
    return build_engine(
        coach.engine,  # type: ignore[arg-type]
        region=coach.region,
        model_id=coach.bedrock_model_id if bedrock else coach.openai_model,
        endpoint_url=coach.bedrock_endpoint_url,
        base_url=coach.openai_base_url,
        api_key=coach.openai_api_key,
        effort=coach.bedrock_effort,
        read_timeout=coach.idle_timeout_seconds,
        total_timeout=coach.total_timeout_seconds,
        max_tokens=coach.max_tokens,
        emotion=emotion,
    )


def build_services(
    settings: Settings, db: Database, blobs: BlobStore, engine: CoachEngine, *, instance: str = "local"
) -> Services:
    limits = Limits(
        max_page_size=settings.max_page_size,
        imports=ImportLimits(
            max_bytes=settings.import_max_bytes,
            max_messages=settings.import_max_messages,
            raw_retention=timedelta(days=settings.raw_retention_days),
            lease=timedelta(seconds=settings.import_lease_seconds),
        ),
    )
    generations = GenerationLimiter(
        per_user=settings.coach.max_per_user,
        global_limit=settings.coach.max_total,
        db=db,
        lease=timedelta(seconds=settings.coach.lease_seconds),
        holder=instance,
    )
    return Services(db, blobs, engine, generations, limits)


@contextlib.asynccontextmanager
async def running(
    settings: Settings, *, dsn: str | None = None, on_connect: ConnectHook | None = None
) -> AsyncIterator[Runtime]:
    db = await open_database(settings, dsn=dsn, on_connect=on_connect)
    instance = instance_name()
    verifier = build_verifier(settings)
    sweeper: asyncio.Task | None = None
    blobs: BlobStore | None = None
    engine: CoachEngine | None = None
    try:
        if settings.migrate_on_start:
            await migrate(db)
        blobs = await open_blob_store(settings)
        engine = build_coach_engine(settings)
        # Loading the Korean analyser holds the GIL for a second or two: do it before serving,
        # and before the sweeper starts (its lease could not be renewed meanwhile).
        await engine.warm_up()
        sweeper = asyncio.create_task(
            sweep_forever(
                db,
                blobs,
                interval=settings.sweep_interval_seconds,
                retention=timedelta(days=settings.raw_retention_days),
                stale_after=timedelta(seconds=settings.import_lease_seconds),
                holder=instance,
                lease_period=timedelta(seconds=settings.sweeper_lease_seconds),
            )
        )
        yield Runtime(settings, db, verifier, build_services(settings, db, blobs, engine, instance=instance), instance)
    finally:
        if sweeper is not None:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper
        if engine is not None:
            await engine.aclose()
        if blobs is not None:
            await blobs.aclose()
        await verifier.aclose()
        await db.close()
