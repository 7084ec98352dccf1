"""Intent detection: what the partner's message is doing, with the evidence for it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from ai.coach.local.details import NEWS_WORDS, extract_details
from ai.coach.local.interpret import interpret
from ai.coach.local.readings import Intent, IntentHit, IntentReading, MessageDetails
from ai.emotion import lexicon as lx
from ai.emotion.local_analyzer import analyze_emotion
from ai.emotion.types import EmotionLabel, EmotionResult
from ai.korean.morph import Morph, analyse, lemmas, sentences

# Tie-break order when two intents score alike: the more specific and consequential first.
_PRIORITY = [
    Intent.COMPLAINT, Intent.DECLINE, Intent.ACCEPTANCE, Intent.INVITATION, Intent.LATE_NIGHT_CHECKIN,
    Intent.APOLOGY, Intent.AFFECTION, Intent.MISSING_YOU, Intent.THANKS, Intent.CLOSING, Intent.VENTING,
    Intent.COMPLIMENT, Intent.SHARING_NEWS, Intent.TEASING, Intent.GREETING, Intent.QUESTION,
    Intent.ACKNOWLEDGEMENT, Intent.SMALL_TALK,
]
_NO_REPLY_NEEDED = frozenset({Intent.ACKNOWLEDGEMENT, Intent.CLOSING})
_LATE_HOURS = frozenset({22, 23, 0, 1, 2, 3, 4})

_WH = re.compile(r"뭐|뭘|무슨|언제|어디|누구|누가|왜|어떻게|어때|어땠|몇|얼마|어느")
_PLAN_PROBE = re.compile(r"뭐\s?해|뭐\s?하(?:세요|셔|니|냐|나)|뭐하|계획|약속\s?있|일정|바빠|바쁘|시간\s?(?:돼|되|있|괜찮|어때|나)")
_INVITE = re.compile(
    r"같이|함께|만나(?:자|요|서|볼래|실래)|만날래|보자|볼래|볼까|놀러|놀자|데이트|가실래|가자|먹자|마시자|"
    r"한잔\s?(?:할래|하자|해요|할까)|시간\s?(?:돼|되|있|괜찮)|어때(?:요)?\s*\?|언제\s?(?:볼|만날)"
)
_ACCEPT = re.compile(
    r"^(?:좋아|좋지|좋죠|좋습니다|콜|그래|그러자|그래요|당연|오케이|ok|ㅇㅋ|ㅇㅇ|응|웅|네|넵|넹|예|알겠|가자|가요|"
    r"완전\s?좋|너무\s?좋|괜찮아|괜찮아요|물론)"
)
_DECLINE = re.compile(
    r"(?:어렵|어려울|힘들|안\s?될|안될|못\s?갈|못\s?볼|못\s?만날)\s?(?:것|거)\s?같|어려워요?|다음에|다음\s?기회|선약|"
    r"약속이\s?있|일이\s?있어서|바빠서|바쁠\s?것|시간이\s?안|안\s?돼|안돼|못\s?가|못\s?할\s?것|패스"
)
_GREETING = re.compile(
    r"^(?:안녕|하이|ㅎㅇ|hi\b|hello|굿모닝|좋은\s?아침|좋은\s?저녁|반가워|반갑습니다|여보세요)|"
    r"잘\s?잤|일어났|출근\s?잘|퇴근\s?(?:했|하셨|잘)|점심\s?(?:먹었|드셨|맛있게)|저녁\s?(?:먹었|드셨)|밥\s?(?:먹었|드셨)|"
    r"오랜만|잘\s?지냈"
)
_NIGHT_CHECK = re.compile(r"자니|안\s?자|안\s?주무|깨\s?있|깨어\s?있|잠이\s?안|잠\s?안\s?와|잠이\s?안\s?와|(?:^|\s)자\s?\?|자요\s?\?")
_NIGHT_LOOSE = re.compile(r"뭐\s?해|뭐하|뭐\s?하세요|심심|생각나서|갑자기")
_CLOSING = re.compile(
    r"잘\s?자(?!니)|잘\s?주무|굿나잇|굿밤|좋은\s?꿈|먼저\s?잘게|자러\s?갈게|이만\s?(?:잘게|들어|갈게)|들어가\s?볼게|"
    r"내일\s?(?:얘기|연락)|이따\s?(?:연락|얘기)|나중에\s?(?:연락|얘기)|푹\s?쉬|쉬세요|들어가세요|조심히\s?(?:가|들어)|"
    r"씻고\s?올게|출근할게|일하러\s?갈게|다녀올게|다음에\s?(?:봐|봬|보자)|또\s?(?:봐요|봬요|보자|연락할게)"
)
_TEASE = re.compile(r"바보|메롱|놀리|질투|삐졌|약올|웃겨|귀엽네|뭐야\s?ㅋ|ㅋ+\s?뭐야|거짓말|몰라\s?ㅋ")
_COMPLAINT = re.compile(r"너무해|맨날|또\s?(?:늦|안|그래)|실망|서운|섭섭|왜\s?그랬|됐어|됐거든|너는\s?왜|넌\s?왜|나만")
_NEWS = NEWS_WORDS | frozenset({"합격하다", "승진하다", "취업하다", "당첨되다", "성공하다", "완주하다"})
_COMPLIMENT_TARGETS = frozenset({"옷", "머리", "사진", "프사", "목소리", "웃음", "얼굴", "스타일", "말투", "센스", "취향", "향수", "눈"})
_COMPLIMENT_WORDS = frozenset({"예쁘다", "멋있다", "멋지다", "귀엽다", "잘생기다", "매력", "센스", "착하다", "다정하다", "최고"})


@dataclass
class _Scores:
    hits: dict[Intent, IntentHit] = field(default_factory=dict)

    def add(self, intent: Intent, score: float, evidence: str) -> None:
        old = self.hits.get(intent)
        if old is None:
            self.hits[intent] = IntentHit(intent, round(min(score, 1.0), 3), (evidence,))
        else:
            ev = old.evidence if evidence in old.evidence else (*old.evidence, evidence)
            self.hits[intent] = IntentHit(intent, round(min(1.0, max(old.score, score) + 0.05), 3), ev)


def detect_intent(
    text: str,
    *,
    sent_at: datetime | None = None,
    emotion: EmotionResult | None = None,
    previous_mine: str | None = None,
) -> IntentReading:
    """What the partner's message does.

    ``sent_at`` should be in the user's local time (late night is judged by its hour);
    ``previous_mine`` is the user's own last message, when known, so that "좋아요" can be read as
    saying yes to an invitation. ``emotion`` saves a second analysis when the caller has one.
    """
    emotion = emotion if emotion is not None else analyze_emotion(text)
    details = extract_details(text)
    morphs = analyse(text)
    words = [w for w, _, _ in lemmas(morphs)]
    compact = text.strip()
    sents = sentences(text, morphs)
    is_question = any(s.question for s in sents) or ("?" in text)
    late = sent_at is not None and sent_at.hour in _LATE_HOURS
    s = _Scores()

    for rule in _RULES:
        rule(s, text, compact, words, morphs, is_question, details, emotion)
    indirect = _invitations(s, text, morphs, is_question, details)
    _late_night(s, text, compact, sent_at, late)
    _answers_to_a_proposal(s, text, compact, details, previous_mine)
    _questions(s, text, morphs, is_question)

    if Intent.DECLINE in s.hits and Intent.APOLOGY in s.hits:
        # 미안한데 이번 주는 어려울 것 같아: the apology only softens the no.
        s.hits[Intent.APOLOGY] = replace(s.hits[Intent.APOLOGY], score=0.6)
    if not s.hits:
        s.add(Intent.SMALL_TALK, 0.4, "뚜렷한 의도 표지 없음")

    ranked = sorted(s.hits.values(), key=lambda h: (-(h.score + _bonus(h.intent)), _PRIORITY.index(h.intent)))
    primary = ranked[0]
    secondary = tuple(h for h in ranked[1:] if h.score >= 0.4)
    reading = IntentReading(
        primary=primary.intent,
        confidence=primary.score,
        secondary=secondary,
        evidence=primary.evidence,
        interpretation="",
        reply_expected=primary.intent not in _NO_REPLY_NEEDED or any(h.intent is Intent.QUESTION for h in secondary),
        details=details,
        indirect=indirect and primary.intent is Intent.INVITATION,
        late_night=late,
    )
    return _with_interpretation(reading, text, emotion)


def _invitations(s: _Scores, text: str, morphs: tuple[Morph, ...], is_question: bool, details: MessageDetails) -> bool:
    """Invitations, direct or veiled as a question about plans; True when veiled."""
    if _INVITE.search(text) and (is_question or _proposes(morphs)) and not _DECLINE.search(text):
        s.add(Intent.INVITATION, 0.8 if details.activities or details.times else 0.7, _span(_INVITE, text))
    elif _proposes(morphs) and (details.activities or details.times) and not _DECLINE.search(text):
        what = details.activity.key if details.activity else details.time.text
        s.add(Intent.INVITATION, 0.75, f"{what} + 제안형 어미")
    elif details.times and _PLAN_PROBE.search(text) and is_question and details.time.text != "오늘":
        s.add(Intent.INVITATION, 0.7, f"{details.time.text} + {_span(_PLAN_PROBE, text)}: 일정을 묻는 질문")
        return True
    elif "심심" in text:
        s.add(Intent.INVITATION, 0.45, "심심하다: 같이 놀자는 신호")
        return True
    return False


def _late_night(s: _Scores, text: str, compact: str, sent_at: datetime | None, late: bool) -> None:
    if _NIGHT_CHECK.search(text):
        s.add(Intent.LATE_NIGHT_CHECKIN, 0.9 if late or sent_at is None else 0.6, _span(_NIGHT_CHECK, text))
    elif late and (_NIGHT_LOOSE.search(text) or len(compact) <= 12) and not _CLOSING.search(text):
        s.add(Intent.LATE_NIGHT_CHECKIN, 0.75, f"{sent_at:%H:%M} 늦은 시간의 연락")


def _answers_to_a_proposal(
    s: _Scores, text: str, compact: str, details: MessageDetails, previous_mine: str | None
) -> None:
    """Yes or no to the user's own last message, when it proposed something; a no to plans."""
    if previous_mine and _looks_like_invitation(previous_mine):
        if _DECLINE.search(text):
            s.add(Intent.DECLINE, 0.9, f"제안에 대한 답: {_span(_DECLINE, text)}")
        elif _ACCEPT.search(compact.lower()):
            s.add(Intent.ACCEPTANCE, 0.9, f"제안에 대한 답: {_span(_ACCEPT, compact.lower())}")
    if Intent.DECLINE not in s.hits and _DECLINE.search(text) and (details.times or "약속" in text or "그날" in text):
        s.add(Intent.DECLINE, 0.75, _span(_DECLINE, text))


def _questions(s: _Scores, text: str, morphs: tuple[Morph, ...], is_question: bool) -> None:
    if is_question and Intent.INVITATION not in s.hits:
        s.add(Intent.QUESTION, 0.6, "물음표·의문형 어미")
    elif is_question:
        s.add(Intent.QUESTION, 0.45, "물음표·의문형 어미")
    elif _WH.search(text) and any(m.is_predicate for m in morphs):
        s.add(Intent.QUESTION, 0.5, f"의문사 {_span(_WH, text)}")


def _with_interpretation(reading: IntentReading, text: str, emotion: EmotionResult) -> IntentReading:
    return replace(reading, interpretation=interpret(reading, emotion, text))


def _bonus(intent: Intent) -> float:
    return (len(_PRIORITY) - _PRIORITY.index(intent)) * 0.002


def _span(pattern: re.Pattern[str], text: str) -> str:
    m = pattern.search(text)
    return m.group(0).strip() if m else ""


def _proposes(morphs: tuple[Morph, ...]) -> bool:
    """A sentence-final -자 / -ㄹ래 / -ㄹ까 (보자, 갈래, 먹을까)."""
    return any(m.tag == "EF" and (m.form in ("자", "자요") or m.form.endswith(("ᆯ래", "ᆯ래요", "ᆯ까", "ᆯ까요"))) for m in morphs)


def _looks_like_invitation(text: str) -> bool:
    proposes = _proposes(analyse(text))
    if _INVITE.search(text) and ("?" in text or proposes):
        return True
    details = extract_details(text)
    if proposes and (details.activities or details.times):
        return True
    return bool(details.times) and "?" in text and bool(re.search(r"괜찮|어때|돼|될까|가능", text))


# --- rules over the message, each adding evidence ------------------------------------------

Rule = Callable[[_Scores, str, str, list[str], tuple[Morph, ...], bool, MessageDetails, EmotionResult], None]


def _thanks(s, text, compact, words, morphs, is_q, details, emo) -> None:
    for w in ("고맙다", "감사하다", "감사", "땡큐"):
        if w in words:
            s.add(Intent.THANKS, 0.85, w)
    if re.search(r"thx|thanks|고마버|고맙당|ㄱㅅ|ㄳ", text.lower()):
        s.add(Intent.THANKS, 0.8, "감사 표현")
    if "덕분" in words:
        s.add(Intent.THANKS, 0.5, "덕분에")


def _apology(s, text, compact, words, morphs, is_q, details, emo) -> None:
    for w in ("미안하다", "미안", "죄송하다", "죄송", "잘못하다"):
        if w in words:
            s.add(Intent.APOLOGY, 0.85, w)
    if re.search(r"쏘리|쏴리|sorry|ㅈㅅ", text.lower()):
        s.add(Intent.APOLOGY, 0.8, "쏘리")


def _complaint(s, text, compact, words, morphs, is_q, details, emo) -> None:
    hurt = emo.score_of(EmotionLabel.HURT)
    if "미안하다" in words or "죄송하다" in words or "미안" in words:
        return  # their own lateness, apologised for
    m = _COMPLAINT.search(text)
    if any(c.startswith("연락") for c in emo.cues):
        s.add(Intent.COMPLAINT, 0.9, next(c for c in emo.cues if c.startswith("연락")))
    if m:
        s.add(Intent.COMPLAINT, 0.8 if hurt else 0.6, m.group(0))
    elif hurt >= 0.4 and emo.top is EmotionLabel.HURT:
        s.add(Intent.COMPLAINT, 0.75, "서운함 표현")


def _venting(s, text, compact, words, morphs, is_q, details, emo) -> None:
    own = {EmotionLabel.TIRED, EmotionLabel.ANNOYANCE, EmotionLabel.SADNESS, EmotionLabel.WORRY}
    top = emo.top
    if top in own and not (is_q and top is EmotionLabel.WORRY and "질문 속 표현" in " ".join(emo.cues)):
        cause = f" ({details.causes[0]})" if details.causes else ""
        only_crying = bool(emo.cues) and all(c.startswith("울음") for c in emo.cues)
        score = 0.35 if only_crying else 0.7 if emo.intensity >= 0.3 else 0.55
        s.add(Intent.VENTING, score, f"{top.korean}{cause}")


def _greeting(s, text, compact, words, morphs, is_q, details, emo) -> None:
    m = _GREETING.search(compact)
    if m:
        s.add(Intent.GREETING, 0.75 if m.start() == 0 else 0.6, m.group(0))


def _closing(s, text, compact, words, morphs, is_q, details, emo) -> None:
    m = _CLOSING.search(text)
    if m and not (is_q and "잘 자" not in m.group(0) and "잘자" not in m.group(0) and "?" in text[m.end():]):
        s.add(Intent.CLOSING, 0.85, m.group(0))


def _missing(s, text, compact, words, morphs, is_q, details, emo) -> None:
    if emo.score_of(EmotionLabel.LONGING) >= 0.3:
        s.add(Intent.MISSING_YOU, 0.85 if not is_q else 0.7, "보고 싶음·그리움")


def _affection(s, text, compact, words, morphs, is_q, details, emo) -> None:
    if "사랑하다" in words and not is_q:
        s.add(Intent.AFFECTION, 0.9, "사랑해")
    if "좋아하다" in words and not is_q:
        i = words.index("좋아하다")
        prev = words[i - 1] if i else ""
        if not prev or prev in lx.PERSON_WORDS or prev in lx.INTENSIFIERS or prev in ("나", "너", "제가", "저"):
            s.add(Intent.AFFECTION, 0.8, "좋아해")
    if re.fullmatch(r"\s*(?:♥|♡|❤️?|💕|💖|😘|🥰)+\s*", text):
        s.add(Intent.AFFECTION, 0.5, "하트")


def _compliment(s, text, compact, words, morphs, is_q, details, emo) -> None:
    for i, w in enumerate(words):
        if w in _COMPLIMENT_WORDS and not is_q:
            before = [x for x in words[max(0, i - 3) : i] if x not in lx.INTENSIFIERS]
            things = [x for x in before if any(m.form == x and m.is_noun for m in morphs)]
            if all(x in _COMPLIMENT_TARGETS or x in lx.PERSON_WORDS or x in ("오늘", "진짜") for x in things):
                s.add(Intent.COMPLIMENT, 0.7, w)
            return


def _teasing(s, text, compact, words, morphs, is_q, details, emo) -> None:
    m = _TEASE.search(text)
    if m and emo.sentiment.name != "NEGATIVE":
        s.add(Intent.TEASING, 0.65 if lx.LAUGHTER.search(text) or "?" in text else 0.5, m.group(0))


def _news(s, text, compact, words, morphs, is_q, details, emo) -> None:
    if is_q:
        return
    news = [w for w in words if w in _NEWS]
    if news:
        s.add(Intent.SHARING_NEWS, 0.8, news[0])
        return
    past = any(m.tag == "EP" and m.form in ("었", "았", "였") for m in morphs)
    content = details.activities or details.topics or details.causes
    if past and content and len(compact) >= 6:
        s.add(Intent.SHARING_NEWS, 0.6 if "!" in text or emo.sentiment.name == "POSITIVE" else 0.5, "지난 일을 알려 줌")


def _acknowledgement(s, text, compact, words, morphs, is_q, details, emo) -> None:
    key = lx.dry_key(text)
    if key in lx.DRY_REPLIES:
        s.add(Intent.ACKNOWLEDGEMENT, 0.8, f"단답 '{text.strip()}'")
    elif re.fullmatch(r"[ㅠㅜ\s.!?~]+", text.strip()):
        s.add(Intent.VENTING, 0.6, "ㅠㅠ만 보냄")
    elif re.fullmatch(r"[ㅋㅎㅠㅜ\s.!?~]+", text.strip()):
        s.add(Intent.ACKNOWLEDGEMENT, 0.6, "웃음만 보냄")
    elif text.strip() and not lx.EMOJI_CHARS.sub("", text).strip(" .!~\u200d\ufe0f"):
        s.add(Intent.ACKNOWLEDGEMENT, 0.6, "이모지만 보냄")


_RULES: list[Rule] = [
    _thanks, _apology, _complaint, _venting, _greeting, _closing, _missing, _affection, _compliment,
    _teasing, _news, _acknowledgement,
]
