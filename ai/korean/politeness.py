"""존댓말 or 반말: which one a few messages use, by a majority of their sentence endings.

The local engine answers in the level the conversation uses. (Speech-style measurement decides a
person's register per message with `ai.korean.endings` instead: it needs three levels and
statistics over thousands of messages, not a quick vote over the last few.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ai.korean.morph import sentences

_POLITE_WORDS = re.compile(r"^(?:네|넵|넹|예|아니요|아뇨|감사합니다|죄송합니다)[\s!.~ㅎㅋ]*$")
_CASUAL_WORDS = re.compile(r"^(?:응|ㅇㅇ|어|엉|웅|ㅇㅋ|아니|ㄴㄴ|고마워|미안)[\s!.~ㅎㅋ]*$")


def detect_polite(texts: Iterable[str], *, min_sentences: int = 1) -> bool | None:
    """Majority speech level over sentence-final endings in ``texts``; None when nothing to go by.

    One-word answers (네, 응, ㅇㅇ) count as one sentence each; fewer than ``min_sentences``
    judged sentences decide nothing.
    """
    polite = casual = 0
    for text in texts:
        if not text or not text.strip():
            continue
        stripped = text.strip()
        if _POLITE_WORDS.match(stripped):
            polite += 1
            continue
        if _CASUAL_WORDS.match(stripped):
            casual += 1
            continue
        for s in sentences(stripped):
            if s.polite is True:
                polite += 1
            elif s.polite is False:
                casual += 1
    if polite == casual or polite + casual < min_sentences:
        return None
    return polite > casual
