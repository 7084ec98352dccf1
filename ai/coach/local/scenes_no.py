"""Replies when the partner keeps a distance: a no, an ex reaching out, 읽씹 and 단답.

Nothing here chases: no new ask, no guilt, no "왜 답이 없어". A no is answered graciously and
briefly; an ex gets a boundary unless the user wants otherwise; a dry reply gets a light one."""

from __future__ import annotations

import re

from ai.coach.local.drafts import Detail, Draft
from ai.coach.local.scenes_us import wedding_congrats
from ai.coach.local.voice import Line, Voice, join
from ai.coach.reading import cues
from ai.coach.reading.model import Reading
from ai.coach.types import Signal


_BUSY = re.compile(r"바빠|바쁘|바빴|당분간|시간(?:이|을)?\s*(?:내|안\s*나|없)|일이\s*많|회사\s*일|준비하는|여유가?\s*없")


def decline(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    if cues.no_more_contact(r.message):
        return _no_more_contact(v, d)
    if cues.day_only_no(r.message) or cues.later_maybe(r.message):
        return _not_that_day(v, r, d, later=cues.later_maybe(r.message))
    cause = d.cause if d.cause and d.cause not in ("일", "준비") else None
    thanks = v.one("decline-thanks", [
        Line("{name} 씨, 솔직하게 말해 줘서 고마워요.", "{call}솔직하게 말해 줘서 고마워."),
        Line("말하기 쉽지 않았을 텐데 얘기해 줘서 고마워요.", "말하기 쉽지 않았을 텐데 얘기해 줘서 고마워."),
        Line("마음 써서 돌려 말해 준 거 알아요, 고마워요.", "마음 써서 말해 준 거 알아, 고마워."),
    ], name=v.name, call=v.call)
    understood = v.one("decline-understood", [
        Line("그렇군요, 무슨 말인지 알겠어요.", "그렇구나, 무슨 말인지 알겠어."),
        Line("아 그렇군요. 충분히 이해해요.", "아 그렇구나. 충분히 이해해."),
    ])
    cheer = v.one("decline-cheer", [
        Line("{c}잘 되길 진심으로 응원할게요.", "{c}잘 되길 진심으로 응원할게."),
        Line("{c}잘 마무리하시고, 늘 응원할게요.", "{c}잘 마무리하고, 늘 응원할게."),
        Line("{c}힘내요, 멀리서 응원할게요.", "{c}힘내, 멀리서 응원할게."),
    ], c=f"{cause} " if cause else "") if _BUSY.search(r.message) else v.one("decline-ease", [
        # a no about feelings or readiness, not about time: nothing to "finish", nothing to owe
        Line("사과 안 해도 돼요. 저는 괜찮아요.", "사과 안 해도 돼. 나 괜찮아.") if "미안" in r.message or "죄송" in r.message else
        Line("부담 갖지 말아요. {name} 씨 마음이 제일 중요해요.", "부담 갖지 마. 네 마음이 제일 중요해."),
        Line("{name} 씨 마음 편한 게 제일이에요. 부담 갖지 말아요.", "네 마음 편한 게 제일이야. 부담 갖지 마."),
    ], name=v.name)
    honest = v.one("decline-honest", [
        Line("사실 많이 아쉽긴 한데, 솔직하게 말해 줘서 고마워요.", "사실 많이 아쉽긴 한데, 솔직하게 말해 줘서 고마워."),
        Line("아쉬운 마음이 큰 건 솔직히 맞아요. 그래도 말해 줘서 고맙고, {name} 씨 뜻 존중할게요.", "솔직히 아쉬운 마음은 커. 그래도 말해 줘서 고맙고, 네 뜻 존중할게."),
    ], name=v.name)
    quote = f"'{d.quote}'"
    return (
        Draft(join(understood, thanks), f"{quote}는 {v.name}님이 돌려 말한 거절이라, 더 묻지 않고 받아들여 좋은 인상으로 마무리해요."),
        Draft(join(thanks, cheer), f"아쉬움보다 {v.name}님을 응원하는 말로 끝내면 서로 부담 없이 정리할 수 있어요."),
        Draft(join(honest, cheer), f"대담형은 다시 조르는 게 아니라, {v.name}님의 결정을 존중하면서 아쉬움을 솔직하게 말하는 거예요."),
    )


def _not_that_day(v: Voice, r: Reading, d: Detail, *, later: bool = False) -> tuple[Draft, Draft, Draft]:
    """"내일은 좀 어려울 것 같아요": take it lightly; BOLD may ask once, with no pressure.
    "나중에 연락드릴게요": they will come back if they want to — no date asked at all."""
    fine = v.one("day-fine", [Line("아 그렇군요! 괜찮아요 ㅎㅎ", "아 그렇구나! 괜찮아 ㅎㅎ"), Line("넵 알겠어요! 괜찮아요.", "응 알겠어! 괜찮아.")])
    if later and cues.thinking_it_over(r.message):
        easy = v.say(Line("넵 편하게 생각해 보고 알려 주세요 ㅎㅎ", "응 편하게 생각해 보고 알려 줘 ㅎㅎ"))
        return (
            Draft(easy, f"'{d.quote}'는 아직 답을 정하지 않았다는 뜻이라, 재촉하지 않고 가볍게 받아요."),
            Draft(join(easy, v.say(Line("부담 갖지 않으셔도 돼요!", "부담 갖지 않아도 돼!"))),
                  f"부담을 덜어 줘야 {v.name}님이 편하게 진짜 마음을 말할 수 있어요."),
            Draft(join(v.say(Line("넵 천천히 생각해 보세요 ㅎㅎ", "응 천천히 생각해 봐 ㅎㅎ")),
                       v.say(Line("{you}랑 가면 재밌을 것 같아서 물어본 거예요.", "너랑 가면 재밌을 것 같아서 물어본 거야."), you=f"{v.name} 씨")),
                  "왜 같이 가고 싶었는지 솔직하게 한마디 하되, 답은 다시 묻지 않아요."),
        )
    if later:
        busy = v.say(Line("요즘 많이 바쁘시군요.", "요즘 많이 바쁘구나."))
        return (
            Draft(join(fine, busy), f"'{d.quote}'에 서운한 티 없이 가볍게 받아요."),
            Draft(join(busy, v.say(Line("무리하지 마시고, 여유 생기면 편하게 연락 주세요.", "무리하지 말고, 여유 생기면 편하게 연락해."))),
                  f"다음 연락은 {v.name}님에게 맡겨, 마음이 있다면 먼저 올 자리를 남겨요."),
            Draft(join(busy, v.say(Line("바쁜 일 잘 마무리되길 응원할게요. 저는 언제든 좋아요 ㅎㅎ", "바쁜 거 잘 끝나길 응원할게. 나는 언제든 좋아 ㅎㅎ"))),
                  "언제든 좋다는 마음은 솔직하게 보여 주되, 날짜를 다시 묻지 않아요."),
        )
    return (
        Draft(fine, f"'{d.quote}'에 서운한 티 없이 가볍게 받아 부담을 덜어 줘요."),
        Draft(join(fine, v.say(Line("나중에 시간 괜찮을 때 편하게 말해 줘요.", "나중에 시간 괜찮을 때 편하게 말해 줘."))),
              f"다음은 {v.name}님에게 맡겨, 마음이 있다면 먼저 말할 자리를 남겨요."),
        Draft(v.say(Line("아쉽네요 ㅎㅎ 혹시 이번 주 중에 괜찮은 날 있어요? 어려우면 편하게 말해 줘요.",
                         "아쉽다 ㅎㅎ 혹시 이번 주 중에 괜찮은 날 있어? 어려우면 편하게 말해 줘.")),
              "다른 날을 딱 한 번만 가볍게 물어보고, 거절할 틈도 함께 열어 둬요."),
    )


def _no_more_contact(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    ok = v.say(Line("네, 알겠어요.", "응, 알겠어."))
    bye = v.one("no-contact-bye", [
        Line("그동안 고마웠어요. 잘 지내세요.", "그동안 고마웠어. 잘 지내."),
        Line("더 연락 안 할게요. 건강하게 지내세요.", "더 연락 안 할게. 잘 지내."),
    ])
    sorry = v.say(Line("솔직하게 말해 줘서 고마워요. 불편하게 했다면 미안해요.", "솔직하게 말해 줘서 고마워. 불편하게 했다면 미안해."))
    return (
        Draft(ok, f"'{d.quote}'는 분명한 부탁이라, {v.name}님에게 가장 짧게 받아들였다고만 답해요."),
        Draft(join(ok, bye), f"더 연락하지 않겠다는 뜻을 담아 {v.name}님에게 깔끔하게 인사해요."),
        Draft(join(sorry, v.say(Line("앞으로 따로 연락 안 할게요.", "앞으로 따로 연락 안 할게.")), bye.split(". ")[-1]), f"대담형이라도 {v.name}님을 붙잡지 않고, 고마움과 사과로 좋은 마지막 인상을 남겨요."),
    )


_THINGS = re.compile(r"(?:물건|짐|책|충전기|옷|키|열쇠|모니터|전기장판|노트북)[^?\n]{0,12}(?:있|보내|돌려|가져)")


_WANTS_BACK = re.compile(r"다시\s*(?:만나|시작|잘해|사귀)|돌아와|다시\s*기회|한\s*번만\s*기회")


def _needs_time(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    """An ex asks to try again and the user is shaken: no yes, no door slammed — time asked for."""
    thanks = v.say(Line("진지하게 말해 준 거 알아요.", "진지하게 말해 준 거 알아."))
    time_ = v.say(Line("근데 지금 바로 답하긴 어려워요. 생각할 시간을 좀 줘요.", "근데 지금 바로 답하긴 어려워. 생각할 시간 좀 줘."))
    return (
        Draft(time_.replace("근데 ", ""), f"'{d.quote}'에 바로 답하지 않고 생각할 시간이 필요하다고만 말해요.", told=True),
        Draft(join(thanks, time_), "상대의 진심은 인정하되 결정을 서두르지 않아요.", told=True),
        Draft(join(v.say(Line("솔직히 마음이 흔들리는 것도 맞아요.", "솔직히 마음이 흔들리는 것도 맞아.")),
                   v.say(Line("그래서 더 천천히 생각해 보고 싶어요. 며칠만 시간 줘요.", "그래서 더 천천히 생각해 보고 싶어. 며칠만 시간 줘."))),
              "흔들리는 마음을 숨기지 않되, 새벽 감정이 아니라 충분히 생각한 뒤 답하겠다고 해요.", told=True),
    )


def ex_contact(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    if _WANTS_BACK.search(r.message) and re.search(r"시간|생각|흔들|모르겠|고민", r.wish.text):
        return _needs_time(v, d)
    if r.wish.move_on or not (r.wish.meet or r.wish.confess) or cues.at_the_door(r.message) or _THINGS.search(r.message):
        return _boundary(v, r, d)
    honest = v.say(Line("저도 가끔 생각나요. 내일 낮에 맑은 정신으로 다시 얘기해요.", "나도 가끔 생각나. 내일 낮에 맨정신으로 다시 얘기하자."))
    return (
        Draft(v.say(Line("늦었어요, 오늘은 얼른 자요.", "늦었다, 오늘은 얼른 자.")), f"{v.name}님의 새벽 연락에는 짧게만 답하고 감정이 앞서지 않게 해요."),
        Draft(v.say(Line("연락 와서 놀랐어요. 잘 지내죠?", "연락 와서 놀랐어. 잘 지내지?")), f"반가움은 담담하게만 비쳐서 {v.name}님의 마음을 먼저 보게 해요."),
        Draft(honest, f"마음이 남아 있다면 솔직하게 말하되, {v.name}님과 새벽 감정이 아니라 다음 날 차분할 때 이야기해요."),
    )


_MONEY_ASK = re.compile(r"빌려\s*(?:줄|줘|주|달)|돈\s*(?:좀|이\s*급)|\d+\s*만\s*원만|꿔\s*(?:줄|줘)")


def _no_loan(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    """An ex asking for money: a short, clear no — no reasons to argue with, no door left open."""
    no = v.say(Line("미안해요, 돈은 빌려주기 어려워요.", "미안, 돈은 빌려주기 어려워."))
    return (
        Draft(no, f"'{d.quote}'에는 이유를 길게 대지 않고 짧고 분명하게 거절해요."),
        Draft(join(no, v.say(Line("다른 방법 잘 찾길 바랄게요.", "다른 방법 잘 찾길 바랄게."))), "거절하되 상대를 몰아세우지 않고 담담하게 끝내요."),
        Draft(join(no, v.say(Line("그리고 이런 일로는 연락 안 했으면 해요.", "그리고 이런 일로는 연락 안 했으면 좋겠어."))), "거절과 함께 앞으로의 선도 분명히 그어요."),
    )


def _at_the_door(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    no = v.say(Line("안 나가요. 이만 집에 들어가요.", "안 나가. 이만 집에 들어가."))
    return (
        Draft(no, f"'{d.quote}'에는 나가지 않는다는 것만 짧고 분명하게 말해요."),
        Draft(join(no, v.say(Line("할 말 있으면 내일 문자로 해요.", "할 말 있으면 내일 문자로 해."))), "만나지 않고, 이야기는 맑은 정신일 때 글로 하자고 선을 그어요."),
        Draft(join(v.say(Line("안 나갈 거예요. 다시 만날 생각 없어요.", "안 나갈 거야. 다시 만날 생각 없어.")),
                   v.say(Line("이렇게 찾아오지 말아요.", "이렇게 찾아오지 마."))), "다시 찾아오지 않도록 내 뜻을 분명히 말해요."),
    )


def _boundary(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    if cues.at_the_door(r.message):
        return _at_the_door(v, d)
    if _MONEY_ASK.search(r.message):
        return _no_loan(v, d)
    late = r.has(Signal.LATE_NIGHT)
    items = d.facts.mentioning(r"물건|짐|돌려|택배") or _THINGS.search(r.message)
    own = d.facts.mentioning(r"아닌\s*것|술|괜찮아졌|비번")
    changed = d.facts.mentioning(r"비번|비밀번호")
    if "축하" in r.message and not r.has(Signal.GOOD_NEWS):  # a birthday wish, even at midnight: a short thanks
        short = v.say(Line("축하해 줘서 고마워요. 잘 지내요.", "축하해 줘서 고마워. 잘 지내."))
    elif late:
        short = v.say(Line("늦었어요, 얼른 자요.", "늦었다, 얼른 자."))
    elif items:  # answer what they asked, without meeting
        short = join(v.say(Line("네, 있어요.", "응, 있어.")), changed or "", v.say(Line("경비실에 맡겨 둘게요.", "경비실에 맡겨 둘게.")))
    elif r.has(Signal.GOOD_NEWS):  # "나 다음 달에 결혼해": wish them well, briefly
        short = v.say(Line("진심으로 축하해요. 직접 말해 줘서 고마워요.", "진심으로 축하해. 직접 말해 줘서 고마워."))
    elif "축하" in r.message:
        short = v.say(Line("축하해 줘서 고마워요. 잘 지내요.", "축하해 줘서 고마워. 잘 지내."))
    else:
        short = v.say(Line("네, 잘 지내요.", "응, 잘 지내."))
    middle = v.say(Line("물건은 택배로 보낼게요. 받을 주소만 알려 줘요.", "물건은 택배로 보낼게. 받을 주소만 알려 줘.")) if items else v.say(
        Line("축하해요. 행복하게 잘 지내요.", "축하해. 행복하게 잘 지내.")) if r.has(Signal.GOOD_NEWS) else v.one(
        "ex-middle", [
            Line("저는 잘 지내고 있어요. {name} 씨도 잘 지내요.", "나는 잘 지내고 있어. 너도 잘 지내."),
            Line("연락 고마워요. 그래도 이제 각자 잘 지내요.", "연락 고마워. 그래도 이제 각자 잘 지내자."),
        ], name=v.name)
    if late and re.search(r"전화|통화|목소리", r.message):
        middle = v.say(Line("전화는 어려워요. 할 말 있으면 내일 낮에 문자로 해요.", "전화는 어려워. 할 말 있으면 내일 낮에 문자로 해."))
    line = v.say(Line("물건 보내고 나면 정리된 걸로 할게요.", "물건 보내고 나면 정리된 걸로 할게.")) if items else own if own and "비번" not in own else v.say(
        Line("이렇게 연락하는 건 서로한테 좋지 않은 것 같아요.", "이렇게 연락하는 건 서로한테 안 좋은 것 같아."))
    boundary = join(line, v.say(Line("앞으로는 연락 안 했으면 해요.", "앞으로는 연락 안 했으면 좋겠어.")))
    if r.has(Signal.GOOD_NEWS):
        boundary = v.say(Line("축하해요. 좋은 사람 만났다니 다행이에요. 행복하세요.", "축하해. 좋은 사람 만났다니 다행이다. 행복해."))
    return (
        Draft(short, f"{v.name}님의 '{d.quote}'에는 짧게만 답하거나 아예 답하지 않아도 돼요." if late
              else f"{v.name}님에게 용건 이상으로 대화를 늘리지 않아요."),
        Draft(middle, f"만나지 않고도 {v.name}님과의 일을 마무리하는 방법을 먼저 말해요." if items
              else f"{v.name}님의 안부에는 담담하게 답하되 대화를 이어가지 않아요."),
        Draft(boundary, f"다시 흔들리지 않도록 {v.name}님에게 내 마음을 분명히 말하고 선을 그어요."),
    )


_SINCERE = re.compile(r"좋아|고마|편하고|편해|덕분|진심|좋았|행복")
_LEAVES_IT_TO_ME = re.compile(r"알아서\s*해|맘대로\s*해|아무거나|상관\s*없")


def distance(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """읽씹 and 단답: a light answer, no reproach, and room for them to come back."""
    mine = r.facts.user_last_text or ""
    if r.has(Signal.READ_NO_REPLY):
        return _after_silence(v, d)
    if _LEAVES_IT_TO_ME.search(r.message) and r.facts.user_invited:
        return _left_to_me(v, d)
    if len(mine) >= 8 and r.facts.user_apologized:
        return _after_apology(v, d)
    if len(mine) >= 30 and _SINCERE.search(mine) and "?" not in mine:
        return _after_heartfelt(v, r, d)
    if re.search(r"늦을|늦어|바빠|바쁨|바쁠|야근|끝나|정신없", r.message):
        return _busy_now(v, d)
    light = v.one("dry-light", [Line("네, 알겠어요!", "응 알겠어!"), Line("오케이, 그렇게 해요.", "오케이, 그렇게 하자.")])
    rest = v.say(Line("정신없을 텐데 밥은 꼭 챙겨 먹어요.", "정신없을 텐데 밥은 꼭 챙겨 먹어."))
    door = v.say(Line("여유 생기면 그때 편하게 얘기해요.", "여유 생기면 그때 얘기하자."))
    quote = f"'{d.quote}'"
    return (
        Draft(light, f"{v.name}님의 {quote} 같은 짧은 답에 서운함을 드러내지 않고 가볍게 받아요."),
        Draft(join(light, rest), f"탓하지 않고 {v.name}님을 챙기는 말로 분위기를 부드럽게 해요."),
        Draft(join(light, door), f"다음 연락은 {v.name}님에게 맡겨야 먼저 몰아붙이지 않고 편하게 돌아올 자리가 생겨요."),
    )


def _busy_now(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"몰라 오늘 늦을 듯": busy, not cold — let them go, and be there after."""
    ok = v.say(Line("알겠어요! 끝나면 연락 줘요.", "알겠어! 끝나면 연락 줘."))
    return (
        Draft(ok, f"{v.name}님의 '{d.quote}'에 짧게 알겠다고 하고, 연락은 편할 때 하게 해요."),
        Draft(join(v.say(Line("많이 바쁜가 봐요.", "많이 바쁜가 보네.")), v.say(Line("무리하지 말고 밥은 꼭 챙겨 먹어요.", "무리하지 말고 밥은 꼭 챙겨 먹어."))),
              f"바쁜 {v.name}님을 탓하지 않고 챙기는 말로 답해요."),
        Draft(v.say(Line("늦어도 괜찮으니까 끝나면 목소리 들려줘요.", "늦어도 괜찮으니까 끝나면 전화해.")),
              f"기다리겠다는 마음을 부담 없이 전해 {v.name}님이 끝나고 편하게 연락하게 해요."),
    )


def _after_silence(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    light = v.one("distance-light", [
        Line("아 그랬군요! 바쁜데 답해 줘서 고마워요.", "아 그랬구나! 바쁜데 답해 줘서 고마워."),
        Line("괜찮아요, {name} 씨 많이 바빴나 봐요.", "괜찮아, 요즘 많이 바빴나 보네."),
    ], name=v.name)
    rest = v.one("distance-rest", [
        Line("정신없을 텐데 밥은 꼭 챙겨 먹어요.", "정신없을 텐데 밥은 꼭 챙겨 먹어."), Line("너무 무리하지 말아요.", "너무 무리하지 마."),
    ])
    door = v.one("distance-door", [
        Line("여유 생기면 그때 편하게 연락해요.", "여유 생기면 그때 편하게 연락해."),
        Line("바쁜 거 끝나면 그때 얘기해요.", "바쁜 거 끝나면 그때 얘기하자."),
    ])
    return (
        Draft(light, f"{v.name}님의 '{d.quote}' 같은 답에 서운함을 드러내지 않고 가볍게 받아요."),
        Draft(join(light, d.facts.text or rest), f"늦은 답을 탓하지 않고 {v.name}님을 챙기는 말로 분위기를 부드럽게 해요."),
        Draft(door, f"다음 연락은 {v.name}님에게 맡겨야 먼저 몰아붙이지 않고 편하게 돌아올 자리가 생겨요."),
    )


def _left_to_me(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"ㅇㅇ 알아서 해" to a plan the user wrote out: decide, and gently ask if all is well."""
    decide = v.say(Line("그럼 제가 정할게요!", "그럼 내가 정할게!"))
    check = v.say(Line("근데 오늘 좀 피곤해 보여요. 무슨 일 있어요?", "근데 오늘 좀 피곤해 보이네. 무슨 일 있어?"))
    later = v.say(Line("정해지면 알려 줄게요. 오늘은 푹 쉬어요.", "정해지면 알려 줄게. 오늘은 푹 쉬어."))
    return (
        Draft(join(decide, later), f"{v.name}님의 '{d.quote}'에 서운해하지 않고, 결정을 맡아 부담을 덜어 줘요."),
        Draft(join(decide, check), "평소와 다른 짧은 답이라, 캐묻지 않고 한 번만 부드럽게 안부를 물어요."),
        Draft(join(v.say(Line("혹시 속상한 거 있으면 편하게 말해요.", "혹시 속상한 거 있으면 편하게 말해 줘.")),
                   v.say(Line("계획은 천천히 정해도 돼요.", "계획은 천천히 정해도 돼."))),
              f"계획보다 {v.name}님의 기분을 먼저 챙겨, 무슨 일이 있다면 말할 자리를 만들어 줘요."),
    )


def _after_apology(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"ㅇㅋ" to a long apology: still upset, or done talking — give room, don't chase."""
    return (
        Draft(v.say(Line("응, 천천히 생각해요.", "응, 천천히 생각해.")), f"'{d.quote}'처럼 짧은 답에는 더 설명하지 않고 시간을 줘요."),
        Draft(v.say(Line("알겠어요. 마음 풀릴 때까지 기다릴게요.", "알겠어. 마음 풀릴 때까지 기다릴게.")), "사과는 이미 했으니, 재촉하지 않고 기다리겠다고만 말해요."),
        Draft(v.say(Line("다시 한번 미안해요. 말로만 안 하고 보여 줄게요.", "다시 한번 미안해. 말로만 안 하고 보여 줄게.")), "진심을 한 번 더 짧게 전하고, 행동으로 보이겠다고 약속해요."),
    )


def _after_heartfelt(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """A long, sincere message answered with "ㅋ": no chasing, a light touch, and good night."""
    night = r.facts.local_time is not None and (r.facts.local_time.hour >= 22 or r.facts.local_time.hour < 4)
    bye = v.say(Line("잘 자요!", "잘 자!")) if night else v.say(Line("오늘 고마웠어요!", "오늘 고마웠어!"))
    return (
        Draft(join(v.say(Line("ㅋㅋ 갑자기 너무 진지했죠?", "ㅋㅋ 갑자기 너무 진지했지?")), bye),
              f"{v.name}님의 '{d.quote}'에 서운함을 드러내지 않고, 내 진지한 말을 가볍게 눙쳐 분위기를 풀어 줘요."),
        Draft(join(v.say(Line("진심이었어요 ㅎㅎ", "진심이었어 ㅎㅎ")), bye),
              f"한 번만 짧게 진심이었다고 말하고 더 보태지 않아, {v.name}님에게 답할 부담을 주지 않아요."),
        Draft(v.say(Line("아무튼 오늘 진짜 즐거웠어요. 푹 쉬어요.", "암튼 오늘 진짜 재밌었어. 푹 쉬어.")),
              f"{v.name}님의 반응을 캐묻지 않고 좋았던 마음만 남긴 채 오늘 대화를 마무리해요."),
    )


def kind_no(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """The user would rather not go: thank them, say no kindly, leave no false hope."""
    thanks = v.say(Line("말해 줘서 고마워요.", "말해 줘서 고마워."))
    thanks = join(wedding_congrats(v, r), thanks)
    no = v.say(Line("근데 이번엔 어려울 것 같아요. 미안해요.", "근데 이번엔 어려울 것 같아. 미안해."))
    return (
        Draft(join(thanks, no), "고마운 마음은 전하되, 다음을 기약하지 않고 짧게 거절해요.", told=True),
        Draft(join(v.say(Line("생각해 줘서 고마워요.", "생각해 줘서 고마워.")), v.say(
            Line("그래도 둘이 가는 건 좀 부담스러워요. 이해해 줘요.", "그래도 둘이 가는 건 좀 부담돼. 이해해 줘."))), "왜 어려운지 부드럽게 말해 오해가 남지 않게 해요.", told=True),
        Draft(join(thanks, d.facts.text), "솔직한 내 마음을 그대로 전해 애매하게 기대를 남기지 않아요."),
    )
