from __future__ import annotations

import strawberry

from graph.permissions import IsAuthenticated
from resolvers.mutations import coach


@strawberry.type
class Subscription:
    analyze_message = strawberry.subscription(
        resolver=coach.analyze_message_events,
        permission_classes=[IsAuthenticated],
        description="Streams an analysis: ReplyChunk events, then AnalysisCompleted or AnalysisFailed.",
    )
