-- Accounts, partners, chat rooms and their messages.
-- Written for both PostgreSQL and Aurora DSQL: UUID keys made by the application, no foreign
-- keys, sequences or triggers, JSON as TEXT. The migrator runs each statement in its own
-- transaction and turns CREATE INDEX into CREATE INDEX ASYNC on DSQL.

CREATE TABLE IF NOT EXISTS users (
    id          UUID PRIMARY KEY,
    issuer      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    email       TEXT,
    nickname    TEXT,
    gender      TEXT,
    birth_year  INTEGER,
    mbti        TEXT,
    bio         TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS partners (
    id                   UUID PRIMARY KEY,
    user_id              UUID NOT NULL,
    name                 TEXT NOT NULL,
    relationship         TEXT NOT NULL,
    age                  INTEGER,
    mbti                 TEXT,
    description          TEXT,
    interests            TEXT NOT NULL,
    communication_style  TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    deleted_at           TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS partners_by_user ON partners (user_id, created_at, id);

CREATE TABLE IF NOT EXISTS chat_rooms (
    id               UUID PRIMARY KEY,
    user_id          UUID NOT NULL,
    partner_id       UUID NOT NULL,
    title            TEXT NOT NULL,
    message_count    BIGINT NOT NULL,
    last_message_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    deleted_at       TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS chat_rooms_by_user ON chat_rooms (user_id, created_at, id);

CREATE INDEX IF NOT EXISTS chat_rooms_by_partner ON chat_rooms (partner_id, created_at, id);

CREATE INDEX IF NOT EXISTS chat_rooms_deleted ON chat_rooms (deleted_at);

CREATE TABLE IF NOT EXISTS messages (
    id           UUID PRIMARY KEY,
    room_id      UUID NOT NULL,
    user_id      UUID NOT NULL,
    sender       TEXT NOT NULL,
    sender_name  TEXT,
    body         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    sent_at      TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX IF NOT EXISTS messages_by_room ON messages (room_id, sent_at, id);
