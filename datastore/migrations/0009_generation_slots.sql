-- Concurrent coach generations per user, counted where every instance sees them: a user has
-- at most LOVEQ_MAX_GENERATIONS_PER_USER slots, each a row held by one running generation
-- (`lease_id`, renewed while it runs) until it ends or `expires_at` passes — so a generation
-- whose instance died frees its slot within one lease period. Two instances taking the same
-- free slot write the same row: one of them conflicts (SQLSTATE 40001; DSQL's OC000) and,
-- retried, takes the next slot or is refused.
--
-- The key leads with the user's id (a name-based UUID, evenly spread), as Aurora DSQL's key
-- guidance asks of written tables (docs.aws.amazon.com/aurora-dsql/latest/userguide/
-- working-with-primary-keys.html). `holder` names the instance, for an operator's eyes.

CREATE TABLE IF NOT EXISTS generation_slots (
    user_id     UUID NOT NULL,
    slot        INTEGER NOT NULL,
    lease_id    UUID NOT NULL,
    holder      TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    taken_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, slot)
);

CREATE INDEX IF NOT EXISTS generation_slots_by_expiry ON generation_slots (expires_at)
