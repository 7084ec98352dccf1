from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from datastore.stores import UnitOfWork
from graph.context import Context
from graph.ids import encode_id
from graph.inputs import CreatePartnerInput, DeletePartnerInput, UpdatePartnerInput
from graph.payloads import CreatePartnerPayload, DeletePartnerPayload, UpdatePartnerPayload
from graph.types import Partner
from graph.user_errors import UserErrorCode
from resolvers import limits
from resolvers.validation import Problems, is_unset


def _validated(problems: Problems, fields: dict[str, Any]) -> dict[str, Any]:
    """Checks the given partner fields; returns the cleaned values to store."""
    cleaned: dict[str, Any] = {}
    if "name" in fields:
        cleaned["name"] = problems.text(["name"], fields["name"], max_length=limits.PARTNER_NAME, required=True)
    if "relationship" in fields:
        if fields["relationship"] is None:
            problems.add(["relationship"], "relationship is required", UserErrorCode.REQUIRED)
        else:
            cleaned["relationship"] = fields["relationship"].value
    if "age" in fields:
        cleaned["age"] = problems.int_range(["age"], fields["age"], *limits.AGE)
    if "mbti" in fields:
        cleaned["mbti"] = problems.mbti(["mbti"], fields["mbti"])
    if "description" in fields:
        cleaned["description"] = problems.text(
            ["description"], fields["description"], max_length=limits.PARTNER_DESCRIPTION, multiline=True
        )
    if "interests" in fields:
        cleaned["interests"] = problems.words(
            ["interests"], fields["interests"] or [], max_items=limits.INTERESTS, max_length=limits.INTEREST
        )
    if "communication_style" in fields:
        cleaned["communication_style"] = problems.text(
            ["communicationStyle"], fields["communication_style"], max_length=limits.COMMUNICATION_STYLE,
            multiline=True,
        )
    return cleaned


def _given(input: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(input, name) for name in names if not is_unset(getattr(input, name))}


_FIELDS = ("name", "relationship", "age", "mbti", "description", "interests", "communication_style")


async def create_partner(info: Info[Context, None], input: CreatePartnerInput) -> CreatePartnerPayload:
    ctx = info.context
    problems = Problems()
    values = _validated(problems, _given(input, _FIELDS))
    if problems:
        return CreatePartnerPayload(partner=None, user_errors=problems.errors)

    async def work(uow: UnitOfWork):
        if await uow.partners.count() >= limits.PARTNERS_PER_USER:
            return None
        return await uow.partners.create(values)

    record = await ctx.services.db.run(work, owner=ctx.viewer_id)
    if record is None:
        problems.add([], f"at most {limits.PARTNERS_PER_USER} partners", UserErrorCode.LIMIT_EXCEEDED)
        return CreatePartnerPayload(partner=None, user_errors=problems.errors)
    return CreatePartnerPayload(partner=Partner.from_record(record), user_errors=[])


async def update_partner(info: Info[Context, None], input: UpdatePartnerInput) -> UpdatePartnerPayload:
    ctx = info.context
    problems = Problems()
    partner_id = problems.node_id(["id"], input.id, "Partner")
    changes = _validated(problems, _given(input, _FIELDS))
    if problems:
        return UpdatePartnerPayload(partner=None, user_errors=problems.errors)
    record = await ctx.services.db.run(lambda uow: uow.partners.update(partner_id, changes), owner=ctx.viewer_id)
    if record is None:
        problems.not_found(["id"], "partner")
        return UpdatePartnerPayload(partner=None, user_errors=problems.errors)
    ctx.loaders.partner.prime(record.id, record, force=True)
    return UpdatePartnerPayload(partner=Partner.from_record(record), user_errors=[])


async def delete_partner(info: Info[Context, None], input: DeletePartnerInput) -> DeletePartnerPayload:
    """Hides the partner and its rooms at once; their rows are then purged in chunks."""
    ctx = info.context
    problems = Problems()
    partner_id = problems.node_id(["id"], input.id, "Partner")
    if problems:
        return DeletePartnerPayload(deleted_partner_id=None, user_errors=problems.errors)

    async def work(uow: UnitOfWork) -> list[str] | None:
        if not await uow.partners.mark_deleted(partner_id):
            return None
        room_ids = await uow.chat_rooms.ids_for_partner(partner_id)
        await uow.chat_rooms.mark_deleted_for_partner(partner_id)
        return await uow.imports.take_raw_keys(room_ids)

    raw_keys = await ctx.services.db.run(work, owner=ctx.viewer_id)
    if raw_keys is None:
        problems.not_found(["id"], "partner")
        return DeletePartnerPayload(deleted_partner_id=None, user_errors=problems.errors)
    await ctx.services.finish_deletion(ctx.viewer_id, raw_keys)
    return DeletePartnerPayload(
        deleted_partner_id=strawberry.ID(encode_id("Partner", partner_id)), user_errors=[]
    )
