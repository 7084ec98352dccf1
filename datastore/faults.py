"""How driver failures are told apart: a conflict to retry, a connection that is gone, a
statement past its deadline. Shared by the unit of work (datastore/database.py) and the
request's connection (datastore/session.py)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

import asyncpg

from datastore.errors import StatementTimeout

# PostgreSQL's serialization failure. Aurora DSQL reports its optimistic-concurrency conflicts
# with the same SQLSTATE and names the kind (OC000 data, OC001 schema) in the message
# ("Concurrency control in Aurora DSQL", docs.aws.amazon.com/aurora-dsql/latest/userguide/
# working-with-concurrency-control.html); AWS's own connector also accepts OC000/OC001 as the
# code itself (awslabs/aurora-dsql-connectors, python/connector/dsql_core/occ_retry.py), so do we.
SERIALIZATION_FAILURE = "40001"
RETRYABLE_SQLSTATES = frozenset({SERIALIZATION_FAILURE, "OC000", "OC001"})

class ConnectionLost(Exception):
    """The connection closed under a statement (asyncpg detached it from its pool proxy)."""


# The connection is gone or cannot be had: nothing of the transaction was committed by it.
# Aurora DSQL closes every connection after 60 minutes ("Understanding connections in Aurora
# DSQL", docs.aws.amazon.com/aurora-dsql/latest/userguide/working-with-connections.html): a
# statement on a connection closed under it lands here too.
CONNECTION_LOST = (
    OSError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.TooManyConnectionsError,
    asyncpg.exceptions.OperatorInterventionError,
    ConnectionLost,
)


def is_retryable(exc: BaseException) -> bool:
    """A write-write conflict: the whole unit of work may run again."""
    return getattr(exc, "sqlstate", None) in RETRYABLE_SQLSTATES


def connection_gone(conn: asyncpg.Connection) -> bool:
    try:
        return conn.is_closed()
    except asyncpg.exceptions.InterfaceError:  # a pool proxy whose connection closed and left
        return True


@contextlib.contextmanager
def statement_errors(conn: asyncpg.Connection) -> Iterator[None]:
    """A statement cancelled for its deadline leaves as `StatementTimeout`; one that finds its
    connection closed under it as `ConnectionLost`. The server ending a session shows in two
    ways: asyncpg answers "connection has been released back to the pool" once it has seen the
    socket close, or — when the server's FATAL message came first — refuses the next statement
    before sending it ("another operation is in progress"); that connection cannot be used again
    and is terminated, and the statement never reached the server."""
    try:
        yield
    except asyncpg.exceptions.InterfaceError as exc:
        if connection_gone(conn):
            raise ConnectionLost("the connection was closed") from exc
        raise
    except asyncpg.exceptions.InternalClientError as exc:
        with contextlib.suppress(Exception):
            conn.terminate()
        raise ConnectionLost("the connection is no longer usable") from exc
    except asyncio.TimeoutError as exc:  # asyncpg's command_timeout: it cancelled the statement
        raise StatementTimeout("a statement ran past its deadline") from exc
    except asyncpg.exceptions.QueryCanceledError as exc:  # the server's statement_timeout
        raise StatementTimeout("a statement ran past its deadline") from exc
