"""Verify an RS256 bearer JWT (Amazon Cognito or the local issuer) into a Principal.

Order matters: the header is read and the algorithm pinned to RS256 before any key is
looked up, the signature is verified before any claim is trusted, and every failure
becomes an ``AuthenticationError`` whose message never contains the token.

A token whose signature verified is remembered (by its text, up to ``cache_size`` tokens, the
least recently used forgotten first) with its claims and the key that verified it: a client
sends the same token with every request, and an RS256 verification is most of what a refused
request costs. A remembered token is still checked in full but for the signature: its key must
still be the one the issuer publishes under its ``kid``, and its claims (``exp`` above all) are
checked against the clock again on every use.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from jose import jwk, jws, jwt
from jose.backends.base import Key
from jose.exceptions import JOSEError

from loveq.auth.jwks import Jwk, JwksSource
from loveq.auth.errors import AuthenticationError
from services.identity import Principal

ALGORITHM = "RS256"
MAX_TOKEN_CHARS = 16 * 1024
# header.payload.signature, base64url; the signature may be empty so that "alg: none"
# tokens reach the algorithm check and are reported as such.
_JWS_COMPACT = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")


class TokenVerifier:
    def __init__(
        self,
        jwks: JwksSource,
        *,
        issuer: str,
        client_ids: tuple[str, ...],
        token_uses: tuple[str, ...],
        leeway_seconds: int = 30,
        cache_size: int = 4096,
    ) -> None:
        if not client_ids:
            raise ValueError("at least one client id is required")
        if not token_uses or set(token_uses) - {"access", "id"}:
            raise ValueError("token_uses must be drawn from 'access' and 'id'")
        self._jwks = jwks
        self._issuer = issuer
        self._client_ids = frozenset(client_ids)
        self._token_uses = frozenset(token_uses)
        self._leeway = leeway_seconds
        self._cache_size = cache_size
        # token -> (kid, the JWK that verified its signature, its claims)
        self._verified: OrderedDict[str, tuple[str, Jwk, Mapping[str, Any]]] = OrderedDict()

    @property
    def issuer(self) -> str:
        return self._issuer

    async def verify(self, token: str) -> Principal:
        remembered = self._verified.get(token) if isinstance(token, str) else None
        if remembered is not None:
            kid, verified_with, claims = remembered
            if await self._jwks.get_key(kid) == verified_with:
                if token in self._verified:  # (others ran while the key was looked up)
                    self._verified.move_to_end(token)
                try:
                    return self._principal(claims)
                except AuthenticationError:
                    self._verified.pop(token, None)  # expired: it will never pass again
                    raise
            self._verified.pop(token, None)  # the issuer no longer publishes that key
        header = _unverified_header(token)
        if header.get("alg") != ALGORITHM:
            raise AuthenticationError("bad_algorithm")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise AuthenticationError("unknown_key")
        public_jwk = await self._jwks.get_key(kid)
        if public_jwk is None:
            raise AuthenticationError("unknown_key")
        claims = _verified_claims(token, _rsa_key(public_jwk))
        principal = self._principal(claims)
        if self._cache_size > 0:
            self._verified[token] = (kid, public_jwk, claims)
            if len(self._verified) > self._cache_size:
                self._verified.popitem(last=False)
        return principal

    async def aclose(self) -> None:
        await self._jwks.aclose()

    def _principal(self, claims: Mapping[str, Any]) -> Principal:
        _check_times(claims, now=time.time(), leeway=self._leeway)
        if claims.get("iss") != self._issuer:
            raise AuthenticationError("wrong_issuer")
        token_use = claims.get("token_use")
        if token_use not in self._token_uses:
            raise AuthenticationError("wrong_token_use")
        # Cognito: an ID token names its client in "aud", an access token in "client_id".
        audience = claims.get("aud") if token_use == "id" else claims.get("client_id")
        if not isinstance(audience, str) or audience not in self._client_ids:
            raise AuthenticationError("wrong_audience")
        subject = claims.get("sub")
        email = claims.get("email")
        if not isinstance(subject, str) or not subject:
            raise AuthenticationError("invalid_claims")
        if email is not None and not isinstance(email, str):
            raise AuthenticationError("invalid_claims")
        return Principal(
            subject=subject,
            email=email,
            issuer=self._issuer,
            token_use=token_use,
            signed_in_at=_signed_in_at(claims),
            expires_at=float(claims["exp"]),
        )


def _unverified_header(token: object) -> Mapping[str, Any]:
    if (
        not isinstance(token, str)
        or len(token) > MAX_TOKEN_CHARS
        or not _JWS_COMPACT.fullmatch(token)
    ):
        raise AuthenticationError("malformed")
    try:
        header = jwt.get_unverified_header(token)
    except JOSEError:
        raise AuthenticationError("malformed") from None
    if not isinstance(header, Mapping):
        raise AuthenticationError("malformed")
    return header


def _rsa_key(public_jwk: Jwk) -> Key:
    """Build the RSA public key, refusing anything that is not an RS256 signing key."""
    if (
        public_jwk.get("kty") != "RSA"
        or public_jwk.get("alg", ALGORITHM) != ALGORITHM
        or public_jwk.get("use", "sig") != "sig"
        or "d" in public_jwk
    ):
        raise AuthenticationError("unknown_key")
    try:
        return jwk.construct(public_jwk, ALGORITHM)
    except (JOSEError, ValueError, TypeError):
        raise AuthenticationError("unknown_key") from None


def _verified_claims(token: str, key: Key) -> Mapping[str, Any]:
    try:
        payload = jws.verify(token, key, algorithms=[ALGORITHM])
    except JOSEError:
        # The compact form and the header were checked already, and the algorithm is
        # pinned, so what is left to fail is the signature.
        raise AuthenticationError("bad_signature") from None
    try:
        claims = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        raise AuthenticationError("malformed") from None
    if not isinstance(claims, Mapping):
        raise AuthenticationError("malformed")
    return claims


def _numeric(value: object) -> bool:
    return (
        isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    )


def _signed_in_at(claims: Mapping[str, Any]) -> float | None:
    """When the sign-in behind the token happened: Cognito's ``auth_time`` (kept by tokens
    refreshed later), else the token's ``iat``."""
    auth_time = claims.get("auth_time")
    if auth_time is not None:
        if not _numeric(auth_time):
            raise AuthenticationError("invalid_claims")
        return float(auth_time)
    iat = claims.get("iat")
    return float(iat) if iat is not None else None


def _check_times(claims: Mapping[str, Any], *, now: float, leeway: float) -> None:
    """``exp`` is required; ``nbf`` and ``iat`` are checked when present."""
    exp, nbf, iat = claims.get("exp"), claims.get("nbf"), claims.get("iat")
    if not _numeric(exp):
        raise AuthenticationError("invalid_claims")
    for optional in (nbf, iat):
        if optional is not None and not _numeric(optional):
            raise AuthenticationError("invalid_claims")
    if now > exp + leeway:
        raise AuthenticationError("expired")
    if (nbf is not None and nbf > now + leeway) or (iat is not None and iat > now + leeway):
        raise AuthenticationError("not_yet_valid")
