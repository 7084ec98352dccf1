"""Particles (조사) that agree with the word before them: 영화를, 커피를, 지민이랑, 수지랑."""

from __future__ import annotations

_HANGUL_BASE = 0xAC00
_DIGIT_BATCHIM = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True, "8": True, "9": False}
_PARTICLES = {
    "을": ("을", "를"), "를": ("을", "를"), "이": ("이", "가"), "가": ("이", "가"), "은": ("은", "는"),
    "는": ("은", "는"), "과": ("과", "와"), "와": ("과", "와"), "이랑": ("이랑", "랑"), "랑": ("이랑", "랑"),
    "아": ("아", "야"), "야": ("아", "야"), "이에요": ("이에요", "예요"), "예요": ("이에요", "예요"),
    "이야": ("이야", "야"), "이지": ("이지", "지"), "이죠": ("이죠", "죠"),
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
