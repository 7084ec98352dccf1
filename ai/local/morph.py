"""Morphological analysis for the local engine.

Tokens come from kiwipiepy through the process-wide analyser of ``ai.korean`` (the speech-style
package), so the process loads one model, and analysis is serialised with that package's lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ai.korean.morph import ANALYSE_LOCK, get_kiwi


@dataclass(frozen=True, slots=True)
class Morph:
    form: str
    tag: str  # normalised: irregular markers such as "-I" / "-R" dropped ("VA-I" -> "VA")
    start: int
    end: int

    @property
    def is_predicate(self) -> bool:
        return self.tag in ("VV", "VA", "VX", "VCP", "VCN")

    @property
    def is_noun(self) -> bool:
        return self.tag in ("NNG", "NNP")


@lru_cache(maxsize=256)
def analyse(text: str) -> tuple[Morph, ...]:
    """Morphemes of ``text`` (best analysis), cached: replies re-read the same messages."""
    if not text.strip():
        return ()
    kiwi = get_kiwi()
    with ANALYSE_LOCK:
        tokens = kiwi.tokenize(text)
    out = []
    for token in tokens:
        tag = str(token.tag).split("-")[0]
        out.append(Morph(token.form, tag, token.start, token.start + token.len))
    return tuple(out)


def lemma(morph: Morph) -> str:
    """Dictionary form of a predicate stem (피곤 + 하 handled by :func:`lemmas`)."""
    return morph.form + "다" if morph.is_predicate else morph.form


def lemmas(morphs: tuple[Morph, ...]) -> list[tuple[str, int, int]]:
    """Content lemmas with their spans, joining noun/root + 하다/되다/나다/스럽다 into one.

    ``피곤(NNG) 하(XSA)`` -> ``피곤하다``; ``걱정(NNG) 되(XSV)`` -> ``걱정되다``; ``짜증(NNG)
    나(VV)`` stays ``짜증`` + ``나다`` (both are useful), ``재미없(VA)`` -> ``재미없다``.
    Endings and particles are dropped.
    """
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(morphs):
        m = morphs[i]
        nxt = morphs[i + 1] if i + 1 < len(morphs) else None
        if m.tag in ("NNG", "NNP", "XR", "MAG") and nxt is not None and nxt.tag in ("XSA", "XSV"):
            out.append((m.form + nxt.form + "다", m.start, nxt.end))
            i += 2
            continue
        if m.is_predicate or m.tag in ("NNG", "NNP", "XR", "MAG", "NP", "IC", "NNB"):
            out.append((lemma(m), m.start, m.end))
        i += 1
    return out


_QUESTION_ENDINGS = ("니", "냐", "나요", "까", "까요", "는지", "는지요", "던가", "습니까", "ᆸ니까", "가요", "ᆫ가")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    question: bool
    polite: bool | None  # None: no sentence-final ending to judge by


def sentences(text: str, morphs: tuple[Morph, ...] | None = None) -> list[Sentence]:
    """Clauses split at sentence-final endings / punctuation, each marked question and polite.

    Chat messages rarely punctuate, so a sentence-final ending (EF) closes a clause too.
    """
    morphs = analyse(text) if morphs is None else morphs
    out: list[Sentence] = []
    start = 0
    ending: Morph | None = None
    polite_tail = False
    for m in morphs:
        if m.tag == "EF" and m.form.endswith("데"):
            continue  # 출출한데 / 좋은데: a connective ending in chat, not the end of the sentence
        if m.tag == "EF":
            ending = m
            polite_tail = False
            continue
        if m.tag == "JX" and m.form == "요":
            polite_tail = True  # 피곤해서요, 저도요
            if ending is None:
                ending = m
            continue
        if m.tag == "SF" or (ending is not None and m.tag not in ("SF", "SW", "SE", "SO", "SS")):
            is_q = "?" in m.form if m.tag == "SF" else False
            end = m.end if m.tag == "SF" else m.start
            out.append(_sentence(text, start, end, ending, is_q, polite_tail))
            start = end
            ending, polite_tail = None, False
    if start < len(text) and text[start:].strip():
        out.append(_sentence(text, start, len(text), ending, "?" in text[start:], polite_tail))
    return out


def _sentence(text: str, start: int, end: int, ending: Morph | None, is_q: bool, polite_tail: bool) -> Sentence:
    question = is_q or (ending is not None and ending.form.endswith(_QUESTION_ENDINGS))
    polite: bool | None = None
    if ending is not None:
        form = ending.form
        polite = polite_tail or form.endswith(("요", "니다", "니까", "죠", "세요")) or form in ("요",)
    return Sentence(start, end, question, polite)
