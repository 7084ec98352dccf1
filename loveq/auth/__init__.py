"""Authentication: bearer JWTs from Amazon Cognito or the local issuer, one verifier.

``build_verifier(settings)`` is the only thing the server needs; which issuer it trusts
is decided by configuration (``settings.cognito`` set or not), never by the token.
"""

from __future__ import annotations

import httpx

from loveq.auth.jwks import JwksSource, RemoteJwks, StaticJwks
from loveq.auth.local_issuer import LocalIssuer
from loveq.auth.errors import AuthenticationError
from services.identity import Principal
from loveq.auth.verifier import TokenVerifier
from loveq.settings import Settings

__all__ = [
    "AuthenticationError",
    "JwksSource",
    "LocalIssuer",
    "Principal",
    "RemoteJwks",
    "StaticJwks",
    "TokenVerifier",
    "bearer_token",
    "build_local_issuer",
    "build_verifier",
]


def build_local_issuer(settings: Settings) -> LocalIssuer:
    return LocalIssuer(
        settings.local_key_path,
        issuer=settings.local_issuer,
        client_id=settings.local_audience,
        ttl_seconds=settings.local_token_ttl_seconds,
    )


def build_verifier(settings: Settings, *, http: httpx.AsyncClient | None = None) -> TokenVerifier:
    """The verifier for the configured mode. Local mode loads (or creates) the key file."""
    if settings.cognito is not None:
        cognito = settings.cognito
        return TokenVerifier(
            RemoteJwks(cognito.jwks_url, http=http),
            issuer=cognito.issuer,
            client_ids=cognito.client_ids,
            token_uses=cognito.token_uses,
        )
    issuer = build_local_issuer(settings).load_or_create()
    return TokenVerifier(
        StaticJwks(issuer.jwks()),
        issuer=issuer.issuer,
        client_ids=(issuer.client_id,),
        token_uses=("access",),
    )


def bearer_token(value: str | None) -> str | None:
    """The token in an ``Authorization`` header value; None when there is no credential.

    Raises ``AuthenticationError("malformed")`` for any other scheme or shape.
    """
    if value is None or not value.strip():
        return None
    parts = value.split()
    if len(parts) != 2 or parts[0].lower() != "bearer":
        raise AuthenticationError("malformed")
    return parts[1]
