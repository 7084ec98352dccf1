"""Accounts: the user row behind a token, the profile, and deleting it all.

A deleted account leaves a tombstone (its deletion time) in the database, so that every
instance refuses the tokens signed in before it — an in-process cache of known users would
let another instance's deletion go unseen. Each operation therefore reads the account's state
once (`admit`): its row, e-mail and tombstone, in one statement.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from blobs import BlobStore, user_prefix
from datastore.database import Database
from datastore.records import UserRecord
from datastore.stores import UnitOfWork
from services.deletion import DeletionService
from services.errors import AccountDeleted
from services.identity import Principal


def deleted_since_sign_in(principal: Principal, deleted_at: datetime | None) -> bool:
    """Whether the account was deleted after the sign-in behind this token. Issue times are
    whole seconds, so a token of the deletion's own second counts as older (a fresh sign-in is
    at most a second from being let in; an old token never is); one without an issue time
    cannot show it is newer."""
    if deleted_at is None:
        return False
    return principal.signed_in_at is None or principal.signed_in_at <= deleted_at.timestamp()


class AccountService:
    def __init__(self, db: Database, blobs: BlobStore, deletion: DeletionService) -> None:
        self.db = db
        self.blobs = blobs
        self.deletion = deletion

    async def admit(self, principal: Principal) -> uuid.UUID:
        """Lets the caller in: raises AccountDeleted when the account was deleted after this
        token's sign-in; otherwise makes sure their row exists (created on first use, and
        afresh after a deletion) with the token's e-mail. One read when nothing changes."""
        user_id = principal.user_id
        present, email, deleted_at = await self.db.read(lambda uow: uow.users.admission(user_id), owner=user_id)
        if deleted_since_sign_in(principal, deleted_at):
            raise AccountDeleted
        if not present or (principal.email is not None and principal.email != email):
            await self._ensure(principal)
        return user_id

    async def refuse_if_deleted(self, principal: Principal) -> None:
        """Raises AccountDeleted when the account was deleted after this token's sign-in."""
        user_id = principal.user_id
        if deleted_since_sign_in(principal, await self.db.read(lambda uow: uow.users.deleted_at(user_id), owner=user_id)):
            raise AccountDeleted

    async def recreate_user(self, principal: Principal) -> UserRecord:
        """The user's row went away (the account was deleted, maybe by another instance, since
        this operation was let in): create it again, as on first use — unless the deletion came
        after this token's sign-in (AccountDeleted)."""
        return await self._ensure(principal)

    async def _ensure(self, principal: Principal) -> UserRecord:
        user_id = principal.user_id

        async def ensure(uow: UnitOfWork) -> UserRecord:
            if deleted_since_sign_in(principal, await uow.users.deleted_at(user_id)):
                raise AccountDeleted
            return await uow.users.ensure(user_id, issuer=principal.issuer, subject=principal.subject, email=principal.email)

        return await self.db.run(ensure, owner=user_id)

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
            await uow.users.bury(owner)  # its tokens are refused from now on, on every instance

        await self.db.run(work, owner=owner)
        await self.blobs.delete_prefix(user_prefix(owner))
        await self.deletion.finish(owner, [])
