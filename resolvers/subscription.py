from __future__ import annotations

import strawberry

from graph.permissions import IsAuthenticated
from resolvers.subscriptions.analysis import analyze_message_events


@strawberry.type
class Subscription:
    analyze_message = strawberry.subscription(
        resolver=analyze_message_events,
        permission_classes=[IsAuthenticated],
        description="Streams an analysis: ReplyChunk events, then AnalysisCompleted or AnalysisFailed.",
    )
