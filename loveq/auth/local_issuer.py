"""The local-mode token issuer: an RS256 key in the data directory, Cognito-shaped tokens.

The private key lives at ``$LOVEQ_DATA_DIR/keys/local-issuer.pem`` (mode 0600). It is
created once, atomically: the PEM is written to a private temporary file and hard-linked
into place, so two processes starting together never see a half-written key and never
overwrite each other's — the loser of the race adopts the winner's key.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import stat
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk, jwt
from jose.backends.base import Key

log = logging.getLogger(__name__)

ALGORITHM = "RS256"
KEY_BITS = 2048
# Fixed forever: subjects derived from it are user identities stored in the database.
SUBJECT_NAMESPACE = uuid.UUID("7930f2c9-9319-46b0-b5ce-fad3caa78cf3")
MAX_EMAIL_CHARS = 254
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s.]+(?:\.[^@\s.]+)+")


def normalize_email(email: str) -> str:
    """Trim and lower-case an address, or raise ValueError saying why it is not one."""
    if not isinstance(email, str):
        raise ValueError("email must be a string")
    value = email.strip().lower()
    if not value:
        raise ValueError("email is empty")
    if len(value) > MAX_EMAIL_CHARS:
        raise ValueError(f"email is longer than {MAX_EMAIL_CHARS} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value) or not _EMAIL.fullmatch(value):
        raise ValueError("not a valid email address (expected name@domain.tld)")
    return value


def subject_for(email: str) -> str:
    """The stable ``sub`` of the local user with this address."""
    return str(uuid.uuid5(SUBJECT_NAMESPACE, normalize_email(email)))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def thumbprint(public_jwk: dict[str, Any]) -> str:
    """RFC 7638 JWK thumbprint (SHA-256) of an RSA public key."""
    members = {name: public_jwk[name] for name in ("e", "kty", "n")}
    canonical = json.dumps(members, sort_keys=True, separators=(",", ":")).encode()
    return _b64url(hashlib.sha256(canonical).digest())


class LocalIssuer:
    def __init__(self, key_path: Path, *, issuer: str, client_id: str, ttl_seconds: int) -> None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        self.key_path = Path(key_path)
        self.issuer = issuer
        self.client_id = client_id
        self.ttl_seconds = ttl_seconds
        self._signing_key: Key | None = None
        self._public_jwk: dict[str, Any] | None = None

    @property
    def kid(self) -> str:
        return self._public()["kid"]

    def load_or_create(self) -> LocalIssuer:
        """Load the private key, creating it first if it does not exist. Idempotent."""
        if self._signing_key is not None:
            return self
        try:
            pem = self.key_path.read_bytes()
        except FileNotFoundError:
            pem = self._create()
        else:
            self._warn_if_exposed()
        try:
            private = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{self.key_path} is not an unencrypted PEM private key") from exc
        if not isinstance(private, rsa.RSAPrivateKey) or private.key_size < KEY_BITS:
            raise ValueError(f"{self.key_path} does not hold an RSA key of {KEY_BITS}+ bits")
        signing_key = jwk.construct(pem, ALGORITHM)
        public = signing_key.public_key().to_dict()
        self._public_jwk = {
            "kty": "RSA",
            "kid": thumbprint(public),
            "use": "sig",
            "alg": ALGORITHM,
            "n": public["n"],
            "e": public["e"],
        }
        self._signing_key = signing_key
        return self

    def issue(self, email: str) -> str:
        """An RS256 access token for ``email``, shaped like a Cognito access token."""
        address = normalize_email(email)
        self.load_or_create()
        assert self._signing_key is not None
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "sub": subject_for(address),
            "client_id": self.client_id,
            "token_use": "access",
            "email": address,
            "iat": now,
            "exp": now + self.ttl_seconds,
            "jti": str(uuid.uuid4()),
        }
        headers = {"kid": self.kid}
        return jwt.encode(claims, self._signing_key, algorithm=ALGORITHM, headers=headers)

    def jwks(self) -> dict[str, Any]:
        """The public JWKS document (``{"keys": [jwk]}``) for this issuer."""
        return {"keys": [dict(self._public())]}

    def _public(self) -> dict[str, Any]:
        self.load_or_create()
        assert self._public_jwk is not None
        return self._public_jwk

    def _create(self) -> bytes:
        directory = self.key_path.parent
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        private = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        # mkstemp creates the file with mode 0600 and O_EXCL.
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=".local-issuer-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as tmp:
                tmp.write(pem)
                tmp.flush()
                os.fsync(tmp.fileno())
            try:
                os.link(tmp_name, self.key_path)  # atomic, and never replaces an existing file
            except FileExistsError:
                log.info("another process created %s first; using its key", self.key_path)
                return self.key_path.read_bytes()
        finally:
            os.unlink(tmp_name)
        log.info("created the local issuer key at %s", self.key_path)
        return pem

    def _warn_if_exposed(self) -> None:
        mode = stat.S_IMODE(self.key_path.stat().st_mode)
        if mode & 0o077:
            log.warning(
                "%s is readable by other users (mode %o); it should be 0600",
                self.key_path,
                mode,
            )
