"""Morphology on Kiwi's analysis: what the coach and the speech-style measurement read in a text.

Two readings for two jobs, both analysed on the Kiwi thread (`ai.korean.kiwi`):

- `analyse` gives the morphemes of one message (tags normalised, spans kept, cached), with
  `lemmas` (dictionary forms: 피곤 + 하 → 피곤하다) and `sentences` (clauses split at
  sentence-final endings, each marked question and polite). The emotion lexicon and the local
  engine read these.
- `morph_features` / `morph_features_many` give each message's speech level, deciding ending,
  question and interjections. They analyse with ``compatible_jamo=True`` (endings read "ㅂ니다",
  the form `ai.korean.endings` classifies) and only a message's last `MAX_ANALYSED_CHARS`
  characters. Speech-style measurement reads these, many messages in one batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import TYPE_CHECKING

from ai.korean.endings import Ending, Morpheme, Register, reply_word_register, sentence_ending
from ai.korean.kiwi import get_kiwi, on_kiwi_thread

if TYPE_CHECKING:
    from kiwipiepy import Token  # type: ignore[import-untyped]

# Formality and questions are read from the end of a message; a long message is cut to its
# last this-many characters (at a space) so one pasted essay cannot dominate the cost.
MAX_ANALYSED_CHARS = 200


# --- morphemes, lemmas and clauses of one message ---------------------------------------------


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
    tokens = on_kiwi_thread(_tokenize, text)
    out = []
    for token in tokens:
        tag = str(token.tag).split("-")[0]
        out.append(Morph(token.form, tag, token.start, token.start + token.len))
    return tuple(out)


def _tokenize(text: str) -> list[Token]:
    return get_kiwi().tokenize(text)


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


# --- speech level, ending and interjections of many messages ----------------------------------


@dataclass(frozen=True)
class MorphFeatures:
    """What the analyser says about one message.

    ``register`` and ``ending`` come from the last sentence whose speech level can be decided
    (a trailing "ㅋㅋㅋ" sentence is skipped); a message that is only a reply word (넵ㅎㅎ, 응)
    takes that word's register and has no ending. ``is_question`` is true when any analysed
    sentence ends in "?" or an interrogative ending (-니, -냐, -까, -나요 …).
    ``interjections`` are the IC morphemes (헐, 와, 아, 네 …) in order, plus the reply word.
    """

    register: Register | None
    ending: str | None
    is_question: bool
    interjections: tuple[str, ...]


_EMPTY = MorphFeatures(None, None, False, ())


def morph_features(text: str) -> MorphFeatures:
    """Features of one message (see `MorphFeatures`)."""
    return morph_features_many([text])[0]


def morph_features_many(texts: Sequence[str]) -> list[MorphFeatures]:
    """Features of many messages, in order, analysed as one batch."""
    tails = [_tail(text.strip()) for text in texts]
    todo = [i for i, tail in enumerate(tails) if tail]
    results = [_EMPTY] * len(tails)
    if not todo:
        return results
    analysed = on_kiwi_thread(_tokenize_batch, [tails[i] for i in todo])
    for i, tokens in zip(todo, analysed, strict=True):
        results[i] = _features(tails[i], tokens)
    return results


def _tokenize_batch(texts: list[str]) -> list[list[Token]]:
    return list(get_kiwi().tokenize(texts, compatible_jamo=True))


def _tail(text: str) -> str:
    if len(text) <= MAX_ANALYSED_CHARS:
        return text
    tail = text[-MAX_ANALYSED_CHARS:]
    space = tail.find(" ")
    return tail[space + 1 :] if 0 <= space < len(tail) - 1 else tail


def _features(text: str, tokens: list[Token]) -> MorphFeatures:
    grouped = [
        [Morpheme(t.form, t.tag) for t in group]
        for _, group in groupby(tokens, key=lambda t: t.sent_position)
    ]
    endings = [sentence_ending(s) for s in grouped]
    interjections = tuple(t.form for t in tokens if t.tag == "IC")
    is_question = any(e.is_question for e in endings)

    reply = reply_word_register(text)
    if reply is not None:
        register, word = reply
        if word not in interjections:
            interjections += (word,)
        return MorphFeatures(register, None, is_question, interjections)
    decided: Ending | None = next((e for e in reversed(endings) if e.register), None)
    if decided is None:
        return MorphFeatures(None, None, is_question, interjections)
    return MorphFeatures(decided.register, decided.label, is_question, interjections)
