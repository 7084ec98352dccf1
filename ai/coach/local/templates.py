"""Reply fragments for the local engine, and the small language they are written in.

A template is one chat message in both speech levels: ``{해요체|반말}`` or
``{해요체|반말|높임}`` (the third with -시- honorifics, used toward a blind date or a partner who
writes 합쇼체), plus slots filled from the message and the profile:

    <time> 주말에 · <time_n> 주말 · <place> 강남역 · <alt_time> 다음 주 · <act> 영화 · <act_want> 영화 볼래요
    <act_lets> 영화 봐요/보자 · <act_may> 같이 러닝해도 · <act_after> 영화 보고 나서
    <act_next> 저녁도 같이 먹어요 · <act_q> 보고 싶은 거 있어요? · <act_past_q> 무슨 영화 봤어요?
    <food2> 치킨 (두 번째로 나온 음식) · <int> 러닝 · <int_want> 러닝할래요 · <int_lets> 러닝해요/하자 · <int_nom> 러닝하기 · <cause> 야근 · <topic> 전시
    <you> 지민 씨는/너는 · <voc> 지민 씨, / 지민아, · <love> 사랑해요/좋아해 · <num> 10km

``needs`` names the slots a template cannot do without (``!clock``: not when an hour was given);
the composer prefers the most specific template whose needs are met, so details in the message
are used when they are there.
Laughter, emoji and crying marks are never written here: they are added afterwards, only when the
partner uses them. ``stages`` limits a template to DATING, SOME, BLIND (소개팅) or FRIEND.
`render` fills a template in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai.coach.types import RiskLevel
from ai.korean.particles import josa


@dataclass(frozen=True, slots=True)
class Template:
    text: str
    why: str  # the core of the explanation, in Korean
    mood: str  # warm | playful | caring | serious | sweet
    needs: frozenset[str]
    avoid: frozenset[str]  # written "!clock" in ``needs``: not when this is available
    stages: frozenset[str] | None
    moves: frozenset[str]  # meet | call | confess | treat


def t(text: str, why: str, mood: str = "warm", needs: str = "", stages: str | None = None, moves: str = "") -> Template:
    words = needs.split()
    return Template(
        text,
        why,
        mood,
        frozenset(w for w in words if not w.startswith("!")),
        frozenset(w[1:] for w in words if w.startswith("!")),
        frozenset(stages.split()) if stages else None,
        frozenset(moves.split()),
    )


_CHOICE = re.compile(r"\{([^{}|]*)\|([^{}|]*)(?:\|([^{}|]*))?\}")
_SLOT = re.compile(r"<(\w+)(?::(\w+))?>")


def render(template: str, *, polite: bool, honorific: bool = False, slots: dict[str, str] | None = None) -> str:
    """Fill a template.

    ``{해요체|반말}`` or ``{해요체|반말|높임}`` picks the speech level (the third, when given, is
    used for polite speech with -시- honorifics, e.g. to a blind date). ``<name>`` inserts a
    slot; ``<name:을>`` adds the particle that agrees with the slot's value.
    """

    def choose(m: re.Match[str]) -> str:
        if not polite:
            return m.group(2)
        if honorific and m.group(3) is not None:
            return m.group(3)
        return m.group(1)

    text = _CHOICE.sub(choose, template)
    values = slots or {}

    def fill(m: re.Match[str]) -> str:
        value = values.get(m.group(1), "")
        return josa(value, m.group(2)) if m.group(2) and value else value

    text = _SLOT.sub(fill, text)
    return re.sub(r"\s{2,}", " ", text).strip()


Scene = dict[RiskLevel, list[Template]]
SCENES: dict[str, Scene] = {}


def scene(name: str, *, safe: list[Template], balanced: list[Template], bold: list[Template]) -> None:
    SCENES[name] = {RiskLevel.SAFE: safe, RiskLevel.BALANCED: balanced, RiskLevel.BOLD: bold}


# --- invitations and plans ------------------------------------------------------------------

scene(
    "INVITATION",
    safe=[
        t("{좋아요|좋아}! <time> 같이 <act_lets>", "제안을 기분 좋게 받아들이면서 짧고 가볍게 답해요.", needs="time act"),
        t("{좋아요|좋아}! 같이 <act_lets>", "제안을 기분 좋게 받아들이면서 짧고 가볍게 답해요.", needs="act"),
        t("{좋아요|좋아}! <time> {봐요|보자|봬요}", "제안을 기분 좋게 받아들이면서 짧고 가볍게 답해요.", needs="time"),
        t("{좋아요, 저는 언제든 괜찮아요|좋아, 나는 언제든 괜찮아}!", "제안을 받아들이고 일정은 상대에게 편하게 맡겨요."),
    ],
    balanced=[
        t("{좋아요! <place> 근처에 가 보고 싶은 데 있어요|좋아! <place> 근처에 가 보고 싶은 데 있어|좋아요! <place> 근처에 가 보고 싶은 데 있으세요}?", "시간과 장소가 정해졌으니 그다음 코스를 물어 만남을 더 기대하게 해요.", needs="time clock place"),
        t("{좋아요! <time> 봐요. 어디서 볼까요|좋아! <time> 보자. 어디서 볼까|좋아요! <time> 봬요. 어디서 뵐까요}?", "시간은 정해졌으니 장소를 물어 약속을 마무리해요.", needs="time clock !place"),
        t("{좋아요|좋아}! <act_q>", "수락하면서 구체적인 취향을 물어 대화를 자연스럽게 이어가요.", needs="act_q"),
        t("{좋아요|좋아}! <time> 몇 시쯤이 {편해요|편해|편하세요}?", "수락하고 바로 시간을 정하자고 해서 약속이 흐지부지되지 않게 해요.", needs="time !clock"),
        t("{좋아요|좋아}! 언제가 {편해요|편해|편하세요}? {저는 주말이 좋아요|나는 주말이 좋아}", "수락하면서 날짜를 구체적으로 좁혀 가요."),
    ],
    bold=[
        t("{좋아요! <time_n>엔 꼭 봐요, 벌써 기대돼요|좋아! <time_n>엔 꼭 보자, 벌써 기대된다|좋아요! <time_n>엔 꼭 봬요, 벌써 기대돼요}", "상대가 먼저 다른 날을 제안했으니 반갑게 받아 약속을 확실히 해요.", "warm", "counter time", None, "meet"),
        t("{당연하죠! <time> 하루 종일 저랑 있는 거예요|당연하지! <time> 하루 종일 나랑 있는 거다}", "연인 사이라 반가움을 숨기지 않고 하루를 통째로 함께하자고 해요.", "sweet", "time !clock", "DATING", "meet"),
        t("{좋아요, 사실 저도 먼저 말하려고 했어요. 데리러 갈게요|좋아, 사실 나도 먼저 말하려고 했어. 데리러 갈게}", "같은 마음이었다고 말하고 데리러 가겠다는 한 걸음을 더해요.", "sweet", "", "DATING", "meet"),
        t("{좋아요! 사실 저도 먼저 물어보려고 했어요. <time> 기대할게요|좋아! 사실 나도 먼저 물어보려고 했어. <time> 기대할게}", "나도 같은 생각이었다고 밝혀 호감을 분명히 돌려줘요.", "sweet", "time !clock", "SOME", "meet"),
        t("{좋아요! <act_after> <act_next>, 제가 살게요|좋아! <act_after> <act_next>, 내가 살게}", "수락에서 그치지 않고 다음 코스까지 제안해 데이트로 만들어요.", "warm", "act", "SOME", "meet treat"),
        t("{좋아요! 먼저 물어봐 줘서 고마워요, 벌써 기대돼요|좋아! 먼저 물어봐 줘서 고마워, 벌써 기대된다}", "먼저 제안해 준 게 반갑다고 말해 호감을 분명히 돌려줘요.", "sweet", "", "SOME", "meet"),
        t("{좋아요! 다시 만날 생각에 벌써 기대돼요|좋아! 다시 만날 생각에 벌써 기대돼|좋아요! 다시 뵐 생각에 벌써 기대돼요}", "소개팅 뒤라 부담스럽지 않게, 그래도 기대된다는 마음은 분명히 전해요.", "warm", "", "BLIND", "meet"),
        t("{좋아요! <act_after> <act_next>|좋아! <act_after> <act_next>|좋아요! <act_after> <act_next>}", "소개팅 상대의 제안에 코스를 하나 더 얹어 적극적으로 호응해요.", "warm", "act", "BLIND", "meet"),
        t("{콜! <food2:은> 제가 쏠게요|콜! <food2:은> 내가 쏜다}", "친구가 짠 계획에 시원하게 올라타면서 한턱내겠다고 해요.", "playful", "act food2", "FRIEND", "meet treat"),
        t("{좋아요! <food2:은> 제가 살게요, 벌써 기대돼요|좋아! <food2:은> 내가 살게, 벌써 기대된다}", "상대가 짠 계획을 반기면서 내가 대접하겠다고 해 호감을 보여 줘요.", "warm", "act food2", "SOME DATING", "meet treat"),
        t("{콜! <act_after> <act_next>, 제가 쏠게요|콜! <act_after> <act_next>, 내가 쏜다}", "친구 사이의 편한 말투로 둘이 보내는 시간을 늘려요.", "playful", "act", "FRIEND", "meet treat"),
        t("{좋아요! 둘이 보는 거 오랜만이라 기대돼요|좋아! 둘이 보는 거 오랜만이라 기대된다}", "친구 사이에서 둘만의 만남이 기대된다고 살짝 마음을 드러내요.", "warm", "", "FRIEND", "meet"),
    ],
)

scene(
    "INVITATION_INDIRECT",
    safe=[
        t("{아직 딱히 계획은 없어요, 왜요|아직 딱히 계획은 없어, 왜}?", "일정을 비워 두고 상대가 먼저 제안할 여지를 남겨요."),
        t("{아직 정한 건 없어요! 좀 쉬려나 싶어요|아직 정한 건 없어! 좀 쉬려나 싶어}", "가볍게 답하면서 일정이 비어 있다는 걸 알려 줘요."),
    ],
    balanced=[
        t("{아직 비어 있어요! <you> <time_n>에 뭐 해요|아직 비어 있어! <you> <time_n>에 뭐 해|아직 비어 있어요! <you> <time_n>에 뭐 하세요}?", "비어 있다고 알려 주고 질문을 돌려줘서 상대가 제안하기 쉽게 해요.", needs="time"),
        t("{아직 비어 있어요! 요즘도 <int> 자주 해요|아직 비어 있어! 요즘도 <int> 자주 해|아직 비어 있어요! 요즘도 <int> 자주 하세요}?", "일정이 비었다고 알려 주면서 상대가 좋아하는 얘기로 이어가요.", needs="interest_act"),
        t("{아직 비어 있어요! 혹시 같이 뭐 하고 싶은 거 있어요|아직 비어 있어! 혹시 같이 뭐 하고 싶은 거 있어|아직 비어 있어요! 혹시 하고 싶은 거 있으세요}?", "일정이 비었다고 알려 주고 상대가 원하는 걸 먼저 물어요."),
    ],
    bold=[
        t("{아직 비어 있어요! <int> 좋아한다고 했죠? <time> 같이 <int_want>|아직 비어 있어! <int> 좋아한다고 했지? <time> 같이 <int_want>|아직 비어 있어요! <int> 좋아하신다고 했죠? <time> 같이 <int_want>}?", "상대가 좋아하는 것으로 먼저 만나자고 제안해서 돌려 말한 신호에 확실히 답해요.", "warm", "time interest_act", None, "meet"),
        t("{당연히 같이 놀아야죠! 어디 갈까요|당연히 너랑 놀아야지! 어디 갈까}?", "연인이 일정을 물으면 당연히 함께라고 답하는 게 가장 반가운 대답이에요.", "sweet", "", "DATING", "meet"),
        t("{아직 비어 있어요. 시간 되면 <time> 저랑 맛있는 거 먹으러 갈래요|아직 비어 있어. 시간 되면 <time> 나랑 맛있는 거 먹으러 갈래}?", "돌려 묻는 질문에 먼저 만나자고 답해서 상대의 부담을 덜어 줘요.", "warm", "time", "SOME FRIEND", "meet"),
        t("{아직 비어 있어요. 시간 되면 저랑 맛있는 거 먹으러 갈래요|아직 비어 있어. 시간 되면 나랑 맛있는 거 먹으러 갈래}?", "돌려 묻는 질문에 먼저 만나자고 답해서 상대의 부담을 덜어 줘요.", "warm", "", "SOME FRIEND", "meet"),
        t("{아직 계획 없어요. 괜찮으시면 그때 커피 한잔 할래요|아직 계획 없어. 괜찮으면 그때 커피 한잔 할래|아직 계획 없어요. 괜찮으시면 그때 커피 한잔 하실래요}?", "소개팅 상대에게는 커피처럼 가벼운 만남으로 제안하는 게 부담이 적어요.", "warm", "", "BLIND", "meet"),
    ],
)

scene(
    "ACCEPTANCE",
    safe=[
        t("{좋아요! 그럼 <time> 봐요|좋아! 그럼 <time> 보자|좋아요! 그럼 <time> 봬요}", "약속을 확정하면서 기분 좋게 마무리해요.", needs="time"),
        t("{좋아요! 그럼 그때 봐요|좋아! 그럼 그때 보자|좋아요! 그럼 그때 봬요}", "약속을 확정하면서 기분 좋게 마무리해요."),
    ],
    balanced=[
        t("{좋아요! 몇 시쯤이 편해요? 장소는 제가 알아볼게요|좋아! 몇 시쯤이 편해? 장소는 내가 알아볼게|좋아요! 몇 시쯤이 편하세요? 장소는 제가 알아볼게요}", "시간을 묻고 장소는 내가 맡겠다고 해서 약속을 구체화해요."),
    ],
    bold=[
        t("{벌써 기대돼요. 그날 제가 괜찮은 데 찾아 둘게요|벌써 기대된다. 그날 내가 괜찮은 데 찾아 둘게}", "기대된다는 마음을 표현하고 데이트 준비를 내가 맡아요.", "sweet", "", "SOME DATING", "treat"),
        t("{좋아요! 다시 만날 생각에 벌써 기대돼요. 장소는 제가 알아볼게요|좋아! 다시 만날 생각에 벌써 기대돼. 장소는 내가 알아볼게|좋아요! 다시 뵐 생각에 벌써 기대돼요. 장소는 제가 알아볼게요}", "두 번째 만남에 대한 기대를 분명히 전하면서 준비는 내가 맡아요.", "warm", "", "BLIND"),
        t("{콜! 장소는 제가 정할게요|콜! 장소는 내가 정한다}", "친구 사이답게 시원하게 받고 주도권을 잡아요.", "playful", "", "FRIEND"),
    ],
)

scene(
    "DECLINE",
    safe=[
        t("{아 그렇군요! 괜찮아요, 바쁜 일 잘 마무리해요|아 그렇구나! 괜찮아, 바쁜 일 잘 마무리해|아 그렇군요! 괜찮아요, 바쁜 일 잘 마무리하세요}", "아쉬움을 드러내지 않고 상대의 사정을 존중해요."),
    ],
    balanced=[
        t("{괜찮아요! 그럼 <alt_time:은> 어때요|괜찮아! 그럼 <alt_time:은> 어때|괜찮아요! 그럼 <alt_time:은> 어떠세요}?", "부담 없이 다른 날을 한 번만 제안해서 상대의 진짜 마음을 확인해요.", needs="alt_time"),
    ],
    bold=[
        t("{아쉽네요. 그래도 꼭 보고 싶으니까 편한 날 알려 줘요, 제가 맞출게요|아쉽다. 그래도 꼭 보고 싶으니까 편한 날 알려 줘, 내가 맞출게}", "보고 싶다는 마음을 솔직하게 말하고 일정은 상대에게 맞추겠다고 해요.", "sweet", "", "SOME DATING", "meet"),
        t("{아쉽네요. 그럼 바쁜 거 끝나면 제가 맛있는 거 사 들고 갈게요|아쉽다. 그럼 바쁜 거 끝나면 내가 맛있는 거 사 들고 갈게}", "못 만나도 내가 찾아가겠다는 말로 서운함 대신 애정을 보여 줘요.", "sweet", "", "DATING", "meet treat"),
        t("{괜찮아요! 편하실 때 연락 주세요, 기다릴게요|괜찮아! 편할 때 연락 줘, 기다릴게|괜찮아요! 편하실 때 연락 주세요, 기다릴게요}", "소개팅 상대가 미룰 때는 재촉하지 않고 기다리겠다고만 말하는 게 가장 적극적이면서 안전해요.", "warm", "", "BLIND"),
        t("{아쉽네요! 그럼 <alt_time:은> 무조건 보는 거예요|아쉽네! 그럼 <alt_time:은> 무조건 보는 거다}", "친구 사이라 가볍게 다음 약속을 못 박아요.", "playful", "alt_time", "FRIEND", "meet"),
    ],
)
