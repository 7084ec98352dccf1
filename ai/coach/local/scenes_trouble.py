"""Replies to the everyday troubles a partner brings: tears alone, a parent's diagnosis, exam-eve
panic, thoughts of quitting, a move fallen through, anger at a boss, family pressure, money, a
bad review, a sick pet, loneliness. Each says what fits that trouble; `scenes_hurt.distress`
picks one."""

from __future__ import annotations

import re

from ai.coach.local.voice import Line, Voice, join
from ai.coach.reading.model import Reading


LONELY = re.compile(r"외로|외롭|혼자인\s*것\s*같|말\s*통하는\s*사람|한국\s*가고\s*싶|집에\s*가고\s*싶|보고\s*싶은\s*사람")


HASSLE = re.compile(r"(?:이사\s*)?(?:업체|기사님?)[^.!?\n]{0,12}(?:못\s*온|안\s*온|취소|펑크)|집\s*빼야")


PET_SICK = re.compile(r"(?:24시|동물)\s*병원|수의사|(?:토하|설사|안\s*먹)[^.!?\n]{0,20}병원")


VENT = re.compile(r"돌아버리|미치겠|빡치|빡쳐|열받|억울|뒤집어\s*씌|어이(?:가)?\s*없|짜증")


PRESSURED = re.compile(r"결혼\s*(?:얘기|하라|언제)|나이\s*얘기|잔소리|선\s*보라")


def pressured(v: Voice, r: Reading) -> tuple[str, str, str]:
    """Family pressing about marriage or age: take the weight off; between the two of them, no deadline."""
    couple = r.stage.value == "DATING"
    return (
        v.say(Line("또 그 얘기 들었군요. 숨 막혔겠어요.", "또 그 얘기 들었구나. 진짜 숨 막혔겠다.")),
        v.say(Line("{you} 속도대로 가면 돼요. 누가 뭐래도 {you} 마음이 제일 중요해요.", "네 속도대로 가면 돼. 누가 뭐래도 네 마음이 제일 중요해."), you=f"{v.name} 씨"),
        v.say(Line("오늘은 아무 생각 말고 푹 쉬어요. 우리 얘기는 우리 속도대로 해요.", "오늘은 아무 생각 말고 푹 쉬어. 우리 얘기는 우리 속도대로 하자.")) if couple else v.say(
            Line("오늘은 아무 생각 말고 푹 쉬어요. 힘들면 언제든 얘기해요.", "오늘은 아무 생각 말고 푹 쉬어. 힘들면 언제든 얘기해.")),
    )


JOB_DOUBT = re.compile(r"그만둘까|퇴사\s*(?:할까|하고\s*싶|고민)|출근하기(?:가)?\s*너무\s*싫")


FAMILY_ILLNESS = re.compile(r"(엄마|어머니|아빠|아버지|할머니|할아버지)[^.!?\n]{0,15}(?:치매|암|진단|투병)")


EXAM_EVE = re.compile(r"내일\s*시험|시험\s*전날|내일이\s*시험|시험(?:이)?\s*내일")


def family_illness(v: Voice, r: Reading) -> tuple[str, str, str]:
    """A parent's diagnosis: shock and weight — no medical advice, no silver lining."""
    word = FAMILY_ILLNESS.search(r.message).group(1)  # type: ignore[union-attr]
    who = {"엄마": "어머님", "어머니": "어머님", "아빠": "아버님", "아버지": "아버님", "할머니": "할머님", "할아버지": "할아버님"}[word]
    return (
        v.say(Line("많이 놀라셨겠어요. {w} 일로 마음이 얼마나 무거우실까요.", "많이 놀랐겠다. {w} 일로 마음이 얼마나 무거울까."), w=who),
        v.say(Line("혼자 감당하려고 하지 말아요. 얘기하고 싶을 때 언제든 들을게요.", "혼자 감당하려고 하지 마. 얘기하고 싶을 때 언제든 들을게.")),
        v.say(Line("제가 할 수 있는 게 있으면 뭐든 말해 줘요. 곁에 있을게요.", "내가 할 수 있는 게 있으면 뭐든 말해 줘. 곁에 있을게.")),
    )


def pet_sick(v: Voice, r: Reading) -> tuple[str, str, str]:
    """A pet at the animal hospital at night: fear for them, company for the wait."""
    named = re.search(r"(?:^|\s)([가-힣]{1,3})(?:가|이)\s+(?:갑자기|계속|자꾸|밥|아무것도|토)", r.message)
    pet = named.group(1) if named else "아이"
    return (
        v.say(Line("혼자 얼마나 무서워요. {p} 괜찮을 거예요, 결과 나오면 바로 알려 줘요.", "혼자 얼마나 무서워. {p} 괜찮을 거야, 결과 나오면 바로 알려 줘."), p=pet),
        v.say(Line("{p} 옆에 {you}가 있어서 다행이에요. 기다리는 동안 저랑 얘기해요.", "{p} 옆에 네가 있어서 다행이다. 기다리는 동안 나랑 얘기하자."),
              p=pet, you=f"{v.name} 씨"),
        v.say(Line("지금 그쪽으로 갈까요? 혼자 기다리지 않게 옆에 있을게요.", "지금 그쪽으로 갈까? 혼자 기다리지 않게 옆에 있을게.")),
    )


_SELF_BLAME = re.compile(r"(?:관리|정리|일|제대로)\s*(?:를|을)?\s*못\s*하나|내가\s*(?:문제|바보)|(?:난|나는|저는|전)\s*왜|한심")


FRAUD = re.compile(r"사기\s*(?:당|맞)|전세\s*사기|보이스\s*피싱|보증금[^.!?\n]{0,10}(?:못\s*받|날리|떼)")


def money(v: Voice, r: Reading) -> tuple[str, str, str]:
    """Money trouble: no lecture on budgeting, no pity, no loan offered out of the blue."""
    what = next((w for w in ("월세", "카드값", "관리비", "생활비", "대출", "학자금") if w in r.message), None)
    worry = v.say(Line("{w} 걱정 때문에 머리 아프겠어요.", "{w} 걱정 때문에 머리 아프겠다."), w=what) if what else v.say(
        Line("돈 걱정하면 진짜 머리 아프죠.", "돈 걱정하면 진짜 머리 아프지."))
    not_you = v.say(Line("{you}가 못나서 그런 거 아니에요. 요즘 다들 빠듯하대요.", "네가 못나서 그런 거 아니야. 요즘 다들 빠듯하대."), you=v.you) \
        if _SELF_BLAME.search(r.message) else v.say(Line("마음 많이 무겁죠. 한 달 한 달 버티는 것도 쉬운 일 아니에요.", "마음 많이 무겁지. 한 달 한 달 버티는 것도 쉬운 일 아니야."))
    talk = v.say(Line("답답한 거 있으면 털어놔요, 같이 정리해 보는 것도 좋고요.", "답답한 거 있으면 털어놔, 같이 정리해 보는 것도 좋고."))
    treat = v.say(Line("이번 주 밥은 제가 살게요. 혼자 끙끙대지 말아요.", "이번 주 밥은 내가 살게. 혼자 끙끙대지 마."))
    return join(worry, not_you), join(not_you if not _SELF_BLAME.search(r.message) else worry, talk), join(worry, treat)


def setback(v: Voice, r: Reading) -> tuple[str, str, str]:
    """A bad review, a dressing-down: the effort was real, the grade is not the person."""
    grade = re.search(r"([CD])\s*(?:받았|받음|나왔|맞았)", r.message)
    sore = v.say(Line("열심히 했는데 {g} 진짜 허탈하고 속상하겠어요.", "열심히 했는데 {g} 진짜 허탈하고 속상하겠다."),
                 g=f"{grade.group(1)}라니" if grade else "그런 소리 들으면")
    effort = v.say(Line("그 결과가 {you} 노력을 다 말해 주는 건 아니에요.", "그 결과가 네 노력을 다 말해 주는 건 아니야."), you=f"{v.name} 씨")
    listen = v.say(Line("오늘은 맛있는 거 먹고 털어 버려요. 속상한 얘기 있으면 다 들을게요.", "오늘은 맛있는 거 먹고 털어 버려. 속상한 얘기 있으면 다 들을게."))
    stand = v.say(Line("{you}가 얼마나 애쓰는지 저는 알아요. 오늘 정말 고생 많았어요.", "네가 얼마나 애쓰는지 나는 알아. 오늘 진짜 고생 많았어."), you=f"{v.name} 씨")
    return sore, join(effort, listen), stand


def lonely(v: Voice, r: Reading) -> tuple[str, str, str]:
    """Loneliness, often far away: be there in words, and by voice if they want."""
    far = bool(re.search(r"한국|여기\s*(?:밤|새벽|아침)|타지|해외|유학|혼자\s*살", r.message))
    seen = v.say(Line("{w}혼자 있으면 얼마나 외로울까요.", "{w}혼자 있으면 얼마나 외로울까."), w="거기서 " if far else "")
    say_it = v.say(Line("외롭다고 말해 줘서 고마워요. 그런 날 있죠.", "외롭다고 말해 줘서 고마워. 그런 날 있지."))
    call = v.say(Line("지금 잠깐 통화할래요? 목소리라도 들으면 조금 나을 거예요.", "지금 잠깐 통화할래? 목소리라도 들으면 좀 나을 거야."))
    near = v.say(Line("멀리 있어도 저는 늘 {you} 편이에요. 언제든 연락해요.", "멀리 있어도 나는 늘 네 편이야. 언제든 연락해."), you=f"{v.name} 씨") if far else v.say(
        Line("혼자라고 느껴질 때 언제든 연락해요. 저는 여기 있어요.", "혼자라고 느껴질 때 언제든 연락해. 나 여기 있어."))
    return join(seen, say_it), join(seen, call), near


# Troubles whose three replies are fixed sentences, by kind ({you} is the partner as "X 씨").
SAYINGS: dict[str, tuple[Line, Line, Line]] = {
    # The night before an exam, everything seems forgotten: calm, sleep, faith in the work done.
    "exam_eve": (
        Line("전날엔 다 까먹은 것 같은 게 당연해요. 그동안 한 게 어디 안 가요.", "전날엔 다 까먹은 것 같은 게 당연해. 1년 동안 한 게 어디 안 가."),
        Line("지금은 새로 보기보다 정리한 거 한 번만 훑고 자요. 컨디션이 제일 중요해요.", "지금은 새로 보기보다 정리한 거 한 번만 훑고 자. 컨디션이 제일 중요해."),
        Line("누가 뭐래도 {you}는 잘할 거예요. 진짜 응원해요.", "누가 뭐래도 너 잘할 거야. 진짜 응원해."),
    ),
    # Nothing but "ㅠㅠ": something went wrong — ask gently, and stay.
    "tears_only": (
        Line("헐 무슨 일 있었어요? 괜찮아요?", "헐 무슨 일 있었어? 괜찮아?"),
        Line("많이 속상했군요. 얘기하고 싶으면 천천히 해요, 다 들을게요.", "많이 속상했구나. 얘기하고 싶으면 천천히 해, 다 들을게."),
        Line("전화할까요? 목소리 들으면 좀 나을 수도 있잖아요.", "전화할까? 목소리 들으면 좀 나을 수도 있잖아."),
    ),
    # "회사 그만둘까 고민 중이야": tired of it — listen first; the decision is theirs.
    "job_doubt": (
        Line("요즘 많이 지쳤군요. 아침마다 그러면 진짜 힘들죠.", "요즘 많이 지쳤구나. 아침마다 그러면 진짜 힘들지."),
        Line("그만둘지는 천천히 생각해도 돼요. 요즘 어떤 게 제일 힘들어요?", "그만둘지는 천천히 생각해도 돼. 요즘 어떤 게 제일 힘들어?"),
        Line("어떤 결정을 하든 저는 {you} 편이에요. 오늘은 일단 푹 쉬어요.", "어떤 결정을 하든 나는 네 편이야. 오늘은 일단 푹 쉬어."),
    ),
    # A plan fallen through at the worst moment (movers cancelled the night before): alarm, then help.
    "hassle": (
        Line("헐 하필 전날에요? 진짜 막막하겠어요.", "헐 하필 전날에? 진짜 막막하겠다."),
        Line("일단 숨 한번 쉬어요. 저도 당일 가능한 데 같이 찾아볼게요.", "일단 숨 한번 쉬어. 나도 당일 되는 데 같이 찾아볼게."),
        Line("내일 아침에 제가 도와주러 갈게요. 짐 싸는 것부터 같이 해요.", "내일 아침에 내가 도와주러 갈게. 짐 싸는 것부터 같이 하자."),
    ),
    # Anger at someone else (a boss, a coworker): be on their side, let them let it out — no advice.
    "vent": (
        Line("헐 진짜 열받았겠어요. 듣기만 해도 제가 다 화나네요.", "헐 진짜 열받았겠다. 듣기만 해도 내가 다 화나네."),
        Line("완전 억울했겠어요. 무슨 일이었는지 다 얘기해 봐요, 들어 줄게요.", "완전 억울했겠다. 무슨 일이었는지 다 얘기해 봐, 들어 줄게."),
        Line("오늘은 무조건 {you} 편이에요. 속 시원하게 다 털어놔요.", "오늘은 무조건 네 편이야. 속 시원하게 다 털어놔."),
    ),
    # Cheated out of money (a lease fraud): outrage on their side, help looking for a way.
    "fraud": (
        Line("사기라니 진짜 황당하고 속상하겠어요. 웃을 일이 아닌데요.", "사기라니 진짜 황당하고 속상하겠다. 웃을 일이 아닌데."),
        Line("마음 많이 복잡하죠. 혼자 알아보지 말고 같이 방법 찾아봐요.", "마음 많이 복잡하지. 혼자 알아보지 말고 같이 방법 찾아보자."),
        Line("오늘은 제가 {you} 편이에요. 필요한 거 있으면 뭐든 말해요.", "오늘은 내가 네 편이야. 필요한 거 있으면 뭐든 말해."),
    ),
}


def said(v: Voice, kind: str) -> tuple[str, str, str]:
    safe, balanced, bold = (v.say(line, you=f"{v.name} 씨") for line in SAYINGS[kind])
    return safe, balanced, bold
