"""Replies when the partner is hurting, by what hurts: a family emergency, a lost job, a failed
exam, an injury, a test result they wait for, a fight at home, a friend's success that stings,
sickness, low mood, a deadline, or being worn out. SAFE acknowledges, BALANCED stays with them,
BOLD offers to be there — never a joke, never a new ask."""

from __future__ import annotations

import re
from collections.abc import Callable

from ai.coach.local import scenes_trouble as trouble
from ai.coach.local.drafts import Detail, Draft
from ai.coach.local.voice import Line, Voice, join
from ai.coach.reading import cues, pain
from ai.coach.reading.model import Reading
from ai.coach.types import Signal
from ai.korean.particles import josa


def _family(r: Reading) -> str | None:
    """Who the partner is with, when a family emergency is the news."""
    for word, who in (("엄마", "어머님"), ("어머니", "어머님"), ("아빠", "아버님"), ("아버지", "아버님"), ("할머니", "할머님"),
                      ("할아버지", "할아버님"), ("동생", "동생"), ("가족", "가족")):
        if word in r.message:
            return who
    return "가족" if any(w in r.message for w in ("응급실", "입원", "병원")) else None


_EMERGENCY = re.compile(r"응급실|쓰러지|쓰러졌|사고|입원|수술|구급차|다치셨")
_JOB_LOSS = re.compile(r"잘렸|잘리고|짤렸|구조조정|해고|권고사직|계약\s*종료|까지만\s*하기로|(?:회사|가게|사업)\s*(?:를|을)?\s*접|폐업|문\s*닫기로|사업\s*정리")
_FAILED = re.compile(r"떨어졌|떨어짐|불합격|탈락|낙방|리젝|거절\s*(?:됐|당했|받았)|반려\s*(?:됐|당)")
_BODY = re.compile(r"(발|손|다리|허리|어깨|무릎|몸)[^.!?\n]{0,4}(?:까지|까졌|다쳤|아파|아프|쑤시|물집)")
_YEARS = re.compile(r"(\d+)\s*년\s*(?:동안|간|을)?")
_TRIES = re.compile(r"(\d+|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두|열세)\s*번째")


def distress(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """Who is hurting and why decides the words (the first kind in `_KINDS` that applies)."""
    safe, balanced, bold = next(words(v, r, d) for applies, words in _KINDS if applies(r))
    masked = r.has(Signal.MASKED_PAIN)
    first_why = (f"{v.name}님이 웃음으로 넘기려 해도 '{d.quote}'에서 속상함이 보이니, 가볍게 받지 않고 먼저 알아줘요." if masked
                 else f"{v.name}님의 '{d.quote}'에는 해결책보다 힘들었겠다는 공감이 먼저예요.")
    return (
        Draft(safe, first_why),
        Draft(balanced, f"들을 준비가 되어 있다고 말하되, 털어놓을지 말지는 {v.name}님이 정하게 해요."),
        Draft(bold, f"조언이나 만남 제안 대신, 힘든 순간의 {v.name}님 편이 되어 주겠다는 마음을 분명히 전해요."),
    )


_SICK = re.compile(r"감기|몸살|열\s*(?:나|이\s*나)|두통|머리\s*아|목\s*아|배\s*아|배탈|장염|아파(?!트)|아프|병원")
_LOW_MOOD = re.compile(r"우울|아무것도\s*하기\s*싫|무기력|의욕이\s*없|공허|외로워|외롭|사는\s*게\s*재미")
_DEADLINE = re.compile(r"마감|과제|내일까지|밤새|제출")


_WAITING = re.compile(r"결과\s*(?:나오|기다)|검사\s*결과|조직\s*검사|안\s*좋은\s*생각")
_INJURY = re.compile(r"발목|손목|인대|깁스|골절|부러|다쳤|삐었|접질")
_FAMILY_FIGHT = re.compile(r"(?:엄마|아빠|부모님|가족|동생|언니|누나|형|오빠)(?:랑|하고|와|과)\s*(?:대판\s*)?싸", )
_OTHERS_DOING_WELL = re.compile(r"나만\s*(?:남|못|안)|현타|다들\s*(?:붙|합격|취업)")


_SELF_HURT = re.compile(r"(?:허리|디스크|발목|손목|다리|팔|무릎|목|어깨)\S*\s*[^.!?\n]{0,14}(?:다쳤|터졌|삐었|부러|안\s*움직|나갔|수술)")


def _waiting(v: Voice) -> tuple[str, str, str]:
    """Waiting for a test result at night: fear, not a bad day. No false certainty."""
    return (
        v.say(Line("잠 안 오는 게 당연해요. 마음이 얼마나 무거울까요.", "잠 안 오는 게 당연하지. 마음이 얼마나 무거울까.")),
        v.say(Line("괜찮을 거라고 쉽게 말은 못 하지만, 내일 결과 들을 때 옆에 있을게요.", "괜찮을 거라고 쉽게 말은 못 하지만, 내일 결과 들을 때 내가 옆에 있을게.")),
        v.say(Line("지금 전화할까요? 목소리 들으면 조금은 나을 수도 있어요. 곁에 있을게요.", "지금 전화할까? 목소리 들으면 조금은 나을 수도 있어. 잠들 때까지 곁에 있을게.")),
    )


def _injured(v: Voice, r: Reading) -> tuple[str, str, str]:
    weeks = re.search(r"(\d+)\s*주", r.message)
    cast = v.say(Line("깁스 {n}주면 진짜 답답하겠어요.", "깁스 {n}주면 진짜 답답하겠다."), n=weeks.group(1)) if weeks and "깁스" in r.message else ""
    return (
        join(v.say(Line("헐 많이 아프죠 ㅠㅠ 괜찮아요?", "헐 많이 아프지 ㅠㅠ 괜찮아?")), cast),
        v.say(Line("당분간은 무리하지 말고, 일은 주변에 꼭 도와 달라고 해요.", "당분간은 무리하지 말고, 일은 주변에 꼭 도와 달라고 해.")),
        v.say(Line("아픈데 혼자 있지 말아요. 필요한 거 있으면 바로 말해요, 곁에서 챙길게요.", "아픈데 혼자 끙끙대지 마. 필요한 거 있으면 바로 말해, 옆에서 챙길게.")),
    )


def _family_fight(v: Voice, r: Reading) -> tuple[str, str, str]:
    who = re.search(r"엄마|아빠|부모님|가족|동생|언니|누나|형|오빠", r.message).group(0)  # type: ignore[union-attr]
    return (
        v.say(Line("헐 {w}랑 많이 싸웠군요.. 지금은 좀 괜찮아요?", "헐 {w}랑 많이 싸웠구나.. 지금은 좀 괜찮아?"), w=who),
        v.say(Line("웃으면서 말해도 마음 안 좋은 거 다 보여요. 무슨 일인지 얘기하고 싶으면 들을게요.", "웃으면서 말해도 마음 안 좋은 거 다 보여. 무슨 일인지 얘기하고 싶으면 들을게.")),
        v.say(Line("혼자 있기 싫으면 말해요, 바로 가서 곁에 있을게요.", "혼자 있기 싫으면 말해, 바로 가서 옆에 있어 줄게.")),
    )


_RIFT = re.compile(r"절교|손절|연을?\s*끊|(?:친구|걔|애들)(?:랑|하고|이랑)\s*(?:크게\s*|대판\s*)?싸웠|그만\s*보재|그만\s*보자고"
                   r"|(?:카톡|문자)\s*하나로\s*끝|(?:친구|지기)인데[^.!?\n]{0,12}끝났")
_DUMPED = re.compile(r"차였|차임|헤어졌|이별\s*(?:했|통보)|잠수\s*이별")


def _dumped(v: Voice, r: Reading) -> tuple[str, str, str]:
    """"방금 차였음ㅋㅋ": a heartbreak, however it is laughed off — no joke, no verdict on the ex."""
    shock = v.say(Line("헐 괜찮아요? 갑자기 그런 일이 있었군요.", "헐 괜찮아? 갑자기 그런 일이 있었구나."))
    seen = v.say(Line("웃으면서 말해도 마음은 안 그럴 것 같아요.", "웃으면서 말해도 마음은 안 그럴 것 같은데.")) if r.has(Signal.MASKED_PAIN) else v.say(
        Line("많이 속상하겠어요.", "많이 속상하겠다."))
    listen = v.say(Line("오늘은 안 괜찮아도 돼요. 얘기하고 싶으면 다 들을게요.", "오늘은 안 괜찮아도 돼. 얘기하고 싶으면 다 들을게."))
    stay = v.say(Line("혼자 삭이지 말아요. 오늘은 제가 {you} 편 들어 줄게요.", "혼자 삭이지 마. 오늘은 내가 무조건 네 편 들어 줄게."), you=f"{v.name} 씨")
    return join(shock, seen), join(seen if r.has(Signal.MASKED_PAIN) else shock, listen), stay


def _friend_lost(v: Voice, r: Reading) -> tuple[str, str, str]:
    """A friendship broken: a loss, not a quarrel to judge — no taking sides on what they did."""
    years = re.search(r"(\d+)\s*년\s*(?:지기|친구|동안|넘게)", r.message)
    long_ = v.say(Line("{n}년 지기랑 그렇게 됐으면 진짜 속상하겠어요.", "{n}년 지기랑 그렇게 됐으면 진짜 속상하겠다."), n=years.group(1)) if years else v.say(
        Line("오래 본 친구랑 그렇게 되면 진짜 속상하죠.", "친한 친구랑 그렇게 되면 진짜 속상하지."))
    seen = v.say(Line("웃으면서 말해도 마음 안 좋은 거 다 보여요.", "웃으면서 말해도 마음 안 좋은 거 다 보여.")) if r.has(Signal.MASKED_PAIN) else v.say(
        Line("마음이 많이 복잡하겠어요.", "마음 엄청 복잡하겠다."))
    listen = v.say(Line("무슨 일 있었는지 얘기하고 싶으면 천천히 해요. 다 들을게요.", "무슨 일 있었는지 얘기하고 싶으면 천천히 해. 다 들을게."))
    stay = v.say(Line("오래 알던 사람이랑 틀어지면 한동안 마음이 허하죠. 혼자 삭이지 말고 저한테 털어놔요.",
                      "오래 알던 사람이랑 틀어지면 한동안 마음 허하지. 혼자 삭이지 말고 나한테 다 털어놔."))
    curious = v.say(Line("누가 잘못했는지 따지려는 게 아니라, {you} 마음이 어떤지가 궁금해요.", "누가 잘못했는지 따지려는 게 아니라, 네 마음이 어떤지가 궁금해."),
                    you=f"{v.name} 씨")
    return join(long_, seen), join(listen, curious), stay


def _left_behind(v: Voice) -> tuple[str, str, str]:
    """A friend's success that stings: their pain is real, and nobody is behind."""
    return (
        v.say(Line("축하해 주면서도 마음 복잡했겠어요. 속상한 거 당연해요.", "축하해 주면서도 마음 복잡했겠다. 속상한 거 당연해.")),
        v.say(Line("{you} 마음 알아요. 다들 속도가 다를 뿐이에요.", "네 마음 알아. 다들 속도가 다를 뿐이야. 지금까지 잘 버텼어."), you=v.yours),
        v.say(Line("오늘은 혼자 자책하지 말아요. 저는 늘 {you} 편이에요.", "오늘은 혼자 자책하지 마. 나는 늘 네 편이야."), you=v.yours),
    )


def _sick(v: Voice) -> tuple[str, str, str]:
    return (
        v.say(Line("헐 괜찮아요? 많이 아프죠? 약은 먹었어요?", "헐 괜찮아? 많이 아프지? 약은 먹었어?")),
        v.say(Line("아프면 마음도 더 힘들죠. 따뜻한 물 많이 마시고 오늘은 일찍 쉬어요.", "아프면 마음도 더 힘들지. 따뜻한 물 많이 마시고 오늘은 일찍 자.")),
        v.say(Line("혼자 아프지 말고 필요한 거 있으면 말해요, 약이든 죽이든 갖다줄게요.", "혼자 아프지 말고 필요한 거 있으면 말해, 약이든 죽이든 갖다줄게.")),
    )


def _low(v: Voice) -> tuple[str, str, str]:
    return (
        v.say(Line("요즘 많이 힘들었군요. 말해 줘서 고마워요.", "요즘 많이 힘들었구나. 말해 줘서 고마워.")),
        v.say(Line("무슨 일 있었는지 천천히 얘기해 줄래요? 다 들을게요.", "무슨 일 있었는지 천천히 얘기해 줄래? 다 들을게.")),
        v.say(Line("혼자 끙끙 앓지 말아요. 저 여기 있어요, 언제든 연락해요.", "혼자 끙끙 앓지 마. 나 여기 있어, 언제든 연락해.")),
    )


def _deadline(v: Voice) -> tuple[str, str, str]:
    return (
        v.say(Line("헐 오늘 밤새야겠네요.. 많이 막막하죠.", "헐 오늘 밤새야겠네.. 많이 막막하겠다.")),
        v.say(Line("하나씩 하다 보면 끝나 있을 거예요. 중간에 밥은 꼭 챙겨 먹어요.", "하나씩 하다 보면 끝나 있을 거야. 중간에 밥은 꼭 챙겨 먹어.")),
        v.say(Line("끝나면 맛있는 거 살게요, 조금만 힘내요!", "끝나면 맛있는 거 사 줄게, 조금만 힘내!")),
    )


def _emergency(v: Voice, r: Reading) -> tuple[str, str, str]:
    who = _family(r) or "가족"
    shocked = v.say(Line("많이 놀랐겠어요.", "많이 놀랐겠다."))
    release = v.say(Line("약속은 신경 쓰지 마세요. 지금은 {who} 곁에만 있어요.", "약속은 신경 쓰지 마. 지금은 {who} 곁에만 있어."), who=who) \
        if cues.cancelled_plan(r.message) else v.say(Line("지금은 {who} 곁에만 있어요.", "지금은 {who} 곁에만 있어."), who=who)
    hope = v.say(Line("{who} 괜찮으시길 저도 바랄게요.", "{who} 괜찮으시길 나도 기도할게."), who=josa(who, "이") if who == "가족" else who)
    need = v.say(Line("필요한 거 있으면 언제든 연락 주세요, 바로 도울게요.", "필요한 거 있으면 언제든 연락해, 바로 달려갈게."))
    new_day = re.search(r"다음\s*주\s*[월화수목금토일]요일|다음\s*주(?:\s*주말)?", r.message)
    if new_day and cues.cancelled_plan(r.message):  # they offered another day: take it, lightly
        need = join(need, v.say(Line("{d}에 봬요, 그때까지 {who} 잘 챙겨 드려요.", "{d}에 보자, 그때까지 {who} 잘 챙겨 드려."),
                               d=new_day.group(0), who=who))
    return join(shocked, release), join(shocked, hope, v.say(Line("답장은 신경 쓰지 마세요.", "답장은 신경 쓰지 마."))), join(hope, need)


def _lost_job(v: Voice, r: Reading) -> tuple[str, str, str]:
    years = _YEARS.search(r.message)
    worked = v.say(Line("{n}년 동안 그렇게 열심히 했는데 진짜 허탈하겠어요.", "{n}년 동안 그렇게 열심히 했는데 진짜 허탈하겠다."), n=years.group(1)) \
        if years else v.say(Line("갑자기 그런 일을 겪다니 진짜 허탈하겠어요.", "갑자기 그런 일 겪어서 진짜 허탈하겠다."))
    no_pretend = v.say(Line("괜찮은 척 안 해도 돼요.", "괜찮은 척 안 해도 돼."))
    not_you = v.say(Line("{you} 잘못이 아니에요.", "네 잘못 아니야."), you=v.yours)
    listen = v.say(Line("오늘은 그냥 속상해해도 돼요. 얘기하고 싶으면 언제든 연락해요.", "오늘은 그냥 속상해해도 돼. 얘기하고 싶으면 언제든 전화해."))
    stand = v.say(Line("{you}는 어디 가서든 잘할 사람이에요. 저는 늘 {yours} 편이에요.", "너는 어디 가서든 잘할 사람이야. 나는 늘 네 편이야."),
                  you=v.you, yours=v.yours)
    return join(worked, no_pretend), join(not_you, listen), stand


def _failed(v: Voice, r: Reading) -> tuple[str, str, str]:
    tries = _TRIES.search(r.message)
    if tries:
        sore = v.say(Line("{n} 번이나 도전한 것 자체가 대단한 거예요. 익숙해질 리가 없죠, 속상한 거 당연해요.",
                          "{n} 번이나 도전한 것 자체가 대단한 거야. 익숙해질 리가 없지, 속상한 거 당연해."), n=tries.group(1))
    elif "또" in r.message:
        sore = v.say(Line("또 그렇게 돼서 정말 속상하겠어요.", "또 그렇게 돼서 진짜 속상하겠다."))
    else:
        sore = v.say(Line("많이 속상하죠. 그동안 얼마나 열심히 준비했는지 알아요.", "많이 속상하지. 그동안 얼마나 열심히 준비했는지 알아."))
    no_pretend = v.one("failed-pretend", [
        Line("웃으면서 말해도 {yours} 마음 다 보여요.", "웃으면서 말해도 네 마음 다 보여."),
        Line("괜찮은 척 안 해도 돼요.", "괜찮은 척 안 해도 돼."),
    ], yours=v.yours)
    listen = v.say(Line("오늘은 맛있는 거 먹고 푹 쉬어요. 얘기하고 싶으면 언제든 들을게요.", "오늘은 맛있는 거 먹고 푹 쉬어. 얘기하고 싶으면 언제든 들을게."))
    stand = v.say(Line("이번엔 운이 안 따라 준 거예요. 누가 뭐래도 저는 {yours} 편이에요.", "이번엔 운이 안 따라 준 거야. 누가 뭐래도 나는 네 편이야."),
                  yours=v.yours)
    return join(sore, no_pretend if r.has(Signal.MASKED_PAIN) else ""), join(sore.split(". ")[0] if tries else "", listen), stand


def _worn_out(v: Voice, r: Reading, d: Detail) -> tuple[str, str, str]:
    body = _BODY.search(r.message)
    hurt = v.say(Line("{part} 좀 괜찮아요? 약 꼭 발라요.", "{part} 좀 괜찮아? 약 꼭 발라."), part=josa(body.group(1), "은")) if body else ""
    cause = d.cause if d.cause and d.cause not in ("일", "준비") else None
    night_work = bool(re.search(r"나이트|야간|밤샘|밤새|당직|오프", r.message))
    morning = (not night_work and r.facts.local_time is not None and 6 <= r.facts.local_time.hour < 11
               and bool(re.search(r"아침|출근|눈\s*뜨", r.message)))
    tired = v.one("worn-tired", [
        Line("{c}진짜 힘들었겠어요.", "{c}진짜 힘들었겠다."),
        Line("{c}많이 지치고 힘들었겠어요.", "{c}많이 지치고 힘들었겠다."),
    ], c="밤새 일하느라 " if night_work else "아침부터 " if morning else (f"{cause}하느라 " if cause in ("야근", "훈련", "공부", "과제") else "오늘 "))
    home = v.say(Line("얼른 씻고 푹 자요.", "얼른 씻고 푹 자.")) if r.has(Signal.LATE_NIGHT) or night_work or "퇴근" in r.message else v.say(
        Line("오늘은 무리하지 말아요.", "오늘은 무리하지 마."))
    listen = v.one("worn-listen", [
        Line("무슨 일 있었는지 마음 편하게 털어놔요. 다 들을게요.", "무슨 일 있었는지 마음 편하게 털어놔. 다 들을게."),
        Line("마음 무거운 거 있으면 언제든 연락해요, 밤늦게라도 괜찮아요.", "마음 무거운 거 있으면 언제든 연락해, 밤늦게라도 괜찮아."),
    ])
    done = v.one("worn-done", [Line("오늘 정말 애썼어요.", "오늘 진짜 애썼어."), Line("고생 많았어요.", "고생 많았어.")])
    if night_work:
        stand_lines = [Line("답장은 나중에 해도 되니까 일단 푹 자요. 정말 고생 많았어요.", "답장 안 해도 되니까 일단 푹 자. 진짜 고생 많았어.")]
        return join(tired, home), join(done, v.say(Line("오늘은 아무 생각 말고 푹 쉬어요.", "오늘은 아무 생각 말고 푹 쉬어."))), v.say(stand_lines[0])
    stand = v.one("worn-stand", [
        Line("오늘 하루 버틴 것만으로도 대단해요. 저는 늘 {yours} 편이에요.", "오늘 하루 버틴 것만으로도 대단해. 나는 늘 네 편이야."),
        Line("혼자 버티지 말아요. 힘들 땐 저한테 기대요, 곁에 있을게요.", "혼자 버티지 마. 힘들 땐 나한테 기대, 곁에 있을게."),
    ], yours=v.yours)
    arrived = v.say(Line("이제 들어왔군요.", "이제 들어왔구나.")) if re.search(r"집\s*(?:옴|왔|도착)", r.message) else ""
    safe = join(tired, hurt) if hurt else join(arrived, tired, home)
    return safe, join(done, listen), stand


# What the partner is hurt about, as the apology names it.


Words = tuple[str, str, str]
_FAMILY_SAID = re.compile(r"엄마|아빠|부모님|집에서|친척|명절|어른들")
# The kinds of pain, most specific first. "기사님 사고 나셨대" is the movers' (a hassle), not a
# family emergency; "돈이 모자라서 머리 아파" is money, not a headache.
_KINDS: tuple[tuple[Callable[[Reading], bool], Callable[[Voice, Reading, Detail], Words]], ...] = (
    (lambda r: bool(re.fullmatch(r"[\sㅠㅜ😭😢.]+", r.message)), lambda v, r, d: trouble.said(v, "tears_only")),
    (lambda r: bool(trouble.FAMILY_ILLNESS.search(r.message)), lambda v, r, d: trouble.family_illness(v, r)),
    (lambda r: bool(trouble.EXAM_EVE.search(r.message)), lambda v, r, d: trouble.said(v, "exam_eve")),
    (lambda r: bool(trouble.JOB_DOUBT.search(r.message)), lambda v, r, d: trouble.said(v, "job_doubt")),
    (lambda r: bool(trouble.HASSLE.search(r.message)), lambda v, r, d: trouble.said(v, "hassle")),
    (lambda r: bool(trouble.VENT.search(r.message)) and cues.someone_else(r.message), lambda v, r, d: trouble.said(v, "vent")),
    (lambda r: bool(trouble.PET_SICK.search(r.message)), lambda v, r, d: trouble.pet_sick(v, r)),
    (lambda r: bool(_SELF_HURT.search(r.message)), lambda v, r, d: _injured(v, r)),
    (lambda r: bool(_EMERGENCY.search(r.message)), lambda v, r, d: _emergency(v, r)),
    (lambda r: bool(_WAITING.search(r.message)), lambda v, r, d: _waiting(v)),
    (lambda r: bool(_INJURY.search(r.message)), lambda v, r, d: _injured(v, r)),
    (lambda r: bool(_FAMILY_FIGHT.search(r.message)), lambda v, r, d: _family_fight(v, r)),
    (lambda r: bool(_DUMPED.search(r.message)), lambda v, r, d: _dumped(v, r)),
    (lambda r: bool(_RIFT.search(r.message)), lambda v, r, d: _friend_lost(v, r)),
    (lambda r: bool(_OTHERS_DOING_WELL.search(r.message)), lambda v, r, d: _left_behind(v)),
    (lambda r: bool(trouble.LONELY.search(r.message)), lambda v, r, d: trouble.lonely(v, r)),
    (lambda r: bool(_LOW_MOOD.search(r.message)), lambda v, r, d: _low(v)),
    (lambda r: bool(trouble.FRAUD.search(r.message)), lambda v, r, d: trouble.said(v, "fraud")),
    (lambda r: pain.money_trouble(r.message), lambda v, r, d: trouble.money(v, r)),
    (lambda r: pain.setback(r.message), lambda v, r, d: trouble.setback(v, r)),
    (lambda r: bool(_SICK.search(r.message)), lambda v, r, d: _sick(v)),
    (lambda r: bool(_DEADLINE.search(r.message)), lambda v, r, d: _deadline(v)),
    (lambda r: bool(_JOB_LOSS.search(r.message)), lambda v, r, d: _lost_job(v, r)),
    (lambda r: bool(_FAILED.search(r.message)), lambda v, r, d: _failed(v, r)),
    (lambda r: bool(trouble.PRESSURED.search(r.message) and _FAMILY_SAID.search(r.message)), lambda v, r, d: trouble.pressured(v, r)),
    (lambda r: True, lambda v, r, d: _worn_out(v, r, d)),
)
