"""What Aurora DSQL does not accept, checked on PostgreSQL's own parse tree (pglast).

The rules, and where they come from:

- "Unsupported PostgreSQL features in Aurora DSQL" (docs.aws.amazon.com/aurora-dsql/latest/
  userguide/working-with-postgresql-compatibility-unsupported-features.html): no foreign keys
  or exclusion constraints, sequences, triggers, temporary tables, partitions, inherited or
  `AS SELECT` tables, extensions, TRUNCATE, SAVEPOINT, VACUUM; `CREATE INDEX ASYNC` without
  ASC/DESC.
- "ALTER TABLE" in DSQL (alter-table-syntax-support.html): `ADD COLUMN` of a name and a type,
  no default or constraint.
- The grammar DSQL accepts, derived by AWS from a live cluster (awslabs/aurora-dsql-tools,
  dsql-lint/grammar/dsql_grammar.json): it has no LOCK, LISTEN/NOTIFY/UNLISTEN, CLOSE or
  DISCARD statements (asyncpg's default pool reset uses two of them). It does have
  `INSERT … ON CONFLICT … DO NOTHING | DO UPDATE … WHERE`, `RETURNING`, `LATERAL` subqueries
  and functions in FROM, aggregate `FILTER (WHERE …)`, `WITHIN GROUP (ORDER BY …)`, window
  `OVER`/`WINDOW`, `AT TIME ZONE`, `= ANY (…)` and casts to array types: what the stores use.
- The issue's list: advisory locks (none but the PostgreSQL-only migration lock), JSON/JSONB and
  array columns (JSON is kept as TEXT), one DDL statement per transaction, never mixed with DML
  ("Supported SQL for Aurora DSQL", working-with-postgresql-compatibility-supported-sql-features.html).

Function calls must be on `ALLOWED_FUNCTIONS`: a grammar says nothing of which built-ins exist,
so a new one is a decision (check DSQL's documentation, then add it here with the reason).
"""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast, enums, parse_sql

DML = (ast.SelectStmt, ast.InsertStmt, ast.UpdateStmt, ast.DeleteStmt)
DDL = (ast.CreateStmt, ast.IndexStmt, ast.AlterTableStmt)

# Built-ins the stores call: standard aggregates, window and string/date functions of
# PostgreSQL, plus DSQL's own index-job wait. None of them is on DSQL's unsupported list.
ALLOWED_FUNCTIONS = frozenset({
    "avg", "count", "percentile_cont", "lag",  # aggregates and windows (insights)
    "char_length", "strpos", "regexp_replace",  # message signals (insights)
    "date_part", "date_trunc", "now", "timezone",  # times; `x AT TIME ZONE z` parses as timezone(z, x)
    "unnest",  # batches and pages bound as arrays
    "sys.wait_for_job",  # DSQL: waits for a CREATE INDEX ASYNC job (migrations)
})
FORBIDDEN_FUNCTIONS = {
    "pg_advisory": "advisory locks do not exist on DSQL",
    "nextval": "sequences", "currval": "sequences", "setval": "sequences",
    "pg_notify": "LISTEN/NOTIFY do not exist on DSQL",
}
FORBIDDEN_TYPES = {
    "serial": "SERIAL makes a sequence", "bigserial": "SERIAL makes a sequence",
    "smallserial": "SERIAL makes a sequence", "serial2": "SERIAL makes a sequence",
    "serial4": "SERIAL makes a sequence", "serial8": "SERIAL makes a sequence",
    "json": "JSON is stored as TEXT here", "jsonb": "JSONB columns are not supported",
}


def walk(node: object) -> Iterator[ast.Node]:
    if isinstance(node, (list, tuple)):
        for item in node:
            yield from walk(item)
    elif isinstance(node, ast.Node):
        yield node
        for name in node.__slots__:
            yield from walk(getattr(node, name, None))


def _name(names: tuple) -> str:
    parts = [n.sval for n in names if isinstance(n, ast.String)]
    return ".".join(p for p in parts if p != "pg_catalog")


def statement_of(sql: str) -> ast.Node:
    statements = parse_sql(sql)
    if len(statements) != 1:
        raise AssertionError(f"one statement per call, got {len(statements)}: {sql!r}")
    return statements[0].stmt


def problems(sql: str, *, ddl: bool = False) -> list[str]:
    """What DSQL would refuse in `sql` (DDL only where `ddl`, as in the migrations)."""
    stmt = statement_of(sql)
    allowed = DDL if ddl else DML
    if not isinstance(stmt, allowed):
        return [f"{type(stmt).__name__} is not a statement the {'migrations' if ddl else 'stores'} may issue"]
    found: list[str] = []
    for node in walk(stmt):
        found += _node_problems(node)
    return found


def _node_problems(node: ast.Node) -> list[str]:
    if isinstance(node, ast.FuncCall):
        return _function_problems(_name(node.funcname))
    if isinstance(node, ast.Constraint):
        return _constraint_problems(node)
    if isinstance(node, ast.ColumnDef):
        return _column_problems(node)
    if isinstance(node, ast.LockingClause):
        return ["FOR UPDATE/SHARE: DSQL allows only FOR UPDATE on a whole primary key of one table; none is used"]
    if isinstance(node, ast.CreateStmt):
        return _table_problems(node)
    if isinstance(node, ast.IndexStmt):
        return _index_problems(node)
    if isinstance(node, ast.AlterTableStmt):
        return _alter_problems(node)
    return []


def _function_problems(name: str) -> list[str]:
    for prefix, why in FORBIDDEN_FUNCTIONS.items():
        if name.startswith(prefix):
            return [f"{name}(): {why}"]
    if name not in ALLOWED_FUNCTIONS:
        return [f"{name}() is not on ALLOWED_FUNCTIONS: check that DSQL has it, then add it"]
    return []


def _constraint_problems(node: ast.Constraint) -> list[str]:
    kinds = {
        enums.ConstrType.CONSTR_FOREIGN: "foreign keys are not supported",
        enums.ConstrType.CONSTR_EXCLUSION: "exclusion constraints are not supported",
        enums.ConstrType.CONSTR_IDENTITY: "identity columns are sequences",
    }
    why = kinds.get(node.contype)
    return [why] if why else []


def _column_problems(node: ast.ColumnDef) -> list[str]:
    found = []
    type_name = _name(node.typeName.names) if node.typeName else ""
    if type_name in FORBIDDEN_TYPES:
        found.append(f"column {node.colname} {type_name}: {FORBIDDEN_TYPES[type_name]}")
    if node.typeName and node.typeName.arrayBounds:
        found.append(f"column {node.colname}: array columns are not supported")
    return found


def _table_problems(node: ast.CreateStmt) -> list[str]:
    found = []
    if node.relation.relpersistence == "t":
        found.append("temporary tables are not supported")
    if node.inhRelations or node.partspec or node.ofTypename:
        found.append("inherited, partitioned or typed tables are not supported")
    return found


def _index_problems(node: ast.IndexStmt) -> list[str]:
    found = []
    if node.concurrent:
        found.append("CONCURRENTLY: DSQL builds indexes with CREATE INDEX ASYNC")
    if node.accessMethod not in (None, "btree"):
        found.append(f"USING {node.accessMethod}: DSQL's indexes are B-trees")
    if node.whereClause is not None:
        found.append("partial indexes are not supported")
    for element in node.indexParams or ():
        if element.expr is not None:
            found.append("expression indexes are not supported")
        if element.ordering != enums.SortByDir.SORTBY_DEFAULT:
            found.append("ASC/DESC in CREATE INDEX ASYNC is not supported")
    return found


def _alter_problems(node: ast.AlterTableStmt) -> list[str]:
    found = []
    for cmd in node.cmds:
        if cmd.subtype != enums.AlterTableType.AT_AddColumn:
            found.append(f"ALTER TABLE {cmd.subtype.name}: DSQL's ALTER TABLE adds columns (and little else)")
        elif cmd.def_.constraints:
            found.append("ADD COLUMN takes a name and a type only (no default, no constraint)")
    return found
