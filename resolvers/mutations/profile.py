from __future__ import annotations

import datetime as dt
from typing import Any

from strawberry.types import Info

from graph.context import Context
from graph.errors import Unauthenticated
from graph.inputs import UpdateProfileInput
from graph.payloads import UpdateProfilePayload
from graph.types.user import User
from resolvers import input_limits as limits
from resolvers.validation import Problems, is_unset
from services.errors import AccountDeleted


def _validated(problems: Problems, input: UpdateProfileInput) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if not is_unset(input.nickname):
        changes["nickname"] = problems.text(["nickname"], input.nickname, max_length=limits.NICKNAME)
    if not is_unset(input.gender):
        changes["gender"] = input.gender.value if input.gender else None
    if not is_unset(input.birth_year):
        this_year = dt.date.today().year
        changes["birth_year"] = problems.int_range(
            ["birthYear"], input.birth_year, limits.BIRTH_YEAR_FROM, this_year - limits.AGE[0]
        )
    if not is_unset(input.mbti):
        changes["mbti"] = problems.mbti(["mbti"], input.mbti)
    if not is_unset(input.bio):
        changes["bio"] = problems.text(["bio"], input.bio, max_length=limits.BIO, multiline=True)
    return changes


async def update_profile(info: Info[Context, None], input: UpdateProfileInput) -> UpdateProfilePayload:
    ctx = info.context
    problems = Problems()
    changes = _validated(problems, input)
    if problems:
        return UpdateProfilePayload(user=None, user_errors=problems.errors)
    try:
        record = await ctx.services.accounts.update_profile(ctx.viewer, changes)
    except AccountDeleted:  # deleted since this operation was let in
        raise Unauthenticated.account_deleted() from None
    ctx.loaders.user.prime(record.id, record, force=True)
    return UpdateProfilePayload(user=User.from_record(record), user_errors=[])
