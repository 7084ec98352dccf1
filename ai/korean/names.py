"""People's names as a chat uses them: the given name, and how to call someone by it."""

from __future__ import annotations

from ai.korean.particles import josa

_SURNAMES = set("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄변채원천방공현함염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용")


def given_name(name: str | None) -> str | None:
    """The part of a name one calls someone by: "김지민" -> "지민", "지민 ❤️" -> "지민"."""
    if not name:
        return None
    hangul = "".join(ch for ch in name if 0xAC00 <= ord(ch) <= 0xD7A3)
    if not 2 <= len(hangul) <= 4:
        return None
    if len(hangul) == 3 and hangul[0] in _SURNAMES:
        hangul = hangul[1:]
    return hangul


def vocative(name: str, *, polite: bool) -> str:
    """How a reply addresses someone: "지민 씨" (polite) / "지민아", "수지야" (casual)."""
    return f"{name} 씨" if polite else josa(name, "아")
