"""The local emotion analyser: our lexicon matched on lemmas from the morphological analyser.

`analyze_emotion` reads one message synchronously (Kiwi runs on its own thread, see
`ai.korean.kiwi`); `LocalEmotionAnalyzer` is the same reading behind the `EmotionAnalyzer`
interface, run on the Kiwi thread so the event loop keeps serving.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from ai.emotion import lexicon as lx
from ai.emotion.types import EmotionLabel, EmotionLabelScore, EmotionResult, Sentiment, SentimentScores
from ai.korean.kiwi import run_on_kiwi_thread
from ai.korean.morph import Morph, analyse, lemmas, sentences

_NEUTRAL_PRIOR = 0.45
_MAX_PHRASES = 5
_LIGHT_VERBS = frozenset(
    {"하다", "되다", "있다", "없다", "같다", "그렇다", "이렇다", "저렇다", "어떻다", "이다", "아니다",
     "오다", "가다", "주다", "받다", "나다", "보다", "싶다", "않다", "말다", "알다", "모르다", "자다"}
)
_STOP_NOUNS = frozenset(
    {"것", "거", "수", "때", "나", "너", "저", "제", "내", "우리", "저희", "뭐", "이거", "그거", "저거",
     "오늘", "지금", "진짜", "정말", "그냥", "완전", "개", "핵", "좀", "거기", "여기", "쪽", "번", "님", "씨"}
)
# Predicates that, asked about the listener, show care rather than the speaker's own state.
_CARE_LABELS = frozenset({EmotionLabel.TIRED, EmotionLabel.SADNESS, EmotionLabel.HURT, EmotionLabel.WORRY})


@dataclass(slots=True)
class _Hit:
    label: EmotionLabel
    weight: float


class LocalEmotionAnalyzer:
    """The lexicon, run on the Kiwi thread."""

    name = "lexicon"

    async def analyze(self, text: str) -> EmotionResult:
        return await run_on_kiwi_thread(analyze_emotion, text)

    async def warm_up(self) -> None:
        await warm_up_local_analysis()

    async def aclose(self) -> None:
        return None


async def warm_up_local_analysis() -> None:
    """Load Kiwi on the Kiwi thread (about two seconds, once per process)."""
    await run_on_kiwi_thread(analyze_emotion, "안녕하세요")


def analyze_emotion(text: str) -> EmotionResult:
    """Sentiment, domain emotions, intensity and key phrases of one chat message."""
    morphs = analyse(text)
    hits: list[_Hit] = []
    cues: list[str] = []
    question_spans = [(s.start, s.end) for s in sentences(text, morphs) if s.question]

    _lexicon_hits(morphs, question_spans, hits, cues)
    _surface_hits(text, hits, cues)
    _expressive_hits(text, hits, cues)
    _dry_reply(text, hits, cues)

    by_label: dict[EmotionLabel, float] = defaultdict(float)
    for hit in hits:
        if hit.weight > 0:
            by_label[hit.label] += hit.weight
    scores = _sentiment_scores(by_label)
    sentiment = _choose_sentiment(scores)
    total = sum(by_label.values())
    ranked = sorted(by_label.items(), key=lambda kv: (-kv[1], list(EmotionLabel).index(kv[0])))
    labels = tuple(
        EmotionLabelScore(label.value, label.korean, round(weight / total, 3))
        for label, weight in ranked[:3]
        if weight / total >= 0.1
    )
    return EmotionResult(
        sentiment=sentiment,
        scores=scores,
        labels=labels,
        intensity=_intensity(text, by_label),
        key_phrases=key_phrases(morphs),
        source="lexicon",
        cues=tuple(dict.fromkeys(cues)),
    )


def _lexicon_hits(
    morphs: tuple[Morph, ...], question_spans: list[tuple[int, int]], hits: list[_Hit], cues: list[str]
) -> None:
    lem = lemmas(morphs)
    words = [w for w, _, _ in lem]
    noun_at = {m.start for m in morphs if m.is_noun}
    used: set[int] = set()
    for i, word in enumerate(words):
        if i in used:
            continue
        for entry in lx.LEXICON.get(word, ()):
            end, inner_negation = _match(words, i, entry.lemmas)
            if end < 0:
                continue
            if entry.needs_person and i > 0 and lem[i - 1][1] in noun_at and words[i - 1] not in lx.PERSON_WORDS:
                break  # 영화 보고 싶다: wanting a thing, not missing a person
            used.update(range(i, end + 1))
            negated = inner_negation or _negated_before(words, i) or _negated_after(words, end)
            mult = _multiplier(words, i, end)
            phrase = " ".join(entry.lemmas)
            if negated:
                cues.append(f"부정: {_neg_phrase(words, i, end)}")
                if entry.negated is not None:
                    label, weight = entry.negated
                    hits.append(_Hit(label, weight * min(mult, 1.3)))
                break
            weight = entry.weight * mult
            label = entry.label
            start = lem[i][1]
            if any(a <= start < b for a, b in question_spans) and word not in ("미안하다", "고맙다", "감사하다"):
                # Asked about the listener (피곤해요?): care, or a softened feeling.
                if label in _CARE_LABELS:
                    label, weight = EmotionLabel.WORRY, weight * 0.6
                else:
                    weight *= 0.5
                cues.append(f"질문 속 표현: {phrase}")
            elif mult > 1.0:
                cues.append(f"강조: {_intensifier_word(words, i, end)} {phrase}")
            else:
                cues.append(f"어휘: {phrase}")
            hits.append(_Hit(label, weight))
            break


def _match(words: list[str], i: int, pattern: tuple[str, ...]) -> tuple[int, bool]:
    """Index of the last lemma matched (or -1) and whether a negator sat inside a phrase."""
    j, k, negation = i, 0, False
    while k < len(pattern):
        if j >= len(words):
            return -1, False
        if words[j] == pattern[k]:
            j, k = j + 1, k + 1
            continue
        if k > 0 and words[j] in lx.NEGATORS_BEFORE:
            negation, j = True, j + 1  # 기분 안 좋다
            continue
        return -1, False
    return j - 1, negation


def _negated_before(words: list[str], i: int) -> bool:
    for back in (1, 2):
        if i - back < 0:
            return False
        w = words[i - back]
        if w in lx.NEGATORS_BEFORE:
            return True
        if w not in lx.INTENSIFIERS and w not in ("별로", "하나", "전혀"):
            return False
    return False


def _negated_after(words: list[str], end: int) -> bool:
    return end + 1 < len(words) and words[end + 1] in lx.NEGATORS_AFTER


def _neg_phrase(words: list[str], i: int, end: int) -> str:
    start = i - 1 if i > 0 and words[i - 1] in lx.NEGATORS_BEFORE else i
    stop = end + 1 if end + 1 < len(words) and words[end + 1] in lx.NEGATORS_AFTER else end
    return " ".join(words[start : stop + 1])


def _multiplier(words: list[str], i: int, end: int) -> float:
    mult = 1.0
    for back in (1, 2):
        if i - back >= 0 and words[i - back] in lx.INTENSIFIERS:
            mult = max(mult, lx.INTENSIFIERS[words[i - back]]) if lx.INTENSIFIERS[words[i - back]] > 1 else min(mult, lx.INTENSIFIERS[words[i - back]])
            break
    if mult == 1.0 and end + 1 < len(words) and words[end + 1] in lx.INTENSIFIERS and lx.INTENSIFIERS[words[end + 1]] > 1:
        mult = lx.INTENSIFIERS[words[end + 1]]  # 짜증나 진짜
    return mult


def _intensifier_word(words: list[str], i: int, end: int) -> str:
    for idx in (i - 1, i - 2, end + 1):
        if 0 <= idx < len(words) and words[idx] in lx.INTENSIFIERS:
            return words[idx]
    return ""


def _surface_hits(text: str, hits: list[_Hit], cues: list[str]) -> None:
    lowered = text.lower()
    apologising = "미안" in text or "죄송" in text
    for sp in (*lx.SURFACE, *lx.EMOTICONS):
        if apologising and sp.label is EmotionLabel.HURT:
            continue  # 답장 늦어서 미안해: their own lateness, not a reproach
        if sp.pattern.search(lowered):
            hits.append(_Hit(sp.label, sp.weight))
            cues.append(sp.cue)


def _expressive_hits(text: str, hits: list[_Hit], cues: list[str]) -> None:
    laughs = lx.LAUGHTER.findall(text)
    if laughs:
        length = sum(len(x) for x in laughs)
        soft = all(x.startswith("ㅎ") or x.startswith("히") or x.startswith("헤") for x in laughs)
        hits.append(_Hit(EmotionLabel.JOY, min(1.2, (0.35 if soft else 0.5) + 0.1 * length)))
        cues.append(f"웃음: {laughs[0]}")
    for ch in lx.EMOJI_CHARS.findall(text):
        base = ch.rstrip("\ufe0f")
        for chars, label, weight in lx.EMOJI:
            if base and base in chars:
                hits.append(_Hit(label, weight))
                cues.append(f"이모지: {ch}")
                break
    crying = lx.CRYING.findall(text)
    if crying:
        length = sum(len(x) for x in crying)
        cues.append(f"울음: {crying[0]}")
        # ㅠㅠ deepens whatever is felt (고마워ㅠㅠ is touched, 피곤해ㅠㅠ is worn out);
        # on its own it is sadness.
        felt = [h for h in hits if h.label.polarity != 0 and h.label is not EmotionLabel.JOY or h.weight >= 0.6]
        if felt:
            strongest = max(felt, key=lambda h: h.weight)
            strongest.weight += min(0.8, 0.3 + 0.1 * length)
        else:
            hits.append(_Hit(EmotionLabel.SADNESS, min(1.0, 0.5 + 0.1 * length)))


def _dry_reply(text: str, hits: list[_Hit], cues: list[str]) -> None:
    key = lx.dry_key(text)
    weight = lx.DRY_REPLIES.get(key)
    if weight is None or lx.LAUGHTER.search(text) or lx.EMOJI_CHARS.search(text) or lx.CRYING.search(text):
        return
    if "!" in text or "~" in text:
        weight *= 0.5  # 네! reads livelier than 네.
    hits.append(_Hit(EmotionLabel.INDIFFERENCE, weight))
    cues.append(f"단답: {text.strip()}")


def _sentiment_scores(by_label: dict[EmotionLabel, float]) -> SentimentScores:
    pos = sum(max(l.polarity, 0.0) * w for l, w in by_label.items())
    neg = sum(max(-l.polarity, 0.0) * w for l, w in by_label.items())
    neu = _NEUTRAL_PRIOR + sum((1 - abs(l.polarity)) * w for l, w in by_label.items())
    both = min(pos, neg)
    mixed = 0.0
    if both >= 0.3:
        mixed = 1.5 * both
        pos, neg = pos - 0.5 * both, neg - 0.5 * both
    total = pos + neg + neu + mixed
    raw = [pos / total, neg / total, neu / total, mixed / total]
    rounded = [round(x, 3) for x in raw]
    drift = round(1.0 - sum(rounded), 3)
    rounded[rounded.index(max(rounded))] = round(max(rounded) + drift, 3)
    return SentimentScores(*rounded)


def _choose_sentiment(s: SentimentScores) -> Sentiment:
    options = [
        (s.positive, Sentiment.POSITIVE),
        (s.negative, Sentiment.NEGATIVE),
        (s.mixed, Sentiment.MIXED),
        (s.neutral, Sentiment.NEUTRAL),
    ]
    return max(options, key=lambda x: x[0])[1]


def _intensity(text: str, by_label: dict[EmotionLabel, float]) -> float:
    mass = sum((abs(l.polarity) + 0.3 * (1 - abs(l.polarity))) * w for l, w in by_label.items())
    value = 1 - math.exp(-mass / 1.6)
    value += min(3, text.count("!")) * 0.05
    if any(run in text for run in ("ㅠㅠㅠ", "ㅜㅜㅜ", "ㅋㅋㅋㅋㅋ", "!!!", "너무너무")):
        value += 0.1
    return round(min(1.0, value), 3)


def key_phrases(morphs: tuple[Morph, ...]) -> tuple[str, ...]:
    """Noun sequences (주말 약속), then predicates (피곤하다), deduplicated, at most five."""
    nouns: list[tuple[int, str]] = []
    preds: list[tuple[int, str]] = []
    run: list[Morph] = []

    def flush() -> None:
        words = [m.form for m in run if m.form not in _STOP_NOUNS and len(m.form) > 0]
        if words and not (len(words) == 1 and len(words[0]) == 1 and run[0].tag != "NNP"):
            nouns.append((run[0].start, " ".join(words)))
        run.clear()

    for i, m in enumerate(morphs):
        nxt = morphs[i + 1] if i + 1 < len(morphs) else None
        if m.tag in ("NNG", "NNP", "XR") and nxt is not None and nxt.tag in ("XSA",) :
            flush()
            preds.append((m.start, m.form + "하다" if nxt.form == "하" else m.form + nxt.form + "다"))
            continue
        if m.tag == "SN" and nxt is not None and nxt.tag in ("SL", "NNB") and nxt.start == m.end:
            flush()
            nouns.append((m.start, m.form + nxt.form))  # 10km, 3시
            continue
        if m.is_noun and not (nxt is not None and nxt.tag == "XSV"):
            if run and m.start > run[-1].end + 1:
                flush()
            run.append(m)
            continue
        if m.is_noun:  # 연락(NNG) 하(XSV): 연락하다 is a verb, keep the noun
            flush()
            if m.form not in _STOP_NOUNS:
                nouns.append((m.start, m.form))
            continue
        flush()
        if m.tag in ("VV", "VA"):
            word = m.form + "다"
            if word not in _LIGHT_VERBS:
                preds.append((m.start, word))
    flush()
    chosen: dict[str, int] = {}
    for pos, phrase in [*nouns, *preds]:
        if phrase not in chosen and len(chosen) < _MAX_PHRASES:
            chosen[phrase] = pos
    return tuple(p for p, _ in sorted(chosen.items(), key=lambda kv: kv[1]))
