"""Who is calling: the verified principal the shell's authentication hands down."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from datastore.ids import user_id_for


@dataclass(frozen=True)
class Principal:
    """A verified caller: the token's subject, e-mail (if the token carries one) and origin."""

    subject: str
    email: str | None
    issuer: str
    token_use: str

    @property
    def user_id(self) -> uuid.UUID:
        return user_id_for(self.issuer, self.subject)
