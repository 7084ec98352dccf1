"""Speech level and questions from the sentence-final morphemes of one sentence.

Works on Kiwi tokens produced with ``compatible_jamo=True`` (so endings read "ㅂ니다", not
"ᆸ니다"). The rules, in order, for the last token that is not punctuation, a symbol, an emoji,
a Latin/number run, a decorative coda (용 → 요 + ㅇ) or an interjection:

- EF (final ending): 합쇼체 when it ends in -습니다/-ㅂ니다/-습니까/-ㅂ니까/-읍시다/-ㅂ시다/-십시오;
  해요체 when it ends in 요, its chat spelling 여 (좋아여, 하세여) or 죠 (= 지요); 반말 otherwise
  (-어/-아/-야/-지/-냐/-니/-거든/-자/-네/-다/-구나/-ㅁ …).
- the particle 요 (JX "요"/"이요": 했는데요, 저도요, 밥이요): 해요체.
- EC (a connective left hanging: 갔는데, 괜찮니 as Kiwi tags it): 반말; the polite form adds 요.
- a bound noun after a modifier (갈 거, 가는 중, 할 듯), and -ㄹ게 when Kiwi splits it into
  ㄹ+것+이 (먹을게): 반말.
- anything else (a bare noun, adverb, 진짜?): undetermined.

A sentence asks when it has a "?", or ends in an interrogative ending (-까, -냐, -니, -나요,
-ㄴ가 …) not followed by "." or "!". -어/-아/-지 are statements or questions depending on
intonation, so without "?" they do not count.

A sentence with no such token is classified by its interjections (네, 넵 → 해요체; 응, 그래 → 반말).
Short replies Kiwi tags as nouns (넹, 넵, 웅, ㅇㅇ) are caught by `reply_word_register` on the
whole message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple


class Register(Enum):
    FORMAL = "합쇼체"
    POLITE = "해요체"
    CASUAL = "반말"


class Morpheme(NamedTuple):
    form: str
    tag: str


class Ending(NamedTuple):
    register: Register | None
    label: str | None  # the ending for people, e.g. "어요", "습니다", "요", "는데"; None for 네/응
    is_question: bool


# Tags that may follow the predicate without changing the speech level.
_TRAILING_TAGS = frozenset(
    "SF SP SS SSO SSC SE SO SW SH SL SN SB W_EMOJI W_URL W_EMAIL W_HASHTAG W_MENTION W_SERIAL"
    " Z_CODA Z_SIOT UN IC".split()
)

_FORMAL_SUFFIXES = ("ㅂ니다", "습니다", "ㅂ니까", "습니까", "ㅂ시다", "읍시다", "십시오")
_POLITE_SUFFIXES = ("요", "여", "죠")
# Endings that ask on their own. -어/-아/-지 ask only with "?", so they are not listed.
_QUESTION_SUFFIXES = ("까", "까요", "냐", "니", "나요", "가요", "는가", "ㄴ가")
_BOUND_NOUNS = frozenset({"거", "것", "듯", "중"})

_REPLY_WORDS: dict[str, Register] = {
    **dict.fromkeys("네 넵 넹 예 네네 넵넵 넹넹 아니요 아뇨 그쵸".split(), Register.POLITE),
    **dict.fromkeys(
        "응 웅 엉 어 응응 웅웅 ㅇㅇ ㅇㅋ 오키 콜 아니 그래 그럼".split(), Register.CASUAL
    ),
}
_NOT_WORD = re.compile(r"[^가-힣ㄱ-ㅣ]+")

# Allomorphs shown under one label.
_LABELS = {"ㅂ니다": "습니다", "ㅂ니까": "습니까", "으세요": "세요"}


def reply_word_register(text: str) -> tuple[Register, str] | None:
    """The register of a message that is only a reply word (넵ㅎㅎ, 응응!, ㅇㅋ), if it is one."""
    core = _NOT_WORD.sub("", text)
    for candidate in (core, core.rstrip("ㅋㅎㅠㅜ")):
        register = _REPLY_WORDS.get(candidate)
        if register is not None:
            return register, candidate
    return None


def sentence_ending(morphemes: Sequence[Morpheme]) -> Ending:
    """Classify one sentence by its final morphemes (see the module docstring)."""
    asks = any(m.tag == "SF" and ("?" in m.form or "\uff1f" in m.form) for m in morphemes)
    index = _last_content_index(morphemes)
    if index is None:
        for m in reversed(morphemes):
            if m.tag == "IC" and m.form in _REPLY_WORDS:
                return Ending(_REPLY_WORDS[m.form], None, asks)
        return Ending(None, None, asks)

    form, tag = morphemes[index]
    # The writer's own "." or "!" after an interrogative ending (안녕하십니까.) means no question.
    unpunctuated = not any(m.tag == "SF" for m in morphemes[index + 1 :])
    if tag == "EF":
        asks = asks or (unpunctuated and form.endswith(_QUESTION_SUFFIXES))
        return Ending(_ef_register(form), _LABELS.get(form, form), asks)
    if form in ("요", "이요"):
        return Ending(Register.POLITE, "요", asks)
    if tag == "EC":
        return Ending(Register.CASUAL, form, asks or (unpunctuated and form == "니"))
    before = morphemes[index - 1] if index >= 1 else None
    if tag == "NNB" and form in _BOUND_NOUNS and before is not None and before.tag == "ETM":
        return Ending(Register.CASUAL, form, asks)
    if (
        tag == "JKS"
        and form == "이"
        and index >= 2
        and before is not None
        and before.form == "것"
        and morphemes[index - 2].tag == "ETM"
    ):
        return Ending(Register.CASUAL, "ㄹ게", asks)
    return Ending(None, None, asks)


def _last_content_index(morphemes: Sequence[Morpheme]) -> int | None:
    for index in range(len(morphemes) - 1, -1, -1):
        if morphemes[index].tag not in _TRAILING_TAGS:
            return index
    return None


def _ef_register(form: str) -> Register:
    if form.endswith(_FORMAL_SUFFIXES):
        return Register.FORMAL
    if form.endswith(_POLITE_SUFFIXES):
        return Register.POLITE
    return Register.CASUAL
