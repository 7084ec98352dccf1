"""The application's long-lived services, built once at start-up and shared by requests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from blobs import BlobStore
from datastore.database import Database
from datastore.purge import purge_deleted
from datastore.ids import user_id_for
from loveq.auth.principal import Principal
from loveq.coaching import CoachingService
from loveq.auth.verifier import TokenVerifier
from loveq.settings import Settings


@dataclass
class KnownUsers:
    """Users whose row this process has already ensured, so a request does not write it again."""

    limit: int = 50_000
    _emails: dict[uuid.UUID, str | None] = field(default_factory=dict)

    def is_current(self, user_id: uuid.UUID, email: str | None) -> bool:
        return user_id in self._emails and (email is None or self._emails[user_id] == email)

    def remember(self, user_id: uuid.UUID, email: str | None) -> None:
        if len(self._emails) >= self.limit:
            self._emails.clear()
        self._emails[user_id] = email

    def forget(self, user_id: uuid.UUID) -> None:
        self._emails.pop(user_id, None)


@dataclass
class Services:
    settings: Settings
    db: Database
    verifier: TokenVerifier
    blobs: BlobStore
    coaching: CoachingService
    known_users: KnownUsers = field(default_factory=KnownUsers)

    async def finish_deletion(self, owner: uuid.UUID, raw_keys: list[str]) -> None:
        """After a delete committed: raw uploads go at once (not at the end of their retention),
        then the hidden rows are purged in chunks."""
        for key in raw_keys:
            await self.blobs.delete(key)
        await purge_deleted(self.db, owner=owner)

    async def recreate_user(self, principal: Principal) -> uuid.UUID:
        """The user's row went away (the account was deleted, maybe by another process) while
        the token lives on: create it again, as on first use."""
        self.known_users.forget(user_id_for(principal.issuer, principal.subject))
        return await self.ensure_user(principal)

    async def ensure_user(self, principal: Principal) -> uuid.UUID:
        user_id = user_id_for(principal.issuer, principal.subject)
        if not self.known_users.is_current(user_id, principal.email):
            record = await self.db.run(
                lambda uow: uow.users.ensure(
                    user_id, issuer=principal.issuer, subject=principal.subject, email=principal.email
                ),
                owner=user_id,
            )
            self.known_users.remember(user_id, record.email)
        return user_id
