"""analyzeMessage (mutation and subscription), chooseReply, analyzePartner."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator

from strawberry.types import Info

from ai.coach.limits import GenerationLimitExceeded
from ai.coach.types import CoachError, ReplyDelta
from datastore.records import AnalysisRecord
from graph.coach import (
    Analysis,
    AnalysisCompleted,
    AnalysisErrorCode,
    AnalysisEvent,
    AnalysisFailed,
    PartnerInsight,
    ReplyChunk,
    RiskLevel,
)
from graph.context import Context
from graph.errors import RateLimited, ServiceUnavailable
from graph.inputs import AnalyzeMessageInput, AnalyzePartnerInput, ChooseReplyInput
from graph.payloads import AnalyzeMessagePayload, AnalyzePartnerPayload, ChooseReplyPayload
from graph.types import Partner
from graph.user_errors import UserError, UserErrorCode
from loveq.coaching import PreparedAnalysis
from loveq.rejection import Rejected
from loveq.coaching_codec import insight_from_json
from resolvers import limits
from resolvers.validation import Problems

log = logging.getLogger(__name__)


async def _prepare(ctx: Context, input: AnalyzeMessageInput) -> PreparedAnalysis | list[UserError]:
    problems = Problems()
    room_id = problems.node_id(["roomId"], input.room_id, "ChatRoom")
    message = None
    if input.message is not None:
        message = problems.text(["message"], input.message, max_length=limits.MESSAGE_TEXT, required=True, multiline=True)
    situation = problems.text(["situation"], input.situation, max_length=limits.SITUATION, multiline=True)
    if problems:
        return problems.errors
    try:
        return await ctx.services.coaching.prepare(ctx.viewer_id, room_id, message, situation)
    except Rejected as rejected:
        problems.rejected(rejected)
        return problems.errors


async def analyze_message(info: Info[Context, None], input: AnalyzeMessageInput) -> AnalyzeMessagePayload:
    """The finished analysis in one answer (the subscription streams the same generation)."""
    ctx = info.context
    prepared = await _prepare(ctx, input)
    if isinstance(prepared, list):
        return AnalyzeMessagePayload(analysis=None, user_errors=prepared)
    record: AnalysisRecord | None = None
    try:
        async for event in ctx.services.coaching.stream(prepared):
            if isinstance(event, AnalysisRecord):
                record = event
    except GenerationLimitExceeded as exc:
        raise RateLimited(str(exc), scope=exc.scope) from None
    except CoachError as exc:
        raise ServiceUnavailable(exc.message, reason=exc.code.value) from None
    assert record is not None
    return AnalyzeMessagePayload(analysis=Analysis.from_record(record), user_errors=[])


async def analyze_message_events(
    info: Info[Context, None], input: AnalyzeMessageInput
) -> AsyncGenerator[AnalysisEvent, None]:
    """ReplyChunk events as each option's text is generated, then AnalysisCompleted with the
    stored analysis — or AnalysisFailed. Closing the subscription cancels the generation."""
    ctx = info.context
    prepared = await _prepare(ctx, input)
    if isinstance(prepared, list):
        code = AnalysisErrorCode.NOT_FOUND if prepared[0].code is UserErrorCode.NOT_FOUND else AnalysisErrorCode.INVALID_INPUT
        yield AnalysisFailed(code=code, message=prepared[0].message)
        return
    stream = ctx.services.coaching.stream(prepared)
    try:
        async for event in stream:
            if isinstance(event, ReplyDelta):
                yield ReplyChunk(risk=RiskLevel(event.risk.value), delta=event.text)
            else:
                yield AnalysisCompleted(analysis=Analysis.from_record(event))
    except GenerationLimitExceeded as exc:
        yield AnalysisFailed(code=AnalysisErrorCode.RATE_LIMITED, message=str(exc))
    except CoachError as exc:
        yield AnalysisFailed(code=AnalysisErrorCode(exc.code.value), message=exc.message)
    except Exception:
        log.exception("analysis stream failed")
        yield AnalysisFailed(code=AnalysisErrorCode.INTERNAL, message="the analysis failed; nothing was stored")
    finally:
        await stream.aclose()


async def choose_reply(info: Info[Context, None], input: ChooseReplyInput) -> ChooseReplyPayload:
    ctx = info.context
    problems = Problems()
    analysis_id = problems.node_id(["analysisId"], input.analysis_id, "Analysis")
    rating = problems.int_range(["rating"], input.rating, 1, 5)
    if problems:
        return ChooseReplyPayload(analysis=None, user_errors=problems.errors)
    record = await ctx.services.db.run(
        lambda uow: uow.analyses.choose(analysis_id, risk=input.risk.value, rating=rating), owner=ctx.viewer_id
    )
    if record is None:
        problems.not_found(["analysisId"], "analysis")
        return ChooseReplyPayload(analysis=None, user_errors=problems.errors)
    return ChooseReplyPayload(analysis=Analysis.from_record(record), user_errors=[])


async def analyze_partner(info: Info[Context, None], input: AnalyzePartnerInput) -> AnalyzePartnerPayload:
    ctx = info.context
    problems = Problems()
    partner_id = problems.node_id(["partnerId"], input.partner_id, "Partner")
    if problems:
        return AnalyzePartnerPayload(partner=None, insight=None, user_errors=problems.errors)
    try:
        record = await ctx.services.coaching.analyze_partner(ctx.viewer_id, partner_id)
    except GenerationLimitExceeded as exc:
        raise RateLimited(str(exc), scope=exc.scope) from None
    except CoachError as exc:
        raise ServiceUnavailable(exc.message, reason=exc.code.value) from None
    if record is None:
        problems.not_found(["partnerId"], "partner")
        return AnalyzePartnerPayload(partner=None, insight=None, user_errors=problems.errors)
    ctx.loaders.partner.prime(record.id, record, force=True)
    insight = PartnerInsight.from_model(insight_from_json(record.insight), record.insight_at)
    return AnalyzePartnerPayload(partner=Partner.from_record(record), insight=insight, user_errors=[])
