"""What a reading holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ai.coach.types import ReplyTiming, Signal, Stage


@dataclass(frozen=True, slots=True)
class Facts:
    """What the conversation around the message shows, beyond its words."""

    unanswered: int = 0  # the user's messages right before the partner's, with no answer between
    waited_hours: float | None = None  # from the user's first unanswered message to the partner's
    user_invited: bool = False  # the user's last messages proposed to meet / asked them out
    user_confessed: bool = False  # the user's last messages said they like the partner
    user_apologized: bool = False
    user_last_text: str | None = None  # the user's last message before the partner's
    local_time: datetime | None = None  # when the partner's message was sent, in the user's zone
    history_lines: int = 0
    partner_earlier: str = ""  # the partner's recent messages before this one (what a fight may be about)


@dataclass(frozen=True, slots=True)
class Wish:
    """What the user said they want, from `situation`."""

    question: str | None = None  # the user's own question, to answer in the advice
    confess: bool = False
    meet: bool = False
    apologize: bool = False
    move_on: bool = False  # they want distance (an ex, a no they accept)
    unsure: bool = False  # they do not know their own feelings yet
    ask_again: bool = False  # they were turned down before and wonder whether to ask again
    when_to_reply: bool = False  # they ask whether to answer now
    propose: bool = False  # they ask whether they may ask the partner out / suggest something
    is_it_a_no: bool = False  # they ask whether the partner is turning them down
    call: bool = False  # they ask whether to take or make a call
    decline: bool = False  # they want to say no to what is proposed
    text: str = ""  # the situation as the user wrote it


@dataclass(frozen=True, slots=True)
class Reading:
    signals: tuple[Signal, ...]  # strongest first
    evidence: dict[Signal, tuple[str, ...]]  # the words or facts behind each signal
    timing: ReplyTiming
    polite: bool  # the register the user's replies take (존댓말 when True)
    stage: Stage
    message: str  # the partner's message (the burst, joined)
    facts: Facts = field(default_factory=Facts)
    wish: Wish = field(default_factory=Wish)
    partner_name: str | None = None
    notes: tuple[str, ...] = ()  # short Korean notes on the reading, for prompts and advice

    def has(self, *signals: Signal) -> bool:
        return any(signal in self.signals for signal in signals)

    @property
    def crisis(self) -> bool:
        return Signal.CRISIS in self.signals

    @property
    def hurting(self) -> bool:
        """Someone is in pain here: no laughter, no playful emoji, no new asks."""
        return self.has(Signal.CRISIS, Signal.DISTRESS, Signal.GRIEF, Signal.MASKED_PAIN)

    @property
    def closed_door(self) -> bool:
        """The partner said no, or the air is bad: replies stay gentle and ask for nothing."""
        return self.hurting or self.has(Signal.DECLINE, Signal.CONFLICT)
