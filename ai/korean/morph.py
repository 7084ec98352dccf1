"""The shared Kiwi analyser and per-text morphological features.

Kiwi takes a second or more to load its model, so one instance is built lazily on first use
(under a lock, so concurrent first callers build it once) and reused for the life of the
process. The model comes from the installed ``kiwipiepy_model`` package; nothing is downloaded.

Batch analysis uses Kiwi's own worker threads. Whether one instance may be driven from several
Python threads at once is not something we rely on: analysis calls are serialised by a second
lock. Analysis holds the GIL and blocks; async callers should run it off the event loop.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from ai.korean.endings import Ending, Morpheme, Register, reply_word_register, sentence_ending

if TYPE_CHECKING:
    from kiwipiepy import Kiwi, Token  # type: ignore[import-untyped]

# Formality and questions are read from the end of a message; a long message is cut to its
# last this-many characters (at a space) so one pasted essay cannot dominate the cost.
MAX_ANALYSED_CHARS = 200
_MAX_WORKERS = 4

_load_lock = threading.Lock()
# Every caller analyses under this one lock: the shared Kiwi is not used from two threads at once.
ANALYSE_LOCK = threading.Lock()
_kiwi: Kiwi | None = None


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


def get_kiwi() -> Kiwi:
    """The process-wide Kiwi instance, loaded on first call."""
    global _kiwi
    kiwi = _kiwi
    if kiwi is None:
        with _load_lock:
            if _kiwi is None:
                _kiwi = _load()
            kiwi = _kiwi
    return kiwi


def _load() -> Kiwi:
    from kiwipiepy import Kiwi

    workers = max(1, min(_MAX_WORKERS, os.cpu_count() or 1))
    kiwi = Kiwi(num_workers=workers)
    kiwi.tokenize("")  # Kiwi finishes initialising on its first analysis; pay for it here.
    return kiwi


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
    kiwi = get_kiwi()
    with ANALYSE_LOCK:
        analysed = list(kiwi.tokenize([tails[i] for i in todo], compatible_jamo=True))
    for i, tokens in zip(todo, analysed, strict=True):
        results[i] = _features(tails[i], tokens)
    return results


def _tail(text: str) -> str:
    if len(text) <= MAX_ANALYSED_CHARS:
        return text
    tail = text[-MAX_ANALYSED_CHARS:]
    space = tail.find(" ")
    return tail[space + 1 :] if 0 <= space < len(tail) - 1 else tail


def _features(text: str, tokens: list[Token]) -> MorphFeatures:
    sentences = [
        [Morpheme(t.form, t.tag) for t in group]
        for _, group in groupby(tokens, key=lambda t: t.sent_position)
    ]
    endings = [sentence_ending(s) for s in sentences]
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
