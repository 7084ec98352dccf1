"""Replies when someone is hurting or the air is bad: a crisis, grief, distress, a fight.

All three stay gentle: SAFE acknowledges, BALANCED stays with them, BOLD is more honest or more
supportive — never a new ask, never a joke."""

from __future__ import annotations

import re

from ai.coach.local.drafts import Detail, Draft
from ai.coach.local.voice import Line, Voice, join
from ai.coach.reading import cues
from ai.coach.reading.model import Reading
from ai.coach.types import Signal
from ai.korean.particles import josa


def crisis(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    worried = v.one("crisis-worry", [
        Line("{name} 씨, 그 말 들으니까 정말 걱정돼요.", "{call}그 말 들으니까 너무 걱정된다."),
        Line("{name} 씨가 그런 마음까지 들었다니 많이 걱정돼요.", "네가 그런 마음까지 들었다니 진짜 걱정돼."),
        Line("갑자기 그런 말 하니까 마음이 철렁했어요. 많이 걱정돼요.", "갑자기 그런 말 하니까 마음이 철렁했어. 너무 걱정돼."),
    ], name=v.name, call=v.call)
    here = v.one("crisis-here", [
        Line("무슨 일이 있었는지 천천히 얘기해 줄래요? 끝까지 들을게요.", "무슨 일 있었는지 천천히 얘기해 줄래? 끝까지 들을게."),
        Line("혼자 끙끙 앓지 말고 무슨 일인지 말해 줘요. 저 여기 있어요.", "혼자 끙끙 앓지 말고 무슨 일인지 말해 줘. 나 여기 있어."),
        Line("지금 마음이 어떤지 다 말해도 돼요. 안 놀라고 다 들을게요.", "지금 네 마음 어떤지 다 말해도 돼. 안 놀라고 다 들을게."),
    ])
    where = v.one("crisis-where", [
        Line("지금 어디예요? 괜찮은지 제가 계속 연락할게요.", "지금 어디야? 괜찮은지 내가 계속 연락할게."),
        Line("지금 혼자 있어요? 걱정돼서 계속 연락할게요, 답 꼭 해 줘요.", "지금 혼자 있어? 걱정돼서 계속 연락할게, 답 꼭 해 줘."),
        Line("지금 어디 있어요? 제가 옆에 있어 줄 수 있게 알려 줘요.", "지금 어디 있어? 내가 옆에 있어 줄 수 있게 알려 줘."),
    ])
    ask = v.one("crisis-ask", [
        Line("혹시 스스로를 해치고 싶은 생각까지 드는 거예요?", "혹시 스스로 해치고 싶은 생각까지 드는 거야?"),
        Line("혹시 죽고 싶다는 생각까지 드는 거예요? 솔직하게 말해 줘도 괜찮아요.", "혹시 죽고 싶다는 생각까지 드는 거야? 솔직하게 말해 줘도 괜찮아."),
        Line("혹시 몸을 해칠 생각까지 하고 있어요?", "혹시 네 몸을 해칠 생각까지 하고 있어?"),
    ])
    help_ = v.one("crisis-help", [
        Line("그렇다면 109에 같이 전화해 봐요, 통화하는 동안 저도 옆에 있을게요.", "그렇다면 109에 같이 전화해 보자, 통화하는 동안 나도 옆에 있을게."),
        Line("그런 마음이면 109에 전화해 봐요. 24시간 받아 주고, 저도 계속 곁에 있을게요.", "그런 마음이면 109에 전화해 보자. 24시간 받아 주고, 나도 계속 곁에 있을게."),
        Line("혼자 견디지 말고 109에 같이 연락해 봐요. 저도 함께 있을게요.", "혼자 견디지 말고 109에 같이 연락해 보자. 나도 함께 있을게."),
    ])
    return (
        Draft(join(worried, here), f"{v.name}님의 '{d.quote}'를 흘려듣지 않고 걱정을 분명히 전한 뒤, 털어놓을 자리를 열어 줘요."),
        Draft(join(worried, where), f"지금 {v.name}님이 안전한지 확인하고, 혼자가 아니라는 걸 행동으로 보여 줘요."),
        Draft(join(ask, help_, v.say(Line("지금 전화할게요.", "지금 전화할게."))), f"{v.name}님처럼 위험한 말을 할 때는 돌려 말하지 않고 직접 묻는 게 오히려 도움이 되고, 109 같은 도움을 함께 찾자고 해요."),
    )


_TRAVELLING = re.compile(r"KTX|ktx|기차|비행기|내려가|올라가|가는\s*중|가는\s*길")
_GOING_TO_SLEEP = re.compile(r"자려고|잘게|잘래|자야|잘\s*거")
_PET_LOSS = re.compile(r"(?:^|\s)([가-힣]{1,3})가\s[^.!?\n]{0,12}(?:무지개\s*다리|하늘나라|떠났)"
                       r"|(?:^|\s)([가-힣]{1,3})(?:가|이)?\s+(?:오늘|어제|방금|새벽에|아침에|오후에|저녁에|밤에)\s*(?:결국\s*)?(?:갔어|떠났)")
_RELATIVES = (("할머니", "할머님"), ("할아버지", "할아버님"), ("아버지", "아버님"), ("아빠", "아버님"), ("어머니", "어머님"),
              ("엄마", "어머님"))


def _memorial(v: Voice, r: Reading) -> tuple[Draft, Draft, Draft]:
    """A death anniversary (기일): the loss is old, the day is heavy — remember with them."""
    who = next((said for word, said in _RELATIVES if word in r.message), None)
    seen = v.say(Line("오늘 마음 많이 힘드셨겠어요.", "오늘 마음 많이 힘들었겠다."))
    visit = v.say(Line("{w} 잘 뵙고 오셨어요?", "{w} 잘 뵙고 왔어?"), w=who) if who else ""
    return (
        Draft(join(seen, visit), f"{v.name}님에게 무거운 날이라는 걸 알아주고, 다녀온 걸 조용히 물어요."),
        Draft(join(v.say(Line("오늘 같은 날은 마음이 더 허하죠.", "오늘 같은 날은 마음이 더 허하지.")),
                   v.say(Line("얘기하고 싶으면 언제든 해 줘요. 다 들을게요.", "{w} 얘기 하고 싶으면 언제든 해 줘. 다 들을게."), w=who or "")),
              "그리움을 꺼내도 된다고 말해 혼자 삼키지 않게 해요."),
        Draft(v.say(Line("오늘은 제가 곁에 있을게요. 이따 전화할까요?", "오늘은 내가 곁에 있을게. 이따 전화할까?")), "무거운 날 곁에 있겠다는 마음을 보여 줘요."),
    )


def grief(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    if re.search(r"기일|\d+\s*주기|추모", r.message):
        return _memorial(v, r)
    pet = _PET_LOSS.search(r.message)
    if pet and not any(word in r.message for word, _ in _RELATIVES):
        return _pet_loss(v, r, d, pet.group(1) or pet.group(2))
    who = next((said for word, said in _RELATIVES if word in r.message), None)
    relayed = _RELAYED.search(r.message)
    if relayed and relayed.group(1) != v.name:  # a friend telling the news for them
        return _relayed(v, d, who)
    sorry = v.one("grief-sorry", [
        Line("{who}소식 듣고 마음이 너무 아파요.", "{who}소식 듣고 마음이 너무 아프다.") if who else
        Line("그동안 마음이 얼마나 힘들었을까요.", "그동안 마음이 얼마나 힘들었을까."),
        Line("{who}얼마나 마음이 아플지 감히 짐작도 안 가요.", "{who}얼마나 마음 아플지 감히 짐작도 안 간다."),
        Line("{who}뭐라고 위로해야 할지 모르겠어요. 마음이 많이 아프죠.", "{who}뭐라고 위로해야 할지 모르겠다. 마음 많이 아프지."),
    ], who=f"{who} 일로 " if who else "").replace("일로 소식", "소식")
    travel = v.say(Line("조심히 다녀와요.", "조심히 내려가.")) if _TRAVELLING.search(r.message) else ""
    sleep = _GOING_TO_SLEEP.search(r.message)
    rest = v.say(Line("답장은 신경 쓰지 말고 푹 자요.", "답장은 신경 쓰지 말고 푹 자.")) if sleep else v.say(
        Line("{what} 전혀 신경 쓰지 마요, 미안해할 거 하나도 없어요. 마음 추스르는 게 먼저예요.", "{what} 전혀 신경 쓰지 마, 미안해할 거 하나도 없어. 마음 추스르는 게 먼저야."),
        what="약속은" if cues.cancelled_plan(r.message) else "연락은")
    farewell = v.say(Line("{who} 잘 보내 드리고 와요.", "{who} 잘 보내 드리고 와."), who=who) if who and not sleep else ""
    lean = v.one("grief-lean", [
        Line("괜찮은 척 안 해도 돼요. 마음 힘들 때 언제든 연락해요, 곁에 있을게요.", "괜찮은 척 안 해도 돼. 마음 힘들 때 언제든 연락해, 곁에 있을게."),
        Line("슬플 땐 그냥 슬퍼해도 돼요. 마음 기댈 데 필요하면 언제든 와요, 곁에 있을게요.", "슬플 땐 그냥 슬퍼해도 돼. 마음 기댈 데 필요하면 언제든 나한테 와."),
        Line("마음 혼자 삼키지 말아요. 생각날 때마다 얘기해요, 곁에 있을게요.", "마음 혼자 삼키지 마. 생각날 때마다 얘기해, 곁에 있을게."),
    ])
    if r.has(Signal.MASKED_PAIN):
        tired = v.one("grief-tired", [
            Line("{call}그동안 정말 고생 많으셨어요. 아무 생각 말고 푹 쉬어요.", "{call}그동안 진짜 고생 많았어. 아무 생각 말고 푹 자."),
            Line("{call}며칠 동안 정말 애썼어요. 오늘은 몸부터 쉬어요.", "{call}며칠 동안 진짜 애썼어. 오늘은 몸부터 좀 쉬어."),
        ], call=v.call)
        return (
            Draft(tired, f"{v.name}님이 '{d.quote}'처럼 담담하게 말해도 지친 마음이 보이니, 고생했다는 말로 먼저 다독여요."),
            Draft(join(sorry, rest), f"위로와 쉼을 함께 건네되 {v.name}님에게 이야기를 더 끌어내려고 하지 않아요."),
            Draft(lean, f"{v.name}님이 웃음 뒤에 감춘 슬픔을 알아봐 주고, 기대도 된다는 걸 솔직하게 말해요."),
        )
    return (
        Draft(join(sorry, travel), f"'{d.quote}' 같은 소식 앞에서는 조언보다 {v.name}님 마음을 알아주는 짧은 위로가 먼저예요."),
        Draft(join(rest, farewell or travel), f"답장 부담을 덜어 줘서 {v.name}님이 지금 곁에 있어야 할 사람들에게 집중하게 해요."),
        Draft(lean, f"위로에 더해, {v.name}님이 필요할 때 기댈 수 있는 사람이 되겠다는 마음을 분명히 전해요."),
    )


# "지수 외할머니께서 새벽에 돌아가셨어요": someone else's loss, passed on by the partner.
_RELAYED = re.compile(r"(?:^|\s)([가-힣]{2,3})\s*(?:네\s*)?(?:외)?(?:할머니|할아버지|어머니|아버지|아버님|어머님)(?:께서|가|이)")


def _relayed(v: Voice, d: Detail, who: str | None) -> tuple[Draft, Draft, Draft]:
    thanks = v.say(Line("알려 주셔서 정말 감사해요.", "알려 줘서 정말 고마워."))
    return (
        Draft(join(thanks, v.say(Line("마음이 너무 아프네요.", "마음이 너무 아프다."))), f"소식을 대신 전해 준 {v.name}님에게 먼저 고마움을 전해요."),
        Draft(join(thanks, v.say(Line("지금 많이 힘들 텐데, 제가 어떻게 하면 좋을지 알려 주세요.", "지금 많이 힘들 텐데, 내가 어떻게 하면 좋을지 알려 줘."))),
              "상심한 사람을 위해 내가 할 수 있는 일을 조심스럽게 물어요."),
        Draft(join(thanks, v.say(Line("곁에 있어 주셔서 다행이에요. 저도 마음으로 함께할게요.", "곁에 있어 줘서 다행이다. 나도 마음으로 함께할게."))),
              f"슬픔을 함께 나누는 {v.name}님에게도 고마운 마음과 애도를 함께 전해요."),
    )


def _pet_loss(v: Voice, r: Reading, d: Detail, pet: str) -> tuple[Draft, Draft, Draft]:
    sorry = v.say(Line("얼마나 마음이 아프세요. 아직 실감이 안 나는 게 당연해요.", "얼마나 마음 아플까. 아직 실감 안 나는 게 당연해."))
    if "조용" in r.message:
        sorry = v.say(Line("집이 조용하니까 더 허전하죠. 얼마나 마음이 아프세요.", "집이 조용하니까 더 허전하지. 얼마나 마음 아플까."))
    if r.has(Signal.MASKED_PAIN):
        sorry = join(sorry, v.say(Line("괜찮은 척 안 해도 돼요.", "괜찮은 척 안 해도 돼.")))
    talk = v.say(Line("{p} 얘기하고 싶을 때 언제든 들을게요. 오늘은 마음껏 슬퍼해도 돼요.", "{p} 얘기하고 싶을 때 언제든 들을게. 오늘은 마음껏 슬퍼해도 돼."), p=pet)
    loved = v.say(Line("{p}도 {you} 사랑 많이 받고 행복했을 거예요. 힘들 때 언제든 연락해요.", "{p}도 네 사랑 많이 받고 행복했을 거야. 힘들 때 언제든 연락해."),
                  p=pet, you=v.yours)
    return (
        Draft(sorry, f"'{d.quote}' 같은 소식 앞에서는 위로의 말보다 {v.name}님의 슬픔을 그대로 알아주는 게 먼저예요."),
        Draft(talk, f"{pet} 이야기를 꺼내도 된다고 말해 {v.name}님이 슬픔을 혼자 삼키지 않게 해요."),
        Draft(loved, f"{pet}와 함께한 시간을 따뜻하게 기억해 주며 {v.name}님 곁에 있겠다는 마음을 전해요."),
    )


_GRIEVANCES = (
    (re.compile(r"(\d+)\s*분\s*째|기다리는\s*중"), Line("{x} 기다리게 해서 정말 미안해요.", "{x} 기다리게 해서 진짜 미안해.")),
    (re.compile(r"(\d+)\s*일이잖|(\d+)\s*일인데|기념일"), Line("{x} 못 챙긴 거 정말 미안해요.", "{x} 못 챙긴 거 진짜 미안해.")),
    (re.compile(r"생일"), Line("생일 못 챙긴 거 정말 미안해요.", "생일 못 챙긴 거 진짜 미안해.")),
    (re.compile(r"나는\s*안\s*힘들|나도\s*힘들|나도\s*오늘"), Line("{you}도 힘들었을 텐데 제 얘기만 했네요. 미안해요.", "너도 힘들었을 텐데 내 얘기만 했네. 미안해.")),
    (re.compile(r"또\s*취소|또\s*약속|몇\s*번째"), Line("또 약속 못 지켜서 정말 미안해요.", "또 약속 못 지켜서 진짜 미안해.")),
    (re.compile(r"답장|연락"), Line("연락 문제로 부담 줬던 거 미안해요.", "연락 때문에 부담 줬던 거 미안해.")),
)


def _grievance(v: Voice, r: Reading) -> str:
    event = cues.forgotten_event(r.message, r.facts.partner_earlier)
    if event and re.search(r"잊|까먹|몰라|관심|답\s*하나|연락\s*(?:하나|한\s*통)|안\s*궁금|챙기|됐어", r.message):
        return v.say(Line("{e} 날 제대로 못 챙겨서 정말 미안해요.", "{e} 날 제대로 못 챙겨서 진짜 미안해."), e=event)
    for pattern, line in _GRIEVANCES:
        found = pattern.search(r.message)
        if found:
            number = next((g for g in found.groups() if g), None)
            if "분" in pattern.pattern and "째" in pattern.pattern:
                return v.say(line, x=f"{number}분이나" if number else "오래")
            return v.say(line, x=f"{number}일" if number else "기념일", you=v.you)
    return ""


_BREAKUP = re.compile(r"헤어지자|헤어져|그만\s*만나|그만\s*하자\s*우리|우리\s*끝내|이별")


def _breakup(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"우리 헤어지자": no arguing, no begging — take it seriously, and ask to talk it through once."""
    heavy = v.say(Line("갑자기 그 말 들으니까 마음이 너무 무거워요.", "갑자기 그 말 들으니까 마음이 너무 무겁다."))
    thought = v.say(Line("많이 고민하고 한 말이죠? {yours} 마음 존중할게요.", "많이 고민하고 한 말이지? 네 마음 존중할게."), yours=v.yours)
    talk = v.say(Line("그래도 문자로 끝내기보다 얼굴 보고 한 번만 얘기하고 싶어요.", "그래도 문자로 끝내기보다 얼굴 보고 한 번만 얘기하고 싶어."))
    try_ = v.say(Line("저는 아직 {you}랑 더 노력해 보고 싶어요. 부족했던 거 제대로 듣고 싶어요.", "나는 아직 너랑 더 노력해 보고 싶어. 내가 부족했던 거 제대로 듣고 싶어."),
                 you=v.you)
    return (
        Draft(join(heavy, thought), f"'{d.quote}'라는 말을 가볍게 넘기지 않고, {v.name}님의 결정을 존중한다는 걸 먼저 보여 줘요."),
        Draft(join(heavy, talk), "매달리거나 따지지 않고, 마지막으로 직접 이야기할 자리만 부탁해요."),
        Draft(join(try_, talk), f"붙잡고 싶은 마음을 솔직하게 말하되 {v.name}님을 탓하지 않아요."),
    )


def conflict(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    if _BREAKUP.search(r.message):
        return _breakup(v, d)
    named = _grievance(v, r)
    sorry = named or v.one("conflict-sorry", [
        Line("미안해요. 서운하게 한 거 맞아요.", "미안해. 내가 서운하게 한 거 맞아."),
        Line("제가 미안해요. {name} 씨가 그렇게 느낄 만했어요.", "내가 미안해. 네가 그렇게 느낄 만했어."),
        Line("미안해요, {name} 씨 마음을 너무 몰랐어요.", "미안해, 네 마음을 너무 몰라줬어."),
        Line("정말 미안해요. 변명하지 않을게요.", "진짜 미안해. 변명 안 할게."),
    ], name=v.name)
    tomorrow = v.one("conflict-tomorrow", [
        Line("오늘은 쉬고 내일 차분하게 다시 얘기해요.", "오늘은 쉬고 내일 차분하게 다시 얘기하자."),
        Line("내일 {you} 괜찮을 때 얼굴 보고 제대로 사과할게요.", "내일 네가 괜찮을 때 얼굴 보고 제대로 사과할게."),
        Line("말로만 하지 않고 내일부터 행동으로 보여 줄게요.", "말로만 하지 않고 내일부터 행동으로 보여 줄게."),
        Line("내일 만나서 {yours} 얘기 제대로 들을게요.", "내일 만나서 네 얘기 제대로 들을게."),
    ], you=josa(v.you, "이"), yours=v.yours)
    honest = v.one("conflict-honest", [
        Line("솔직히 저도 힘든 게 있었는데, 그게 {you} 서운하게 할 이유는 아니었어요.",
             "솔직히 나도 힘든 게 있었는데, 그게 {you} 서운하게 할 이유는 아니었어."),
        Line("제 사정이 있었어도 {you} 속상하게 한 건 변하지 않아요.", "내 사정이 있었어도 {you} 속상하게 한 건 변하지 않아."),
    ], you=josa(v.you, "을"))
    if d.facts:  # the user told the coach what really happened (a question to answer, a misunderstanding)
        return _explained(v, d, sorry, tomorrow)
    if cues.asks_for_space(r.message):
        return _given_space(v, r, d, named, honest)
    own = v.say(Line("{you} 얼마나 기다렸을지 생각하면 마음이 무거워요.", "네가 얼마나 기다렸을지 생각하면 마음이 무거워."), you=josa(v.you, "이")) \
        if named and re.search(r"일이잖|일인데|기념일|생일|약속", r.message) else v.say(
        Line("제 상황만 생각하느라 {yours} 마음을 먼저 못 챙겼어요.", "내 상황만 생각하느라 {yours} 마음을 먼저 못 챙겼어."), yours=v.yours)
    event = cues.forgotten_event(r.message, r.facts.partner_earlier) if named and "날 제대로" in named else None
    if event:  # ask about the day itself: that is what they wanted to share
        tomorrow = v.say(Line("{e}{p} 어떻게 됐어요? 지금이라도 제대로 듣고 싶어요.", "{e}{p} 어떻게 됐어? 지금이라도 제대로 듣고 싶어."),
                         e=event, p=josa(event, "은")[len(event):])
    return (
        Draft(join(sorry, own), f"'{d.quote}'에 변명보다 사과를 먼저 해서 {v.name}님의 서운함을 인정해요."),
        Draft(join(sorry, tomorrow), f"사과를 먼저 하고 차분해진 뒤 다시 얘기하자고 해서 {v.name}님과의 싸움이 커지지 않게 해요."),
        Draft(join(honest, v.say(Line("미안해요.", "미안해."))) if not named else join(named, v.say(
            Line("앞으로는 제가 먼저 챙길게요.", "앞으로는 내가 먼저 챙길게.")), "" if event else tomorrow),
              f"변명하지 않고 책임을 내 쪽에서 지고, 앞으로 어떻게 할지까지 말해 {v.name}님을 안심시켜요."),
    )


def _explained(v: Voice, d: Detail, sorry: str, tomorrow: str) -> tuple[Draft, Draft, Draft]:
    """Sorry first, then what really happened, as the user told it."""
    fact = d.facts.text
    fault = v.one("conflict-fault", [
        Line("그래도 미리 말하지 못한 건 제 잘못이에요. 미안해요.", "그래도 미리 말 못 한 건 내 잘못이야. 미안해."),
        Line("그래도 {you} 서운하게 만든 건 제 잘못이에요. 미안해요.", "그래도 너 서운하게 만든 건 내 잘못이야. 미안해."),
        Line("그래도 {you} 마음 상하게 한 건 맞으니까, 정말 미안해요.", "그래도 네 마음 상하게 한 건 맞으니까, 진짜 미안해."),
        Line("무슨 사정이 있었든 {you} 속상했던 게 먼저예요. 미안해요.", "무슨 사정이 있었든 네가 속상했던 게 먼저야. 미안해."),
    ], you=v.you)
    return (
        Draft(join(sorry.split(". ")[0] + ".", fact), f"'{d.quote}'에 사과부터 하고, 오해였던 부분은 알려 준 사실 그대로 짧게 답해요."),
        Draft(join(fact, sorry, tomorrow), f"{v.name}님이 물은 것에 먼저 답하고 사과를 덧붙여, 숨기는 게 없다는 걸 보여 줘요."),
        Draft(join(fact, fault), f"사실을 분명히 말하되 {v.name}님이 서운했던 마음은 내 책임으로 받아들여요."),
    )


def _given_space(v: Voice, r: Reading, d: Detail, named: str, honest: str) -> tuple[Draft, Draft, Draft]:
    """"오늘은 얘기 그만하자", "생각할 시간 갖자": a short sorry, and the time they asked for."""
    accept = v.one("conflict-accept", [
        Line("알겠어요. {name} 씨가 괜찮아질 때까지 기다릴게요.", "알겠어. 네 마음 정리될 때까지 기다릴게."),
        Line("알겠어요, 천천히 생각해요. 저는 여기 있을게요.", "알겠어, 천천히 생각해. 나는 여기 있을게."),
        Line("알겠어요. 재촉 안 할게요, 마음 편해지면 연락 줘요.", "알겠어. 재촉 안 할게, 마음 편해지면 연락 줘."),
    ], name=v.name)
    heard = v.say(Line("{you} 지쳤다는 말, 가볍게 안 들을게요.", "네가 지쳤다는 말, 가볍게 안 들을게."), you=josa(v.you, "이")) \
        if re.search(r"지친|지쳐|지쳤", r.message) else v.say(Line("미안해요, {yours} 마음 알겠어요.", "미안해, 네 마음 알겠어."), yours=v.yours)
    pause = v.one("conflict-pause", [Line("오늘은 더 얘기 안 할게요. 천천히 생각해요.", "오늘은 더 얘기 안 할게. 천천히 생각해."),
                                     Line("알겠어요, 오늘은 여기까지 할게요. 천천히 생각해요.", "알겠어, 오늘은 여기까지 할게. 천천히 생각해.")])
    wait = v.one("conflict-wait", [Line("미안해요. 마음 정리될 때까지 기다릴게요.", "미안해. 마음 정리될 때까지 기다릴게."),
                                   Line("미안해요. 준비되면 그때 얘기해요, 기다릴게요.", "미안해. 준비되면 그때 얘기하자, 기다릴게.")])
    return (
        Draft(join(named or v.say(Line("미안해요.", "미안해.")), accept), f"'{d.quote}'는 지금 더 말하고 싶지 않다는 뜻이라, 사과와 함께 요청한 시간을 그대로 존중해요."),
        Draft(join(heard, pause), f"변명 없이 {v.name}님의 마음을 무겁게 받아들이고, 생각할 시간을 줘요."),
        Draft(join(honest, wait), f"내 사정도 솔직하게 말하되 {v.name}님을 탓하지 않고, 기다리겠다는 말로 끝내요."),
    )
