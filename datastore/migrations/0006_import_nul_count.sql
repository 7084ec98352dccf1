-- How many NUL characters (U+0000) an import removed from a damaged export: PostgreSQL text
-- cannot hold them. NULL on imports made before this migration (read as 0). A plain
-- `ADD COLUMN ... data_type`, as Aurora DSQL's ALTER TABLE accepts it (no default, no
-- constraint: docs.aws.amazon.com/aurora-dsql/latest/userguide/alter-table-syntax-support.html).

ALTER TABLE chat_imports ADD COLUMN IF NOT EXISTS nul_characters_removed INTEGER
