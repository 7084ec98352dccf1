"""Every SQL statement the service can issue, parsed with PostgreSQL's parser (pglast) and
checked against what Aurora DSQL accepts (tests/support/dsql_sql.py has the rules and their
sources), so that a change cannot slip in a foreign key, a sequence, a trigger, a temporary
table, TRUNCATE, an advisory lock, a JSONB column or a second DDL in one transaction.

The stores' statements are recorded by calling every public method of every store on a
connection that records instead of running (a new method without a call here fails the
completeness test); the migrations' by running the migrator on such a connection, once per
dialect. No database is needed."""

from __future__ import annotations

import contextlib
import inspect
import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from functools import cached_property
from typing import Any

import pytest
from pglast import ast

import datastore.stores.analyses
import datastore.stores.partners
import datastore.stores.users
from datastore.database import Database, Dialect
from datastore.migrate import MIGRATION_TIMEOUT, for_dialect, load_migrations, migrate
from datastore.paging import Key, PageRequest
from datastore.stores import NewMessage, UnitOfWork
from tests.support.dsql_sql import DDL, problems, statement_of

U = uuid.uuid4()
NOW = datetime(2026, 11, 30, tzinfo=timezone.utc)
TD = timedelta(minutes=2)
PAGES = [PageRequest(first=2), PageRequest(first=2, after=Key(NOW, U)), PageRequest(last=2),
         PageRequest(last=2, before=Key(NOW, U))]
MESSAGE = NewMessage("ME", "안녕", NOW, sender_name="민준", dedupe_key="k")


class Recorder:
    """A connection that records each statement and answers with nothing."""

    def __init__(self, dialect: Dialect = Dialect.POSTGRES) -> None:
        self.statements: list[str] = []
        self.timeouts: dict[str, float | None] = {}
        self.transactions: list[list[str]] = []
        self._open: list[str] | None = None
        self.dialect = dialect

    def _record(self, sql: str, timeout: float | None = None) -> None:
        self.statements.append(sql)
        self.timeouts[sql] = timeout
        if self._open is not None:
            self._open.append(sql)

    async def execute(self, sql: str, *args: Any, **kw: Any) -> str:
        self._record(sql)
        return "UPDATE 0"

    async def fetch(self, sql: str, *args: Any, **kw: Any) -> list[Any]:
        self._record(sql, kw.get("timeout"))
        if self.dialect is Dialect.DSQL and " INDEX ASYNC " in sql:
            return [{"job_id": "job-1"}]
        return []

    async def fetchrow(self, sql: str, *args: Any, **kw: Any) -> None:
        self._record(sql)

    async def fetchval(self, sql: str, *args: Any, **kw: Any) -> Any:
        self._record(sql, kw.get("timeout"))
        return True if "wait_for_job" in sql else None

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        self._open = []
        try:
            yield
        finally:
            self.transactions.append(self._open)
            self._open = None


def store_calls(uow: UnitOfWork) -> dict[str, list[Any]]:
    """Every public method of every store, called (once per page shape where it pages)."""
    style, insight = object(), object()  # their codecs are stubbed: only the SQL matters here
    u, c, m, i, a, cl = uow.users, uow.chat_rooms, uow.messages, uow.imports, uow.analyses, uow.cleanup
    p, ins, sl, gs = uow.partners, uow.insights, uow.service_leases, uow.generation_slots
    return {
        "users.ensure": [u.ensure(U, issuer="i", subject="s", email="e")], "users.get": [u.get(U)],
        "users.update_profile": [u.update_profile(U, {"nickname": "n"})], "users.delete": [u.delete(U)],
        "users.bury": [u.bury(U)], "users.deleted_at": [u.deleted_at(U)], "users.admission": [u.admission(U)],
        "users.set_speech_style": [u.set_speech_style(U, style)],
        "partners.get_many": [p.get_many([U])], "partners.page": [p.page(page) for page in PAGES],
        "partners.count": [p.count()], "partners.create": [p.create({"name": "n", "relationship": "SOME"})],
        "partners.update": [p.update(U, {"name": "n", "interests": ["a"]})], "partners.mark_deleted": [p.mark_deleted(U)],
        "partners.mark_all_deleted": [p.mark_all_deleted()], "partners.set_speech_style": [p.set_speech_style(U, style)],
        "partners.set_my_speech_style": [p.set_my_speech_style(U, style)], "partners.set_insight": [p.set_insight(U, insight)],
        "chat_rooms.get_many": [c.get_many([U])],
        "chat_rooms.page": [c.page(page) for page in PAGES] + [c.page(PAGES[0], partner_id=U)],
        "chat_rooms.pages_for_partners": [c.pages_for_partners([U], page) for page in PAGES],
        "chat_rooms.ids_for_partner": [c.ids_for_partner(U)], "chat_rooms.count": [c.count(), c.count(partner_id=U)],
        "chat_rooms.counts_for_partners": [c.counts_for_partners([U])],
        "chat_rooms.create": [c.create(partner_id=U, title="t")], "chat_rooms.update": [c.update(U, {"title": "t"})],
        "chat_rooms.record_messages": [c.record_messages(U, 1, NOW)], "chat_rooms.mark_deleted": [c.mark_deleted(U)],
        "chat_rooms.mark_deleted_for_partner": [c.mark_deleted_for_partner(U)],
        "chat_rooms.mark_all_deleted": [c.mark_all_deleted()],
        "chat_rooms.take_import_lease": [c.take_import_lease(U, U, stale_after=TD)],
        "chat_rooms.touch_import_lease": [c.touch_import_lease(U, U)],
        "chat_rooms.release_import_lease": [c.release_import_lease(U, U)],
        "messages.add_many": [m.add_many(U, [MESSAGE])], "messages.import_batch": [m.import_batch(U, [MESSAGE], import_id=U)],
        "messages.get_many": [m.get_many([U])], "messages.pages_for_rooms": [m.pages_for_rooms([U], page) for page in PAGES],
        "messages.delete_imported": [m.delete_imported(U, 10)], "messages.latest_texts": [m.latest_texts([U], "ME", 5)],
        "messages.latest_in_room": [m.latest_in_room(U, 5), m.latest_in_room(U, 5, sender="PARTNER")],
        "imports.start": [i.start(U, room_id=U, file_name="f", blob_key="k", raw_expires_at=NOW)],
        "imports.complete": [i.complete(U, format="ANDROID", imported=1, duplicates=0, not_understood=0, nul_removed=0,
                                        first_at=NOW, last_at=NOW)],
        "imports.pending_in_room": [i.pending_in_room(U)], "imports.discard": [i.discard(U)],
        "imports.get_many": [i.get_many([U])], "imports.pages_for_rooms": [i.pages_for_rooms([U], page) for page in PAGES],
        "imports.counts_for_rooms": [i.counts_for_rooms([U])], "imports.take_raw_keys": [i.take_raw_keys([U])],
        "analyses.create": [a.create(room_id=U, values={"message": "m", "emotion": None, "intent": "i", "replies": (),
                                                        "engine": "local", "model": "m", "input_tokens": 1,
                                                        "output_tokens": 1, "latency_ms": 1, "advice": None})],
        "analyses.get_many": [a.get_many([U])], "analyses.pages_for_rooms": [a.pages_for_rooms([U], page) for page in PAGES],
        "analyses.counts_for_rooms": [a.counts_for_rooms([U])], "analyses.choose": [a.choose(U, risk="SAFE", rating=5)],
        "insights.room_insights": [ins.room_insights(U)],
        "insights.rooms_insights": [ins.rooms_insights([U], start=NOW - TD, end=NOW)],
        "cleanup.deleted_rooms": [cl.deleted_rooms(10, None)], "cleanup.delete_messages": [cl.delete_messages(U, 10)],
        "cleanup.delete_analyses": [cl.delete_analyses(U, 10)], "cleanup.delete_room": [cl.delete_room(U)],
        "cleanup.delete_partners": [cl.delete_partners(10, None)], "cleanup.expired_raw_files": [cl.expired_raw_files(NOW, 10)],
        "cleanup.mark_raw_deleted": [cl.mark_raw_deleted([U])],
        "cleanup.rooms_with_dead_imports": [cl.rooms_with_dead_imports(TD, 10)],
        "cleanup.delete_expired_generation_slots": [cl.delete_expired_generation_slots(TD, 10)],
        "service_leases.take": [sl.take("sweeper", "h", TD)], "service_leases.record_run": [sl.record_run("sweeper", "h")],
        "service_leases.release": [sl.release("sweeper", "h")], "service_leases.get": [sl.get("sweeper")],
        "generation_slots.take": [gs.take(2, U, "h", TD)], "generation_slots.renew": [gs.renew(0, U, TD)],
        "generation_slots.release": [gs.release(0, U)], "generation_slots.live": [gs.live()],
    }


def public_store_methods() -> set[str]:
    found = set()
    for name, attr in vars(UnitOfWork).items():
        if isinstance(attr, cached_property):
            store = inspect.signature(attr.func, eval_str=True).return_annotation
            found |= {f"{name}.{method}" for method, fn in inspect.getmembers(store, inspect.iscoroutinefunction)
                      if not method.startswith("_")}
    return found


@pytest.fixture
def stub_codecs(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in (datastore.stores.users, datastore.stores.partners, datastore.stores.analyses):
        for codec in ("style_to_json", "insight_to_json", "emotion_to_json", "replies_to_json", "advice_to_json"):
            if hasattr(module, codec):
                monkeypatch.setattr(module, codec, lambda *_: "{}")


async def _store_statements() -> list[tuple[str, str]]:
    recorder = Recorder()
    recorded: list[tuple[str, str]] = []
    for label, calls in store_calls(UnitOfWork(recorder, U)).items():
        for call in calls:
            start = len(recorder.statements)
            with contextlib.suppress(Exception):  # rows are never returned: later code may fail
                await call
            recorded += [(label, sql) for sql in recorder.statements[start:]]
    return recorded


def test_every_store_method_is_called_here() -> None:
    calls = store_calls(UnitOfWork(Recorder(), U))
    for pending in calls.values():
        for call in pending:
            call.close()
    assert set(calls) == public_store_methods()


@pytest.mark.usefixtures("stub_codecs")
async def test_every_store_statement_is_one_that_dsql_accepts() -> None:
    recorded = await _store_statements()
    labels = {label for label, _ in recorded}
    assert labels == public_store_methods(), "every method issued SQL"
    found = [f"{label}: {problem}\n  {sql.strip()[:200]}" for label, sql in recorded for problem in problems(sql)]
    assert not found, "\n".join(found)
    print(f"{len(recorded)} statements of {len(labels)} store methods checked")


class _MigratorDb:
    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self.conn = Recorder(dialect)

    @contextlib.asynccontextmanager
    async def connection(self, *, discard: bool = False) -> AsyncIterator[Recorder]:
        yield self.conn


async def _migrator_statements(dialect: Dialect) -> Recorder:
    db = _MigratorDb(dialect)
    await migrate(db)  # type: ignore[arg-type]
    return db.conn


async def test_each_migration_statement_is_one_ddl_that_dsql_accepts() -> None:
    for migration in load_migrations():
        for statement in migration.statements:
            assert isinstance(statement_of(statement), DDL), (migration.name, statement)
            assert problems(statement, ddl=True) == [], (migration.name, statement)
            dsql = for_dialect(statement, Dialect.DSQL)
            if isinstance(statement_of(statement), ast.IndexStmt):
                assert dsql.split()[:4] in (["CREATE", "INDEX", "ASYNC", "IF"], ["CREATE", "UNIQUE", "INDEX", "ASYNC"])


async def test_the_migrator_runs_one_ddl_per_transaction_and_locks_only_on_postgresql() -> None:
    for dialect in (Dialect.DSQL, Dialect.POSTGRES):
        conn = await _migrator_statements(dialect)
        for transaction in conn.transactions:
            kinds = [isinstance(statement_of(sql), DDL) for sql in transaction if "INDEX ASYNC" not in sql]
            assert len(transaction) == 1 or not any(kinds), f"DDL shares a transaction: {transaction}"
        outside = [sql for sql in conn.statements if not any(sql in t for t in conn.transactions)]
        locks = [sql for sql in outside if "advisory" in sql or sql.startswith("SET ")]
        if dialect is Dialect.DSQL:
            assert locks == [], "DSQL has no advisory locks, and the migrator sets nothing there"
            assert any("sys.wait_for_job" in sql for sql in outside), "index jobs are waited for"
            slow = [sql for sql in conn.statements if " INDEX ASYNC " in sql or "wait_for_job" in sql]
            assert {conn.timeouts[sql] for sql in slow} == {MIGRATION_TIMEOUT}, "not the pool's statement deadline"
        else:
            assert len(locks) == 3, locks  # SET statement_timeout, lock, unlock: PostgreSQL only
        for sql in conn.statements:
            if "INDEX ASYNC" in sql or "advisory" in sql or sql.startswith("SET "):
                continue
            assert problems(sql, ddl=isinstance(statement_of(sql), DDL)) == [], sql


async def test_the_unit_of_work_runs_at_repeatable_read_on_postgresql_and_as_dsql_begins(database_dsn: str) -> None:
    """DSQL runs every transaction at snapshot isolation (repeatable read); PostgreSQL's unit of
    work asks for the same, so conflicts surface in tests as SQLSTATE 40001 as they would there."""
    from datastore.database import connect_postgres

    db = await connect_postgres(database_dsn, min_size=1, max_size=1)
    try:
        level = await db.run(lambda uow: uow.conn.fetchval("SHOW transaction_isolation"), owner=None)
        assert level == "repeatable read"
    finally:
        await db.close()
    assert Database(None, Dialect.DSQL)._isolation is None  # type: ignore[arg-type]  # plain BEGIN


@pytest.mark.parametrize("sql,why", [
    ("CREATE TABLE t (id uuid PRIMARY KEY, p uuid REFERENCES partners (id))", "foreign keys"),
    ("CREATE TABLE t (id serial PRIMARY KEY)", "SERIAL"),
    ("CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)", "identity"),
    ("CREATE TABLE t (id uuid PRIMARY KEY, doc jsonb)", "JSONB"),
    ("CREATE TABLE t (id uuid PRIMARY KEY, tags text[])", "array"),
    ("CREATE TEMPORARY TABLE t (id uuid)", "temporary"),
    ("CREATE SEQUENCE s", "CreateSeqStmt"),
    ("CREATE TRIGGER t AFTER INSERT ON m FOR EACH ROW EXECUTE FUNCTION f()", "CreateTrigStmt"),
    ("TRUNCATE messages", "TruncateStmt"),
    ("SELECT pg_advisory_lock(1)", "advisory"),
    ("SELECT nextval('s')", "sequences"),
    ("SELECT id FROM messages WHERE id = $1 FOR UPDATE", "FOR UPDATE"),
    ("LISTEN jobs", "ListenStmt"),
    ("SELECT gen_random_uuid()", "ALLOWED_FUNCTIONS"),
    ("CREATE INDEX i ON messages (sent_at DESC)", "ASC/DESC"),
    ("CREATE INDEX i ON messages (lower(body))", "expression"),
    ("CREATE INDEX i ON messages (sent_at) WHERE kind = 'TEXT'", "partial"),
    ("ALTER TABLE messages ADD COLUMN x integer NOT NULL DEFAULT 0", "name and a type"),
    ("ALTER TABLE messages DROP COLUMN x", "AT_DropColumn"),
])
def test_the_check_refuses_what_dsql_does_not_accept(sql: str, why: str) -> None:
    ddl = sql.startswith(("CREATE TABLE", "CREATE INDEX", "ALTER", "CREATE TEMPORARY"))
    found = problems(sql, ddl=ddl)
    assert any(why in problem for problem in found), found


def test_two_statements_in_one_call_are_refused() -> None:
    with pytest.raises(AssertionError, match="one statement"):
        problems("CREATE TABLE a (id uuid PRIMARY KEY); CREATE TABLE b (id uuid PRIMARY KEY)", ddl=True)
