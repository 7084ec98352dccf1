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
) -> RoleMap:
    """Map sender names to ME / PARTNER / OTHER.

    The user: ``my_name`` when given (a ``회원님`` in the export stands for it if ``my_name``
    itself never speaks); otherwise ``회원님``/``you``; otherwise, in a chat of two, whoever
    is not the partner. The partner: ``partner_name`` when given and present, else the name in
    the header (``지민 님과 카카오톡 대화``) when it is a sender, else the only sender besides
    the user. Everyone else is OTHER.

    Raises :class:`~kakao.errors.AmbiguousParticipantsError` (``missing="my_name"``) when the
    user cannot be told apart, or a given ``my_name`` is not in the export; and
    (``missing="partner_name"``) when several people could be the partner.
    """
    names = tuple(dict.fromkeys(participants))
    present = set(names)
    if not names:  # no messages: nothing to tell apart
        return RoleMap(
            me=(my_name or "").strip() or None,
            partner=(partner_name or "").strip() or header.partner_name,
        )

    me: str | None = None
    if my_name is not None and my_name.strip():
        wanted = my_name.strip()
        if wanted in present:
            me = wanted
        else:
            me = next((alias for alias in SELF_ALIASES if alias in present), None)
            if me is None:
                raise AmbiguousParticipantsError(
                    f"The name {wanted!r} does not appear in this chat. "
                    f"Names in the chat: {', '.join(names)}.",
                    names=names,
                    missing="my_name",
                )
    else:
        me = next((alias for alias in SELF_ALIASES if alias in present), None)

    partner: str | None = None
    for candidate in (partner_name, header.partner_name):
        if candidate and candidate.strip() in present and candidate.strip() != me:
            partner = candidate.strip()
            break

    others = [name for name in names if name not in (me, partner)]
    if me is None:
        if partner is not None and len(others) == 1:
            me = others.pop()
        elif partner is not None and not others:
            pass  # only the partner speaks: nothing to assign
        else:
            raise AmbiguousParticipantsError(
                "Which of these people is you cannot be told from the chat. "
                f"Names in the chat: {', '.join(names) or '(none)'}.",
                names=names,
                missing="my_name",
            )
    if partner is None:
        if len(others) == 1:
            partner = others.pop()
        elif others:
            raise AmbiguousParticipantsError(
                "This is a group chat and which person is your partner cannot be told from it. "
                f"Names in the chat: {', '.join(names)}.",
                names=names,
                missing="partner_name",
            )
    return RoleMap(me=me, partner=partner)
