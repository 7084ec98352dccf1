-- Per-message signals (question 1, laughter 2, emoticon 4) computed once when a message is
-- written, so conversation insights need not run the regular expressions on every read.
-- NULL for rows written before this migration: insights compute those on the fly.

ALTER TABLE messages ADD COLUMN IF NOT EXISTS signals SMALLINT
