"""The advice the user sees, in Korean: what is probably going on, what to do (with the answer
to the user's own question), and what to avoid. Worded from the reading's lead signal, its
evidence (the partner's own words) and the facts around it."""

from __future__ import annotations

import re
from collections.abc import Callable

from ai.coach.reading import cues, pain
from ai.coach.reading.answers import also, answer
from ai.coach.reading.cautions import cautions_for
from ai.coach.reading.lead import lead_signal
from ai.coach.reading.model import Reading
from ai.coach.reading.quotes import final_consonant as _final_consonant
from ai.coach.reading.quotes import ira as _ira
from ai.coach.reading.quotes import quote_of as _quote
from ai.coach.reading.quotes import said
from ai.coach.types import Advice, ReplyTiming, Signal, Stage
from ai.korean.names import given_name
from ai.korean.particles import josa
from ai.korean.signals import is_sticker


def advise(reading: Reading) -> Advice:
    name = given_name(reading.partner_name) or (reading.partner_name or "").strip() or "상대"
    lead = lead_signal(reading)
    summary, todo = _LEADS.get(lead, _small_talk)(reading, name)
    extra = _added_context(reading, name, lead)
    recommendation = " ".join(part for part in (_timing_line(reading), todo, answer(reading), *also(reading)) if part)
    return Advice(
        summary=" ".join(part for part in (summary, extra) if part),
        signals=reading.signals,
        timing=reading.timing,
        recommendation=recommendation,
        cautions=cautions_for(reading),
    )


def _crisis(r: Reading, name: str) -> tuple[str, str]:
    return (
        (f"{name}님이 {_ira(_quote(r, Signal.CRISIS))}고 했어요. 스스로를 해칠 수 있다는 신호일 수 있어서, 지금은 관계 고민보다"
        f" {name}님의 안전이 먼저예요."),
        ("걱정된다고, 곁에 있겠다고 분명히 말하고 '혹시 스스로를 해칠 생각까지 들어?'라고 직접 물어봐도 괜찮아요."
        " 혼자 감당하기 어려워 보이면 자살예방상담전화 109(24시간)나 112·119에 같이 연락하도록 도와주세요."
        + (" 빚이나 돈 문제가 겹쳐 있다면 서민금융통합콜센터(1397) 같은 채무 상담으로 함께 풀 수 있다는 것도 알려 주세요."
           if pain.money_trouble(r.message) else "")),
    )


def _grief(r: Reading, name: str) -> tuple[str, str]:
    if cues.cancelled_plan(r.message):
        return (
            f"{name}님이 {_quote(r, Signal.GRIEF)} 이야기를 했어요. 큰 상실 속에 있어요. 약속을 미루는 건 거절이 아니라 경황이 없어서예요.",
            ("짧고 따뜻하게 위로하고, 약속은 전혀 신경 쓰지 말라고 먼저 말해 주세요. 새 날짜를 잡는 건 미루고, 필요할 때 언제든 연락하라는 말이면"
             " 충분해요."),
        )
    return (
        f"{name}님이 {_quote(r, Signal.GRIEF)} 이야기를 했어요. 큰 상실 속에 있어요.",
        ("짧고 따뜻하게 위로하세요. 조언이나 다른 화제, 만남 제안은 미루고, 필요할 때 언제든 연락하라는 말로 곁에 있다는 것만"
        " 알려 주면 충분해요."),
    )


def _distress(r: Reading, name: str) -> tuple[str, str]:
    quote = _quote(r, Signal.DISTRESS) or "'메시지'"
    if re.search(r"차였|헤어졌|이별", r.message) and r.stage in (Stage.FRIEND, Stage.CRUSH, Stage.SOME):
        return (
            f"{name}님이 이별로 많이 힘든 상태예요({quote}).",
            "지금은 위로가 먼저예요. 내 마음을 전하거나 고백하는 건 상대가 마음을 추스른 뒤로 미루고, 곁에서 들어 주세요.",
        )
    if pain.money_trouble(r.message):
        return (
            f"{name}님이 돈 문제로 마음이 무거운 상태예요({quote}). 털어놓은 것 자체가 그만큼 편하게 생각한다는 뜻이기도 해요.",
            ("돈 얘기는 예민한 주제예요. '아껴 써' 같은 훈수나 계산은 빼고 걱정을 알아주세요. 밥 한 끼 사는 정도는 괜찮지만, 돈을 빌려주는"
             " 얘기는 상대가 먼저 꺼낼 때만 하세요."),
        )
    if pain.setback(r.message):
        return (
            f"{name}님이 애쓴 만큼 결과가 안 나와 허탈해하고 있어요({quote}). 웃으며 말해도 속은 상해 있을 가능성이 커요.",
            "평가를 분석하거나 조언하기보다, 그동안의 노력을 알아봐 주고 속상한 마음에 편을 들어 주세요.",
        )
    return (
        f"{quote}에서 {name}님이 많이 힘든 상태라는 게 보여요.",
        "해결책보다 공감이 먼저예요. 무슨 일인지 들어 주고, 가볍게 넘기거나 농담으로 받지 마세요.",
    )


def _conflict(r: Reading, name: str) -> tuple[str, str]:
    if cues.asks_for_space(r.message):
        summary, todo = (
            f"{name}님이 서운함이 쌓여 화가 난 상태이고({_quote(r, Signal.CONFLICT)}), 지금은 더 말하고 싶지 않다는 뜻이에요.",
            ("길게 해명하거나 지금 결론을 내려 하지 말고, 마음을 인정하는 짧은 사과와 함께 시간을 주세요. 차분해진 뒤 다시 이야기하자고"
            " 하면 좋아요."),
        )
    else:
        summary, todo = (
            f"{name}님이 서운하고 화가 난 상태예요({_quote(r, Signal.CONFLICT)}).",
            "변명보다 상대가 서운한 지점을 먼저 인정하고 사과하세요. 잘잘못을 따지는 말은 싸움을 키워요.",
        )
    event = cues.forgotten_event(r.message, r.facts.partner_earlier)
    if event and re.search(r"잊|까먹|몰라|관심|답\s*하나|안\s*궁금|챙기|됐어", r.message):
        summary += f" {event} 날을 제대로 챙기지 못한 게 서운함의 핵심이에요."
        todo += f" 사과할 때 {event} 얘기를 피하지 말고, {josa(event, '이')} 어땠는지 물어봐 주세요."
    return summary, todo


def _decline(r: Reading, name: str) -> tuple[str, str]:
    quote = _quote(r, Signal.DECLINE)
    if cues.no_more_contact(r.message):
        return (
            f"{said(quote)} 말은 분명한 거절이에요. 더 연락하지 말아 달라는 부탁이에요.",
            "아쉽더라도 그 뜻을 존중하세요. 답장을 한다면 짧게 인사하고 끝내고, 그 뒤로는 연락하지 않는 게 예의예요.",
        )
    if cues.thinking_it_over(r.message):
        return (
            f"{said(quote)} 말은 아직 답을 정하지 않았다는 뜻이에요. 정말 일정을 보려는 걸 수도, 완곡하게 거절하는 걸 수도 있어서 지금은 단정하기 어려워요.",
            "재촉하지 말고 '편하게 생각해 보고 알려 달라'고 가볍게 받아 두세요. 며칠이 지나도 답이 없으면 거절에 가깝다고 보고, 같은 제안을 다시 하지는 마세요.",
        )
    if cues.later_maybe(r.message):
        return (
            f"{said(quote)} 말은 정말 바쁜 걸 수도, 완곡한 거절일 수도 있어요. 지금은 어느 쪽인지 단정하기 어려워요.",
            "'나중에 연락하겠다'고 공을 넘겼으니, 이번엔 날짜를 다시 묻지 말고 가볍게 응원하며 기다리세요. 먼저 연락이 오면 그때 다시 잡으면 돼요.",
        )
    if cues.day_only_no(r.message):
        return (
            f"{said(quote)} 말은 그날이 어렵다는 뜻이에요. 다른 날을 말하지 않아서 정중한 거절일 수도 있지만, 아직 단정하긴 일러요.",
            "서운한 티 없이 가볍게 받아 주세요. 다른 날을 물어본다면 한 번만, 부담 없게 물어보고, 그때도 어렵다고 하면 거절로 받아들이세요.",
        )
    firm = re.search(r"확실|분명|절대|전혀|여기까지", r.message)
    if firm:
        return (
            f"{said(quote)} 말은 {name}님의 분명한 거절이에요. 마음이 바뀔 여지를 남기지 않았어요.",
            "상대의 뜻을 존중하는 게 먼저예요. 다시 제안하거나 마음을 밀어붙이지 말고, 솔직하게 말해 줘서 고맙다고 짧게 답하세요.",
        )
    if r.facts.user_invited and not cues.invitation(r.message) and re.search(r"그날|일정|시간|주말|요일|바빠|바쁘", r.message):
        return (
            f"{said(quote)} 말은 {name}님의 정중한 거절일 가능성이 커요. 다른 날을 제안하지 않았다는 점도 그렇게 읽혀요.",
            ("상대의 뜻을 존중하는 게 먼저예요. 다시 제안하거나 마음을 밀어붙이지 말고, 고마웠다고 짧고 담백하게 답해 좋은 인상으로"
             " 마무리하세요."),
        )
    return (
        f"{said(quote)} 말은 {name}님의 정중한 거절일 가능성이 커요. 마음을 다치지 않게 돌려 말한 거예요.",
        ("상대의 뜻을 존중하는 게 먼저예요. 다시 제안하거나 마음을 밀어붙이지 말고, 고마웠다고 짧고 담백하게 답해 좋은 인상으로"
        " 마무리하세요."),
    )


def _ex(r: Reading, name: str) -> tuple[str, str]:
    when = f"{r.facts.local_time:%H:%M}" if r.facts.local_time else "늦은 시간"
    if re.search(r"빌려\s*(?:줄|줘|주|달)|\d+\s*만\s*원만|꿔\s*(?:줄|줘)", r.message):
        return (
            f"헤어진 {name}님이 돈을 빌려 달라고 하고 있어요. 미안한 마음이 들더라도 전 연인의 돈 부탁을 들어줄 의무는 없어요.",
            "빌려주기 싫다면 이유를 길게 대지 말고 '미안, 빌려주기 어려워'처럼 짧고 단호하게 거절하세요. 계좌번호 같은 건 답장에 다시 옮기지 마세요.",
        )
    if r.has(Signal.GRIEF):
        return (
            f"헤어진 {name}님이 큰 슬픔을 알려 왔어요({_quote(r, Signal.GRIEF)}). 위로가 필요한 순간이에요.",
            "짧고 진심 어린 위로면 충분해요. 조문은 잠깐 들러 위로를 전하는 자리라 가도 괜찮지만, 그 뒤로 연락을 이어갈지는 내 마음을 보고 따로 정하세요.",
        )
    if cues.at_the_door(r.message):
        return (
            f"헤어진 {name}님이 {when}에 집 앞까지 와서 나오라고 하고 있어요. 술기운이나 감정이 앞선 행동일 수 있어요.",
            "나가지 마세요. 짧고 분명하게 안 나간다고만 답하고 문을 잠그세요. 계속 기다리거나 문을 두드리는 등 위협적이면"
            " 망설이지 말고 112에 신고하세요. 지금은 관계보다 안전이 먼저예요.",
        )
    if Signal.LATE_NIGHT in r.signals:
        return (
            f"헤어진 {name}님이 새벽 {when}에 연락했어요. 새벽의 그리움이나 외로움, 술기운일 수 있어요.",
            "새벽의 감정에 바로 답하지 말고, 다시 가까워지고 싶은지 정리하고 싶은지 먼저 정한 뒤 다음 날 맑은 정신으로 답하세요.",
        )
    return (
        f"헤어진 {name}님이 연락했어요({_quote(r, Signal.QUESTION) or '안부'}).",
        "용건에만 짧게 답하고, 다시 가까워지고 싶은지 스스로의 마음부터 확인하세요.",
    )


def _relationship(r: Reading, name: str) -> tuple[str, str]:
    quote = _quote(r, Signal.RELATIONSHIP_TALK)
    if r.wish.unsure:
        todo = ("상대 마음이 어떤지는 이 질문만으로 단정하기 어려워요. 내 마음이 아직 정해지지 않았다면 그렇다고 솔직하게 말해도 괜찮아요."
                " 좋은 감정이 있다는 것과 조금 더 알아가고 싶다는 것을 함께 전하세요.")
    elif r.wish.confess or r.has(Signal.AFFECTION):
        todo = "같은 마음이라면 지금이 솔직하게 마음을 전할 좋은 때예요. 돌려 말하지 말고 분명하게 답하세요."
    elif r.has(Signal.INVITATION) and r.stage is Stage.DATING:
        todo = "아직 부담스럽다면 솔직하게 말하되, 초대해 준 마음은 고맙다는 것과 언제쯤이면 좋을지를 함께 전하세요."
    else:
        todo = "내 마음을 솔직하게 말해 주는 게 가장 좋아요. 애매하게 넘기면 상대가 더 불안해져요."
    if re.search(r"얘기\s*(?:좀\s*)?(?:해야|하자)|할\s*(?:얘기|말)(?:이)?\s*있", r.message) and not cues.confession(r.message):
        return (
            f"{name}님이 {_ira(quote)}며 따로 이야기할 자리를 청했어요. 무슨 얘기인지는 아직 알 수 없어요.",
            "나쁜 쪽으로 단정하지 말고 차분하게 알겠다고 답하세요. 궁금하면 무슨 얘기인지 한 번만 부드럽게 물어봐도 괜찮아요.",
        )
    return (f"{name}님이 두 사람 관계를 분명히 하고 싶어해요({quote}).", todo)


def _invitation(r: Reading, name: str) -> tuple[str, str]:
    quote = _quote(r, Signal.INVITATION)
    if Signal.QUESTION in r.signals and "뭐" in (quote or ""):
        summary = f"{said(quote)} 말은 시간이 되는지 물으며 만남을 넌지시 떠보는 말일 수 있어요."
    elif r.facts.user_invited and re.search(r"대신\s*[가-힣]{1,6}\s*어때", r.message):
        summary = f"{name}님이 내 제안 대신 {_ira(quote or '다른 것')}며 다른 걸 제안했어요. 거절이 아니라 같이 보고 싶다는 뜻이에요."
    elif r.facts.user_invited and re.search(r"어렵|안\s*돼|안\s*될|못\s*(?:가|갈|볼)|힘들", r.message):
        summary = f"{name}님이 그날은 어렵다면서도 {_ira(quote or '다른 날')}고 다른 날을 제안했어요. 거절이 아니라 만나고 싶다는 뜻이에요."
    elif r.facts.user_invited:
        summary = f"{name}님이 {_ira(quote or '만남')}고 약속을 구체적으로 잡고 있어요. 제안을 반긴다는 뜻이에요."
    else:
        summary = f"{name}님이 {_ira(quote or '만남')}고 먼저 제안했어요. 호감의 표시예요."
    if re.search(r"다음에\s*(?:커피|밥|술|차)|언제\s*(?:밥|커피)\s*(?:한\s*번|한번)", r.message) and not re.search(r"\d+\s*시|요일|내일|주말", r.message):
        summary += " 다만 '다음에 한번'은 인사치레일 수도 있어서, 이 말만으로 진심인지 단정하긴 어려워요."
    if re.search(r"동기들|다\s*같이|모임|사람들이랑|애들이랑|친구들이랑", r.message):
        summary += " 여럿이 함께하는 모임 자리예요."
    todo = "가고 싶다면 좋다고 분명히 답하고 가능한 시간을 구체적으로 말하세요. 어렵다면 다른 날을 함께 제안하면 거절로 들리지 않아요."
    if r.wish.decline:
        todo = "가고 싶지 않다면 초대해 준 마음에 먼저 고마워하고, 여지를 남기지 않게 정중하고 짧게 거절하세요. '다음에'는 붙이지 않는 게 좋아요."
    return summary, todo


def _affection(r: Reading, name: str) -> tuple[str, str]:
    return (
        f"{name}님이 {_ira(_quote(r, Signal.AFFECTION))}고 마음을 표현했어요.",
        "같은 마음이라면 망설이지 말고 표현을 돌려주세요. 한두 마디면 충분해요.",
    )


def _good_news(r: Reading, name: str) -> tuple[str, str]:
    if pain.recovered(r.message):
        return (
            f"{name}님이 걱정하던 일이 잘 끝났어요({_quote(r, Signal.GOOD_NEWS)}). 안도하는 마음을 같이 나누고 싶은 거예요.",
            "축하보다 '정말 다행이다'는 안도를 함께 나누고, 그동안 마음 졸인 걸 알아봐 주세요.",
        )
    return (
        f"{name}님에게 좋은 일이 생겼어요({_quote(r, Signal.GOOD_NEWS)}). 제일 먼저 같이 기뻐해 주길 바라는 마음이에요.",
        "진심으로 축하하고, 그동안 고생한 걸 알아봐 주세요. 어떻게 된 건지 물어보면 이야기가 이어져요.",
    )


def _apology(r: Reading, name: str) -> tuple[str, str]:
    if re.search(r"미뤄|다음\s*주로|다른\s*날|[월화수목금토일]요일은|내일\s*(?:보면|볼까|만나)", r.message):
        return (
            f"{name}님이 약속을 미루게 돼서 미안해하고 있어요({_quote(r, Signal.APOLOGY)}). 다른 날을 먼저 말한 걸 보면 거절이 아니에요.",
            "아쉬운 마음은 짧게만 말하고, 새 날짜에 좋다고 분명히 답하세요.",
        )
    if r.facts.user_apologized or r.has(Signal.CONFLICT) or cues.after_fight(r.message):
        return (
            f"{name}님이 먼저 사과했어요({_quote(r, Signal.APOLOGY)}). 관계를 회복하고 싶다는 뜻이에요.",
            "사과를 받아 주고, 나도 미안했던 부분이 있다면 짧게 함께 말하세요. 지난 일을 다시 따지지는 마세요.",
        )
    if re.search(r"실수|기억이|필름|취해서|취했", r.message):
        return (
            f"{name}님이 술자리에서 실수했을까 걱정하며 미안해하고 있어요({_quote(r, Signal.APOLOGY)}). 그때 한 말이 진심이었는지는 지금으로선 알 수 없어요.",
            "실수는 없었다고 편하게 안심시켜 주세요. 그날 들은 말을 확인하고 싶다면 문자로 따지기보다, 맨정신일 때 얼굴 보고 가볍게 꺼내는 게 좋아요.",
        )
    if not cues.late_reply(r.message):
        return (
            f"{name}님이 미안한 마음을 전했어요({_quote(r, Signal.APOLOGY)}).",
            "괜찮다고 가볍게 받아 주고, 마음에 두지 않았다는 걸 보여 주세요.",
        )
    return (
        f"{name}님이 답이 늦은 걸 미안해하고 있어요({_quote(r, Signal.APOLOGY)}).",
        "괜찮다고 가볍게 받아 주고 대화를 이어가세요. 늦은 답장을 탓하지 않는 게 좋아요.",
    )


def _thanks(r: Reading, name: str) -> tuple[str, str]:
    return (
        f"{name}님이 고마운 마음을 전했어요({_quote(r, Signal.THANKS)}).",
        "고마움을 편하게 받아 주고, 나도 좋았던 점을 하나 구체적으로 말해 주세요.",
    )


def _question(r: Reading, name: str) -> tuple[str, str]:
    personal = re.search(r"뭐\s*(?:해|했|하|먹|읽|봐)|좋아하|취미|MBTI|어때|드시|뛰셨|잘\s*지내|자\?", r.message)
    return (
        f"{name}님이 {_ira(_quote(r, Signal.QUESTION))}고 물었어요. "
        + ("나에 대해 궁금해하는 거예요." if personal else "내 답을 기다리고 있어요."),
        "질문에 먼저 구체적으로 답하고, 같은 질문을 돌려주면 대화가 자연스럽게 이어져요.",
    )


def _read_no_reply(r: Reading, name: str) -> tuple[str, str]:
    facts = r.facts
    waited = round(facts.waited_hours or 0)
    dry = r.has(Signal.DRY_REPLY)
    return (
        (f"내 메시지 {facts.unanswered}개가 {waited}시간 넘게 답을 못 받다가 {'짧은 답이' if dry else '답이'} 왔어요."
        " 바쁘거나, 지금은 대화에 마음이 덜 가 있는 것일 수 있어요. 다만 이것만으로 마음을 단정할 수는 없어요."),
        "서운함을 드러내거나 이유를 캐묻지 말고 가볍게 받으세요. 한동안은 먼저 연락하는 횟수를 줄여 상대가 다가올 여지를 주세요.",
    )


def _dry(r: Reading, name: str) -> tuple[str, str]:
    if r.facts.user_apologized:
        return (
            f"내 사과에 {name}님이 {_ira(_quote(r, Signal.DRY_REPLY) or '짧게')}고만 답했어요. 사과는 들었지만 아직 서운함이 다 풀리지는 않은 것 같아요.",
            "같은 사과를 길게 반복하거나 변명하지 말고, 짧게 한 번 더 마음을 전한 뒤 말보다 행동으로 보여 주세요. 마음이 풀릴 시간을 주는 게 좋아요.",
        )
    return (
        f"{name}님이 {_ira(_quote(r, Signal.DRY_REPLY) or '짧게')}고만 답했어요. 지금은 여유가 없거나 대화할 기분이 아닐 수 있어요."
        " 다만 단답 하나로 마음을 단정하긴 어려워요.",
        "한 번에 많은 걸 묻거나 길게 보내지 말고, 짧게 받아 주세요. 대화는 상대가 여유 있을 때 이어가도 늦지 않아요.",
    )


def _joking(r: Reading, name: str) -> tuple[str, str]:
    return (
        f"{said(_quote(r, Signal.JOKING) or '이')} 말은 정말 속상하다기보다 장난스럽게 투정하는 말이에요.",
        "같이 웃으며 받아 주고, 살짝 맞장구를 쳐 주면 돼요.",
    )


def _late_night(r: Reading, name: str) -> tuple[str, str]:
    return (
        f"{name}님이 늦은 밤({r.facts.local_time:%H:%M})에 메시지를 보냈어요. 자기 전에 생각나서 연락했을 가능성이 커요."
        if r.facts.local_time else f"{name}님이 늦은 밤에 메시지를 보냈어요.",
        "늦은 시간이니 짧게 답하고 푹 자라는 인사로 마무리해도 좋아요.",
    )


def _small_talk(r: Reading, name: str) -> tuple[str, str]:
    if _only_stickers(r.message):
        if r.facts.user_invited:
            return (
                f"{name}님이 내 제안에 이모티콘으로만 답했어요. 반가워하는 반응으로 보이지만, 아직 날짜가 정해진 확답은 아니에요.",
                "같은 가벼운 톤으로 받아 주고, 언제가 좋은지 질문 하나로 약속을 구체적으로 만들어 보세요.",
            )
        return (
            f"{name}님이 이모티콘으로만 답했어요. 가벼운 호응이라, 여기서 큰 의미를 읽기는 어려워요.",
            "같은 가벼운 톤으로 받아 주고, 대화를 이어가고 싶다면 부담 없는 질문 하나를 보태세요. 길게 보내면 오히려 부담이 돼요.",
        )
    return (
        f"{name}님이 일상을 나누며 대화를 이어가고 싶어해요.",
        f"{name}님이 꺼낸 이야기에 먼저 반응하고, 내 이야기도 조금 보태세요.",
    )


def _only_stickers(message: str) -> bool:
    lines = [line for line in message.splitlines() if line.strip()]
    return bool(lines) and all(is_sticker(line) for line in lines)


_LEADS: dict[Signal, Callable[[Reading, str], tuple[str, str]]] = {
    Signal.CRISIS: _crisis,
    Signal.GRIEF: _grief,
    Signal.DISTRESS: _distress,
    Signal.MASKED_PAIN: _distress,
    Signal.CONFLICT: _conflict,
    Signal.DECLINE: _decline,
    Signal.EX_CONTACT: _ex,
    Signal.RELATIONSHIP_TALK: _relationship,
    Signal.INVITATION: _invitation,
    Signal.AFFECTION: _affection,
    Signal.GOOD_NEWS: _good_news,
    Signal.APOLOGY: _apology,
    Signal.THANKS: _thanks,
    Signal.QUESTION: _question,
    Signal.READ_NO_REPLY: _read_no_reply,
    Signal.DRY_REPLY: _dry,
    Signal.JOKING: _joking,
    Signal.LATE_NIGHT: _late_night,
    Signal.SMALL_TALK: _small_talk,
}


def _added_context(r: Reading, name: str, lead: Signal) -> str:
    """A second observation the lead signal's sentence does not already make."""
    if lead is not Signal.MASKED_PAIN and r.has(Signal.MASKED_PAIN):
        if lead is Signal.DISTRESS and pain.setback(r.message):
            return ""  # its sentence already says they smile over it
        covers = [w if w != "ㅋㅋ" or "ㅋ" in r.message else "ㅎㅎ" for w in r.evidence.get(Signal.MASKED_PAIN, ())][:2]
        quoted = [f"'{w}'" for w in covers]
        said_words = (f"{quoted[0]}{'이나' if _final_consonant(quoted[0]) else '나'} {quoted[1]}" if len(quoted) == 2
                      else quoted[0] if quoted else "'ㅋㅋ'나 '괜찮아'")
        return f"{said_words} 같은 말은 힘든 마음을 감추는 방식일 수 있어요. 말 그대로 받아들이지 마세요."
    if lead not in (Signal.CRISIS, Signal.EX_CONTACT) and r.has(Signal.EX_CONTACT):
        return f"{name}님은 전 연인이라는 점도 함께 생각하세요."
    if lead is Signal.DECLINE and (r.wish.confess or r.wish.meet or r.wish.ask_again):
        return "마음을 전하고 싶은 건 이해하지만, 상대가 먼저 선을 그었어요."
    return ""


def _timing_line(r: Reading) -> str:
    if r.timing is ReplyTiming.NOT_NOW:
        return "지금은 답하지 않는 게 좋아요."
    if r.timing is ReplyTiming.LATER:
        return "조금 시간을 두고 답하는 게 좋아요."
    return "지금 바로 답하세요." if r.crisis else ""


