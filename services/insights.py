"""Conversation insights of a room: the figures come from SQL, the score from ai.insights."""

from __future__ import annotations

import uuid
from datetime import datetime

from ai.insights import ConversationInsights, conversation_insights
from datastore.database import Database
from services.errors import ServiceError
from services.time_zones import ZONE_HINT, known_zone


class InvalidWindow(ServiceError):
    """The window or the time zone cannot be used (`field` says which argument)."""


def check_window(start: datetime | None, end: datetime | None, zone: str) -> None:
    if known_zone(zone) is None:
        raise InvalidWindow(f"unknown time zone ({ZONE_HINT})", field="timezone")
    for name, bound in (("from", start), ("to", end)):
        if bound is not None and bound.tzinfo is None:
            raise InvalidWindow(f"`{name}` needs a time zone offset, e.g. 2026-11-18T00:00:00+09:00", field=name)
    if start is not None and end is not None and start >= end:
        raise InvalidWindow("`from` must be before `to`", field="from")


class InsightService:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def room_insights(
        self, owner: uuid.UUID, room_id: uuid.UUID, *, start: datetime | None, end: datetime | None, zone: str
    ) -> ConversationInsights:
        check_window(start, end, zone)
        rows = await self.db.read(
            lambda uow: uow.insights.room_insights(room_id, start=start, end=end, timezone=zone), owner=owner
        )
        return conversation_insights(rows)

    async def summary(self, owner: uuid.UUID, room_id: uuid.UUID, since: datetime) -> str | None:
        """A few Korean lines for the coach's prompt; None when the partner has not spoken."""
        insights = await self.room_insights(owner, room_id, start=since, end=None, zone="Asia/Seoul")
        if insights.partner.message_count == 0:
            return None
        return summarize(insights)


def summarize(insights: ConversationInsights) -> str:
    lines = [f"상대의 관심도 점수: {insights.interest_score}/100" + (" (대화가 적어 참고용)" if insights.low_confidence else "")]
    lines += [f"- {factor.korean_label}: {factor.detail}" for factor in insights.factors[:5]]
    if len(insights.weekly) >= 2:
        trend = " → ".join(str(week.score) for week in insights.weekly[-4:])
        lines.append(f"- 최근 주별 관심도: {trend}")
    return "\n".join(lines)
