"""Small Korean text helpers: particles that agree with the word before them, speech-level
markup for templates, and a name turned into a vocative."""

from __future__ import annotations

import re

_HANGUL_BASE = 0xAC00
_DIGIT_BATCHIM = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True, "8": True, "9": False}
_PARTICLES = {
    "을": ("을", "를"), "를": ("을", "를"), "이": ("이", "가"), "가": ("이", "가"), "은": ("은", "는"),
    "는": ("은", "는"), "과": ("과", "와"), "와": ("과", "와"), "이랑": ("이랑", "랑"), "랑": ("이랑", "랑"),
    "아": ("아", "야"), "야": ("아", "야"), "이에요": ("이에요", "예요"), "예요": ("이에요", "예요"),
    "이야": ("이야", "야"),
}


def _final(word: str) -> tuple[bool, bool]:
    """(has a final consonant, that consonant is ㄹ) for the last letter of ``word``."""
    for ch in reversed(word.strip()):
        code = ord(ch) - _HANGUL_BASE
        if 0 <= code < 11172:
            jong = code % 28
            return jong != 0, jong == 8
        if ch.isdigit():
            return _DIGIT_BATCHIM[ch], ch in "178"
        if ch.isalpha():
            return ch.lower() in "lmnr", ch.lower() in "lr"
    return False, False


def josa(word: str, particle: str) -> str:
    """``word`` with the particle form that fits it: josa("영화", "을") -> "영화를"."""
    batchim, rieul = _final(word)
    if particle in ("으로", "로"):
        return word + ("으로" if batchim and not rieul else "로")
    with_b, without_b = _PARTICLES[particle]
    return word + (with_b if batchim else without_b)


_CHOICE = re.compile(r"\{([^{}|]*)\|([^{}|]*)(?:\|([^{}|]*))?\}")
_SLOT = re.compile(r"<(\w+)(?::(\w+))?>")


def render(template: str, *, polite: bool, honorific: bool = False, slots: dict[str, str] | None = None) -> str:
    """Fill a template.

    ``{해요체|반말}`` or ``{해요체|반말|높임}`` picks the speech level (the third, when given, is
    used for polite speech with -시- honorifics, e.g. to a blind date). ``<name>`` inserts a
    slot; ``<name:을>`` adds the particle that agrees with the slot's value.
    """

    def choose(m: re.Match[str]) -> str:
        if not polite:
            return m.group(2)
        if honorific and m.group(3) is not None:
            return m.group(3)
        return m.group(1)

    text = _CHOICE.sub(choose, template)
    values = slots or {}

    def fill(m: re.Match[str]) -> str:
        value = values.get(m.group(1), "")
        return josa(value, m.group(2)) if m.group(2) and value else value

    text = _SLOT.sub(fill, text)
    return re.sub(r"\s{2,}", " ", text).strip()


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
