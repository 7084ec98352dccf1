"""Test helpers: RSA keys made on the spot, and tokens signed (or forged) with them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk, jws
from jose.backends.base import Key

ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool"
CLIENT_ID = "client-a"
OTHER_ACCEPTED_CLIENT_ID = "client-b"
SUBJECT = "5b1c3e70-0000-4000-8000-000000000001"
EMAIL = "alice@example.com"

DELETE = object()  # claim override meaning "leave this claim out"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64json(value: object) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode())


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_pem: bytes
    public_pem: bytes

    @classmethod
    def generate(cls, kid: str) -> SigningKey:
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return cls(
            kid=kid,
            private_pem=private.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
            public_pem=private.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            ),
        )

    @cached_property
    def _private_key(self) -> Key:
        return jwk.construct(self.private_pem, "RS256")  # parsing a PEM is slow: do it once

    @property
    def public_jwk(self) -> dict[str, Any]:
        public = jwk.construct(self.public_pem, "RS256").to_dict()
        return {
            "kty": "RSA",
            "kid": self.kid,
            "use": "sig",
            "alg": "RS256",
            "n": public["n"],
            "e": public["e"],
        }

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self.public_jwk]}

    def sign(
        self,
        claims: dict[str, Any] | bytes,
        *,
        algorithm: str = "RS256",
        headers: dict[str, Any] | None = None,
    ) -> str:
        header = {"kid": self.kid} if headers is None else headers
        payload = claims if isinstance(claims, bytes) else json.dumps(claims).encode()
        key = self._private_key if algorithm == "RS256" else self.private_pem
        return jws.sign(payload, key, headers=header, algorithm=algorithm)


def claims(token_use: str = "access", **overrides: Any) -> dict[str, Any]:
    """Cognito-shaped claims, valid now; ``name=DELETE`` drops a claim."""
    now = int(time.time())
    base: dict[str, Any] = {
        "iss": ISSUER,
        "sub": SUBJECT,
        "token_use": token_use,
        "iat": now,
        "auth_time": now,
        "exp": now + 600,
        "jti": str(uuid.uuid4()),
    }
    if token_use == "id":
        base |= {"aud": CLIENT_ID, "email": EMAIL, "cognito:username": "alice"}
    else:
        base |= {
            "client_id": CLIENT_ID,
            "username": "alice",
            "scope": "aws.cognito.signin.user.admin",
        }
    for name, value in overrides.items():
        if value is DELETE:
            base.pop(name, None)
        else:
            base[name] = value
    return base


def unsigned(header: dict[str, Any], payload: dict[str, Any], signature: str = "") -> str:
    return f"{b64json(header)}.{b64json(payload)}.{signature}"


def hs256_forgery(secret: bytes, header: dict[str, Any], payload: dict[str, Any]) -> str:
    """An HS256 token whose HMAC secret is ``secret`` (the classic key-confusion attack)."""
    signing_input = f"{b64json(header)}.{b64json(payload)}"
    mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(mac)}"


def local_signing_key(live_server: Any) -> SigningKey:
    """A test server's local issuer key, to sign tokens that differ from its own in a claim."""
    issuer = live_server.issuer
    pem = Path(issuer.key_path).read_bytes()
    private = serialization.load_pem_private_key(pem, password=None)
    public = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return SigningKey(kid=issuer.kid, private_pem=pem, public_pem=public)


def local_claims(live_server: Any, **overrides: Any) -> dict[str, Any]:
    """Claims as a test server's local issuer writes them (a random subject unless given)."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": live_server.settings.local_issuer,
        "sub": str(uuid.uuid4()),
        "client_id": live_server.settings.local_audience,
        "token_use": "access",
        "email": f"forged-{uuid.uuid4().hex[:8]}@example.com",
        "iat": now,
        "exp": now + 600,
    }
    claims.update(overrides)
    return claims


def local_token(live_server: Any, email: str, **overrides: Any) -> str:
    """A token for `email` as the local issuer would sign it, with claims overridden."""
    from loveq.auth.local_issuer import subject_for

    claims = local_claims(live_server, sub=subject_for(email), email=email, **overrides)
    return local_signing_key(live_server).sign(claims)
