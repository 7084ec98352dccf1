"""Who is who: the user (ME), the person they are coaching about (PARTNER), everyone else."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from kakao.errors import AmbiguousParticipantsError
from kakao.model import ExportHeader

# How exports name the user themself: Korean mobile exports write the user's own messages as
# 회원님; the English Android export writes them as "you".
SELF_ALIASES = ("회원님", "you")


class Role(StrEnum):
    ME = "ME"
    PARTNER = "PARTNER"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class RoleMap:
    """Sender names as the export writes them. A name that is neither is ``OTHER``."""

    me: str | None
    partner: str | None

    def role_of(self, sender_name: str) -> Role:
        if sender_name == self.me:
            return Role.ME
        if sender_name == self.partner:
            return Role.PARTNER
        return Role.OTHER


def resolve_roles(
    header: ExportHeader,
    participants: Iterable[str],
    my_name: str | None,
    partner_name: str | None = None,
    *,
    known_partner: str | None = None,
) -> RoleMap:
    """Map sender names to ME / PARTNER / OTHER.

    The user: ``my_name`` when given (a ``회원님`` in the export stands for it if ``my_name``
    itself never speaks); otherwise ``회원님``/``you``; otherwise, in a chat of two, whoever
    is not the partner. The partner: ``partner_name`` when given and present, else the name in
    the header (``지민 님과 카카오톡 대화``) when it is a sender, else, in a chat of two,
    ``known_partner`` (the name the user gave the partner in Love Q) when it is a sender, else
    the only sender besides the user. Everyone else is OTHER.

    Raises :class:`~kakao.errors.AmbiguousParticipantsError` (``missing="my_name"``) when the
    user cannot be told apart, or a given ``my_name`` is not in the export; and
    (``missing="partner_name"``) when several people could be the partner.
    """
    names = tuple(dict.fromkeys(participants))
    if not names:  # no messages: nothing to tell apart
        return RoleMap(
            me=(my_name or "").strip() or None,
            partner=(partner_name or "").strip() or header.partner_name,
        )
    me = _named_me(names, my_name)
    # The name the user gave the partner decides only a chat of two: in a group, a namesake
    # of the partner may well be someone else.
    hints = (partner_name, header.partner_name, known_partner if len(names) == 2 else None)
    partner = next(
        (
            candidate.strip()
            for candidate in hints
            if candidate and candidate.strip() in names and candidate.strip() != me
        ),
        None,
    )
    others = [name for name in names if name not in (me, partner)]
    if me is None:
        if partner is not None and len(others) == 1:
            me = others.pop()
        elif partner is None or others:  # with only the partner speaking, nothing to assign
            raise AmbiguousParticipantsError(
                "Which of these people is you cannot be told from the chat. "
                f"Names in the chat: {', '.join(names) or '(none)'}.",
                names=names,
                missing="my_name",
            )
    if partner is None and others:
        if len(others) > 1:
            raise AmbiguousParticipantsError(
                "This is a group chat and which person is your partner cannot be told from it. "
                f"Names in the chat: {', '.join(names)}.",
                names=names,
                missing="partner_name",
            )
        partner = others.pop()
    return RoleMap(me=me, partner=partner)


def _named_me(names: tuple[str, ...], my_name: str | None) -> str | None:
    """The user as the export names them, when it can be told from their name or an alias."""
    alias = next((alias for alias in SELF_ALIASES if alias in names), None)
    if my_name is None or not my_name.strip():
        return alias
    wanted = my_name.strip()
    if wanted in names:
        return wanted
    if alias is None:
        raise AmbiguousParticipantsError(
            f"The name {wanted!r} does not appear in this chat. Names in the chat: {', '.join(names)}.",
            names=names,
            missing="my_name",
        )
    return alias
