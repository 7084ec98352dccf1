"""Data errors the edge translates into GraphQL codes (see loveq/extensions.py)."""


class RetriesExhausted(Exception):
    """A unit of work kept conflicting with concurrent transactions."""


class DatabaseUnavailable(Exception):
    """The database could not be reached, or the connection was lost where a retry is unsafe."""


class StatementTimeout(Exception):
    """A statement ran past its deadline and was cancelled."""
