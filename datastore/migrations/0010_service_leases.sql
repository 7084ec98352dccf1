-- Work that one instance does for all of them (the sweeper), held as a lease row: the holder
-- renews `expires_at` while it works; another instance takes the row over once it has expired.
-- Taking and renewing write the same row, so two instances racing for it conflict and only one
-- holds it. `runs` and `last_run_at` say when the work last ran, and on which holder.

CREATE TABLE IF NOT EXISTS service_leases (
    name         TEXT PRIMARY KEY,
    holder       TEXT NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    taken_at     TIMESTAMPTZ NOT NULL,
    runs         BIGINT NOT NULL,
    last_run_at  TIMESTAMPTZ
)
