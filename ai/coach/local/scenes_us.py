"""Replies when the partner talks about the two of them: "우리 무슨 사이야?", "나 어떻게 생각해?",
a confession, "우리 얘기 좀 해야 될 것 같아". Said plainly, in the user's own words when they gave
some; never a guess at the worst, never pleading."""

from __future__ import annotations

import re

from ai.coach.local.details import adverbial
from ai.coach.local.drafts import Detail, Draft
from ai.coach.local.voice import Line, Voice, join
from ai.coach.reading import cues
from ai.coach.reading.model import Reading
from ai.coach.types import Signal, Stage


_MEET_MY_PEOPLE = re.compile(r"(?:네|너|니)\s*친구들?[^.!?\n]{0,10}(?:소개|보고\s*싶|만나\s*보고)|(?:너희|네|니)\s*(?:부모님|가족)[^.!?\n]{0,10}(?:뵙|인사|만나)")


def _meet_my_people(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"너 친구들 언제 한번 소개시켜주라": they want into your life — a glad yes, and a plan."""
    yes = v.say(Line("좋아요! 친구들도 {you} 엄청 궁금해해요.", "좋지! 친구들도 너 엄청 궁금해해."), you=f"{v.name} 씨")
    when = d.facts.offers[0] if d.facts.offers else v.say(Line("조만간 자리 한번 만들게요.", "조만간 자리 한번 만들게."))
    return (
        Draft(yes, f"{v.name}님이 내 주변 사람들을 알고 싶어 하는 마음을 반갑게 받아요.", told=not d.facts),
        Draft(join(yes, when), "반가움에 구체적인 자리 하나를 더해 빈말이 아니라는 걸 보여 줘요.", told=True),
        Draft(join(when, v.say(Line("{you} 소개할 생각하니까 벌써 설레요.", "너 소개할 생각하니까 벌써 설렌다 ㅋㅋ"), you=f"{v.name} 씨")),
              f"{v.name}님을 친구들에게 소개하는 게 기쁘다는 마음까지 솔직하게 보여 줘요.", told=True),
    )


_DOUBTS_MY_INTEREST = re.compile(r"(?:나한테|저한테)\s*관심\s*(?:없|있기는)|나\s*싫어|저\s*싫어|나\s*귀찮")


def _reassure(v: Voice) -> tuple[Draft, Draft, Draft]:
    """"너 나한테 관심 없지? ㅋㅋ 맨날 바쁘대": half a joke, half a doubt — reassure, own the busyness."""
    no = v.say(Line("에이 무슨 소리예요 ㅎㅎ 관심 엄청 많아요.", "에이 무슨 소리야 ㅋㅋ 관심 엄청 많아."))
    sorry = v.say(Line("요즘 바빠서 연락 자주 못 한 건 미안해요.", "요즘 바빠서 연락 자주 못 한 건 미안해."))
    return (
        Draft(no, "반쯤 장난이어도 서운함이 섞인 말이라, 관심 있다고 분명히 답해 줘요.", told=True),
        Draft(join(no, sorry), "바빴던 건 인정하고 짧게 미안하다고 해서 서운함을 풀어 줘요.", told=True),
        Draft(join(sorry, v.say(Line("이번 주에 시간 내서 얼굴 봐요.", "이번 주에 시간 내서 얼굴 보자."))), "말보다 시간을 내는 걸로 관심을 보여 줘요.", told=True),
    )


def _glad_to_meet_them(v: Voice, r: Reading) -> tuple[Draft, Draft, Draft]:
    """"추석 전에 엄마랑 밥 한번 어때?" and the user wants to go: a clear yes, the nerves said, a question."""
    who = "어머님" if re.search(r"엄마|어머니", r.message) else "아버님" if re.search(r"아빠|아버지", r.message) else "부모님"
    yes = v.say(Line("좋아요! 저도 {w} 뵙고 싶었어요.", "좋아! 나도 {w} 뵙고 싶었어."), w=who)
    nervous = v.say(Line("엄청 떨리긴 하는데 기대돼요.", "엄청 떨리긴 하는데 기대돼."))
    prepare = v.say(Line("{w}는 뭐 좋아하세요? 뭐 준비해 가면 좋을지 알려 줘요.", "{w} 뭐 좋아하셔? 뭐 준비해 가면 좋을지 알려 줘."), w=who)
    return (
        Draft(join(wedding_congrats(v, r), yes), f"{v.name}님의 초대에 망설임 없이 좋다고 답해요.", told=True),
        Draft(join(yes, prepare), "좋다는 답에 준비할 것을 물어, 진지하게 생각한다는 걸 보여 줘요.", told=True),
        Draft(join(yes, nervous, prepare), "떨리는 마음까지 솔직하게 말하면 오히려 더 믿음직하게 들려요.", told=True),
    )


def wedding_congrats(v: Voice, r: Reading) -> str:
    """"우리 누나 결혼식 있잖아": whatever the answer to coming, the wedding is congratulated."""
    wedding = re.search(r"(누나|언니|형|오빠|동생|사촌\s*\S+|친구)\s*결혼", r.message)
    return v.say(Line("{w} 결혼 정말 축하드려요!", "{w} 결혼 진짜 축하해!"), w=wedding.group(1)) if wedding else ""


def relationship(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    facts = d.facts.text if d.facts else ""
    if r.has(Signal.INVITATION) and re.search(r"좋|가고\s*싶|갈게|뵙고\s*싶|만나\s*뵙", r.wish.text) and not r.wish.decline:
        return _glad_to_meet_them(v, r)
    if r.has(Signal.INVITATION):  # "부모님 한번 뵐래?"
        thanks = join(wedding_congrats(v, r), v.say(Line("그렇게 생각해 줘서 정말 고마워요.", "그렇게 생각해 줘서 진짜 고마워.")))
        slow = facts or v.say(Line("근데 아직은 조금 떨려요.", "근데 아직은 좀 떨려."))
        later = v.say(Line("아직은 조금 더 시간 갖고, 마음 준비되면 제가 먼저 말할게요.", "아직은 조금 더 시간 갖고, 마음 준비되면 내가 먼저 말할게."))
        return (
            Draft(join(thanks, slow), f"{v.name}님의 초대에 먼저 고마워하고, 부담스러운 마음은 솔직하지만 부드럽게 말해요."),
            Draft(join(slow, later), f"거절이 아니라 '아직'이라는 걸 분명히 해서 {v.name}님이 서운하지 않게 해요."),
            Draft(join(v.say(Line("{name} 씨랑 진지하게 만나고 있어서 더 잘하고 싶어요.", "너랑 진지하게 만나고 있어서 더 잘하고 싶어."), name=v.name), later),
                  f"진지한 마음을 먼저 말해 주면 '아직'이라는 말도 {v.name}님에게 믿음으로 들려요."),
        )
    if _TALK_REQUESTED.search(r.message) and not cues.confession(r.message):
        return _talk_requested(v, r, d)
    if _DOUBTS_MY_INTEREST.search(r.message) and not d.facts:
        return _reassure(v)
    if _MEET_MY_PEOPLE.search(r.message) and not r.has(Signal.INVITATION):
        return _meet_my_people(v, d)
    if r.wish.unsure:
        honest = facts or v.say(Line("솔직히 저도 아직 잘 모르겠어요.", "솔직히 나도 아직 잘 모르겠어."))
        good = v.say(Line("그래도 {name} 씨랑 있는 시간은 정말 좋아요.", "그래도 너랑 있는 시간은 진짜 좋아."), name=v.name)
        more = v.say(Line("조금 더 알아가 보고 싶어요.", "조금 더 알아가 보고 싶어."))
        return (
            Draft(join(v.say(Line("물어봐 줘서 고마워요.", "물어봐 줘서 고마워.")), honest), f"{v.name}님의 '{d.quote}'에 모르는 걸 아는 척하지 않고 솔직하게 답해요."),
            Draft(join(honest, good), f"확신은 없어도 {v.name}님에게 좋은 감정이 있다는 걸 함께 전해 관계를 닫지 않아요."),
            Draft(join(v.say(Line("제 마음을 솔직하게 말하면, 확신은 아직 없지만 끌리는 건 분명해요.", "솔직히 말하면, 확신은 아직 없는데 끌리는 건 분명해.")), more),
                  f"애매하게 두지 않고 {v.name}님과 어떻게 하고 싶은지까지 분명히 말해요."),
        )
    mutual = bool(cues.confession(r.message)) or r.has(Signal.AFFECTION)
    # "나도" only when they said it first; "나 너한테 뭐야?" is a question, not a confession
    like = facts or (v.say(Line("저도 {name} 씨 좋아해요.", "나도 너 좋아해."), name=v.name) if mutual else
                     v.say(Line("저는 {name} 씨 좋아해요.", "나는 너 좋아해."), name=v.name))
    if cues.confession(r.message):  # they said it first ("저 사실 민준씨 좋아하는 것 같아요")
        opener = v.say(Line("놀라긴요, 용기 내서 말해 줘서 고마워요.", "놀라긴, 용기 내서 말해 줘서 고마워.")) if "놀라" in r.message else v.say(
            Line("먼저 말해 줘서 고마워요.", "먼저 말해 줘서 고마워."))
        same = v.say(Line("사실 저도 먼저 말할까 고민하고 있었어요.", "사실 나도 먼저 말할까 고민하고 있었어."))
    elif re.search(r"무슨\s*사이|우리\s*(?:관계|사이)|어떤\s*사이|(?:나|저)\s*(?:너|[가-힣]{1,3}\s*씨)?한테\s*(?:뭐|어떤)", r.message):
        opener = v.say(Line("저도 요즘 그거 생각하고 있었어요.", "나도 요즘 그거 생각하고 있었어."))
        same = v.say(Line("가볍게 생각한 적 없어요.", "가볍게 생각한 적 없어."))
    elif re.search(r"생각해\s*본\s*적|생각해본\s*적", r.message):  # "같이 사는 거 생각해본 적 있어?": answer it first
        opener = v.say(Line("저도 생각해 봤어요.", "나도 생각해 봤어."))
        same = v.say(Line("{you}랑이면 좋겠다고 생각했어요.", "너랑이면 좋겠다고 생각했어."), you=f"{v.name} 씨")
    else:
        opener = ""
        same = v.one("relationship-serious", [
            Line("저는 {name} 씨 말고는 관심 없어요.", "나는 너 말고 관심 없어."), Line("가볍게 생각한 적 없어요.", "가볍게 생각한 적 없어."),
        ], name=v.name)
    return (
        Draft(join(opener, like), f"{v.name}님이 먼저 꺼낸 '{d.quote}'에 돌려 말하지 않고 " + ("같은 마음이라고 답해요." if mutual else "내 마음을 분명히 답해요.")),
        Draft(join(like, same), f"좋아하는 마음과 진지함을 함께 전해 {v.name}님의 불안을 덜어 줘요."),
        Draft(join(like, v.say(Line("앞으로도 {name} 씨랑 진지하게 만나고 싶어요.", "앞으로도 너랑 진지하게 만나고 싶어."), name=v.name) if r.stage is Stage.DATING
                   else v.say(Line("우리 제대로 만나 볼래요?", "우리 사귀자."))), f"{v.name}님이 " + ("마음을 보여 준" if mutual else "관계를 먼저 물어 온") + " 지금이 기회라, 내가 먼저 분명하게 사귀자고 말해요."),
    )


_TALK_REQUESTED = re.compile(r"얘기\s*(?:좀\s*)?(?:해야|하자|할\s*수\s*있)|할\s*(?:얘기|말)\s*있어|할\s*(?:얘기|말)이\s*있")


def _talk_requested(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"우리 얘기 좀 해야 될 것 같아": unknown news — calm, no guessing the worst, no pleading."""
    when = d.time
    ok = v.say(Line("네 알겠어요. {w} 얘기해요.", "응 알겠어. {w} 얘기하자."), w=adverbial(when)) if when else v.say(
        Line("네 알겠어요. 편할 때 얘기해요.", "응 알겠어. 편할 때 얘기하자."))
    ask = v.say(Line("혹시 무슨 얘기인지 조금만 먼저 말해 줄 수 있어요? 마음의 준비를 하고 싶어서요.",
                     "혹시 무슨 얘긴지 조금만 먼저 말해 줄 수 있어? 마음의 준비를 하고 싶어서."))
    open_ = v.say(Line("무슨 얘기든 솔직하게 해 줘요. 저도 잘 듣고 같이 얘기하고 싶어요.", "무슨 얘기든 솔직하게 해 줘. 나도 잘 듣고 같이 얘기하고 싶어."))
    return (
        Draft(ok, f"'{d.quote}'에 놀란 티를 내기보다 차분하게 알겠다고 답해요.", told=True),
        Draft(join(ok, ask), "불안을 혼자 키우지 않게, 무슨 얘기인지 한 번만 부드럽게 물어봐요.", told=True),
        Draft(join(ok, open_), f"어떤 얘기든 피하지 않고 듣겠다는 마음을 보여 {v.name}님이 편하게 말하게 해요.", told=True),
    )
