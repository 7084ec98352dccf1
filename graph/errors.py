"""Top-level GraphQL errors: faults and authentication, always with `extensions.code`.

Expected failures of a mutation are `userErrors` instead (see graph/payloads.py).
"""

from __future__ import annotations

from graphql import GraphQLError


class ApiError(GraphQLError):
    code = "INTERNAL_SERVER_ERROR"

    def __init__(self, message: str, **extensions: object) -> None:
        super().__init__(message, extensions={"code": self.code, **extensions})


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"

    @classmethod
    def account_deleted(cls) -> Unauthenticated:
        """The account went away during the operation, deleted after the token's sign-in."""
        return cls("the account was deleted after this token's sign-in; sign in again", reason="account_deleted")


class BadUserInput(ApiError):
    code = "BAD_USER_INPUT"


class RateLimited(ApiError):
    code = "RATE_LIMITED"


class ServiceUnavailable(ApiError):
    code = "SERVICE_UNAVAILABLE"


class QueryTooCostly(ApiError):
    code = "QUERY_TOO_COSTLY"


class RequestTimeout(ApiError):
    code = "REQUEST_TIMEOUT"


class ResponseTooLarge(ApiError):
    code = "RESPONSE_TOO_LARGE"


class ConcurrentModification(ApiError):
    code = "CONCURRENT_MODIFICATION"
