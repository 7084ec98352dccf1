"""What the user said about the situation: their own question, and what they want."""

from __future__ import annotations

import re

from ai.coach.reading.model import Wish

_QUESTION = re.compile(
    r"[^.!?\n]*(?:\?|？|까요|까\b|나요|될까|할까|을까|ㄹ까|맞나|맞을까|어떡해|어떻게\s*해|뭐라고|어떻게)[^.!\n]*"
)


def wish_of(situation: str | None) -> Wish:
    if not situation or not situation.strip():
        return Wish()
    text = situation.strip()
    question = _QUESTION.search(text)
    no_meeting = bool(re.search(r"(?:만나고|보고|마주치고)\s*싶(?:진|지는?)\s*않|만날\s*생각\s*(?:은\s*)?없|안\s*나갈", text))
    return Wish(
        text=text,
        question=question.group(0).strip() if question else None,
        confess=bool(re.search(r"고백|마음을?\s*(?:전하|표현|말하)|좋아한다고", text)),
        meet=not no_meeting and bool(re.search(r"만나고\s*싶|또\s*보고\s*싶|약속\s*잡|데이트|한\s*번\s*더|다시\s*만나", text)),
        apologize=bool(re.search(r"사과|미안하다고|화해", text)),
        move_on=no_meeting or bool(re.search(r"정리|끝내|잊고|무시|연락\s*안\s*하|거리를?\s*두|차단|받아들", text)),
        # unsure of their own heart — not "고백을 기다리는 건지 그냥 궁금한 건지 모르겠어요" about the partner's
        unsure=bool(re.search(r"(?:제|내)\s*마음|헷갈|확신이\s*없|아직\s*(?:잘\s*)?몰|애매", text)
                    or re.search(r"(?<!건지\s)(?<!는지\s)(?<!인지\s)(?<!할지\s)(?<!될지\s)(?<!건지)(?<!는지)(?<!인지)모르겠", text)),
        ask_again=bool(re.search(r"또\s*물어|다시\s*물어|다시\s*(?:신청|제안)|한\s*번\s*더\s*(?:물|제안)|거절당", text)),
        when_to_reply=bool(re.search(r"(?:지금|바로|언제)\s*답(?:장|해)|답장해도|답해도|답장해야|답해야", text)),
        propose=bool(re.search(r"(?:가자고|만나자고|보자고|먹자고|제안|신청)\S*\s*(?:해도|하면)|물어봐도|해도\s*(?:될까|되나|돼요\?)", text)),
        decline=bool(re.search(r"거절하고\s*싶|거절하려|정중하게\s*(?:거절|사양)|안\s*가고\s*싶|가기\s*싫|여지\s*(?:안|주지)", text)),
        call=bool(re.search(r"(?:전화|통화)\S*\s*(?:받아|해도|할까|걸어)", text)),
        is_it_a_no=bool(re.search(r"거절(?:인가|이에요|이죠|일까|한\s*거|맞)|관심\s*없는|철벽|싫은\s*걸까|싫다는\s*뜻|마음이\s*없는", text)),
    )
