"""What the words of the partner's message say about pain: self-harm, a loss, distress, laughter
over it, a playful 😭 over nothing much — and the kinds of trouble a reply names (money, a bad
review), or relief when a scare is over. Talk cues (a no, an invitation, a fight) are in `cues`.

Each function returns the evidence it found (the matched words), empty when the sign is not there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ai.korean.signals import has_crying, has_laughter


def any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def found_in(pattern: re.Pattern[str], text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group(0).strip() for m in pattern.finditer(text) if m.group(0).strip()))


_any, _found = any_of, found_in


# Self-harm and wishing to disappear. "죽겠다" after a feeling (배고파 죽겠다, 보고 싶어 죽겠다)
# is an idiom and is not here.
_CRISIS = _any([
    r"죽고\s*싶", r"죽어\s*버리", r"죽을까\s*(?:봐|싶)", r"자살", r"자해", r"목숨", r"유서",
    r"사라지고\s*싶", r"없어지고\s*싶", r"없어져\s*버리", r"사라져\s*버리",
    r"(?:다|모든\s*걸|전부|이제)\s*그만하고\s*싶", r"그만\s*살고", r"살기\s*싫", r"살고\s*싶지\s*않",
    r"살\s*이유", r"(?:다|모든\s*걸|인생을?)\s*끝내고\s*싶", r"내가\s*없으면", r"태어나지\s*말",
    r"뛰어내리", r"수면제", r"손목을?\s*긋", r"(?:없어지면|사라지면|죽으면|떠나면)\s*(?:다\s*)?(?:편|좋|나을)", r"조용히\s*(?:없어|사라)",
    r"약(?:도|을|를)?\s*(?:다\s*)?모아\s*(?:놨|뒀|놓|두)", r"(?:나|내가)\s*없어도\s*아무도",
    r"사고(?:라도|나\s*버렸으면)[^.!?\n]{0,20}(?:좋겠|나았으면|보험금)", r"보험금(?:이라도)?\s*(?:나왔으면|받았으면)", r"(?:차에|트럭에)\s*치였으면",
    r"(?:내가|나|제가|저)\s*(?:없어져도|사라져도|죽어도|없어도)\s*(?:아무도|누가|다들|모를)", r"없어져도\s*아무도", r"사라져도\s*아무도",
    r"(?:다|모든\s*게|모든\s*걸)\s*끝났으면", r"잠들어서\s*안\s*깼으면", r"깨지\s*않았으면",
])


_GRIEF = _any([
    r"기일", r"\d+\s*주기", r"(?:돌아가신|떠난)\s*지\s*(?:벌써\s*)?\d+\s*년",
    r"돌아가셨", r"돌아가셔", r"장례", r"빈소", r"발인", r"부고", r"조문", r"상을?\s*당", r"초상",
    r"하늘나라", r"무지개\s*다리", r"세상을\s*떠", r"명복", r"임종", r"납골", r"화장터",
    r"(?:강아지|고양이|반려|[가-힣]{1,3}이가?)\s*(?:가\s*)?(?:죽었|떠났)",
])


# "보리 오늘 오후에 갔어": a death said softly — only with another sign of a loss beside it.
_GRIEF_SOFTLY = _any([r"(?:오늘|어제|방금|새벽에|아침에|오후에|저녁에|밤에)\s*(?:결국\s*)?(?:갔어|갔다|갔어요|떠났어|떠났어요)"])


_LOSS_HINT = _any([r"오래\s*산\s*거", r"오래\s*살았", r"\d+\s*년(?:이나|을)?\s*(?:같이|함께|키웠|살았)", r"집이\s*(?:너무\s*)?조용",
                   r"마지막", r"얼마\s*안\s*남", r"보고\s*싶다", r"실감이?\s*안"])


# Pain of the person themselves: a hard day, a loss of work, a failure, fear, sickness.
_DISTRESS = _any([
    r"힘들(?!\s*(?:것\s*같|듯|지\s*않))", r"힘드", r"피곤", r"지쳤", r"지친", r"지쳐", r"버티", r"우울", r"속상", r"서럽", r"막막", r"불안",
    r"무서(?!워해|워하)", r"눈물", r"울었", r"울고\s*싶", r"울컥", r"멘붕", r"번아웃", r"숨이\s*막", r"답답",
    r"잘렸", r"해고", r"권고\s*사직", r"구조\s*조정", r"정리\s*해고", r"퇴사\s*당", r"실직", r"백수",
    r"떨어졌", r"떨어짐", r"불합격", r"탈락", r"낙방", r"재수", r"망했", r"망쳤",
    r"응급실", r"입원", r"수술", r"다쳤", r"사고\s*(?:났|가)", r"아파(?!트)", r"아프", r"몸살",
    r"얼어\s*붙", r"아무것도\s*(?:못|안\s*되)", r"못\s*하겠",
    r"(?:피곤|힘들|졸려|지쳐)\S*\s*죽겠", r"힘도\s*없", r"인대", r"깁스", r"골절", r"부러졌", r"조직\s*검사", r"검사\s*결과",
    r"안\s*좋은\s*생각", r"잠이\s*하나도\s*안\s*와", r"허탈", r"허무", r"좌절", r"자괴감", r"자존감",
    # money trouble: "월세 낼 돈이 모자라", "카드값 폭탄", "통장이 텅장"
    r"돈이?\s*(?:좀\s*|너무\s*|많이\s*)?(?:모자|부족|없어|없다|없네)", r"(?:월세|카드값|관리비|생활비|대출|이자(?!카)|학자금)[^.!?\n]{0,12}(?:모자|부족|밀렸|못\s*내|걱정|폭탄|많이\s*나왔)",
    r"의욕이?\s*(?:없|안\s*나|하나도)", r"무기력", r"(?:다|전부|모든\s*걸)\s*놓고\s*싶", r"지겹", r"아무것도\s*하기\s*싫", r"(?:다|전부)\s*그만두고\s*싶",
    r"공허", r"외로워", r"외롭", r"차였", r"차임", r"헤어졌", r"이별\s*(?:했|통보)", r"잠수\s*이별",
    r"그만\s*보재", r"그만\s*보자고", r"(?:카톡|문자)\s*하나로\s*끝", r"(?:친구|지기)인데[^.!?\n]{0,12}끝났", r"절교", r"손절\s*(?:당|했)", r"(?:친구|걔|애들)(?:랑|하고|이랑)\s*(?:크게\s*|대판\s*)?싸웠", r"연을?\s*끊",
    r"(?:회사|가게|사업)\s*(?:를|을)?\s*접(?:기로|었|어)", r"폐업", r"거절\s*(?:됐|당했|받았)", r"반려\s*(?:됐|당)", r"(?:다시\s*)?처음부터\s*다시|다시\s*처음부터",
    r"아무(?:랑|하고)도\s*말\s*(?:한\s*마디|한마디)?\s*안", r"(?:한국|집)(?:에)?\s*가고\s*싶", r"머리가\s*하얘", r"집\s*빼야",
    r"(?:업체|기사님?)[^.!?\n]{0,12}(?:못\s*온|안\s*온|취소|펑크)", r"리젝", r"돈이\s*안\s*돌", r"(?:이번\s*달|올해)까지만\s*하기로",
    r"그만둘까", r"잘리고", r"전세\s*사기", r"사기\s*당", r"보증금[^.!?\n]{0,10}(?:못\s*받|날리|떼)", r"혼자\s*(?:생일|케이크)", r"(?:엄마|어머니|아빠|아버지|할머니|할아버지)[^.!?\n]{0,15}(?:치매|암|진단|투병)", r"긴장(?:돼|되|됨)", r"떨려\s*죽", r"손\s*(?:이\s*)?떨려서", r"잠이\s*안\s*오", r"머리에\s*(?:하나도\s*)?안\s*들어",
    r"(?:다|전부)\s*까먹은\s*것\s*같", r"뭐\s*한\s*건지\s*모르겠", r"퇴사\s*(?:할까|하고\s*싶|고민)", r"출근하기(?:가)?\s*너무\s*싫", r"돌아버리", r"미치겠", r"빡치", r"빡쳐", r"열받", r"억울", r"뒤집어\s*씌", r"결혼\s*(?:얘기|하라|언제)", r"나이\s*얘기", r"잔소리",
    r"텅장", r"빚(?:이\s|\s*갚|\s*때문|더미)", r"적자", r"파산",
    # a setback at work: a bad review, a dressing-down
    r"인사\s*평가[^.!?\n]{0,20}(?:[CD]|최하|낮게|안\s*좋)", r"고과[^.!?\n]{0,12}(?:[CD]|최하|낮게|안\s*좋)", r"[CD]\s*(?:받았|받음|나왔|맞았)",
    r"(?:엄청|되게|완전|대차게|크게)\s*(?:깨졌|혼났|까였)", r"욕\s*(?:먹었|먹음|엄청)", r"(?:대판\s*)?싸우고\s*나", r"가출", r"현타", r"나만\s*남", r"뭐\s*하고\s*있는\s*거지", r"눈이\s*안\s*떠", r"사람이\s*할\s*게\s*아니", r"녹초", r"기진맥진",
])


_COVER = _any([
    r"괜찮(?:아|은\s*척|다고|은데|을\s*거|아요)", r"아무렇지\s*않", r"별일\s*아니", r"익숙해",
    r"신경\s*쓰지\s*마", r"웃기(?:지|다|네)", r"뭐\s*어쩌겠", r"어쩔\s*수\s*없",
])


_JOKE_TOPICS = _any([
    r"치킨", r"야식", r"다이어트", r"케이크", r"살\s*쪄", r"살찌", r"배고파", r"당첨", r"연패", r"졌어",
    r"사\s*줘", r"사줘", r"억울", r"또\s*야근", r"월요일", r"출근하기\s*싫", r"실화", r"티켓팅", r"피켓팅", r"예매",
    r"광탈", r"매진", r"품절", r"야근\s*확정", r"살\s*(?:엄청|많이|좀|너무)?\s*쪘", r"잘못\s*보냈", r"잘못\s*보냄", r"(?:로|으로)\s*보냄", r"오타", r"자동\s*완성",
])


# A goodbye that entrusts what they love ("그동안 고마웠어요 … 제가 없으면 보리 좀 부탁드려도 될까요"):
# one of the warning signs of suicide, even with no word of dying in it.
_FAREWELL = _any([r"그동안\s*(?:잘\s*해\s*(?:줘서|주셔서)|고마웠|감사했|미안했)", r"마지막으로", r"잘\s*지내(?:요|세요)?\s*(?:정말|진짜)?\s*$"])


_ENTRUSTING = _any([r"(?:제가|내가|나)\s*없(?:으면|어도|을\s*때)", r"(?:부탁|맡아|대신\s*키워|잘\s*키워)[^.!?\n]{0,12}(?:될까|줄래|줘|드려)",
                    r"다\s*정리했", r"먼\s*(?:곳|데)", r"멀리\s*가"])


def crisis(text: str) -> tuple[str, ...]:
    found = _found(_CRISIS, text)
    if not found and _FAREWELL.search(text) and _ENTRUSTING.search(text):
        found = (*_found(_FAREWELL, text), *_found(_ENTRUSTING, text))
    return found


def grief(text: str) -> tuple[str, ...]:
    softly = _found(_GRIEF_SOFTLY, text) if _LOSS_HINT.search(text) else ()
    return _found(_GRIEF, text) + softly


# Distress words about the user, not the partner: "너도 야근하느라 힘들었을 텐데".
_ABOUT_YOU = re.compile(r"(?:(?:^|\s)너\s|너도|너가|네가|니가|[가-힣]{1,3}\s*씨도|오빠도|자기도)[^.!?\n]{0,12}$")


def distress(text: str) -> tuple[str, ...]:
    return tuple(
        m.group(0).strip() for m in _DISTRESS.finditer(text) if not _ABOUT_YOU.search(text[: m.start()])
    )


def mild_worry_only(evidence: tuple[str, ...]) -> bool:
    return all(re.fullmatch(r"불안|답답|속상|서운|힘들|힘드", word) for word in evidence)


def masked(text: str) -> tuple[str, ...]:
    """Laughter or "괜찮아" over what hurts (the caller checks that something does)."""
    cover = _found(_COVER, text)
    return (*cover, "ㅋㅋ") if has_laughter(text) else cover


def joking(text: str) -> tuple[str, ...]:
    """A playful exaggeration: 😭 or ㅠㅠ over something small (the caller rules out real pain)."""
    if not ("😭" in text or "😂" in text or has_crying(text)):
        return ()
    tired = bool(_found(_DISTRESS, text))
    playful = ("😭",) if "😭" in text and not tired else ()  # "짝짝이 운동화 신고 출근함 😭😭"
    return _found(_JOKE_TOPICS, text) or (("ㅋㅋ",) if has_laughter(text) and not tired else ()) or playful


# Distress words strong enough to stand against good news or a joke.
_STRONG_DISTRESS = _any([r"차였", r"차임", r"헤어졌",
    r"잘렸", r"해고", r"권고\s*사직", r"구조\s*조정", r"실직", r"떨어졌", r"불합격", r"탈락", r"낙방", r"망했",
    r"망쳤", r"응급실", r"입원", r"수술", r"사고", r"우울", r"번아웃", r"멘붕", r"불안", r"무서", r"막막", r"서럽",
    r"못\s*하겠", r"얼어\s*붙", r"울었", r"눈물",
])


_RECOVERED = re.compile(r"수술\s*(?:이\s*)?잘|잘\s*끝났|퇴원|회복(?:됐|했|하고|\s*중)|무사히|괜찮아졌|다\s*나았|실밥|잘\s*붙었")


_HAPPY_SHAKING = re.compile(r"(?:떨려서|설레서|기뻐서|좋아서|신나서)|실감이?\s*안|(?:출산|태어났|이모\s*됐|삼촌\s*됐|결혼)[^\n]{0,60}(?:눈물|울었|울컥)|(?:합격|붙었)[^.!?\n]{0,20}울었|감동")


def recovered(text: str) -> bool:
    """"수술 잘 끝났대, 다음 주면 퇴원": relief after a scare."""
    return bool(_RECOVERED.search(text))


def strong_distress(text: str) -> bool:
    """Distress a joke cannot outweigh ("망했어 😭" over concert tickets can be outweighed)."""
    found = {re.sub(r"\s+", " ", m.group(0)) for m in _STRONG_DISTRESS.finditer(text)}
    if _RECOVERED.search(text):  # "수술 잘 끝났대, 다음 주면 퇴원": the scare is over
        found -= {"수술", "입원", "응급실", "사고"}
    if _HAPPY_SHAKING.search(text):  # "손 떨려서 아무것도 못 하겠어요": too happy to work
        found -= {"못 하겠", "못하겠", "눈물", "울었"}
    if found and found <= {"망했", "망쳤"} and (_JOKE_TOPICS.search(text) or "😂" in text or "🤣" in text):
        return False
    return bool(found)


# What hurts, where a reply or the advice speaks to it by name.
_MONEY_TROUBLE = re.compile(r"돈이?\s*(?:좀\s*|너무\s*|많이\s*)?(?:모자|부족|없어|없다|없네)|월세|카드값|관리비|생활비|대출|이자(?!카)|학자금|텅장|빚(?:이\s|\s*갚|\s*때문|더미)|적자|파산")


_SETBACK_AT_WORK = re.compile(r"인사\s*평가|고과|평가\s*(?:결과|받았|나왔)|[CD]\s*(?:받았|받음|나왔|맞았)|깨졌|혼났|까였|욕\s*(?:먹었|먹음)|허탈|허무|좌절|자괴감")


def money_trouble(text: str) -> bool:
    return bool(_MONEY_TROUBLE.search(text))


def setback(text: str) -> bool:
    """A bad review, a dressing-down, effort that came to nothing."""
    return bool(_SETBACK_AT_WORK.search(text))
