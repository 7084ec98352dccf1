"""What the consumer has received per option, so that a repair never sends text twice.

Per option, repair text is held back while it repeats what was streamed, and only what goes
beyond it is released (an option the first answer never reached streams in full). If the
repair rewrites an option that had already been streamed, that option's stream stops where it
was; the final `CoachResult`, which is always authoritative, carries the corrected text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ai.coach.types import RISK_ORDER, ReplyDelta, RiskLevel


@dataclass
class ReplyGate:
    shown: dict[RiskLevel, str] = field(default_factory=lambda: {r: "" for r in RISK_ORDER})
    produced: dict[RiskLevel, str] = field(default_factory=lambda: {r: "" for r in RISK_ORDER})
    diverged: set[RiskLevel] = field(default_factory=set)

    @property
    def any_shown(self) -> bool:
        return any(self.shown.values())

    def next_attempt(self) -> None:
        self.produced = {r: "" for r in RISK_ORDER}
        self.diverged = set()

    def admit(self, delta: ReplyDelta) -> ReplyDelta | None:
        risk = delta.risk
        produced = self.produced[risk] = self.produced[risk] + delta.text
        if risk in self.diverged:
            return None
        shown = self.shown[risk]
        if len(produced) <= len(shown):
            if not shown.startswith(produced):
                self.diverged.add(risk)
            return None
        if not produced.startswith(shown):
            self.diverged.add(risk)
            return None
        self.shown[risk] = produced
        return ReplyDelta(risk, produced[len(shown) :])
