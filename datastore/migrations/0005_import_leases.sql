-- One import per room at a time, held as a lease on the room's row: the import that starts
-- writes its id and a heartbeat here, and renews the heartbeat while it runs. Two imports that
-- start together both write this row, so one of them gets SQLSTATE 40001 (DSQL: OC000) and,
-- retried, finds the lease taken. A heartbeat older than the lease period marks a dead import,
-- which the next import into the room, or the sweeper, reclaims.
--
-- Aurora DSQL's ALTER TABLE takes `ADD [ COLUMN ] [ IF NOT EXISTS ] column_name data_type` with
-- no constraint or default (docs.aws.amazon.com/aurora-dsql/latest/userguide/
-- alter-table-syntax-support.html), which is all these use: both start out NULL (no lease).

ALTER TABLE chat_rooms ADD COLUMN IF NOT EXISTS import_lease_id UUID;

ALTER TABLE chat_rooms ADD COLUMN IF NOT EXISTS import_heartbeat_at TIMESTAMPTZ;

CREATE INDEX IF NOT EXISTS chat_rooms_import_heartbeat ON chat_rooms (import_heartbeat_at)
