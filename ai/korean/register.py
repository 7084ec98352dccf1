"""Moving a short chat sentence between 존댓말 (해요체) and 반말 (해체): the sentence ending and
the first-person words. Meant for the user's own sentences ("금요일 저녁 비어 있어요"), which the
coach reuses in a reply whose register is the one the user speaks with this partner.

Only the common endings of chat are handled; a sentence with an ending it does not know is
left as it is (the caller checks the result's register when it matters).
"""

from __future__ import annotations

import re

_TAIL = r"(?P<tail>[\s.!?~…ㅋㅎㅠㅜ^;:)(\u2600-\u27BF\U0001F300-\U0001FAFF]*)$"

# 해요체 -> 해체, tried in order on the sentence's end.
_TO_CASUAL: tuple[tuple[str, str], ...] = (
    (r"아니에요", "아니야"),
    (r"(?:입니다|이에요|이예요)", "이야"),
    (r"예요", "야"),
    (r"습니다", "어"),
    (r"ㅂ니다", "어"),
    (r"니다", "다"),
    (r"(?:지요|죠)", "지"),
    (r"군요", "구나"),
    # -세요 has no single 반말: the common stems by hand, then the regular -어.
    (r"모르세요", "몰라"), (r"하세요", "해"), (r"오세요", "와"), (r"주세요", "줘"), (r"보세요", "봐"), (r"가세요", "가"),
    (r"(?<=[가-힣])세요", "어"),
    (r"(?<=[가-힣])요", ""),
)
# "부모님이 아직 모르세요": the honorific is for a third person and stays ("모르셔").
_HONOURED_SUBJECT = re.compile(r"(?:님이|님은|님도|께서)\s")
# 해체 -> 해요체.
_TO_POLITE: tuple[tuple[str, str], ...] = (
    (r"(?<=[가-힣])(?:이야|이다)", "이에요"),
    (r"(?<=거)야", "예요"),
    (r"(?<=[가-힣])지", "죠"),
    (r"구나", "군요"),
    (r"(?<=중)", "이에요"),
    (r"(?<=[아어해돼봐줘와워왜있없았었겠싶같네게래걸데까나는])", "요"),
)
_CASUAL_WORDS = ((r"(?<![가-힣])저는", "나는"), (r"(?<![가-힣])저도", "나도"), (r"(?<![가-힣])제가", "내가"),
                 (r"(?<![가-힣])저희", "우리"), (r"(?<![가-힣])저(?=\s)", "나"), (r"(?<![가-힣])제(?=\s)", "내"),
                 (r"^(?:아니요|아뇨)", "아니"), (r"^네(?=[\s,!.])", "응"), (r"^맞아요(?=[\s,!.])", "맞아"),
                 (r"^좋아요(?=[\s,!.])", "좋아"), (r"^괜찮아요(?=[\s,!.])", "괜찮아"))
_POLITE_WORDS = ((r"(?<![가-힣])나는", "저는"), (r"(?<![가-힣])나도", "저도"), (r"(?<![가-힣])내가", "제가"),
                 (r"(?<![가-힣])난(?=\s)", "전"), (r"(?<![가-힣])나(?=\s)", "저"), (r"(?<![가-힣])내(?=\s)", "제"),
                 (r"^아니(?=[\s,!.])", "아니요"), (r"^응(?=[\s,!.])", "네"))


def to_register(sentence: str, *, polite: bool) -> str:
    """`sentence` in 존댓말 (`polite`) or 반말, as far as its ending is a common one."""
    words, endings = (_POLITE_WORDS, _TO_POLITE) if polite else (_CASUAL_WORDS, _TO_CASUAL)
    text = sentence.strip()
    if not polite and _HONOURED_SUBJECT.search(text):
        text = re.sub(r"세요(?=[\s.!?~ㅋㅎㅠ]*$)", "셔", text)
    for pattern, replacement in words:
        text = re.sub(pattern, replacement, text)
    return _ending(text, endings, polite=polite)


def _ending(text: str, rules: tuple[tuple[str, str], ...], *, polite: bool) -> str:
    match = re.search(_TAIL, text)
    tail = match.group("tail") if match else ""
    body = text[: len(text) - len(tail)] if tail else text
    if polite and re.search(r"(?:요|니다|니까|죠)$", body):
        return text
    if not polite and not re.search(r"(?:요|니다|죠|세요)$", body):
        return text
    for pattern, replacement in rules:
        changed, count = re.subn(pattern + r"$", replacement, body)
        if count:
            return changed + tail
    return text


def is_polite(sentence: str) -> bool | None:
    """True for a 존댓말 ending, False for a 반말 one, None when the ending does not say."""
    body = re.sub(_TAIL, "", sentence.strip())
    if re.search(r"(?:요|니다|니까|죠|세요)$", body):
        return True
    if re.search(r"(?:[아어해돼봐줘와워있없았었겠싶같네게래걸데까지야자]|구나|거든|는데|ㄹ게|을게|할게)$", body):
        return False
    return None
