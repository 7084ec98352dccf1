"""The small typed family of data errors, translated into GraphQL at the edge."""


class DataError(Exception):
    """Base of the expected failures the stores report."""


class NotFound(DataError):
    def __init__(self, kind: str) -> None:
        super().__init__(f"{kind} not found")
        self.kind = kind


class Conflict(DataError):
    pass


class LimitExceeded(DataError):
    def __init__(self, what: str, limit: int) -> None:
        super().__init__(f"{what} limit of {limit} reached")
        self.what = what
        self.limit = limit


class RetriesExhausted(DataError):
    """A unit of work kept conflicting with concurrent transactions."""
