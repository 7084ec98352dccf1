-- The coach: stored analyses (with the reply the user chose) and partner insights.

CREATE TABLE IF NOT EXISTS analyses (
    id              UUID PRIMARY KEY,
    user_id         UUID NOT NULL,
    room_id         UUID NOT NULL,
    message_id      UUID,
    message         TEXT NOT NULL,
    situation       TEXT,
    emotion         TEXT NOT NULL,
    intent          TEXT NOT NULL,
    replies         TEXT NOT NULL,
    engine          TEXT NOT NULL,
    model           TEXT NOT NULL,
    input_tokens    INTEGER NOT NULL,
    output_tokens   INTEGER NOT NULL,
    latency_ms      INTEGER NOT NULL,
    chosen_risk     TEXT,
    rating          INTEGER,
    chosen_at       TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX IF NOT EXISTS analyses_by_room ON analyses (room_id, created_at, id);

ALTER TABLE partners ADD COLUMN IF NOT EXISTS insight TEXT;

ALTER TABLE partners ADD COLUMN IF NOT EXISTS insight_at TIMESTAMPTZ
