"""The one interface every coach engine implements, so the service never knows which it has."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Protocol, runtime_checkable

from ai.coach.types import ChatLine, CoachEvent, CoachRequest, PartnerInsight, PartnerProfile
from ai.korean.speech_style import SpeechStyle


@runtime_checkable
class CoachEngine(Protocol):
    name: str  # "local" | "bedrock" | "openai"
    model: str  # e.g. "loveq-local-1", a Bedrock model or inference-profile id, a served model's name

    def generate(self, request: CoachRequest) -> AsyncIterator[CoachEvent]:
        """Stream one ``AdviceReady`` before any reply text, then ``ReplyDelta``s (SAFE's text
        first, then BALANCED's, then BOLD's, each in small pieces), and end with exactly one
        ``CoachResult``. Failures raise ``CoachError``.

        Closing the iterator early (``aclose()``, or cancelling the task that iterates it)
        stops the generation and releases everything it held, upstream requests included.
        """
        ...

    async def analyze_partner(
        self,
        profile: PartnerProfile,
        partner_messages: Sequence[str],
        partner_style: SpeechStyle | None,
        *,
        history: Sequence[ChatLine] = (),
    ) -> PartnerInsight:
        """A `PartnerInsight` from the profile, the partner's own messages (oldest first) and
        their measured speech style. ``history``, optional, is the conversation with both sides
        and timestamps (oldest first): it tells how quickly the partner replies. Raises
        ``CoachError``."""
        ...

    async def warm_up(self) -> None:
        """Load what the first request would otherwise wait for (the morphological analyser:
        about two seconds, once per process, during which it holds the GIL). Call at start-up."""
        ...

    async def aclose(self) -> None:
        """Release clients and pools. The engine is not used afterwards."""
        ...
