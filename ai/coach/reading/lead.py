"""Which of the reading's signals a reply and the advice speak to first."""

from __future__ import annotations

from ai.coach.reading import pain
from ai.coach.reading.model import Reading
from ai.coach.types import Signal


# What the advice speaks to first: close to the reading's order, but a fight outranks the
# tiredness it causes, and a joke or an invitation outranks the question that carries it.
_LEAD_ORDER = (
    Signal.CRISIS, Signal.GRIEF, Signal.CONFLICT, Signal.DISTRESS, Signal.MASKED_PAIN, Signal.DECLINE,
    Signal.EX_CONTACT, Signal.RELATIONSHIP_TALK, Signal.INVITATION, Signal.AFFECTION, Signal.GOOD_NEWS,
    Signal.APOLOGY, Signal.THANKS, Signal.JOKING, Signal.READ_NO_REPLY, Signal.DRY_REPLY, Signal.QUESTION,
    Signal.LATE_NIGHT, Signal.SMALL_TALK,
)


def lead_signal(reading: Reading) -> Signal:
    for signal in _LEAD_ORDER:
        if signal in reading.signals:
            if signal is Signal.CONFLICT and pain.strong_distress(reading.message):
                continue  # real pain beside the fight comes first
            if signal is Signal.READ_NO_REPLY and Signal.DRY_REPLY not in reading.signals and len(reading.signals) > 1:
                continue  # they answered with something: answer that, without reproach
            return signal
    return Signal.SMALL_TALK
