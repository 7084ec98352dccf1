"""analyzeMessage (as a mutation), chooseReply, analyzePartner."""

from __future__ import annotations

from strawberry.types import Info

from datastore.records import AnalysisRecord
from graph.context import Context
from graph.errors import RateLimited, ServiceUnavailable
from graph.inputs import AnalyzeMessageInput, AnalyzePartnerInput, ChooseReplyInput
from graph.payloads import AnalyzeMessagePayload, AnalyzePartnerPayload, ChooseReplyPayload
from graph.types.analysis import Analysis
from graph.types.partner import Partner
from graph.types.partner_insight import PartnerInsight
from graph.user_errors import UserError
from resolvers import input_limits as limits
from resolvers.validation import Problems
from services.coaching import PreparedAnalysis
from services.errors import EngineFailed, ServiceError
from services.errors import RateLimited as TooManyGenerations


async def prepare_analysis(ctx: Context, input: AnalyzeMessageInput) -> PreparedAnalysis | list[UserError]:
    """The validated request, ready to stream; or the user errors that stop it."""
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
    except ServiceError as refused:
        problems.refused(refused)
        return problems.errors


def fault(error: TooManyGenerations | EngineFailed) -> RateLimited | ServiceUnavailable:
    """A generation that could not run or finish, as a top-level error."""
    if isinstance(error, TooManyGenerations):
        return RateLimited(str(error), scope=error.scope)
    return ServiceUnavailable(str(error), reason=error.code)


async def analyze_message(info: Info[Context, None], input: AnalyzeMessageInput) -> AnalyzeMessagePayload:
    """The finished analysis in one answer (the subscription streams the same generation)."""
    ctx = info.context
    prepared = await prepare_analysis(ctx, input)
    if isinstance(prepared, list):
        return AnalyzeMessagePayload(analysis=None, user_errors=prepared)
    record: AnalysisRecord | None = None
    try:
        async for event in ctx.services.coaching.stream(prepared):
            if isinstance(event, AnalysisRecord):
                record = event
    except (TooManyGenerations, EngineFailed) as exc:
        raise fault(exc) from None
    assert record is not None
    return AnalyzeMessagePayload(analysis=Analysis.from_record(record), user_errors=[])


async def choose_reply(info: Info[Context, None], input: ChooseReplyInput) -> ChooseReplyPayload:
    ctx = info.context
    problems = Problems()
    analysis_id = problems.node_id(["analysisId"], input.analysis_id, "Analysis")
    rating = problems.int_range(["rating"], input.rating, 1, 5)
    if not problems:
        try:
            record = await ctx.services.coaching.choose_reply(
                ctx.viewer_id, analysis_id, risk=input.risk.value, rating=rating
            )
            return ChooseReplyPayload(analysis=Analysis.from_record(record), user_errors=[])
        except ServiceError as refused:
            problems.refused(refused)
    return ChooseReplyPayload(analysis=None, user_errors=problems.errors)


async def analyze_partner(info: Info[Context, None], input: AnalyzePartnerInput) -> AnalyzePartnerPayload:
    ctx = info.context
    problems = Problems()
    partner_id = problems.node_id(["partnerId"], input.partner_id, "Partner")
    if not problems:
        try:
            record = await ctx.services.coaching.analyze_partner(ctx.viewer_id, partner_id)
        except (TooManyGenerations, EngineFailed) as exc:
            raise fault(exc) from None
        except ServiceError as refused:
            problems.refused(refused)
        else:
            ctx.loaders.partner.prime(record.id, record, force=True)
            insight = PartnerInsight.from_model(record.insight, record.insight_at)
            return AnalyzePartnerPayload(partner=Partner.from_record(record), insight=insight, user_errors=[])
    return AnalyzePartnerPayload(partner=None, insight=None, user_errors=problems.errors)
