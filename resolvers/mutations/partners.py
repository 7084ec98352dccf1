from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from graph.context import Context
from graph.inputs import CreatePartnerInput, DeletePartnerInput, UpdatePartnerInput
from graph.payloads import CreatePartnerPayload, DeletePartnerPayload, UpdatePartnerPayload
from graph.relay.global_id import encode_id
from graph.types.partner import Partner
from graph.user_errors import UserErrorCode
from resolvers import input_limits as limits
from resolvers.validation import Problems, given
from services.errors import ServiceError


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


_FIELDS = ("name", "relationship", "age", "mbti", "description", "interests", "communication_style")


async def create_partner(info: Info[Context, None], input: CreatePartnerInput) -> CreatePartnerPayload:
    ctx = info.context
    problems = Problems()
    values = _validated(problems, given(input, _FIELDS))
    if not problems:
        try:
            record = await ctx.services.partners.create(ctx.viewer_id, values)
            return CreatePartnerPayload(partner=Partner.from_record(record), user_errors=[])
        except ServiceError as refused:
            problems.refused(refused)
    return CreatePartnerPayload(partner=None, user_errors=problems.errors)


async def update_partner(info: Info[Context, None], input: UpdatePartnerInput) -> UpdatePartnerPayload:
    ctx = info.context
    problems = Problems()
    partner_id = problems.node_id(["id"], input.id, "Partner")
    changes = _validated(problems, given(input, _FIELDS))
    if not problems:
        try:
            record = await ctx.services.partners.update(ctx.viewer_id, partner_id, changes)
            ctx.loaders.partner.prime(record.id, record, force=True)
            return UpdatePartnerPayload(partner=Partner.from_record(record), user_errors=[])
        except ServiceError as refused:
            problems.refused(refused)
    return UpdatePartnerPayload(partner=None, user_errors=problems.errors)


async def delete_partner(info: Info[Context, None], input: DeletePartnerInput) -> DeletePartnerPayload:
    ctx = info.context
    problems = Problems()
    partner_id = problems.node_id(["id"], input.id, "Partner")
    if not problems:
        try:
            await ctx.services.partners.delete(ctx.viewer_id, partner_id)
            return DeletePartnerPayload(deleted_partner_id=strawberry.ID(encode_id("Partner", partner_id)), user_errors=[])
        except ServiceError as refused:
            problems.refused(refused)
    return DeletePartnerPayload(deleted_partner_id=None, user_errors=problems.errors)
