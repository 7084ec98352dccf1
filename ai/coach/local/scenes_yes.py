"""Replies when the door is open: an invitation, talk about the relationship, affection, good
news, an apology, thanks. SAFE answers warmly, BALANCED answers and keeps it going, BOLD takes
a clear step forward."""

from __future__ import annotations

import re
from dataclasses import replace

from ai.coach.local.details import adverbial, find_times
from ai.coach.local.drafts import Detail, Draft
from ai.coach.local.scenes_no import kind_no
from ai.coach.local.scenes_us import relationship
from ai.coach.local.voice import Line, Voice, join
from ai.coach.reading import cues
from ai.coach.reading.model import Reading
from ai.coach.types import Signal, Stage
from ai.korean.particles import josa

_YES_WORDS = re.compile(r"^(?:좋아|좋지|좋은데|좋긴|완전\s*좋|당연|콜|오케이|ㅇㅋ|무조건|그래|(?:저도|나도)\s*좋)")
_CANT = re.compile(r"못\s*(?:가|갈|나가|볼)|(?<!밖에\s)안\s*돼|어려울|힘들\s*것\s*같|(?<!밖에\s)안\s*될")
# The user does not want to go at all ("둘이 드라이브는 부담돼", "이성으로는 아니라서").
_NOT_GOING = re.compile(r"부담|이성으로는|아니라서|안\s*갈\s*거|가기\s*싫|별로\s*안\s*내켜")
_CLOCK = re.compile(r"\d+\s*시")
_FAVOUR = re.compile(r"예약하겠|예약할게|예약해|제가\s*살게|내가\s*살게|쏠게|사\s*줄게|데리러")
_ROUGH_DAY = re.compile(r"깨져|깨졌|혼났|스트레스|짜증|우울|빡쳐|힘들어서")
_HOUSEWARMING = re.compile(r"집들이|이사")
_GROUP = re.compile(r"동기들|애들이랑|다\s*같이|모임|친구들이랑|사람들이랑|동아리")
_FAMILY_EVENT = re.compile(r"결혼식|돌잔치|생신|칠순|환갑|가족\s*(?:모임|여행|식사)|(?:부모님|엄마|아빠|친구들|친구들이랑|친구들하고)[^.!?\n]{0,10}(?:같이|만나|보|먹|뵙)")


def invitation(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    if r.has(Signal.APOLOGY) and _RESCHEDULE.search(r.message):
        return _reschedule(v, r, d)
    facts, first = d.facts.text, d.facts.first
    if (facts and _NOT_GOING.search(facts)) or r.wish.decline:
        return kind_no(v, r, d)
    if re.search(r"(?:오면|올\s*때)\s*연락", r.message):
        return _drop_by(v, d)
    if not cues.explicit_ask(r.message):
        return _veiled(v, r, d)
    if facts and (_CANT.search(facts) or _other_day(r.message, facts)):
        return _counter_offer(v, r, d)
    yes = "" if _YES_WORDS.match(facts) else v.one("invite-yes", [
        Line("좋아요!", "좋아!"), Line("완전 좋아요!", "완전 좋아!"), Line("오 좋아요!", "오 좋지!"),
    ])
    when = _asked_time(r) or (d.time if d.time not in ("언제", "나중에", "조만간") else None)
    plan = facts or (v.say(Line("{w} 괜찮아요.", "{w} 괜찮아."), w=when) if when else "")
    if not facts and re.search(r"아니면", r.message) and d.activity:  # "영화 볼래? 아니면 전시?": choose one
        plan = join(v.say(Line("저는 {a}요!", "난 {a}!"), a=d.activity), plan)
    if not plan and re.search(r"언제\s*(?:봐|볼까|만나|볼래|돼)", r.message):  # "우리 언제 봐?": name a day
        plan = v.say(Line("이번 주말 어때요?", "이번 주말 어때?"))
        if r.has(Signal.AFFECTION):
            yes = v.say(Line("저도 보고 싶었어요!", "나도 보고 싶었어!"))
    first = first or plan
    tonight = bool(re.search(r"오늘|이따", r.message))
    timed = bool(_CLOCK.search(r.message) or _CLOCK.search(plan))
    if _HOUSEWARMING.search(r.message):
        detail = v.say(Line("뭐 사 갈까요? 필요한 거 있으면 말해요!", "뭐 사 갈까? 필요한 거 있으면 말해!"))
    elif _FAMILY_EVENT.search(_ask_lines(r)):  # the hour is theirs to tell; what to bring or wear is the question
        detail = v.say(Line("제가 뭐 준비해 가면 좋을지 알려 줘요!", "내가 뭐 입고 가면 좋을지 알려 줘!"))
    elif re.search(r"예매|예약\s*(?:했|해\s*놨|해놨)", r.message):
        detail = v.say(Line("예매까지 해 주다니 고마워요!", "예매까지 해 주다니 고마워!"))
    elif "퇴근" in r.message and not timed:
        detail = v.say(Line("몇 시에 끝나요? 제가 그쪽으로 갈게요.", "몇 시에 끝나? 내가 그쪽으로 갈게."))
    elif re.search(r"이나|아니면", plan):
        detail = v.say(Line("{you} 편한 날로 골라 주세요!", "너 편한 날로 골라!"), you=v.you)
    elif not timed:
        detail = v.say(Line("몇 시쯤 볼까요?", "몇 시쯤 볼까?"))
    elif d.place:
        detail = v.say(Line("{p} 거기 좋아요!", "{p} 거기 좋다!"), p=d.place)
    else:
        detail = v.say(Line("장소는 {you} 편한 데로 정해요.", "장소는 너 편한 데로 정하자."), you=v.you)
    see_you = v.say(Line("이따 봬요!", "이따 봐!")) if tonight else v.say(Line("내일 봬요!", "내일 봐!")) if "내일" in r.message else v.say(
        Line("그날 봬요!", "그날 보자!"))
    # The partner named the hour and the user did not: take it ("토요일 6시쯤에 갈게!").
    come = v.say(Line("{w} 갈게요!", "{w} 갈게!"), w=adverbial(when)) if timed and when and not _CLOCK.search(plan) else ""
    thanks = _thanks_for_favour(v, r)
    return (
        Draft(join(_echo_thanks(v, r), yes, first, come), f"{v.name}님의 '{d.quote}'에 바로 좋다고 답하고 가능한 때를 분명히 말해 약속이 잡히게 해요."),
        Draft(join(yes if not facts else "", plan, v.say(Line("가고 싶은 데 있어요?", "가고 싶은 데 있어?"))) if plan.endswith("?") else
              join(yes if not facts else "", plan, thanks or detail, "" if thanks or "골라" in detail else see_you),
              f"가능한 때에 장소나 준비할 것 하나를 더 정해 {v.name}님과의 약속을 확실하게 만들어요."),
        Draft(join(yes, first, _looking_forward(v, r, d)), f"수락에 기대된다는 마음까지 얹어 {v.name}님에게 호감을 분명하게 돌려줘요."),
    )


_DAY = re.compile(r"[월화수목금토일]요일")


def _ask_lines(r: Reading) -> str:
    """The lines that make the ask ("목요일 야간개장 가는 건 어때"), not the reason for another day ("일요일 조카 돌잔치라")."""
    asking = [line for line in r.message.splitlines() if cues.explicit_ask(line) or "?" in line]
    return "\n".join(asking[-2:]) if asking else r.message


def _asked_time(r: Reading) -> str | None:
    """The time in the line that asks ("이번 주는 어렵고요 / 다음 주 토요일은 어떠세요?" -> 다음 주 토요일),
    not the first time the message names."""
    for line in reversed(r.message.splitlines()):
        if cues.explicit_ask(line) or "?" in line:
            times = find_times(line)
            if times:
                vague = {"언제", "나중에", "조만간", "이따", "이따가"}
                return next((t.text for t in times if t.text not in vague), None)
    return None


def _other_day(message: str, facts: str) -> bool:
    """The invitation names a day and the user names another ("토요일 어때?" — "일요일 오후면 괜찮아요")."""
    asked, offered = set(_DAY.findall(message)), set(_DAY.findall(facts))
    return bool(asked and offered and not asked & offered)


def _drop_by(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"주말에 이쪽 오면 연락해요": take the open door with the day the user will be there."""
    when = d.facts.first or v.say(Line("다음에 그쪽 가면 꼭 연락드릴게요!", "다음에 그쪽 가면 꼭 연락할게!"))
    return (
        Draft(join(when, v.say(Line("그때 연락드려도 돼요? ㅎㅎ", "그때 연락해도 돼? ㅎㅎ"))), "빈말로 넘기지 않고, 실제로 갈 날을 말해 반가운 마음을 보여 줘요."),
        Draft(join(when, v.say(Line("맛집 추천 기대할게요 ㅎㅎ", "맛집 추천 기대할게 ㅋㅋ"))), "가볍게 기대를 표현해 부담 없이 약속으로 이어지게 해요."),
        Draft(join(when, v.say(Line("끝나고 시간 괜찮으시면 같이 맛있는 거 먹어요!", "끝나고 시간 되면 같이 맛있는 거 먹자!"))), "상대가 연 문을 내가 한 걸음 더 열어, 만남을 분명히 제안해요."),
    )


def _counter_offer(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """The user wants to, but cannot then ("오늘은 9시반까지 회의라 못 가… 금요일 저녁은 돼"), or
    only on another day ("토요일은 어렵고 일요일 오후면 괜찮아요")."""
    facts = d.facts.text
    asked = _DAY.findall(r.message)
    if asked and not _CANT.search(facts) and _other_day(r.message, facts):
        facts = join(v.say(Line("{d}은 좀 어려워요.", "{d}은 좀 어려워."), d=asked[0]), facts)
    if "밖에" in facts:  # "목요일 저녁밖에 안 돼": a yes, for that one day
        facts = join(v.say(Line("좋아요!", "좋아!")), facts)
    sorry = v.say(Line("아 너무 아쉬워요 ㅠㅠ", "아 완전 아쉽다 ㅠㅠ")) if _CANT.search(facts) else v.say(Line("오 좋아요!", "오 좋지!"))
    return (
        Draft(join(sorry, facts), f"{v.name}님의 제안을 반기면서 안 되는 이유와 되는 날을 같이 말해, 거절로 들리지 않게 해요."),
        Draft(join(facts, v.say(Line("다음엔 꼭 같이 가요!", "다음엔 꼭 같이 가자!")) if _CANT.search(facts) else v.say(
            Line("그럼 그날 봬요!", "그럼 그날 보자!"))), f"다른 날을 분명히 말해 {v.name}님과의 약속을 이어가요."),
        Draft(join(sorry, facts, v.say(Line("{you}가 먼저 말해 줘서 좋았어요.", "먼저 말해 줘서 좋았어, 그날은 내가 쏠게!"), you=v.you)),
              f"못 가는 아쉬움보다 {v.name}님과 만나고 싶은 마음을 더 크게 보여 줘요."),
    )


def _thanks_for_favour(v: Voice, r: Reading) -> str:
    if re.search(r"예약", r.message):
        return v.say(Line("예약까지 해 주신다니 감사해요.", "예약까지 해 준다니 고마워."))
    if re.search(r"데리러", r.message):
        return v.say(Line("데리러 와 준다니 감사해요.", "데리러 와 준다니 고마워."))
    if _FAVOUR.search(r.message):
        return v.say(Line("사 주신다니 감사해요, 다음엔 제가 살게요!", "사 준다니 고마워, 다음엔 내가 쏠게!"))
    return ""


def _echo_thanks(v: Voice, r: Reading) -> str:
    """"오늘 통화 즐거웠습니다" before the invitation: say it back first."""
    if re.search(r"통화\s*즐거웠|통화\s*좋았", r.message):
        return v.say(Line("저도 오늘 통화 즐거웠어요.", "나도 오늘 통화 좋았어."))
    return ""


def _looking_forward(v: Voice, r: Reading, d: Detail) -> str:
    if r.stage is Stage.DATING and re.search(r"보고\s*싶(?:어|다|었)", r.message):
        return v.say(Line("저도 너무 보고 싶었어요.", "나도 보고 싶어 죽는 줄 알았어."))
    if re.search(r"언제\s*(?:밥|커피|술|식사)", r.message):  # "언제 밥 한번 먹어요": make it real
        return v.say(Line("빈말 아닌 거죠? ㅎㅎ 이번엔 진짜 날짜 잡아요!", "빈말 아니지? ㅋㅋ 이번엔 진짜 날 잡자!"))
    if _ROUGH_DAY.search(r.message):
        return v.say(Line("오늘은 제가 다 들어 줄게요.", "오늘은 내가 다 들어 줄게."))
    if _HOUSEWARMING.search(r.message):
        return v.say(Line("새집 구경 너무 기대돼요!", "새집 구경 완전 기대된다!"))
    if r.has(Signal.GOOD_NEWS):  # "나 이직했다! 이번 주에 내가 쏜다"
        return v.say(Line("그날 제대로 축하해요! 케이크는 제가 살게요.", "그날 제대로 축하하자! 케이크는 내가 살게."))
    food = d.activity if d.activity in ("파스타", "치킨", "고기", "떡볶이", "커피", "술", "맥주") else None
    if _GROUP.search(_ask_lines(r)) and not _FAMILY_EVENT.search(_ask_lines(r)):  # "동기들이랑 고기 먹는데 너도 올래?"
        return v.say(Line("다 같이 보는 거 기대돼요!", "다 같이 보는 거 기대된다!"))
    if _FAMILY_EVENT.search(_ask_lines(r)):  # their friends, their family, a wedding: meeting their people
        return v.say(Line("{who} 뵙는 거 조금 떨리지만 기대돼요.", "{who} 만나는 거 좀 떨리긴 하는데 기대된다."),
                     who="친구분들" if re.search(r"친구", r.message) else "가족분들")
    if r.facts.user_invited:  # the user asked first; the partner found a day that works
        return v.say(Line("시간 맞춰 줘서 고마워요. {what}벌써 기대돼요.", "시간 맞춰 줘서 고마워. {what}벌써 기대된다."),
                     what=f"{d.activity} 먹을 생각에 " if food else "")
    return v.one("invite-forward", [
        Line("{what}벌써 기대돼요.", "{what}벌써 기대된다."),
        Line("먼저 말해 줘서 고마워요, 사실 저도 먼저 연락하려고 했어요.", "먼저 말해 줘서 고마워, 사실 나도 먼저 연락하려고 했어."),
    ], what=f"{d.activity} 먹을 생각에 " if food else "")


def _veiled(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"주말에 뭐 해?", "혼자 가긴 좀 그래서요": the door is open, the ask is not made yet."""
    facts = d.facts.text if d.facts else ""
    free = facts or v.one("veiled-free", [
        Line("아직 특별한 계획은 없어요!", "아직 딱히 계획 없어!"), Line("아직 비어 있어요!", "아직 비어 있어!"),
    ])
    back = v.say(Line("{name} 씨는요?", "너는?"), name=v.name)
    curious = v.say(Line("왜요, 재밌는 거 있어요?", "왜, 뭐 재밌는 거 있어?"))
    alone = "혼자" in r.message
    if alone:
        propose = v.say(Line("그럼 저랑 같이 가요!", "그럼 나랑 같이 가자!"))
    elif d.outing:  # what the partner likes doing ("러닝 좋아한다고 했잖아요")
        propose = v.say(Line("시간 되면 같이 {o} 갈래요?", "시간 되면 같이 {o} 갈래?"), o=d.outing).replace("  ", " ")
    else:
        propose = v.say(Line("시간 되면 같이 뭐 할래요?", "시간 되면 같이 뭐 할래?"))
    return (
        Draft(join(free, back if not alone else curious), f"{v.name}님이 던진 '{d.quote}'에 먼저 답해서, 상대가 제안할 틈을 열어 둬요."),
        Draft(join(free, curious if not alone else v.say(Line("언제 가 보실 생각이에요?", "언제 가 볼 생각이야?"))),
              f"넌지시 떠보는 말이니 관심을 보이며 {v.name}님이 먼저 말하게 해요."),
        Draft(join(free, propose), f"{v.name}님의 신호를 놓치지 않고 내가 먼저 같이 하자고 해서 한 걸음 나아가요."),
    )


_NIGHT = re.compile(r"잘\s*자|잘게|자러|자야|먼저\s*잘|굿\s*나잇|굿밤|꿈")
# The partner's words of affection, said back in kind.
_MIRRORS = (
    (re.compile(r"불러\s*(?:봄|봤|줄게)|음성\s*메시지|녹음"), Line("노래 계속 듣고 있어요. 목소리 너무 좋아요.", "노래 계속 듣고 있어. 목소리 진짜 좋다.")),
    (re.compile(r"사랑해"), Line("저도 사랑해요.", "나도 사랑해.")),
    (re.compile(r"보고\s*싶"), Line("저도 보고 싶었어요.", "나도 보고 싶었어.")),
    (re.compile(r"좋아해|좋아하는\s*것\s*같"), Line("저도 좋아해요.", "나도 좋아해.")),
    (re.compile(r"생각\s*났|생각\s*나(?:서|더라|네|던데)"), Line("저도 {you} 생각하고 있었어요.", "나도 네 생각하고 있었어.")),
    (re.compile(r"재밌었|재미있었|즐거웠|좋았"), Line("저도 오늘 정말 즐거웠어요.", "나도 오늘 진짜 재밌었어.")),
)
_THANKED_FOR = (
    (re.compile(r"데려다\s*줘서|바래다\s*줘서"), Line("데려다주는 건 당연하죠 ㅎㅎ", "데려다주는 건 당연하지 ㅎㅎ")),
    (re.compile(r"목소리"), Line("저도 목소리 듣고 싶었는데 아쉬워요.", "나도 목소리 듣고 싶었는데 아쉽다.")),
)


_TIPSY = re.compile(r"술|취했|취함|택시\s*탔|회식|2차|헤헤|[가-힣]뉴\b|했는뎅")


def _tipsy(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    """Affection after a few drinks, late at night: get them home safe; the real answer can wait."""
    home = v.say(Line("ㅋㅋ 택시 탔으면 조심히 들어가요. 집 도착하면 연락 줘요.", "ㅋㅋ 택시 탔으면 조심히 들어가. 집 도착하면 연락 줘."))
    return (
        Draft(home, f"'{d.quote}'는 술기운에 한 말일 수 있어서, 지금은 무사히 들어가는지만 챙겨요."),
        Draft(v.say(Line("집에 가서 물 많이 마시고 푹 자요. 얘기는 내일 해요.", "집에 가서 물 많이 마시고 푹 자. 얘기는 내일 하자.")),
              "대답은 맑은 정신일 때로 미루고 오늘은 가볍게 챙겨 줘요."),
        Draft(join(v.say(Line("저도 오늘 {you} 못 봐서 아쉬웠어요.", "나도 오늘 너 못 봐서 아쉬웠어."), you=josa(v.you, "을")),
                   v.say(Line("일단 조심히 들어가요!", "일단 조심히 들어가!"))),
              "아쉬운 마음만 살짝 비치고, 고백은 다음 날 맨정신일 때로 남겨 둬요."),
    )


def affection(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    if r.has(Signal.LATE_NIGHT) and _TIPSY.search(r.message) and r.stage is not Stage.DATING:
        return _tipsy(v, d)
    if cues.confession(r.message) and not r.stage is Stage.DATING:
        return relationship(v, r, d)
    facts = d.facts.text
    me_too = next((v.say(line, you=v.you) for pattern, line in _MIRRORS if pattern.search(r.message)), None) or v.say(
        Line("저도 같은 마음이에요.", "나도 같은 마음이야."))
    same_words = re.search(r"사랑|보고\s*싶|좋아", me_too)
    if re.match(r"(?:나도|저도)", d.facts.first) and (not same_words or same_words.group(0) in d.facts.first):
        # the user's own "나도 너무 보고 싶어" says it better than the stock mirror
        me_too, facts = d.facts.first, " ".join(d.facts.sentences[1:])
        d = replace(d, facts=replace(d.facts, sentences=d.facts.sentences[1:]))
    if re.search(r"(?:불러도|해도|가도|봐도)\s*(?:돼|될까|되나)", r.message):  # "자기야라고 불러도 돼?"
        me_too = join(v.say(Line("당연하죠!", "당연하지!")), me_too)
    night = bool(_NIGHT.search(r.message))
    bye = v.one("affection-bye", [Line("잘 자요!", "잘 자!"), Line("푹 자요!", "푹 자!")]) if night else ""
    extra = next((v.say(line) for pattern, line in _THANKED_FOR if pattern.search(r.message)), "")
    echoed = v.say(Line("{you}도 오늘 고생 많았어요.", "너도 오늘 고생 많았어."), you=v.you) if re.search(r"고생했", r.message) else ""
    miss = "보고 싶" in r.message or "보고싶" in r.message
    warm = v.one("affection-warm", [
        Line("그 말 들으니까 하루 피로가 다 풀려요.", "그 말 들으니까 하루 피로가 다 풀린다."),
        Line("오늘 하루 중에 제일 좋은 말이에요.", "오늘 들은 말 중에 제일 좋다."),
    ])
    if r.has(Signal.THANKS) and re.search(r"선물|도착|받았|취향", r.message):  # a gift that arrived
        glad = v.say(Line("마음에 든다니 다행이에요 ㅎㅎ", "마음에 든다니 다행이다 ㅎㅎ"))
        return (
            Draft(join(glad, d.facts.first), f"{v.name}님이 선물을 반가워한 마음에 먼저 기뻐해요."),
            Draft(join(me_too, facts or warm), f"'{d.quote}'에 같은 마음으로 답하고 물은 것에도 답해요."),
            Draft(join(me_too, v.say(Line("빨리 보고 싶어요. 그거 하고 나온 모습 꼭 보여 줘요.", "빨리 보고 싶다. 그거 하고 나온 모습 꼭 보여 줘."))),
                  f"멀리 있는 {v.name}님에게 보고 싶은 마음을 숨기지 않고 말해요."),
        )
    if night:
        bold_line = v.say(Line("꿈에서 만나요.", "꿈에서 보자."))
    elif miss:
        bold_line = v.say(Line("만나면 꼭 안아 줄게요.", "만나면 꽉 안아 줄게."))
    else:
        bold_line = v.one("affection-bold", [
            Line("{you}라서 더 좋아요.", "너라서 더 좋아."), Line("빨리 보고 싶어요.", "빨리 보고 싶다."),
        ], you=v.you) if not r.has(Signal.THANKS) else v.say(Line("빨리 보고 싶어요.", "빨리 보고 싶다."))
    return (
        Draft(join(me_too, echoed, bye) if night else join(me_too, d.facts.first), f"{v.name}님의 '{d.quote}'에 같은 마음으로 답해요."),
        Draft(join(me_too, facts, extra or warm, bye), f"같은 마음에 지금 내 상황을 한마디 보태 {v.name}님이 애정을 더 느끼게 해요."),
        Draft(join(me_too, d.facts.first if not night else "", bold_line), f"망설이지 않고 마음을 더 크게 표현해 {v.name}님과 한 걸음 가까워져요."),
    )


_RESCHEDULE = re.compile(r"미뤄|미룰|다음\s*주로|다른\s*날|연기|바꿔도|옮겨도|다시\s*잡|(?:내일|모레|주말에)\s*(?:보면|만나면)\s*안\s*될까")
# What kept them busy, as the reply says it ("이사" -> "이사 도와주느라").
_BUSY_WITH = {"야근": "야근하느라", "과제": "과제하느라", "공부": "공부하느라", "시험": "시험 준비하느라", "알바": "알바하느라",
              "훈련": "훈련받느라", "발표": "발표 준비하느라", "마감": "마감하느라", "출장": "출장 다니느라", "회사": "회사 일 하느라"}


def apology(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    if cues.after_fight(r.message) or r.facts.user_apologized:
        return _make_up(v, r, d)
    if _RESCHEDULE.search(r.message):
        return _reschedule(v, r, d)
    if re.search(r"늦을\s*듯|늦을\s*것\s*같|회식|야근", r.message) and not cues.late_reply(r.message):
        return _held_up(v, r)
    if not cues.late_reply(r.message) and not r.has(Signal.READ_NO_REPLY):
        return _sorry_to_tell(v, d)
    facts, first = d.facts.text, d.facts.first
    busy = _busy(r, d)
    fine = v.say(Line("괜찮아요! {c} 많이 바빴겠어요.", "괜찮아! {c} 많이 바빴겠다."), c=busy) if busy else v.one("apology-fine", [
        Line("전혀 괜찮아요, 신경 쓰지 마요.", "전혀 괜찮아, 신경 쓰지 마."), Line("괜찮아요 ㅎㅎ 미안해하지 마요.", "괜찮아 ㅎㅎ 미안해하지 마."),
    ])
    tired = v.say(Line("{c} 고생했어요.", "{c} 고생했어."), c=busy) if busy else v.one("apology-thanks", [
        Line("연락 줘서 고마워요.", "연락 줘서 고마워."), Line("이렇게 연락 주니까 반가워요.", "이렇게 연락 주니까 반갑다."),
    ])
    back = v.say(Line("{name} 씨는 잘 지냈어요?", "너는 잘 지냈어?"), name=v.name)
    glad = v.one("apology-glad", [
        Line("괜찮아요, 연락 와서 반가워요.", "괜찮아, 연락 와서 반갑다 ㅎㅎ"), Line("전혀 괜찮아요, 이렇게 연락 주니까 좋네요.", "전혀 괜찮아, 이렇게 연락 주니까 좋다."),
    ])
    return (
        Draft(join(fine, first), f"{v.name}님의 '{d.quote}'에 괜찮다고 먼저 말해 미안한 마음부터 덜어 줘요."),
        Draft(join(tired, facts or back), f"늦은 답장을 탓하지 않고 {v.name}님과 자연스럽게 다음 이야기로 넘어가요."),
        Draft(join(glad, first, v.say(Line("다음엔 같이 해요!", "다음엔 같이 하자!")) if facts and d.activity else ""),
              f"반가운 마음을 솔직하게 보여 줘서 {v.name}님이 미안해하지 않고 편하게 대화를 이어가게 해요."),
    )


def _sorry_to_tell(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"진작 말했어야 했는데 미안": sorry for news, not for a late reply — it was good to be told."""
    fine = v.one("sorry-fine", [Line("미안해할 거 하나도 없어요.", "미안해할 거 하나도 없어."),
                                Line("괜찮아요, 말하기 쉽지 않았을 텐데요.", "괜찮아, 말하기 쉽지 않았을 텐데.")])
    told = v.say(Line("말해 줘서 고마워요.", "말해 줘서 고마워."))
    return (
        Draft(join(fine, d.facts.first), f"'{d.quote}'라는 사과에 괜찮다고 먼저 말해 마음의 짐을 덜어 줘요."),
        Draft(join(told, d.facts.text), "털어놓아 준 것에 고마워하고, 내 마음도 함께 전해요."),
        Draft(join(told, d.facts.text, v.say(Line("오히려 솔직하게 얘기해 줘서 더 좋아요.", "오히려 솔직하게 얘기해 줘서 더 좋아."))),
              "사과보다 솔직하게 말해 준 용기를 더 크게 알아줘요."),
    )


def _held_up(v: Voice, r: Reading) -> tuple[Draft, Draft, Draft]:
    """"오늘 회식이라 늦을 듯 ㅠ 미안": held up tonight — let them go without a sulk."""
    what = "회식" if "회식" in r.message else "야근" if "야근" in r.message else ""
    ok = v.say(Line("괜찮아요! {w}잘 하고 와요.", "괜찮아! {w}잘 하고 와."), w=f"{what} " if what else "일 ")
    care = v.say(Line("너무 많이 마시지 말고, 끝나면 연락 줘요.", "너무 많이 마시지 말고, 끝나면 연락해.")) if what == "회식" else v.say(
        Line("무리하지 말고, 끝나면 연락 줘요.", "무리하지 말고, 끝나면 연락해."))
    return (
        Draft(ok, f"{v.name}님의 사정을 탓하지 않고 가볍게 보내 줘요."),
        Draft(join(ok, care), f"{v.name}님을 챙기는 한마디로 서운함 대신 다정함을 보여 줘요."),
        Draft(join(ok, v.say(Line("대신 내일 맛있는 거 먹어요 ㅎㅎ", "대신 내일 맛있는 거 먹자 ㅎㅎ"))), "못 본 아쉬움을 다음 약속으로 가볍게 바꿔요."),
    )


def _busy(r: Reading, d: Detail) -> str:
    if "이사" in r.message:
        return "이사 도와주느라" if "도와" in r.message else "이사하느라"
    return _BUSY_WITH.get(d.cause or "", "")


def _reschedule(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"오늘 약속 다음 주로 미뤄도 될까? … 화요일이나 수요일 어때?": not a no — take a day."""
    when = _asked_time(r)
    day = d.facts.text or (v.say(Line("그럼 {w} 봬요.", "그럼 {w} 보자."), w=adverbial(when)) if when else v.say(Line("그럼 그날 봬요.", "그럼 그날 보자.")))
    fine = v.say(Line("괜찮아요!", "괜찮아!")) if not d.facts.text.startswith(("괜찮", "아쉽")) else ""
    health = v.say(Line("몸은 좀 괜찮아요? 약 먹고 푹 쉬어요.", "몸은 좀 괜찮아? 약 먹고 푹 쉬어.")) \
        if re.search(r"열이|열\s*나|독감|감기|몸살|아파|아프|병원", r.message) else ""
    work = v.say(Line("일이 먼저죠, 신경 쓰지 마요.", "일이 먼저지, 신경 쓰지 마.")) if re.search(r"회사|일이|업무|야근", r.message) else v.say(
        Line("미안해하지 마요.", "미안해하지 마."))
    treat = v.say(Line("대신 그날 맛있는 거 먹어요 ㅎㅎ", "대신 그날 맛있는 거 먹자 ㅎㅎ"))
    return (
        Draft(join(health or fine, day), f"{v.name}님이 다른 날을 먼저 말했으니 거절이 아니에요. 서운한 티 없이 새 날짜에 답해요."),
        Draft(join(fine, day, health or work), f"{v.name}님의 사정을 먼저 이해해 주고 새 날짜를 분명히 정해요."),
        Draft(join(health or fine, day, treat), f"미뤄진 약속을 기대되는 약속으로 바꿔 {v.name}님 마음을 가볍게 해 줘요."),
    )


def _make_up(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    hurt = r.wish.apologize or "서운" in (r.wish.question or "")
    thanks = v.one("makeup-thanks", [
        Line("먼저 말해 줘서 고마워요.", "먼저 말해 줘서 고마워."), Line("사과해 줘서 고마워요.", "사과해 줘서 고마워."),
    ])
    me_too = v.say(Line("저도 미안해요. 그때 제 말도 심했어요.", "나도 미안해. 그때 나도 말이 심했어."))
    honest = v.say(Line("솔직히 저도 좀 서운했는데, 먼저 말해 주니까 마음이 풀려요.", "솔직히 나도 좀 서운했는데, 먼저 말해 주니까 마음이 풀린다.")) if hurt else v.say(
        Line("우리 다음엔 힘든 거 있으면 바로 얘기해요.", "우리 다음엔 힘든 거 있으면 바로 얘기하자."))
    if "미안" in d.facts.text:  # the user's own apology says it better
        own = d.facts.text
        return (
            Draft(join(thanks, d.facts.first), f"{v.name}님이 먼저 사과한 용기를 알아주고 내 사과로 화해를 마무리해요.", told=True),
            Draft(join(thanks, own), f"내 잘못도 함께 인정하고 앞으로 어떻게 할지까지 말해 {v.name}님을 안심시켜요.", told=True),
            Draft(join(thanks, own, honest), "내 마음도 솔직하게 말해, 같은 일이 반복되지 않게 해요.", told=True),
        )
    return (
        Draft(join(thanks, v.say(Line("저도 미안해요.", "나도 미안해."))), f"{v.name}님이 먼저 사과한 용기를 알아주고 나도 사과해 화해를 마무리해요."),
        Draft(join(thanks, me_too), f"내 잘못도 함께 인정하면 {v.name}님과 서로 탓하지 않고 넘어갈 수 있어요."),
        Draft(join(thanks, honest), f"{v.name}님을 탓하지 않고 '나'의 감정으로 솔직하게 말해, 같은 일이 반복되지 않게 해요."),
    )
