-- Chat imports (KakaoTalk exports), duplicate detection, and measured speech styles.

CREATE TABLE IF NOT EXISTS chat_imports (
    id                     UUID PRIMARY KEY,
    user_id                UUID NOT NULL,
    room_id                UUID NOT NULL,
    status                 TEXT NOT NULL,
    format                 TEXT,
    file_name              TEXT,
    blob_key               TEXT,
    messages_imported      INTEGER NOT NULL,
    duplicates_skipped     INTEGER NOT NULL,
    lines_not_understood   INTEGER NOT NULL,
    first_message_at       TIMESTAMPTZ,
    last_message_at        TIMESTAMPTZ,
    raw_expires_at         TIMESTAMPTZ,
    raw_deleted_at         TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL,
    completed_at           TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS chat_imports_by_room ON chat_imports (room_id, created_at, id);

CREATE INDEX IF NOT EXISTS chat_imports_by_expiry ON chat_imports (raw_expires_at);

ALTER TABLE messages ADD COLUMN IF NOT EXISTS import_id UUID;

ALTER TABLE messages ADD COLUMN IF NOT EXISTS dedupe_key TEXT;

CREATE UNIQUE INDEX IF NOT EXISTS messages_dedupe ON messages (room_id, dedupe_key);

CREATE INDEX IF NOT EXISTS messages_by_import ON messages (import_id);

ALTER TABLE users ADD COLUMN IF NOT EXISTS speech_style TEXT;

ALTER TABLE partners ADD COLUMN IF NOT EXISTS speech_style TEXT
