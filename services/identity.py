"""Who is calling: the verified principal the shell's authentication hands down."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from datastore.ids import user_id_for


@dataclass(frozen=True)
class Principal:
    """A verified caller: the token's subject, e-mail (if the token carries one) and origin.

    ``signed_in_at`` is when the sign-in behind the token happened (Cognito's ``auth_time``,
    which tokens minted later from a refresh token keep; else ``iat``), ``expires_at`` when the
    token stops being valid (``exp``); both in seconds since the epoch, None when unknown.
    """

    subject: str
    email: str | None
    issuer: str
    token_use: str
    signed_in_at: float | None = None
    expires_at: float | None = None

    @property
    def user_id(self) -> uuid.UUID:
        return user_id_for(self.issuer, self.subject)
