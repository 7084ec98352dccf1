"""What the `analyzeMessage` subscription streams: reply chunks, then completion or failure."""

from __future__ import annotations

import enum
from typing import Annotated

import strawberry

from graph.types.advice import Advice
from graph.types.analysis import Analysis, RiskLevel


@strawberry.type(description="The coach's advice, sent before any reply text.")
class AdviceReady:
    advice: Advice


@strawberry.type(description="A piece of one reply's text, as it is generated.")
class ReplyChunk:
    risk: RiskLevel
    delta: str


@strawberry.type(description="The finished, stored analysis. The stream ends after it.")
class AnalysisCompleted:
    analysis: Analysis


@strawberry.enum
class AnalysisErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"
    INVALID_INPUT = "INVALID_INPUT"
    RATE_LIMITED = "RATE_LIMITED"
    INVALID_OUTPUT = "INVALID_OUTPUT"
    THROTTLED = "THROTTLED"
    TIMEOUT = "TIMEOUT"
    UNAVAILABLE = "UNAVAILABLE"
    MODEL_ERROR = "MODEL_ERROR"
    INTERNAL = "INTERNAL"


@strawberry.type(description="The analysis could not be made; nothing was stored. The stream ends after it.")
class AnalysisFailed:
    code: AnalysisErrorCode
    message: str


AnalysisEvent = Annotated[
    ReplyChunk | AnalysisCompleted | AnalysisFailed | AdviceReady, strawberry.union("AnalysisEvent")
]
