"""Runs the coach on the evaluation cases: a case becomes the `CoachRequest` the service would
build for it (history, the analysed burst, the partner, the user's situation), and an engine's
result becomes the plain outcome the checker (`tests.support.coach_eval`) reads."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from ai.coach.engine import CoachEngine
from ai.coach.types import AdviceReady, ChatLine, CoachRequest, CoachResult, PartnerProfile, Sender, UserProfile
from tests.support.coach_eval import Case

SEOUL = ZoneInfo("Asia/Seoul")


def request_for(case: Case) -> CoachRequest:
    messages = case.messages()
    lines = tuple(
        ChatLine(sender=Sender(line.sender), text=line.text, sent_at=line.sent_at.replace(tzinfo=SEOUL))
        for line in messages.lines
    )
    burst = lines[messages.analysed_start:]
    partner = case.partner
    return CoachRequest(
        message="\n".join(line.text for line in burst),
        message_sent_at=burst[-1].sent_at,
        situation=case.me.situation,
        partner=PartnerProfile(
            name=partner.name,
            relationship=case.stage,
            age=partner.age,
            description=partner.description,
            interests=tuple(partner.interests),
        ),
        recent_messages=lines,
        me=UserProfile(nickname=case.me.nickname, age=case.me.age),
        burst=burst,
    )


def outcome_of(result: CoachResult) -> dict:
    advice = result.advice
    return {
        "signals": [signal.value for signal in advice.signals],
        "timing": advice.timing.value,
        "advice": {"summary": advice.summary, "recommendation": advice.recommendation, "cautions": list(advice.cautions)},
        "replies": [{"risk": r.risk.value, "text": r.text, "explanation": r.explanation} for r in result.replies],
    }


async def run_case(engine: CoachEngine, case: Case) -> tuple[CoachResult, bool]:
    """The engine's result for the case, and whether its advice came before any reply text."""
    result: CoachResult | None = None
    advice_first = None
    async for event in engine.generate(request_for(case)):
        if advice_first is None and not isinstance(event, CoachResult):
            advice_first = isinstance(event, AdviceReady)
        if isinstance(event, CoachResult):
            result = event
    assert result is not None
    return result, bool(advice_first)


def cases_in(directory: str, only: Sequence[str] = ()) -> list[Case]:
    from pathlib import Path

    from tests.support.coach_eval import load_cases

    cases = load_cases(Path(directory))
    return [case for case in cases if not only or case.id in only]
