"""What the user told the coach that a reply can say: the sendable sentences of `situation`.

"해산물만 빼면 다 잘 먹어요" is something to tell the partner; "고백하려고 했는데 어떡하죠?" is
a question to the coach, and "서운해할까 봐 걱정이에요" a feeling about the partner — neither is
sent. Sentences kept are put in the reply's register, and words for the partner in the third
person ("이 분", "그 사람") become words for "you".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai.korean.particles import josa
from ai.korean.register import to_register

_SPLIT = re.compile(
    r"(?<=[.!?？~])\s+|\.{2,}\s*|\n+|(?<=[ㅋㅎㅠㅜ])\s+|(?<=[요어아지])\s*[,，]\s*(?=근데|그런데|그래도|하지만)"
    r"|(?<=[었았였겠있없]는데)\s+"
)
_SENTENCES = re.compile(r"(?<=[.!?？~])\s+|\n+|(?<=[ㅋㅎㅠㅜ])\s+")
_QUESTION = re.compile(
    r"[?？]\s*$|(?:까요?|할까|될까|을까|ㄹ까|하죠|해야\s*(?:해요|하나|할지)|어떡하|어떻게\s*(?:해|하|말)|뭐라고|되나요|될지"
    r"|그런가|건가|는가)\S*\s*$"
)
_META = re.compile(
    r"고백|(?:만나자고|사귀자고|가자고|보자고|먹자고|물어보|물어봐|잡아보|답장|답해|연락하지|연락할지|말해야|말하고\s*싶)"
    r"|티\s*(?:는|를)?\s*(?:안\s*)?(?:내|나)|보여\s*주고\s*싶|줬으면\s*좋겠|했으면\s*좋겠"
    r"|하고\s*싶(?:은데|어요|어|다)?\s*$|무섭|무서워|걱정|할까\s*봐|할까봐|서운해할|오해하|싫어할|어떡|(?:할지|될지|건지|는지|뜻인지|마음인지|거절인지|어떻게\s*\S*|뭐라고\s*\S*)\s*(?:잘\s*)?모르겠|헷갈|"
    r"(?:헤어진\s*지|사귄\s*지)\s*\d|이제\s*겨우|다시\s*엮|무시|이렇게\s*왔|답이\s*왔|거절당|고\s*싶은데"
    r"|(?<!보고\s)(?<!가고\s)(?<!먹고\s)(?<!보고)(?<!가고)(?<!먹고)싶(?:어|어요|다|진|지|은)|않게요?\s*$|읽씹|답도\s*없|이렇게만\s*왔"
    r"|무서운데|답을?\s*해야|핑계|나\s*봐요?[.!]?\s*$|던\s*사람|려고요?\s*$|려고\s*해요?\s*$|곤란하|해\s*버려서|해버려서|다고는?\s*했|(?:대|래)요?\s*$"
    # narration of the chat to the coach: what came, what the user sent, how it felt
    r"|(?:답|답장|연락|메시지|카톡|문자|이모티콘|톡)(?:이|가|은|는|만|도)?\s*(?:하나만\s*|이렇게\s*)?(?:왔|와\s*있)|'[^']*'\s*(?:만|이|가|라고만?)?\s*(?:왔|와\s*있)|만\s*왔|보낸\s*건데|보냈는데|사과했는데|이런\s*일이|참이었|들이댔|창피|민망|마음\s*접|거\s*맞아요|못\s*기다리겠|연락\s*(?:이\s*)?와서|읽고\s*(?:답|씹)|이어가고\s*싶|주니까\s*기분|뭐라고\s*(?:답|보내|해야|하지|말)|(?:해야|보내야|말해야)\s*할지"
    # "걔 좋아서 무조건 가고 싶어": the partner in the third person is talk about them, to the coach
    r"|(?<![가-힣])(?:얘|걔)(?:가|는|를|한테|랑|도)?(?![가-힣])"
    r"|(?:애|사람|사이|친구|분|선배|후배|동생)(?:이)?(?:야|예요|이에요|에요)\s*[.!]?\s*$|단답|(?:하기|주기|가기|보기|만나기)\s*싫어"
    r"|(?<!맛)인지\s*(?:잘\s*)?모르겠|는지\s*(?:잘\s*)?모르겠|원래\s*그런|신경\s*쓰여요|오버일까"
    r"|말을?\s*못\s*했|(?:^|\s)제가\s*(?:먼저\s*)?(?:애프터|고백|신청)|(?:있었|였|됐)네요\s*$|(?:^|\s)(?:지금\s*)?만나는\s*사람\s*있어요"
)
# The partner's doings told to the coach ("이 사람은 안 믿어요"): about them, not for them.
_THEIR_HARDSHIP = re.compile(r"느라\s[^.!?]*못\s*(?:잤|쉬|먹)|지쳐\s*보|힘들어\s*보|힘들어해|아파\s*보")
_ABOUT_THEM = re.compile(r"(?<![가-힣])이\s*(?:분|사람)\s*(?:은|는|이|가)?\s*(?:\S+\s+)?(?:안|못|화|삐지|삐졌|서운|싫어하|의심|오해|자꾸|맨날)")
# The partner, named in the third person as the user talks to the coach, with its particle.
# ("그 사람" is as often someone else: only "이 분" / "이 사람" are taken to mean the partner.)
_THIRD_PERSON = re.compile(r"(?<![가-힣])이\s*(?:분|사람)(?P<particle>이랑|한테|은|는|이|가|을|를|만|도|랑|과|와)?")
# A clause left hanging on a connective ("…아닌 것 같고") is not a message; a past or certain
# "…었는데" is finished as a statement ("야근 때문이었는데" -> "야근 때문이었어").
_UNFINISHED = re.compile(r"(?:고|고요|는데|ㄴ데|은데|던데|지만|니까|서|이라|사람이라)[.~]*\s*$")
_FINISHABLE = re.compile(r"(었|았|였|겠|있|없)는데\s*$")


# "일요일에 공항으로 데리러 간다고 할까요?": a step the user is weighing, sendable as "…데리러 갈게".
_OFFER = re.compile(r"^(?P<body>.+?)\s*(?P<verb>간|온|한|본|준|산|갈|하자|보자|가자)(?:다)?고\s*(?:할까|해도|하면|말할까|얘기할까)")
_OFFER_VERBS = {"간": "갈게", "갈": "갈게", "온": "올게", "한": "할게", "본": "볼게", "준": "줄게", "산": "살게",
                "하자": "하자", "보자": "보자", "가자": "가자"}
_OFFER_VERBS_POLITE = {"하자": "해요", "보자": "봐요", "가자": "가요"}


# "…에 데려가려고 하는데 뭐라고 할까요?": a plan the user has made, sendable as "…에 데려갈게".
_PLAN = re.compile(r"^(?P<body>.+?)\s*(?P<verb>데려가|데리고\s*가|가|오|보|하|사\s*주|사)려고\s*(?:하는데|해요|했는데|하거든요|합니다)")
_PLAN_VERBS = {"데려가": "데려갈게", "데리고 가": "데리고 갈게", "가": "갈게", "오": "올게", "보": "볼게", "하": "할게", "사 주": "사 줄게",
               "사주": "사 줄게", "사": "살게"}


@dataclass(frozen=True, slots=True)
class UserFacts:
    sentences: tuple[str, ...]  # sendable, in the reply's register
    offers: tuple[str, ...] = ()  # steps the user is weighing, for the boldest reply

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    @property
    def first(self) -> str:
        """The gist: all of it when short, else its first sentence."""
        if not self.sentences:
            return ""
        return self.text if len(self.text) <= 30 else self.sentences[0]

    def __bool__(self) -> bool:
        return bool(self.sentences)

    def mentioning(self, pattern: str) -> str | None:
        return next((s for s in self.sentences if re.search(pattern, s)), None)


def user_facts(situation: str | None, *, polite: bool, you: str, name: str | None = None) -> UserFacts:
    """`you`: how the reply calls the partner ("서하 씨", "너"); `name`: their given name, as the
    user may write it to the coach ("소희가 불안해하는 건 이해돼요" -> "네가 불안해하는 건 이해돼")."""
    if not situation:
        return UserFacts(())
    kept: list[str] = []
    offers: list[str] = []
    # A sentence that ends by asking the coach ("병원으로 가 줄 수도 있는데 오버일까요?") is for the coach,
    # every clause of it.
    told = " ".join(s for s in _SENTENCES.split(situation.strip())
                    if s.strip() and (not _QUESTION.search(s.strip()) or _OFFER.match(s.strip()) or _PLAN.match(s.strip())))
    for raw in _SPLIT.split(told):
        sentence = _FINISHABLE.sub(r"\1어", raw.strip(" ,"))
        # a note's clipped endings, as a message says them: "진짜 미안함" -> "진짜 미안해"; "지금 바로 보낼 수 있어" -> "지금 바로 보낼게"
        sentence = re.sub(r"([가-힣])함\s*([.!~]*)$", r"\1해\2", sentence)
        sentence = re.sub(r"(?:었|았|했)음\s*$", lambda m: m.group(0)[0] + "어", sentence)
        sentence = re.sub(r"(늦|없|있|같)음(\s*[.!~]*)$", lambda m: {"늦": "늦었어", "없": "없어", "있": "있어", "같": "같아"}[m.group(1)] + m.group(2), sentence)
        sentence = re.sub(r"((?:지금|바로|당장|오늘)\s*(?:바로\s*)?[^.!?]*?[가-힣]*[ㄹ을갈낼할볼줄])\s*수\s*있어(?:요)?\s*$", r"\1게", sentence)
        if (plan := _PLAN.match(sentence)) and not _META.search(plan.group("body")) and "고백" not in sentence:  # "다음 달 은비 생일 모임에 데려가려고 하는데" -> "… 데려갈게"
            offers.append(to_register(f"{plan.group('body')} {_PLAN_VERBS[plan.group('verb')]}", polite=polite))
            continue
        if offer := _OFFER.match(sentence):
            verb = offer.group("verb")
            word = _OFFER_VERBS_POLITE.get(verb, _OFFER_VERBS[verb]) if polite else _OFFER_VERBS[verb]
            offers.append(to_register(f"{offer.group('body')} {word}", polite=polite))
            continue
        if (len(sentence.replace(" ", "")) < 3 or _QUESTION.search(sentence) or _META.search(sentence) or _UNFINISHED.search(sentence)
                or _ABOUT_THEM.search(sentence) or _THEIR_HARDSHIP.search(sentence)):
            continue
        if name and _named(name).search(sentence):
            if _DESCRIBES.search(sentence):  # "보리는 수빈씨 고양이예요": for the coach, not for them
                continue
            sentence = _named(name).sub(lambda m: _you(you, m.group("particle")), sentence)
        sentence = _THIRD_PERSON.sub(lambda m: _you(you, m.group("particle")), sentence)
        if not kept:  # its first clause was for the coach: "다만 …" has nothing to lean on
            sentence = re.sub(r"^(?:다만|근데|그런데|하지만|그래도|그리고)\s+", "", sentence)
        kept.append(to_register(sentence, polite=polite))
    return UserFacts(tuple(kept), tuple(offers))


# A sentence that tells the coach who or what something is ("…고양이예요", "…동기야").
_DESCRIBES = re.compile(r"(?:이에요|예요|이야|야|입니다)\s*[.!]?\s*$")


def _named(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![가-힣]){re.escape(name)}(?:\s*씨|님|이)?(?P<particle>이랑|한테|은|는|이|가|을|를|만|도|랑|과|와)?(?![가-힣])")


def _you(you: str, particle: str | None) -> str:
    if not particle:
        return you
    if you == "너" and particle in ("이", "가"):
        return "네가"
    if particle in ("은", "는", "이", "가", "을", "를", "이랑", "랑", "과", "와"):
        return josa(you, particle)
    return you + particle
