-- A deleted account's tokens are refused until they expire: the deletion time stays here
-- (nothing else of the account does) and a token whose sign-in is not later than it is
-- refused, on every instance. A sign-in after the deletion makes a fresh account.

CREATE TABLE IF NOT EXISTS account_tombstones (
    user_id     UUID PRIMARY KEY,
    deleted_at  TIMESTAMPTZ NOT NULL
)
