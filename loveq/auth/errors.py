"""The one error authentication raises, with its fixed reasons."""

from __future__ import annotations

from typing import Final

# A short, machine-usable reason for every way a credential can fail, with a fixed
# human description. Descriptions never quote the token or any claim value.
REASONS: Final[dict[str, str]] = {
    "missing": "no bearer token was supplied",
    "malformed": "the credential is not a well-formed bearer JWT",
    "bad_algorithm": "the token is not signed with RS256",
    "unknown_key": "the token is signed with a key the issuer does not publish",
    "bad_signature": "the token signature does not verify",
    "expired": "the token has expired",
    "not_yet_valid": "the token is not valid yet",
    "invalid_claims": "the token lacks a required claim or has a malformed one",
    "wrong_issuer": "the token was issued by an issuer this service does not trust",
    "wrong_audience": "the token was issued to a client this service does not accept",
    "wrong_token_use": "the token is not of an accepted kind (access or id)",
    "jwks_unavailable": "the issuer's signing keys could not be fetched",
    "account_deleted": "the account was deleted after this token's sign-in; sign in again",
}


class AuthenticationError(Exception):
    """The request's credential was missing or did not verify.

    ``reason`` is one of :data:`REASONS`; ``str(error)`` is its fixed description, so the
    error can be logged or shown without ever leaking the token.
    """

    def __init__(self, reason: str) -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown authentication failure reason {reason!r}")
        self.reason = reason
        super().__init__(REASONS[reason])

    def __repr__(self) -> str:
        return f"AuthenticationError({self.reason!r})"
