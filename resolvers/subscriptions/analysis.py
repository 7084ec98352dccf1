"""The `analyzeMessage` subscription: the same generation as the mutation, streamed."""

from __future__ import annotations

import logging
import traceback
from collections.abc import AsyncGenerator

from strawberry.types import Info

from ai.coach.types import AdviceReady, ReplyDelta
from graph.context import Context
from graph.inputs import AnalyzeMessageInput
from graph.types.analysis import Analysis, RiskLevel
from graph.types.advice import Advice
from graph.types.coach_events import AdviceReady as AdviceReadyEvent
from graph.types.coach_events import AnalysisCompleted, AnalysisErrorCode, AnalysisEvent, AnalysisFailed, ReplyChunk
from graph.user_errors import UserErrorCode
from resolvers.mutations.coaching import prepare_analysis
from services.errors import EngineFailed, RateLimited

log = logging.getLogger(__name__)


async def analyze_message_events(
    info: Info[Context, None], input: AnalyzeMessageInput
) -> AsyncGenerator[AnalysisEvent, None]:
    """ReplyChunk events as each option's text is generated, then AnalysisCompleted with the
    stored analysis — or AnalysisFailed. Closing the subscription cancels the generation."""
    ctx = info.context
    prepared = await prepare_analysis(ctx, input)
    if isinstance(prepared, list):
        code = AnalysisErrorCode.NOT_FOUND if prepared[0].code is UserErrorCode.NOT_FOUND else AnalysisErrorCode.INVALID_INPUT
        yield AnalysisFailed(code=code, message=prepared[0].message)
        return
    stream = ctx.services.coaching.stream(prepared)
    try:
        async for event in stream:
            if isinstance(event, ReplyDelta):
                yield ReplyChunk(risk=RiskLevel(event.risk.value), delta=event.text)
            elif isinstance(event, AdviceReady):
                yield AdviceReadyEvent(advice=Advice.from_model(event.advice))
            else:
                yield AnalysisCompleted(analysis=Analysis.from_record(event))
    except RateLimited as exc:
        yield AnalysisFailed(code=AnalysisErrorCode.RATE_LIMITED, message=str(exc))
    except EngineFailed as exc:
        yield AnalysisFailed(code=AnalysisErrorCode(exc.code), message=str(exc))
    except Exception as exc:
        # Its type and frames only: the exception's message may quote the user's text.
        frames = "".join(traceback.format_tb(exc.__traceback__))
        log.error("analysis stream failed: %s\n%s", type(exc).__name__, frames)
        yield AnalysisFailed(code=AnalysisErrorCode.INTERNAL, message="the analysis failed; nothing was stored")
    finally:
        await stream.aclose()
