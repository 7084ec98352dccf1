"""Replies to everyday talk: a question, small talk, a joke, a late-night message.

A question gets an answer first — the user's own words from `situation` when they gave some —
then the talk goes on (a question back, a detail, a step forward)."""

from __future__ import annotations

import re

from ai.coach.local import jokes
from ai.coach.local.drafts import Detail, Draft
from ai.coach.local.voice import Line, Voice, join
from ai.coach.reading import cues
from ai.coach.reading.model import Reading
from ai.coach.types import Signal
from ai.korean.particles import josa
from ai.korean.register import to_register

# The partner answered their own question already ("MBTI 뭐예요? 저는 ENFP요!").
_OWN_ANSWER = re.compile(r"(?:저는|나는|난|전)\s*([A-Za-z0-9가-힣]+?)(?:이에요|예요|요|이야|야)?\s*[!.~ㅎㅋ]*\s*$")
_MBTI = re.compile(r"[EIei][NSns][TFtf][JPjp]")
# A question that looks after the user ("우산 챙기셨어요?", "밥은 먹었어?"): thank them for it.
_CARING = re.compile(r"챙기셨|챙겼|밥\s*(?:은\s*)?먹었|식사\s*하셨|잘\s*들어갔|잘\s*들어가셨|괜찮아\?|괜찮으세요|안\s*아파|감기")
_CONFIRM = re.compile(r"(.+?)\s*맞(?:죠|지|아요|나요|아|습니까)\s*\??\s*$")
# "자?", "아직 안 자?": asked from bed, not on the way home.
_STILL_UP = re.compile(r"^\s*(?:[가-힣]{1,3}(?:아|야)\s+)?(?:혹시\s*)?(?:아직\s*)?(?:안\s*)?자(?:\?|요\?|니|나|\s*$)|안\s*자(?:요|\?|니)|잠\s*(?:이\s*)?안\s*와")


def question(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    asked = _main_question(r.evidence.get(Signal.QUESTION) or (d.quote,))
    if _CONFIRM.match(asked):
        return _confirm(v, asked, d)
    if _MAY_I_CALL.search(asked) and not d.facts:
        return _may_call(v, r, asked)
    if _HOW_DO_I_LOOK.search(asked) and _LOOKS.search(r.message) and not d.facts:
        return _how_do_i_look(v, r, asked)
    if _DID_YOU_SEE.search(asked) and not d.facts:
        return _did_you_see(v, r, asked)
    if re.match(r"^\s*(?:헐|와|오|헉)?\s*(?:진짜|정말|레알)(?:요)?\s*\?", asked) and not d.facts:
        return _really(v)
    if r.has(Signal.LATE_NIGHT) and _STILL_UP.search(r.message):
        return _still_up(v, r, d, asked)
    if _REPROACH.search(asked) and not d.facts:
        return _reproach(v, r, asked)
    if _MATCHMAKER.search(r.message):  # the friend who set it up asks how it went
        return _matchmaker(v, d, asked)
    if _TEASE.search(asked) and not d.facts:
        return _tease(v, asked)
    own = _OWN_ANSWER.search(r.message.split("?")[-1]) if "?" in r.message else None
    told_own = own or any(_OWN_ANSWER.search(line) or re.match(r"\s*(?:저는|전|나는|난)\s", line)
                          for line in r.message.splitlines() if line.strip() and line.strip() != asked)
    # An MBTI is not echoed back: naming the partner's type reads as labelling them.
    ack = v.say(Line("오 {x}시구나!", "오 {x}구나!"), x=own.group(1)) if own and not _MBTI.fullmatch(own.group(1)) else ""
    answer = d.facts.text or _vague_answer(v, asked)
    first = d.facts.first or answer
    back = v.say(Line("{name} 씨 얘기도 더 듣고 싶어요.", "네 얘기도 더 듣고 싶다."), name=v.name) if told_own else v.say(
        Line("요즘 재밌게 본 건 뭐예요?", "요즘 재밌게 본 건 뭐야?")) if cues.request(asked) and re.search(r"넷플|영화|드라마|책|노래|음악|웹툰", asked) else v.say(
        Line("{you}는 뭐 땡겨요?", "너는 뭐 땡겨?"), you=f"{v.name} 씨") if re.search(r"점심|저녁|메뉴|먹지", asked) else _ask_back(v, asked)
    step = v.say(Line("챙겨 줘서 고마워요 ㅎㅎ", "챙겨 줘서 고마워 ㅎㅎ")) if _CARING.search(asked) else v.say(
        Line("음… 지금 얘기하고 있는 사람 같은 스타일? ㅎㅎ", "음… 지금 나랑 톡하는 사람 같은 스타일? ㅋㅋ")) if _IDEAL.search(asked) else v.one("question-step", [
        Line("궁금한 거 있으면 또 물어봐요.", "궁금한 거 있으면 또 물어봐."),
        Line("이런 얘기 {name} 씨랑 더 나누고 싶어요.", "이런 얘기 너랑 더 하고 싶어."),
        Line("{name} 씨가 물어봐 주니까 괜히 좋네요.", "네가 물어봐 주니까 괜히 좋다."),
        *([Line("{name} 씨 취향도 궁금해요.", "네 취향도 궁금하다.")] if re.search(r"좋아|취향|스타일|음식|영화|음악|책|노래", asked) else []),
    ], name=v.name)
    quoted = f"'{asked}'"
    return (
        Draft(join(ack, first), f"{v.name}님의 {quoted}에 돌려 말하지 않고 먼저 답해요" + (", 알려 준 내용 그대로요." if d.facts else ".")),
        Draft(join(ack, answer, back), f"답한 뒤 {v.name}님 쪽으로 대화를 넘겨서 한쪽으로만 흐르지 않게 해요."),
        Draft(join(ack, first, step), f"답에 더해 {v.name}님과 더 이야기하고 싶다는 마음을 분명히 보여 줘요."),
    )


_MAY_I_CALL = re.compile(r"(?:전화|통화|영상\s*통화|페이스톡|보이스톡)\S*\s*(?:해도|걸어도|가능)\s*(?:돼|될까|되나|해)?|전화해도")


def _may_call(v: Voice, r: Reading, asked: str) -> tuple[Draft, Draft, Draft]:
    """"전화해도 돼?": yes, and — late at night or after drinks — keep it short and kind."""
    drunk = bool(re.search(r"취했|취해|술\s*(?:마셨|먹었|한잔)|회식", r.message))
    yes = v.say(Line("네 전화해도 돼요.", "응 전화해도 돼."))
    care = v.say(Line("많이 취한 건 아니죠? 조심히 들어가요.", "근데 많이 취한 거 아니지? 조심히 들어가.")) if drunk else v.say(
        Line("늦었으니까 잠깐만 통화해요.", "늦었으니까 잠깐만 통화하자.")) if r.has(Signal.LATE_NIGHT) else ""
    glad = v.say(Line("저도 목소리 듣고 싶었어요.", "나도 네 목소리 듣고 싶었어."))
    return (
        Draft(yes, f"'{asked}'에 돌려 말하지 않고 된다고 바로 답해요."),
        Draft(join(yes, care), "전화는 받되, 늦은 밤이면 짧게 하자고 챙겨요." if not drunk else "전화는 받되, 취한 상대를 먼저 걱정해 줘요."),
        Draft(join(yes, glad), "나도 목소리가 듣고 싶었다는 마음을 솔직하게 돌려줘요."),
    )


_HOW_DO_I_LOOK = re.compile(r"어때|어떄|괜찮아\?|괜찮아요\?|이상해|이상하지|짧나|길나|잘\s*어울|별로야|별로지")
_LOOKS = re.compile(r"머리|헤어|옷|원피스|셔츠|정장|사진|셀카|네일|안경|화장|메이크업|염색|펌|파마|앞머리")


def _how_do_i_look(v: Voice, r: Reading, asked: str) -> tuple[str, str, str]:
    """"나 머리 잘랐는데 어때?? 너무 짧나": a warm yes first, the worry answered, no critique."""
    worry = re.search(r"(짧|길|이상|별로|과하|어색)", asked)
    fine = {"짧": "하나도 안 짧아", "길": "하나도 안 길어", "이상": "하나도 안 이상해", "별로": "완전 좋은데", "과하": "하나도 안 과해",
            "어색": "하나도 안 어색해"}.get(worry.group(1), "") if worry else ""
    yes = v.say(Line("완전 잘 어울려요!", "완전 잘 어울려!"))
    no_worry = (fine.replace("해", "해요").replace("어", "어요").replace("데", "데요") if v.polite else fine) if fine else ""
    no_worry = no_worry.replace("어요요", "어요").replace("해요요", "해요")
    return (
        Draft(join(yes, no_worry), f"'{asked}'에는 망설이지 않고 좋다고 먼저 답해 줘요."),
        Draft(join(yes, v.say(Line("분위기 확 달라졌어요.", "분위기 확 달라졌다."))), f"어디가 좋은지 한마디 보태 {v.name}님이 빈말로 듣지 않게 해요."),
        Draft(join(yes, v.say(Line("빨리 실물로 보고 싶어요.", "빨리 실물로 보고 싶다."))), f"칭찬에 보고 싶은 마음까지 얹어 {v.name}님에게 호감을 보여요."),
    )


_DID_YOU_SEE = re.compile(r"(?:봤|보셨|봤었)(?:어|어요|나요|니|냐|음)?\s*[?？]|(?:봤|보셨)(?:어|어요)\?*$")


def _did_you_see(v: Voice, r: Reading, asked: str) -> tuple[Draft, Draft, Draft]:
    """"퇴근길 하늘 미쳤다 너도 봤어??", "밖에 보셨어요??": share the moment — with the photo if there is one."""
    photo = bool(re.search(r"(?m)^\s*사진(?:\s*\d+장)?\s*$", r.message))
    topic = next((word for word in ("첫눈", "눈", "하늘", "노을", "무지개", "달", "별", "벚꽃", "단풍", "불꽃") if word in r.message), None)
    seen = v.say(Line("사진 보니까 {t}진짜 예쁘네요!", "사진 보니까 {t}진짜 예쁘다!"), t=f"{topic} " if topic else "") if photo else v.say(
        Line("헉 {t}진짜요? 지금 볼게요!", "헉 {t}진짜? 지금 볼게!"), t=f"{topic} 와요? " if topic in ("첫눈", "눈") else (f"{topic} " if topic else ""))
    seen = seen.replace("와요? 진짜요?", "와요?").replace("와요? 진짜?", "와?") if topic in ("첫눈", "눈") else seen
    thanks = v.say(Line("덕분에 저도 봤어요. 알려 줘서 고마워요 ㅎㅎ", "덕분에 나도 봤네. 알려 줘서 고마워 ㅎㅎ"))
    together = v.say(Line("이런 거 보면 {you} 생각날 것 같아요.", "다음엔 이런 거 같이 보고 싶다."), you=f"{v.name} 씨")
    return (
        Draft(seen, f"'{asked}'에 같이 감탄하며 그 순간을 나눠 줘요."),
        Draft(join(seen, thanks), f"보여 줘서 고맙다는 말로 {v.name}님이 또 나누고 싶게 해요."),
        Draft(join(seen, together), f"같은 걸 보며 {v.name}님을 떠올린다는 마음을 살짝 보여 줘요."),
    )


_LEAD_IN = re.compile(r"^(?:혹시|아\s*맞다|근데|그럼|그나저나|참)\s*[,.]?\s*")
_OPEN_QUESTION = re.compile(r"뭐|무슨|어디|언제|몇|어떤|누구")


def _ask_back(v: Voice, asked: str) -> str:
    """The partner's own question, turned to them: "점심 뭐 먹었어?" -> "너는 점심 뭐 먹었어?"."""
    you = f"{v.name} 씨는" if v.polite and not v.title else josa(v.you, "는")
    question = _LEAD_IN.sub("", asked.strip())
    question = re.sub(r"^(?:너는|넌|저는|전|나는|난|[가-힣]{2,3}\s*(?:님|씨)(?:은|는)?)\s*", "", question)
    question = re.split(r"(?<=[?？])", question)[0].strip()
    question = re.sub(r"[?？]{2,}", "?", question)
    if " vs " in question or "아니면" in question:
        return v.say(Line("{you} 어느 쪽이 더 끌려요?", "{you} 어느 쪽이 더 끌려?"), you=you)
    if _OPEN_QUESTION.search(question) and len(question) <= 25 and not re.search(r"저|제가|나|내가|우리", question):
        return f"{you} {to_register(question, polite=v.polite)}"
    if re.search(r"뭐\s*(?:해|했|먹)|좋아해|취미|주말|쉬는\s*날", question):
        return v.say(Line("{you}요?", "{you}?"), you=you)
    # "어땠어?" about the user's own day or date is not asked back
    return v.one("question-follow", [Line("궁금해해 줘서 고마워요 ㅎㅎ", "궁금해해 줘서 고마워 ㅎㅎ"),
                                     Line("얘기할 거 많아요 ㅎㅎ", "할 얘기 많아 ㅋㅋ")])


_OPENERS = re.compile(r"^\s*(?:자\??|안\s*자\??|뭐\s*해\??|바빠\??|있잖아\??|혹시\??|저기요?\??)\s*$")


def _main_question(asked: tuple[str, ...]) -> str:
    """The question to answer: not an opener ("자?", "뭐 해?") when a real one follows it."""
    real = [line for line in asked if not _OPENERS.match(line)]
    return real[-1] if real else asked[0]


_TEASE = re.compile(r"완전\s*너\s*아님|너\s*아니야\?|이거\s*너|너\s*같(?:음|아|지)|너잖아")
_IDEAL = re.compile(r"이상형|어떤\s*사람\s*(?:좋아|만나)|스타일이?\s*뭐")


_MATCHMAKER = re.compile(r"(?:소개팅|소개해\s*준|소개시켜|어제\s*어땠|만나\s*보니까)[^\n]{0,20}(?:어땠|어때|어떻)|(?:재밌었다고|좋았다고)\s*하던데")


def _matchmaker(v: Voice, d: Detail, asked: str) -> tuple[Draft, Draft, Draft]:
    thanks = v.one("matchmaker-thanks", [Line("소개해 줘서 고마워요!", "소개해 줘서 고마워!"),
                                         Line("신경 써 줘서 고마워요 ㅎㅎ", "신경 써 줘서 고마워 ㅎㅎ")])
    said = d.facts.first or v.say(Line("좋은 분이더라고요.", "좋은 사람이더라."))
    return (
        Draft(join(thanks, said), f"'{asked}'라고 물은 주선자에게 먼저 고마움을 전하고 짧게 답해요.", told=True),
        Draft(join(thanks, d.facts.text or said), "주선자에게 필요한 만큼만, 상대에 대한 험담 없이 전해요.", told=True),
        Draft(join(said, v.say(Line("덕분이에요, 진짜 고마워요!", "다 네 덕분이야, 진짜 고마워!"))), "좋은 자리를 만들어 준 마음을 한 번 더 챙겨요.", told=True),
    )


def _tease(v: Voice, asked: str) -> tuple[Draft, Draft, Draft]:
    """"이거 완전 너 아님?? ㅋㅋㅋ": they thought of you — play along."""
    return (
        Draft(v.say(Line("ㅋㅋㅋ 아니거든요", "ㅋㅋㅋ 아니거든")), f"'{asked}' 같은 장난에는 같이 장난으로 받아요."),
        Draft(v.say(Line("ㅋㅋㅋ 살짝 인정이요. 이거 어디서 찾았어요?", "ㅋㅋㅋ 살짝 인정. 이거 어디서 찾았어?")), "웃으며 받아 주고 질문 하나로 대화를 이어가요."),
        Draft(v.say(Line("ㅋㅋㅋ 이거 보고 제 생각 났어요? 좋네요 ㅎㅎ", "ㅋㅋㅋ 이거 보고 내 생각 났어? 좋다 ㅎㅎ")), "상대가 나를 떠올렸다는 게 반갑다는 마음을 살짝 드러내요."),
    )


_REPROACH = re.compile(r"뜸하|연락\s*(?:좀|이\s*없|이\s*안)|왜\s*(?:이렇게\s*)?연락|잠수|바쁜가\s*봐|나\s*잊")


def _really(v: Voice) -> tuple[Draft, Draft, Draft]:
    """"헐 진짜요? 대박 부러워요": a reaction to the user's news, not a question to answer with nothing."""
    yes = v.say(Line("네 ㅎㅎ 저도 아직 실감이 안 나요!", "응 ㅋㅋ 나도 아직 실감이 안 나!"))
    return (
        Draft(yes, "놀라며 반응해 준 상대에게 밝게 맞장구쳐요."),
        Draft(join(yes, v.say(Line("{you}는 이런 거 해 본 적 있어요?", "너는 이런 거 해 본 적 있어?"), you=f"{v.name} 씨")), "내 얘기에서 상대 얘기로 대화를 넘겨요."),
        Draft(join(yes, v.say(Line("가기 전에 한번 봐요 ㅎㅎ", "가기 전에 한번 보자 ㅋㅋ"))), "반가운 반응을 만남으로 가볍게 이어가요."),
    )


def _vague_answer(v: Voice, asked: str) -> str:
    """No answer in the situation: a true-enough one the user can make their own."""
    if re.search(r"뭐\s*해|뭐\s*하고|뭐함", asked):
        return v.say(Line("저는 그냥 쉬고 있었어요.", "나 그냥 쉬고 있었어."))
    if re.search(r"뭐\s*(?:먹었|드셨|먹음|먹어)", asked):
        return v.say(Line("저는 근처에서 간단하게 먹었어요!", "나 그냥 근처에서 간단하게 먹었어!"))
    if re.search(r"잘\s*(?:보내|지내|잤|쉬)", asked):
        return v.say(Line("네 덕분에 잘 보냈어요!", "응 덕분에 잘 보냈어!"))
    if re.search(r"뭐\s*했|어땠", asked):
        return v.say(Line("저는 별일 없이 잘 보냈어요.", "나는 별일 없이 잘 보냈어."))
    if re.search(r"점심|저녁|메뉴|밥|먹지", asked) and re.search(r"추천|뭐\s*먹지", asked):
        return v.say(Line("음 오늘은 국밥 어때요? 아니면 뭐 땡기는 거 있어요?", "음 오늘은 국밥 어때? 아니면 뭐 땡기는 거 있어?"))
    if re.search(r"추천|골라", asked):  # no pick of the user's own: ask their taste, then choose for them
        return v.say(Line("음 어떤 장르 좋아해요? 취향 말해 주면 골라 줄게요!", "음 어떤 장르 좋아해? 취향 말해 주면 골라 줄게!"))
    if re.search(r"좋아해|뭐가|어디가", asked):
        return v.say(Line("음 딱 하나만 고르기 어렵네요.", "음 딱 하나 고르기 어렵다."))
    return v.say(Line("음 생각해 볼게요 ㅎㅎ", "음 생각해 볼게 ㅎㅎ"))


def _reproach(v: Voice, r: Reading, asked: str) -> tuple[Draft, Draft, Draft]:
    """"너 요즘 연락이 너무 뜸하다?": a light reproach — own it lightly, no excuses."""
    sorry = v.say(Line("아 미안해요 ㅠㅠ 요즘 좀 정신없었어요.", "아 미안 ㅠㅠ 요즘 좀 정신없었어."))
    back = v.say(Line("{you}는 잘 지냈어요?", "너는 잘 지냈어?"), you=v.you if not v.polite else f"{v.name} 씨")
    step = v.say(Line("이번 주에 밥 한번 먹어요, 제가 살게요!", "이번 주에 밥 한번 먹자, 내가 쏠게!"))
    return (
        Draft(sorry, f"'{asked}'는 서운함을 가볍게 말한 거라, 변명보다 짧게 미안하다고 해요."),
        Draft(join(sorry, back), f"사과하고 {v.name}님 안부를 먼저 물어 관심이 있다는 걸 보여 줘요."),
        Draft(join(sorry, step), f"말보다 만남으로 미안함을 풀어 {v.name}님과 다시 가까워져요."),
    )


def _confirm(v: Voice, asked: str, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"내일 7시 강남역 11번 출구 맞죠?": yes (or what the user said), and a word about meeting."""
    what = _CONFIRM.match(asked).group(1).strip()  # type: ignore[union-attr]
    if d.facts:
        said = d.facts.text
        return (
            Draft(said, f"'{asked}'에 알려 준 그대로 바로 답해요."),
            Draft(join(said, v.say(Line("도착하면 연락 주세요!", "도착하면 연락해!"))), "확인에 만날 때 서로 찾기 쉽게 한마디를 보태요."),
            Draft(join(said, v.say(Line("그래도 얼른 보고 싶어요 ㅎㅎ", "그래도 얼른 보고 싶다 ㅎㅎ"))), "확인에 보고 싶은 마음을 얹어 만남 전 분위기를 좋게 해요."),
        )
    yes = v.say(Line("네 맞아요! {what}에서 봬요.", "응 맞아! {what}에서 보자."), what=what)
    early = v.say(Line("네 맞아요! 저는 조금 일찍 가 있을게요. 도착하면 연락 주세요.", "응 맞아! 나 조금 일찍 가 있을게. 도착하면 연락해."))
    forward = v.one("confirm-forward", [Line("맞아요! 벌써 기대돼요 ㅎㅎ 조심히 오세요.", "맞아! 벌써 기대된다 ㅎㅎ 조심히 와."),
                                         Line("맞아요, 그때 봬요! 내일이 기다려지네요 ㅎㅎ", "맞아, 그때 보자! 내일이 기다려진다 ㅎㅎ")])
    return (
        Draft(yes, f"'{asked}'에 맞다고 바로 확인해 줘요."),
        Draft(early, "약속을 확인하고, 만날 때 서로 찾기 쉽게 해요."),
        Draft(forward, "확인에 기대된다는 마음을 얹어 만남 전 분위기를 좋게 해요."),
    )


def _still_up(v: Voice, r: Reading, d: Detail, asked: str) -> tuple[Draft, Draft, Draft]:
    """"자?" late at night: answer, and answer the wish to talk behind it."""
    if re.search(r"자느라|아침에\s*봤|이제\s*봤|일어나서\s*봤", r.wish.text):  # read in the morning: no pretending it is night
        return _read_next_morning(v, d, asked)
    up = d.facts.text or v.say(Line("아직 안 자요.", "아직 안 자."))
    if _OUT.search(r.message):  # "독서실 끝나고 집 가는 길": on the way home
        care = v.say(Line("늦게까지 고생했어요, 조심히 들어가요.", "늦게까지 고생했다, 조심히 들어가."))
        return (
            Draft(up, f"{v.name}님의 '{asked}'에 깨어 있다고 바로 답해요."),
            Draft(join(up, care), f"늦게까지 애쓰고 돌아가는 {v.name}님을 먼저 챙겨요."),
            Draft(join(up, v.say(Line("집 도착하면 연락 줘요!", "집 도착하면 연락해!"))), f"{v.name}님이 무사히 들어가는지까지 챙겨 관심을 보여 줘요."),
        )
    why_up = v.say(Line("{name} 씨도 잠이 안 와요?", "너도 잠이 안 와?"), name=v.name)
    return (
        Draft(up, f"{v.name}님의 '{asked}'에 깨어 있다고 바로 답해요."),
        Draft(join(up, why_up), f"답하고 {v.name}님이 왜 깨어 있는지 물어 대화를 열어 줘요."),
        Draft(join(up, v.one("still-up-bold", [
            Line("안 그래도 {name} 씨 생각하고 있었어요.", "안 그래도 네 생각하고 있었는데 ㅎㅎ"),
            Line("연락 와서 반가워요.", "연락 와서 좋다 ㅎㅎ"),
        ], name=v.name)), f"늦은 밤 연락이 반가웠다는 마음을 살짝 드러내 {v.name}님과 가까워져요."),
    )


def _read_next_morning(v: Voice, d: Detail, asked: str) -> tuple[Draft, Draft, Draft]:
    slept = v.say(Line("앗 자느라 이제 봤어요 ㅎㅎ", "앗 자느라 이제 봤어 ㅋㅋ"))
    return (
        Draft(join(slept, v.say(Line("잘 잤어요?", "잘 잤어?"))), f"{v.name}님의 '{asked}'에 밤사이 자느라 못 봤다고 솔직하게 답해요.", told=True),
        Draft(join(slept, v.say(Line("어젯밤에 무슨 일 있었어요?", "어젯밤에 무슨 일 있었어?"))), "늦은 밤에 연락한 이유를 가볍게 물어 대화를 이어가요.", told=True),
        Draft(join(slept, v.say(Line("밤에 연락 와 있어서 아침부터 기분 좋네요.", "밤에 연락 와 있어서 아침부터 기분 좋다."))),
              f"{v.name}님의 연락이 반가웠다는 마음을 아침 인사에 담아요.", told=True),
    )


def joking(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    laugh, middle, bold = jokes.lines_for(v, r.message, d.topics)
    if d.facts:  # the user knows what they want to say: laugh along, then say it
        return (
            Draft(join(laugh, d.facts.first), f"{v.name}님의 '{d.quote}'는 장난스러운 투정이라 같이 웃으며 받아 주면 돼요.", told=True),
            Draft(join(laugh, middle, d.facts.text), f"{v.name}님의 투정에 웃어 주면서 하고 싶은 말을 가볍게 덧붙여요.", told=True),
            Draft(join(laugh, bold), f"투정에 귀엽게 맞장구치며 {v.name}님을 챙기는 마음을 살짝 보여 줘요.", told=True),
        )
    return (
        Draft(laugh, f"{v.name}님의 '{d.quote}'는 장난스러운 투정이라 같이 웃으며 받아 주면 돼요."),
        Draft(join(laugh, middle), f"웃어 주면서 {v.name}님 편을 들어 줘 투정을 기분 좋게 받아 줘요."),
        Draft(join(laugh, bold), f"투정에 귀엽게 맞장구치며 {v.name}님을 챙기는 마음을 살짝 보여 줘요."),
    )


_OUT = re.compile(r"퇴근|가는\s*중|끝났|끝나고|들어가|집\s*가|마치고|나왔")


def late_night(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    mine = d.facts.text if d.facts else v.say(Line("저도 아직 안 자고 있었어요.", "나도 아직 안 자고 있었어."))
    sleep = v.say(Line("늦었는데 얼른 자요, 내일 피곤하겠어요.", "늦었는데 얼른 자, 내일 피곤하겠다."))
    care = v.say(Line("늦게까지 고생했어요, 조심히 들어가요.", "늦게까지 고생했다, 조심히 들어가.")) if _OUT.search(r.message) else v.say(
        Line("오늘도 고생 많았어요.", "오늘도 고생 많았어."))
    return (
        Draft(join(care, sleep), f"{v.name}님의 늦은 밤 연락에 짧게 챙겨 주고 푹 자라는 인사로 마무리해요."),
        Draft(join(mine, care), f"나도 깨어 있었다는 걸 알려 {v.name}님과 잠깐 대화를 나눌 여지를 줘요."),
        Draft(join(mine, v.say(Line("잠들기 전에 {name} 씨 생각하고 있었어요.", "자기 전에 네 생각하고 있었어."), name=v.name)),
              f"늦은 밤의 연락에 {v.name}님 생각을 하고 있었다고 마음을 조금 더 드러내요."),
    )
