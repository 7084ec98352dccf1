"""The coach as a service: gathers what the engine needs from the room, runs one generation
within the concurrency limits, and stores the finished analysis — only a finished one."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ai.coach.engine import CoachEngine
from ai.coach.types import (
    AdviceReady,
    ChatLine,
    CoachError,
    CoachRequest,
    CoachResult,
    PartnerProfile,
    ReplyDelta,
    Sender,
    UserProfile,
)
from datastore.database import Database
from datastore.records import AnalysisRecord, MessageRecord, PartnerRecord, UserRecord
from services.errors import EngineFailed, Invalid, InvalidReason, NotFound, RateLimited
from services.generation_limits import GenerationLimiter, GenerationLimitExceeded
import telemetry

RECENT_MESSAGES = 60
# Partner messages this close together are one message in several lines.
BURST_GAP = timedelta(minutes=60)
PARTNER_SAMPLE = 400
LOCAL_ZONE = ZoneInfo("Asia/Seoul")

InsightsSummary = Callable[[uuid.UUID, uuid.UUID, datetime], Awaitable[str | None]]
# The prompt's insights cover the last weeks of the conversation: recent dynamics are what
# matter for the next reply, and the query stays cheap however long the history is.
INSIGHTS_WINDOW = timedelta(days=30)


@dataclass(frozen=True)
class PreparedAnalysis:
    owner: uuid.UUID
    room_id: uuid.UUID
    message_id: uuid.UUID | None
    situation: str | None
    request: CoachRequest


def _user_profile(user: UserRecord | None) -> UserProfile | None:
    if user is None:
        return None
    age = date.today().year - user.birth_year if user.birth_year else None
    return UserProfile(nickname=user.nickname, gender=user.gender, age=age, mbti=user.mbti, bio=user.bio)


def partner_profile(partner: PartnerRecord) -> PartnerProfile:
    return PartnerProfile(
        name=partner.name,
        relationship=partner.relationship,
        age=partner.age,
        mbti=partner.mbti,
        description=partner.description,
        interests=partner.interests,
        communication_style=partner.communication_style,
        insight=partner.insight,
    )


def _burst(recent: list[MessageRecord], latest: MessageRecord) -> list[MessageRecord]:
    """The partner's lines sent together, ending with `latest`: consecutive partner messages,
    each within BURST_GAP of the one before (e.g. "그럼 나는 안 힘들어?" / "됐어 그만하자")."""
    if latest not in recent:
        return [latest]
    end = recent.index(latest)
    start = end
    while (
        start > 0
        and recent[start - 1].sender == "PARTNER"
        and recent[start].sent_at - recent[start - 1].sent_at <= BURST_GAP
    ):
        start -= 1
    return recent[start : end + 1]


def _line(message: MessageRecord) -> ChatLine:
    return ChatLine(sender=Sender(message.sender), text=message.text, sent_at=message.sent_at.astimezone(LOCAL_ZONE))


class CoachingService:
    def __init__(
        self,
        db: Database,
        engine: CoachEngine,
        limiter: GenerationLimiter,
        *,
        insights_summary: InsightsSummary | None = None,
    ) -> None:
        self.db = db
        self.engine = engine
        self.limiter = limiter
        self.insights_summary = insights_summary

    @contextlib.asynccontextmanager
    async def _generation_slot(self, owner: uuid.UUID) -> AsyncIterator[None]:
        """A generation slot, with the engine's and the limiter's failures as service errors."""
        try:
            async with self.limiter.slot(owner):
                yield
        except GenerationLimitExceeded as exc:
            raise RateLimited(str(exc), scope=exc.scope, limit=exc.limit) from None
        except CoachError as exc:
            telemetry.generation_failed()
            raise EngineFailed(exc.message, code=exc.code.value) from None

    async def prepare(
        self, owner: uuid.UUID, room_id: uuid.UUID, message: str | None, situation: str | None
    ) -> PreparedAnalysis:
        async def gather(uow):  # type: ignore[no-untyped-def]
            rooms = await uow.chat_rooms.get_many([room_id])
            if not rooms:
                return None
            partners = await uow.partners.get_many([rooms[0].partner_id])
            recent = await uow.messages.latest_in_room(room_id, RECENT_MESSAGES)
            latest_partner = None
            if message is None:
                # Usually among the recent messages already read; only a long monologue of the
                # user's own needs a look further back.
                latest_partner = next((m for m in reversed(recent) if m.sender == "PARTNER"), None)
                if latest_partner is None and len(recent) == RECENT_MESSAGES:
                    latest = await uow.messages.latest_in_room(room_id, 1, sender="PARTNER")
                    latest_partner = latest[0] if latest else None
            return partners[0], recent, latest_partner, await uow.users.get(owner)

        gathered = await self.db.read(gather, owner=owner)
        if gathered is None:
            raise NotFound("chat room not found", field="room_id")
        partner, recent, latest_partner, user = gathered
        if message is None and latest_partner is None:
            raise Invalid(
                "the room has no message from the partner yet: pass `message`", reason=InvalidReason.EMPTY, field="message"
            )
        burst = _burst(recent, latest_partner) if message is None else ()
        text = message if message is not None else "\n".join(m.text for m in burst)
        summary = (
            await self.insights_summary(owner, room_id, recent[-1].sent_at - INSIGHTS_WINDOW)
            if self.insights_summary and recent
            else None
        )
        request = CoachRequest(
            message=text,
            message_sent_at=latest_partner.sent_at.astimezone(LOCAL_ZONE) if message is None else None,
            situation=situation,
            partner=partner_profile(partner),
            partner_style=partner.speech_style,
            my_style=partner.my_speech_style,
            account_style=user.speech_style if user else None,
            recent_messages=tuple(_line(m) for m in recent),
            insights_summary=summary,
            me=_user_profile(user),
            burst=tuple(_line(m) for m in burst),
        )
        return PreparedAnalysis(owner, room_id, latest_partner.id if latest_partner else None, situation, request)

    async def stream(self, prepared: PreparedAnalysis) -> AsyncIterator[AdviceReady | ReplyDelta | AnalysisRecord]:
        """The advice, reply deltas as they are generated, then the stored analysis. Raises
        `RateLimited` before anything starts, `EngineFailed` if the engine fails; nothing is
        stored unless the generation completed."""
        async with self._generation_slot(prepared.owner):
            result: CoachResult | None = None
            clock = telemetry.generation_started()
            generation = self.engine.generate(prepared.request)
            try:
                async for event in generation:
                    if isinstance(event, (AdviceReady, ReplyDelta)):
                        if isinstance(event, ReplyDelta):
                            telemetry.first_chunk(clock)
                        yield event
                    else:
                        result = event
            finally:
                await generation.aclose()
            assert result is not None, "an engine ends with exactly one CoachResult"
            telemetry.generation_done(clock, result.input_tokens, result.output_tokens)
            yield await self._store(prepared, result)

    async def _store(self, prepared: PreparedAnalysis, result: CoachResult) -> AnalysisRecord:
        values = {
            "message_id": prepared.message_id,
            "message": prepared.request.message,
            "situation": prepared.situation,
            "emotion": result.emotion,
            "intent": result.intent,
            "replies": result.replies,
            "engine": result.engine,
            "model": result.model,
            "input_tokens": result.input_tokens,
            "output_tokens": result.output_tokens,
            "latency_ms": result.latency_ms,
            "advice": result.advice,
        }
        return await self.db.run(
            lambda uow: uow.analyses.create(room_id=prepared.room_id, values=values), owner=prepared.owner
        )

    async def choose_reply(
        self, owner: uuid.UUID, analysis_id: uuid.UUID, *, risk: str, rating: int | None
    ) -> AnalysisRecord:
        record = await self.db.run(lambda uow: uow.analyses.choose(analysis_id, risk=risk, rating=rating), owner=owner)
        if record is None:
            raise NotFound("analysis not found", field="analysis_id")
        return record

    async def analyze_partner(self, owner: uuid.UUID, partner_id: uuid.UUID) -> PartnerRecord:
        async def gather(uow):  # type: ignore[no-untyped-def]
            partners = await uow.partners.get_many([partner_id])
            if not partners:
                return None
            rooms = await uow.chat_rooms.ids_for_partner(partner_id)
            texts = await uow.messages.latest_texts(rooms, "PARTNER", PARTNER_SAMPLE) if rooms else []
            history: list[MessageRecord] = []
            for room_id in rooms[:5]:
                history += await uow.messages.latest_in_room(room_id, RECENT_MESSAGES)
            return partners[0], texts, sorted(history, key=lambda m: m.sent_at)

        gathered = await self.db.read(gather, owner=owner)
        if gathered is None:
            raise NotFound("partner not found", field="partner_id")
        partner, texts, history = gathered
        async with self._generation_slot(owner):
            insight = await self.engine.analyze_partner(
                partner_profile(partner),
                texts,
                partner.speech_style,
                history=[_line(m) for m in history],
            )
        return await self.db.run(lambda uow: uow.partners.set_insight(partner_id, insight), owner=owner)
