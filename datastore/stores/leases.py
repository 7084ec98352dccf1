"""Leases that hold across instances: a user's generation slots (migration 0009) and the
service-wide leases such as the sweeper's (migration 0010).

Every change is a write of the contended row, so two instances racing for a lease conflict —
SQLSTATE 40001 on PostgreSQL at repeatable read, OC000 on Aurora DSQL, whose optimistic
concurrency fails the later of two transactions that write the same row ("Concurrency control
in Aurora DSQL", docs.aws.amazon.com/aurora-dsql/latest/userguide/working-with-concurrency-control.html)
— and the unit of work runs again and sees the winner's row. Times are the database's, so
instances whose clocks disagree still agree on expiry.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import asyncpg

from datastore.stores.sql import affected


@dataclass(frozen=True)
class ServiceLeaseRecord:
    name: str
    holder: str
    expires_at: datetime
    runs: int
    last_run_at: datetime | None


class ServiceLeaseStore:
    def __init__(self, conn: asyncpg.Connection) -> None:
        self._conn = conn

    async def take(self, name: str, holder: str, ttl: timedelta) -> bool:
        """Takes the lease, or renews it for its holder; False while another holder's is live."""
        row = await self._conn.fetchrow(
            """
            INSERT INTO service_leases AS l (name, holder, expires_at, taken_at, runs)
            VALUES ($1, $2, now() + $3::interval, now(), 0)
            ON CONFLICT (name) DO UPDATE
                SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at,
                    taken_at = CASE WHEN l.holder = EXCLUDED.holder THEN l.taken_at ELSE now() END
                WHERE l.holder = EXCLUDED.holder OR l.expires_at < now()
            RETURNING holder
            """,
            name,
            holder,
            ttl,
        )
        return row is not None

    async def record_run(self, name: str, holder: str) -> bool:
        """Counts one run of the work; False when `holder` no longer holds the lease."""
        status = await self._conn.execute(
            "UPDATE service_leases SET runs = runs + 1, last_run_at = now() WHERE name = $1 AND holder = $2",
            name,
            holder,
        )
        return affected(status) == 1

    async def release(self, name: str, holder: str) -> None:
        """Lets the lease go at once (an instance shutting down): the next poller takes it."""
        await self._conn.execute(
            "UPDATE service_leases SET expires_at = now() WHERE name = $1 AND holder = $2", name, holder
        )

    async def get(self, name: str) -> ServiceLeaseRecord | None:
        row = await self._conn.fetchrow(
            "SELECT name, holder, expires_at, runs, last_run_at FROM service_leases WHERE name = $1", name
        )
        return ServiceLeaseRecord(**dict(row)) if row else None


class GenerationSlotStore:
    """The owner's generation slots."""

    def __init__(self, conn: asyncpg.Connection, owner: uuid.UUID) -> None:
        self._conn = conn
        self._owner = owner

    async def take(self, limit: int, lease_id: uuid.UUID, holder: str, ttl: timedelta) -> int | None:
        """Takes a free slot (never taken, or expired) below `limit`; None when all are live."""
        rows = await self._conn.fetch(
            "SELECT slot FROM generation_slots WHERE user_id = $1 AND slot < $2 AND expires_at > now()",
            self._owner,
            limit,
        )
        live = {row["slot"] for row in rows}
        free = next((slot for slot in range(limit) if slot not in live), None)
        if free is None:
            return None
        taken = await self._conn.fetchval(
            """
            INSERT INTO generation_slots AS g (user_id, slot, lease_id, holder, expires_at, taken_at)
            VALUES ($1, $2, $3, $4, now() + $5::interval, now())
            ON CONFLICT (user_id, slot) DO UPDATE
                SET lease_id = EXCLUDED.lease_id, holder = EXCLUDED.holder,
                    expires_at = EXCLUDED.expires_at, taken_at = EXCLUDED.taken_at
                WHERE g.expires_at <= now()
            RETURNING slot
            """,
            self._owner,
            free,
            lease_id,
            holder,
            ttl,
        )
        return taken

    async def renew(self, slot: int, lease_id: uuid.UUID, ttl: timedelta) -> bool:
        status = await self._conn.execute(
            "UPDATE generation_slots SET expires_at = now() + $4::interval"
            " WHERE user_id = $1 AND slot = $2 AND lease_id = $3",
            self._owner,
            slot,
            lease_id,
            ttl,
        )
        return affected(status) == 1

    async def release(self, slot: int, lease_id: uuid.UUID) -> None:
        await self._conn.execute(
            "DELETE FROM generation_slots WHERE user_id = $1 AND slot = $2 AND lease_id = $3",
            self._owner,
            slot,
            lease_id,
        )

    async def live(self) -> int:
        return await self._conn.fetchval(
            "SELECT count(*) FROM generation_slots WHERE user_id = $1 AND expires_at > now()", self._owner
        )
