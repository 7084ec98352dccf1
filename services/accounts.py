"""Accounts: the user row behind a token, the profile, and deleting it all."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from blobs import BlobStore, user_prefix
from datastore.database import Database
from datastore.records import UserRecord
from datastore.stores import UnitOfWork
from services.deletion import DeletionService
from services.identity import Principal


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


class AccountService:
    def __init__(self, db: Database, blobs: BlobStore, deletion: DeletionService) -> None:
        self.db = db
        self.blobs = blobs
        self.deletion = deletion
        self.known_users = KnownUsers()

    async def ensure_user(self, principal: Principal) -> uuid.UUID:
        """The caller's user row exists (created on first authenticated use)."""
        user_id = principal.user_id
        if not self.known_users.is_current(user_id, principal.email):
            record = await self._ensure(principal)
            self.known_users.remember(user_id, record.email)
        return user_id

    async def recreate_user(self, principal: Principal) -> UserRecord:
        """The user's row went away (the account was deleted, maybe by another process) while
        the token lives on: create it again, as on first use."""
        self.known_users.forget(principal.user_id)
        record = await self._ensure(principal)
        self.known_users.remember(principal.user_id, record.email)
        return record

    async def _ensure(self, principal: Principal) -> UserRecord:
        return await self.db.run(
            lambda uow: uow.users.ensure(
                principal.user_id, issuer=principal.issuer, subject=principal.subject, email=principal.email
            ),
            owner=principal.user_id,
        )

    async def update_profile(self, principal: Principal, changes: dict[str, Any]) -> UserRecord:
        owner = principal.user_id
        record = await self.db.run(lambda uow: uow.users.update_profile(owner, changes), owner=owner)
        if record is None:  # the row went away under us (account deleted elsewhere): recreate it
            await self.recreate_user(principal)
            record = await self.db.run(lambda uow: uow.users.update_profile(owner, changes), owner=owner)
        return record

    async def delete_account(self, owner: uuid.UUID) -> None:
        """Removes every row the user owns: the profile at once, the rest in purge chunks."""

        async def work(uow: UnitOfWork) -> None:
            await uow.chat_rooms.mark_all_deleted()
            await uow.partners.mark_all_deleted()
            await uow.users.delete(owner)

        await self.db.run(work, owner=owner)
        self.known_users.forget(owner)
        await self.blobs.delete_prefix(user_prefix(owner))
        await self.deletion.finish(owner, [])
