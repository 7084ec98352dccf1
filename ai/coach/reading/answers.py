"""The advice's answers to what the user asked or worried about in `situation`: whether to reply
now, whether it is a no, whether to ask again, confess, apologise again, call, move the time …"""

from __future__ import annotations

import re

from ai.coach.reading import cues
from ai.coach.reading.lead import lead_signal
from ai.coach.reading.model import Reading
from ai.coach.types import ReplyTiming, Signal


def answer(r: Reading) -> str:
    """The answer to the user's own question in `situation`, when they asked one."""
    wish = r.wish
    if wish.question is None:
        return ""
    if wish.when_to_reply:
        return {
            ReplyTiming.NOW: "물어보신 답장 시점은, 지금 답해도 괜찮아요.",
            ReplyTiming.LATER: "물어보신 답장 시점은, 지금 바로보다 조금 뒤(예: 내일)가 더 좋아요.",
            ReplyTiming.NOT_NOW: "물어보신 답장 여부는, 지금은 답하지 않는 쪽을 권해요.",
        }[r.timing]
    if wish.ask_again:
        if r.has(Signal.DECLINE):
            return "다시 물어보는 건 지금은 권하지 않아요. 상대가 먼저 여지를 줄 때까지 기다리세요."
        return ("지난번 거절이 '그날은 안 된다'는 뜻이었다면 한 번 더 물어보는 건 괜찮아요. 다만 부담 없게 날짜 하나만 제안하고,"
                " 이번에도 어렵다고 하면 거절로 받아들이고 거기서 멈추세요.")
    if wish.confess:
        if r.closed_door:
            return "고백은 지금은 미루세요. 상대가 힘들거나 이미 거절한 상황에서는 부담만 커져요."
        return "고백은 대화가 편하게 이어질 때 직접 만나서 하는 게 가장 좋아요."
    if wish.apologize or "서운" in wish.question:
        return "서운한 마음은 비난 없이 '나는 ~해서 서운했어'처럼 내 감정으로 짧게 말하면 괜찮아요."
    if r.crisis:
        return "물어보신 것에 대해서는: 지금은 무시하지 말고, 관계와 별개로 안전부터 확인해 주세요."
    if wish.call:
        if r.timing is ReplyTiming.NOW and not r.has(Signal.EX_CONTACT):
            return "전화는 받아도 괜찮아요. 길게 하기보다 목소리로 안부를 확인하는 정도면 충분해요."
        return "전화는 지금 받지 않는 게 좋아요. 술을 마셨거나 감정이 올라온 밤의 통화는 후회가 남기 쉬우니, 할 말이 있다면 내일 낮에 하자고 하세요."
    if wish.move_on:
        return "정리하고 싶다면 답하지 않거나 짧고 분명하게 선을 그어도 괜찮아요. 죄책감을 느낄 필요는 없어요."
    if wish.propose and not re.search(r"얘기|물어봐도", wish.question or ""):
        if r.closed_door:
            return "지금 제안하는 건 미루세요. 상대가 먼저 마음의 여유를 찾을 때까지 기다리는 게 좋아요."
        return "제안해도 괜찮아요. 상대가 먼저 여지를 줬으니, 부담 없게 날짜나 장소 하나를 구체적으로 말해 보세요."
    if wish.is_it_a_no:
        return {
            Signal.DECLINE: "그날만 안 된다는 뜻일 수도 있어서 아직 거절이라고 단정하긴 일러요. 한 번만 다른 날을 물어보고 판단하세요."
            if cues.day_only_no(r.message) else "물어보신 대로, 거절의 뜻으로 받아들이는 게 맞아 보여요.",
            Signal.DRY_REPLY: "이것만으로 거절이라고 단정하긴 일러요. 다만 지금은 상대의 여유가 없어 보이니 기다려 주세요.",
        }.get(lead_signal(r), "이것만으로 거절이나 관심 없음을 단정하긴 어려워요. 편하게 대화를 이어가며 반응을 보세요.")
    return ""


_SHARED_PLACE = re.compile(r"(모임|클래스|수업|동아리|회사|학원|스터디|동호회|팀|학교|교회)(?:에서|에|도)\s*(?:계속|자주|매주|또)")


def also(r: Reading) -> list[str]:
    """Answers to the other things the user asked or worried about in `situation`."""
    text = r.wish.text
    if not text:
        return []
    out: list[str] = []
    if re.search(r"(?:한\s*번\s*더|다시|또)\s*사과", text):
        out.append("같은 사과를 거듭 반복하기보다, 짧게 한 번만 더 진심을 전하고 그다음은 행동으로 보여 주세요.")
    if cues.leaves_it_to_you(r.message) or re.search(r"(?:마음|맘)대로\s*해", r.message):
        if re.search(r"된다는|허락|괜찮다는|가도\s*돼", text):
            out.append("'마음대로 해'는 허락이라기보다 서운하다는 표현일 가능성이 커요. 그대로 정하기 전에 상대 마음부터 풀어 주세요.")
    if re.search(r"고백인|고백일|고백이에요", text) and r.has(Signal.AFFECTION):
        out.append("고백이라고 단정하긴 어렵지만 분명한 호감 표현이에요. 같은 마음이라면 '나도'로 돌려주면 돼요.")
    if re.search(r"\d+\s*시로|시간(?:을|만)?\s*(?:옮|바꾸|바꿔|미루|조정)", text):
        out.append("시간 조정은 거절이 아니니 괜찮아요. 가고 싶다는 마음을 먼저 말하고, 바꾸고 싶은 시간을 분명하게 제안하세요.")
    if re.search(r"창피|민망|부끄|들이댔", text):
        out.append("먼저 마음을 표현한 건 창피한 일이 아니에요. 잘못한 게 없으니 자책하지 마세요.")
    if re.search(r"답\s*안\s*해도|답\s*안\s*하면|씹어도", text) and r.has(Signal.DECLINE):
        out.append("답을 꼭 해야 하는 건 아니지만, 짧게 고맙다고 하고 마무리하면 더 깔끔해요.")
    if (place := _SHARED_PLACE.search(text)) and r.closed_door:
        out.append(f"{place.group(1)}에서 계속 볼 사이라면, 짧고 밝게 답해 두는 게 다음에 마주칠 때 덜 어색해요.")
    if re.search(r"기다리겠다고|기다릴게|기다린다고", text) and r.has(Signal.DECLINE):
        out.append("'기다릴게'는 상대에게 부담이 될 수 있어요. 기다린다는 말 대신 상대의 뜻을 존중한다고만 전하세요.")
    if re.search(r"그냥\s*하는\s*말|관심\s*있(?:다는|는\s*걸까)|호감(?:일까|인가)|좋아하는\s*걸까", text):
        out.append("이것 하나로 관심이라고 단정하긴 어려워요. 다만 대화를 편하게 이어가면 곧 더 분명해질 거예요.")
    if r.has(Signal.EX_CONTACT) and re.search(r"만나는\s*사람|여자\s*친구|남자\s*친구|애인|사귀는\s*사람", text):
        out.append("지금 만나는 사람이 있다면, 용건만 짧게 처리하고 그 이상은 이어가지 않는 게 지금 관계에도 좋아요.")
    if r.has(Signal.LATE_NIGHT) and re.search(r"취했|취해|술\s*(?:마셨|먹었|한잔)", r.message) and not r.has(Signal.EX_CONTACT):
        out.append("술기운에 한 말일 수도 있어요. 통화는 짧게 하고, 마음에 관한 중요한 얘기는 다음 날 맨정신일 때 다시 확인하세요.")
    if r.has(Signal.GRIEF) and r.has(Signal.EX_CONTACT) and re.search(r"장례|조문|빈소|가도|가야", text):
        out.append("조문은 잠깐 들러 위로를 전하는 자리라 다녀와도 괜찮아요. 다만 그 뒤로 연락을 이어갈지는 따로, 내 마음을 보고 정하세요.")
    if re.search(r"핑계", text) and r.has(Signal.DISTRESS):
        out.append("다쳤거나 아파서 생긴 일이라면 핑계로 보기는 어려워요. 거절로 단정하지 말고 먼저 걱정해 주세요.")
    if re.search(r"도와주(?:러|고)|도우러|도와줄", text) and r.has(Signal.DISTRESS):
        out.append("도와주고 싶은 마음이 있다면 오버가 아니에요. 부담 주지 않게 '필요하면 도와줄게'라고 먼저 물어보세요.")
    if re.search(r"자느라|아침에\s*봤|이제\s*봤|일어나서\s*봤", text):
        out.append("아침에 답하는 건 전혀 이상하지 않아요. 자느라 못 봤다고 하고 가볍게 인사하면 돼요.")
    if (re.search(r"헤어지자는|이별", text) and r.has(Signal.RELATIONSHIP_TALK) and not re.search(r"헤어지자|헤어져", r.message)
            and not re.search(r"얘기\s*(?:좀\s*)?(?:해야|하자)|할\s*(?:얘기|말)(?:이)?\s*있", r.message)):
        out.append("무슨 얘기인지는 아직 알 수 없어요. 섣불리 이별로 단정하지 말고, 궁금하면 한 번만 부드럽게 물어보세요.")
    return out
