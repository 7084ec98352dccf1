"""Data errors the edge translates into GraphQL (graph/extensions.py)."""


class RetriesExhausted(Exception):
    """A unit of work kept conflicting with concurrent transactions."""
