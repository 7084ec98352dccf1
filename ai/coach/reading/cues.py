"""What the words of the partner's message say: patterns per signal, with the Korean dating cues
that keyword-matching gets wrong handled explicitly (a "죽겠다" that is only tiredness, a ㅠㅠ
of happy tears, a cancellation that is not a no).

Each function returns the evidence it found (the matched words), empty when the signal is not
there. Context (the history, the stage, the hour) is `read`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ai.coach.reading.pain import any_of, found_in, strong_distress


_any, _found = any_of, found_in


_CONFLICT = _any([
    r"그럼\s*나는", r"나는\s*안\s*(?:힘들|바빠|피곤)", r"(?:^|[.!?\n]\s*)(?:아\s*)?됐어(?=\s|[.!~]|$)", r"됐다\s*그냥",
    r"그만하자", r"말을\s*왜",
    r"너는\s*맨날", r"넌\s*맨날", r"맨날\s*(?:너|니)", r"니가\s*언제", r"네가\s*언제", r"서운(?:해|하다|했)",
    r"실망", r"화났", r"화\s*나", r"짜증", r"어떻게\s*(?:그럴|그걸|잊)", r"잊어\s*버렸", r"까먹었",
    r"기억도\s*못", r"몇\s*번째", r"또\s*(?:취소|늦|까먹)", r"장난해", r"나만\s*(?:신경|노력|좋아)",
    r"(?:여자|남자|사람|걔|그\s*애)\s*(?:는\s*)?누구", r"누군데", r"왜\s*말\s*안\s*했", r"연락\s*좀\s*하지",
    r"생각할\s*시간", r"시간을?\s*(?:좀\s*)?갖자", r"헤어지자", r"지쳤어\s*우리", r"(?:마음|맘)대로\s*해", r"어차피\s*[^.!?\n]{0,12}잖아",
    r"나만\s*[^.!?\n]{0,8}챙기", r"나만\s*(?:노력|연락|맞춰|연애)", r"매번\s*이러", r"먼저\s*들어간다", r"[0-9]+\s*주째인데",
    r"그렇게\s*어려워", r"(?:기다렸는데|말이\s*없으니까)[^.!?\n]{0,12}(?:좀\s*그렇|서운|그래)",
    r"(?:전화|연락)\s*한다며", r"한다더니", r"(?:안\s*자고|계속)\s*기다렸", r"약속했잖", r"둘이서\s*\?",
    r"(?:동기|걔|그\s*사람|여사친|남사친)(?:랑|이랑)\s*또", r"(?:라고|다고)만\s*(?:하셨|했)잖", r"당황스럽",
    r"둘이\s*(?:2차|술|밥|영화)[^.!?\n]{0,10}(?:가셨|갔|했|마셨)", r"\d+\s*분\s*째", r"연락은\s*했어야", r"항상\s*그래", r"맨날\s*그래",
    r"매번\s*(?:그래|미루|이래)", r"신경\s*쓰여", r"속\s*좁은",
])

_DECLINE = _any([
    r"어려울\s*것\s*같", r"힘들\s*것\s*같", r"안\s*될\s*것\s*같", r"못\s*(?:갈|볼|만날)\s*것\s*같",
    r"당분간", r"시간(?:이|을)?\s*(?:내기|안\s*나|없을)", r"응원할게", r"좋은\s*(?:분|사람|인연)\s*(?:만나|생기)",
    r"친구\s*이상", r"친구로\s*(?:지내|남)", r"좋은\s*친구", r"그런\s*(?:감정|마음)", r"마음이\s*(?:안|없)",
    r"설레(?:지|는\s*게)\s*않", r"연애(?:할|하고\s*싶은)\s*마음", r"연애\s*생각", r"연락\s*안\s*(?:했으면|하셨으면)",
    r"연락\s*(?:하지|주지)\s*마", r"만나는\s*건\s*(?:어렵|힘들|아닌)", r"확실해", r"미안하지만", r"죄송하지만",
    r"아닌\s*것\s*같", r"인연이\s*아닌", r"여기까지", r"(?:편한|좋은)\s*(?:동료|친구|선후배|사이)로", r"만나는\s*(?:사람|분)이\s*(?:생겨|생겼|있어|있습)", r"(?:남자|여자)\s*친구가\s*(?:생겨|생겼)",
    r"(?:인연|잘\s*맞는\s*사람|맞는\s*사람)인지\s*(?:는\s*)?(?:잘\s*)?모르겠", r"잘\s*맞는지\s*(?:는\s*)?(?:잘\s*)?모르겠",
    r"조심스럽", r"선을?\s*긋", r"재밌게\s*(?:보고|다녀|놀다)\s*(?:오세요|와요|와)", r"(?:괜찮은|좋은)\s*(?:분|사람|친구)[^.!?\n]{0,15}소개(?:해|시켜)\s*(?:드릴|줄)", r"불편하게\s*생각", r"감정이\s*(?:잘\s*)?안\s*생", r"솔직하게\s*말씀드리", r"시간\s*끄는",
    r"나중에[^.!?\n]{0,12}(?:연락\s*드릴게|연락할게|연락\s*줄게)", r"연락\s*안\s*주(?:셨|었)으면", r"부담스러",
    r"편한\s*(?:동생|누나|오빠|언니|형)", r"지금처럼\s*(?:하자|지내)", r"연애할\s*여유",
    r"(?:만날|연애할|사귈|누굴\s*만날|누구\s*만날|연애)\s*준비가\s*(?:아직\s*)?안", r"안\s*맞는\s*것\s*같", r"(?:생각|고민)해\s*볼게",
    r"(?:새로\s*)?알아가는\s*게[^.!?\n]{0,10}(?:무리|어렵|힘들)", r"이성(?:으로|적인)[^.!?\n]{0,8}(?:안|없|모르겠)", r"설렘이\s*(?:없|안)", r"다음에\s*기회\s*(?:되면|있으면)", r"좋게\s*봐\s*주셔서\s*(?:정말\s*)?감사했", r"더\s*좋은\s*(?:사람|분)\s*만나",
    r"(?:일|공부|제\s*일|내\s*일|저\s*자신|나\s*자신)에\s*(?:더\s*)?집중하고\s*싶", r"기대하게\s*(?:하고|만들고)\s*싶지\s*않", r"희망\s*고문", r"나중에\s*한\s*번\s*~|나중에\s*한번\s*~",
])

# A date made impossible by something that happened, or moved to another day: not a no.
_NOT_A_NO = _any([
    r"응급실", r"입원", r"아프셔", r"장례", r"돌아가", r"사고", r"(?:다음|담)\s*주\s*[월화수목금토일]", r"[월화수목금토일]요일은?\s*(?:어때|괜찮|돼|시간)",
    r"대신", r"다른\s*날", r"미뤄도",
])

_INVITATION = _any([
    r"(?:먹|보|가|만나|마시|놀|걷)(?:을래|러\s*갈래|러\s*가자|자|실래|러\s*가요|러\s*오)(?![가-힣])",
    r"(?:같이|한잔|데이트|산책)\s*하자",
    r"(?:먹을|볼|갈|만날|놀|뵐|드실|보실|가실|올|오실)래", r"(?:뵈러|뵐까)", r"같이\s*(?:가|먹|보|하|놀)",
    r"시간\s*(?:돼|되|괜찮|있어|있으)", r"(?:볼|만날|갈|먹을|놀)\s*수\s*있",
    r"(?:식사|저녁|점심|밥|술|커피|차)\s*(?:한\s*번|한번|같이|한잔)?\s*(?:하시죠|해요|하자|할까|하실래|어때)",
    r"[ㄱ]\s*\?", r"ㄱㄱ", r"콜\?", r"한잔\s*(?:해|할|하자|ㄱ)", r"(?:치맥|술|커피|밥)\s*(?:한잔|ㄱ|어때|콜)",
    r"혼자\s*(?:가기|가긴|먹기|먹긴|보기|보긴)", r"혼밥하기", r"누구랑\s*가야", r"같이\s*갈\s*사람",
    r"(?:언제|조만간|다음에)\s*(?:밥|커피|술|차|식사)\s*(?:한\s*번|한번|한잔)?\s*(?:먹어요|해요|하자|먹자|마셔요|마시자|하시죠)",
    r"\d+\s*시[^?\n]{0,15}어때", r"(?:보면|만나면|하면)\s*안\s*될까", r"대신\s*[가-힣]{1,6}\s*어때", r"(?:우리\s*)?언제\s*(?:봐|볼까|만나|볼래)", r"(?:가는|보는|먹는|하는|만나는)\s*(?:건|거)\s*(?:어때|어떠|어떨까)", r"다시\s*잡아도", r"(?:이쪽|근처|여기|우리\s*동네)\s*(?:오면|올\s*때)\s*연락", r"(?:가|하|보|먹)까\s*\?", r"(?:다음\s*주|다른\s*날)[^?\n]{0,8}(?:로|에)\s*다시",
    (r"(?:[월화수목금토일]요일|주말|내일|모레|다음\s*주)[^?\n]{0,6}?\s*(?:은|는)?\s*"
     r"(?:어떠세요|어떠신가요|어때요?|괜찮으세요|괜찮아요?|돼요?|되세요)\s*\??"), r"보러\s*(?:가|갈)", r"놀러\s*(?:와|오)", r"집들이",
    r"초대", r"부모님\s*(?:뵙|만나|보러)", r"인사\s*드리", r"데이트", r"영화\s*(?:볼|보러)",
    (r"(?:주말|[월화수목금토일]요일|내일|모레|오늘\s*저녁|이번\s*주|다음\s*주|퇴근\s*(?:후|하고))[^?\n]{0,14}?"
    r"(?:뭐\s*하|뭐\s*해|계획|약속|시간\s*(?:돼|되|있|괜찮))"),
])

_GOOD_NEWS = _any([
    r"합격", r"붙었", r"붙음", r"최종\s*(?:합격|붙|됐)", r"승진", r"입사", r"취업\s*(?:했|됐|성공)", r"통과",
    r"뽑혔", r"됐어!", r"성공했", r"드디어", r"좋은\s*소식", r"축하해\s*줘", r"이사(?:했|왔|가)", r"집들이",
    r"오퍼", r"붙었어", r"(?:팀장|과장|대리|차장|부장|정규직|교수|선생님|매니저)\s*(?:됐|되었|달았)",
    r"잘\s*(?:됐|되었|끝났)", r"칭찬", r"상\s*받", r"1등", r"결혼(?:한다|해요|합니다|하게\s*(?:됐|되)|해(?![\s]*(?:줘|줄|달라)))",
    r"월급\s*(?:들어왔|받았|나왔|들어옴|받음)", r"수주", r"따냈", r"(?:입찰|피티|PT|경쟁\s*PT)[^.!?\n]{0,12}(?:됐|성공|따|이겼)", r"(?:이모|삼촌|고모|이모부)\s*(?:됐|되었)", r"출산했", r"순산", r"(?:오늘|내일)\s*(?:내\s*|제\s*)?생일", r"느낌\s*(?:좋|나쁘지\s*않|괜찮)", r"잘\s*본\s*것\s*같",
    r"시험\s*(?:다\s*)?끝났", r"종강", r"해방", r"입양\s*(?:했|함)", r"분양\s*받", r"로또[^.!?\n]{0,10}(?:됨|됐|당첨|맞)", r"억셉", r"게재\s*(?:확정|승인|됐)", r"논문[^.!?\n]{0,10}(?:붙|채택|통과|실렸)", r"1저자", r"(?:리더|팀장|책임자|대표|주연|센터)(?:를|을|로)?\s*(?:맡게\s*됐|맡으라고|맡기로|뽑|발탁)", r"발탁", r"첫\s*월급", r"(?:보너스|성과급)\s*(?:받았|나왔|들어왔)", r"당첨",
])

_THANKS = _any([r"고마", r"감사", r"덕분", r"땡큐", r"thank", r"ㄱㅅ", r"즐거웠", r"즐거운\s*시간", r"잘\s*먹었"])

_APOLOGY = _any([r"미안", r"죄송", r"늦어서", r"답(?:장|이)\s*늦", r"(?<!뭘\s)(?<!뭐\s)(?<!뭘)잘못했(?!는지|나|을까|길래)", r"사과", r"쏘리", r"sorry", r"말\s*심하게", r"심하게\s*말"])

_AFFECTION = _any([
    r"(?<![가-힣])보고\s*싶", r"좋아해", r"(?:랑|하고|와|과)\s*(?:톡|얘기|대화)하는\s*(?:시간|게)[^.!?\n]{0,10}(?:제일|가장)?\s*좋", r"목소리\s*(?:듣고\s*싶|듣고싶)", r"(?:네가|너가|니가|너)\s*좋아한다(?:는|던)", r"자꾸\s*생각나", r"생각나냐", r"좋아했어", r"좋아하게\s*됐", r"좋아하는\s*(?:것\s*같|거\s*같|듯)", r"사랑해", r"그리워",
    r"(?:네|너|니|자기|당신|오빠|누나|형|언니|[가-힣]{1,3}씨)\s*생각\s*(?:나|났)", r"생각나서", r"생각\s*났어", r"갑자기\s*생각나",
    r"(?:없어서|없으니까)\s*(?:재미없|심심|허전)",
    r"설레", r"❤|💕|💗|😘|🥰|♥|♡",
])

_RELATIONSHIP = _any([
    r"무슨\s*사이", r"(?:우리|저희)(?:가|는)?\s*(?:관계|사이)", r"사귀", r"만나는\s*사람", r"다른\s*(?:사람|분)(?:도|이랑|을)?\s*만나",
    r"(?:나|저)\s*(?:너|[가-힣]{1,3}\s*씨)?한테\s*(?:뭐|어떤\s*(?:사람|존재))", r"진지하게", r"썸", r"장거리", r"보고\s*싶으시대", r"궁금해하셔", r"(?:나한테|저한테)\s*관심\s*(?:없|있기는)", r"(?:엄마|아빠|부모님)(?:가|께서|이)?[^.!?\n]{0,12}(?:보고\s*싶|만나\s*보고|한번\s*보)",
    r"(?:네|너|니)\s*친구들?[^.!?\n]{0,10}(?:보고\s*싶|만나\s*보고|소개)", r"(?:우리|나랑)?\s*얘기\s*(?:좀\s*)?(?:해야|하자|할\s*수\s*있)", r"할\s*(?:얘기|말)\s*있어", r"할\s*(?:얘기|말)이\s*있", r"나\s*어떻게\s*생각", r"저\s*어떻게\s*생각", r"시간을?\s*(?:좀\s*)?갖", r"생각할\s*시간",
    r"헤어지자", r"헤어져", r"그만\s*만나", r"신경\s*쓰여", r"속\s*좁은", r"부모님", r"결혼\s*(?:하자|할래|생각|얘기)", r"우리\s*결혼", r"고백",
])

_QUESTION_END = re.compile(
    r"(?:\?|？|(?:까요?|나요|냐|(?<![아언머])니|어때요?|뭐해요?|뭐함|할래요?|건가요|어디가\s*나음|나음)"
    r"[\sㅋㅎㅠㅜ~!.^]*$)"
)
_QUESTION_WORDS = re.compile(r"(?:^|\s)(?:뭐|어디|언제|누구|왜|어떻게|몇|무슨|어떤|얼마)")

_DRY_WORD = (
    r"(?:ㅇㅇ|ㅇ|응|웅|어|엉|네|넵|넹|예|ㅋ+|ㅎ+|그래|그래요|알았어|알겠어|알겠어요|ㅇㅋ|ok|오케이|그렇구나|ㄴㄴ|아니|글쎄"
    r"|알아서\s*해|아무거나|상관없어|몰라|맘대로\s*해)"
)
_DRY = re.compile(rf"^(?:{_DRY_WORD}[\s.!~ㅎㅋ]*)+$")
_LAUGHING = re.compile(r"^[ㅋㅎ]{3,}[\s.!~ㅋㅎ]*$")
_DRY_START = re.compile(rf"^{_DRY_WORD}(?:\s|$)")


# Anger at someone else (a boss, a parent): venting to the user, not a fight with them.
_SOMEONE_ELSE = re.compile(r"(?:팀장|과장|부장|차장|대리|상사|사장|동료|교수|손님|고객|엄마|아빠|선배|후배|회사|팀)(?:님)?\s*(?:이|가|은|는|때문|한테|이랑|랑)")
_WEAK_ANGER = frozenset({"짜증", "화나", "화 나", "화났", "실망"})


def someone_else(text: str) -> bool:
    return bool(_SOMEONE_ELSE.search(text))


def conflict(text: str) -> tuple[str, ...]:
    found = _found(_CONFLICT, text)
    if found and set(found) <= _WEAK_ANGER and _SOMEONE_ELSE.search(text):
        return ()  # "팀장 때문에 짜증나": venting
    return found


def decline(text: str) -> tuple[str, ...]:
    if _NOT_A_NO.search(text):
        return ()
    return _found(_DECLINE, text)


def invitation(text: str) -> tuple[str, ...]:
    found = _found(_INVITATION, text)
    if found and re.search(r"못\s*(?:지킬|갈|볼|나갈|만날)|취소", text) and not explicit_ask(text):
        return ()  # "토요일 약속은 못 지킬 것 같아요": a plan called off, not one proposed
    if found and re.search(r"보통|평소에?|주로|원래", text) and not explicit_ask(text):
        return ()  # "주말에 보통 뭐 하세요?" asks about the user, not about this weekend
    return found


# Someone else's success, told with a sinking heart ("동기 단톡에 또 최종합격 떴다 … 나만 남은 듯").
_OTHERS_NEWS = _any([r"(?:동기|친구|다들|걔|남들|단톡)[^.!?\n]{0,10}(?:합격|취업|붙|승진)", r"나만\s*(?:남|못|안)", r"축하한다고는"])


def good_news(text: str) -> tuple[str, ...]:
    if _OTHERS_NEWS.search(text) or strong_distress(text):
        return ()
    return _found(_GOOD_NEWS, text)


def thanks(text: str) -> tuple[str, ...]:
    """Thanks said to the user — not a word reported ("'감사합니다' 보내려다가 '사랑합니다'로 보냄")."""
    return tuple(dict.fromkeys(m.group(0) for m in _THANKS.finditer(text)
                               if not re.match(r"\S*'?\s*(?:보내려|라고|로\s*보|를?\s*보냈)", text[m.end():m.end() + 14])))


def apology(text: str) -> tuple[str, ...]:
    return _found(_APOLOGY, text)


def affection(text: str) -> tuple[str, ...]:
    return _found(_AFFECTION, text)


def relationship(text: str) -> tuple[str, ...]:
    return _found(_RELATIONSHIP, text)


def questions(lines: Iterable[str]) -> tuple[str, ...]:
    """The lines that ask something."""
    return tuple(line.strip() for line in lines if _QUESTION_END.search(line.strip()) or (
        _QUESTION_WORDS.search(line) and line.strip().endswith(("?", "？"))
    ))


_REQUEST = re.compile(r"추천\s*좀\s*$|추천\s*좀\s*(?:해|줘)|(?:너가|네가|니가)\s*골라|골라\s*봐|정해\s*(?:줘|봐)|추천\s*(?:좀\s*)?(?:해\s*(?:줘|주세요|줄래|주실래)|부탁)|알려\s*(?:줘|주세요|줄래)|골라\s*(?:줘|주세요)")


def request(line: str) -> bool:
    """"책 추천 좀 해줘": asked for something, with no question mark."""
    return bool(_REQUEST.search(line))


_YES = re.compile(r"^[\sㅎㅋ~!.]*(?:네|넵|넹|응|웅|좋아|좋아요|좋지|좋죠|콜|그래|그래요|ㅇㅋ|오케이|당연하죠|당연|완전\s*좋)[\sㅎㅋ~!.^😊🙂]*(?:좋아요|좋아|콜)?[\sㅎㅋ~!.^😊🙂]*$")


def says_yes(lines: Iterable[str]) -> bool:
    """"ㅎㅎ 네 좋아요!", "콜": a yes, short as yeses are — not a 단답."""
    lines = [line.strip() for line in lines if line.strip()]
    text = " ".join(lines)
    # a bare 응 / 네 is not enough, and "ㅇㅇ 알아서 해" leaves it to you
    return (any(_YES.match(line) for line in lines) and bool(re.search(r"좋|콜|그래요|당연|오케이|ㅇㅋ", text))
            and not leaves_it_to_you(text))


def dry(lines: Iterable[str]) -> tuple[str, ...]:
    """A 단답: bare ㅇㅇ / 응 / 네 / ㅋ / 알아서 해, or a few words after one ("ㅇㅇ 좀 바빴어")."""
    lines = [line.strip() for line in lines if line.strip()]
    if not lines or sum(len(line.replace(" ", "")) for line in lines) > 12:
        return ()
    if all(_LAUGHING.match(line) for line in lines):  # "ㅋㅋㅋㅋ" laughs along; a lone "ㅋ" does not
        return ()
    if all(_DRY.match(line) for line in lines) or _DRY_START.match(lines[0]):
        return tuple(lines)
    return ()


_HARD_CONFLICT = _any([
    r"그럼\s*나는", r"나는\s*안\s*(?:힘들|바빠|피곤)", r"됐어", r"됐다\s*그냥", r"그만하자", r"말을\s*왜",
    r"맨날", r"니가\s*언제", r"네가\s*언제", r"어떻게\s*(?:그럴|그걸|잊)", r"기억도\s*못", r"몇\s*번째",
    r"또\s*(?:취소|늦|까먹)", r"장난해", r"누구", r"왜\s*말\s*안\s*했", r"생각할\s*시간", r"시간을?\s*(?:좀\s*)?갖자",
    r"헤어지자", r"알아서\s*해",
])
_RHETORICAL = _any([
    r"(?:진짜|정말)\s*(?:몰라|모르|그래|그럴)", r"^몰라\?",
    r"그럼\s*나는", r"나는\s*안\s*[가-힣]+\?", r"어떻게\s*(?:그럴|그걸|잊|까먹)", r"왜\s*맨날", r"장난해", r"몇\s*번째",
    r"말이\s*돼", r"내가\s*우스워",
])
_ASKS_FOR_SPACE = _any([r"그만하자", r"생각할\s*시간", r"시간을?\s*(?:좀\s*)?갖", r"혼자\s*(?:있고|있을)", r"연락\s*하지\s*마", r"됐어"])
_STRONG_DECLINE = _any([
    r"편한\s*(?:동생|누나|오빠|언니|형)", r"연애할\s*여유",
    r"(?:만날|연애할|사귈|누굴\s*만날|누구\s*만날|연애)\s*준비가\s*(?:아직\s*)?안", r"더\s*좋은\s*(?:사람|분)\s*만나", r"희망\s*고문",
    r"만나는\s*(?:사람|분)이\s*(?:생겨|생겼|있어|있습)", r"(?:남자|여자)\s*친구가\s*(?:생겨|생겼)", r"(?:인연|잘\s*맞는\s*사람|맞는\s*사람)인지\s*(?:는\s*)?(?:잘\s*)?모르겠",
    r"기대하게\s*(?:하고|만들고)\s*싶지\s*않",
    r"감정이\s*(?:잘\s*)?안\s*생", r"솔직하게\s*말씀드리", r"연락\s*안\s*주(?:셨|었)으면", r"부담스러워",
    r"당분간", r"응원할게", r"좋은\s*(?:분|사람|인연)\s*(?:만나|생기)", r"친구\s*이상", r"친구로\s*(?:지내|남)",
    r"그런\s*(?:감정|마음)", r"마음이\s*(?:안|없)", r"연애(?:할|하고\s*싶은)\s*마음", r"연락\s*안\s*(?:했으면|하셨으면)",
    r"연락\s*(?:하지|주지)\s*마", r"인연이\s*아닌", r"여기까지", r"설레(?:지|는\s*게)\s*않",
])
_NO_MORE_CONTACT = _any([r"연락\s*안\s*(?:했으면|하셨으면|주셨으면|줬으면)", r"연락\s*(?:하지|주지)\s*마", r"여기까지"])
_CONFESSION = _any([r"좋아해", r"좋아했어", r"좋아하는\s*(?:것\s*같|거\s*같|듯)", r"좋아하게\s*됐", r"사귀(?:자|ㄹ래|실래)"])


def hard_conflict(text: str) -> bool:
    return bool(_HARD_CONFLICT.search(text))


def rhetorical(line: str) -> bool:
    return bool(_RHETORICAL.search(line))


def asks_for_space(text: str) -> bool:
    """"오늘은 얘기 그만하자", "생각할 시간 갖자" — not "됐어, 알아서 해", which asks you to lead."""
    return bool(_ASKS_FOR_SPACE.search(text)) and not leaves_it_to_you(text)


def leaves_it_to_you(text: str) -> bool:
    return bool(re.search(r"알아서\s*해|아무\s*데나|아무거나|맘대로\s*해", text))


def strong_decline(text: str) -> bool:
    return bool(_STRONG_DECLINE.search(text))


# "내일은 좀 어려울 것 같아요": that day is hard, nothing more said — not yet a no to the person.
_DAY_ONLY = re.compile(
    r"(?:오늘|내일|모레|이번\s*주|주말|이번\s*주말|[월화수목금토일]요일|그날)(?:은|는)\s*(?:좀\s*|조금\s*)?"
    r"(?:어려울|힘들|안\s*될|안\s*돼|못\s*갈|못\s*볼)"
)


_AT_THE_DOOR = re.compile(r"(?:집|너네\s*집|네\s*집|니\s*집|건물|아파트)\s*앞|(?:잠깐만?|잠깐|좀)\s*나와|문\s*(?:좀\s*)?열어|밑에\s*있어")


def at_the_door(text: str) -> bool:
    """"나 지금 너네 집 앞이야, 잠깐만 나와봐": someone is outside, asking to be let in or met."""
    return bool(_AT_THE_DOOR.search(text))


def later_maybe(text: str) -> bool:
    """"바빠서요.. 나중에 여유 생기면 제가 연락드릴게요": the ball is in their court."""
    return bool(re.search(r"나중에[^.!?\n]{0,12}(?:연락\s*드릴게|연락할게|연락\s*줄게)|나중에\s*한\s*번\s*~|나중에\s*한번\s*~", text)
                or thinking_it_over(text)) \
        and not strong_decline(text)


def thinking_it_over(text: str) -> bool:
    """"한번 생각해볼게요 ㅋㅋ" to an invitation: no answer yet — a real maybe or a soft no."""
    return bool(re.search(r"(?:생각|고민)해\s*볼게", text))


def day_only_no(text: str) -> bool:
    return bool(_DAY_ONLY.search(text)) and not strong_decline(text) and not _NOT_A_NO.search(text)


def no_more_contact(text: str) -> bool:
    return bool(_NO_MORE_CONTACT.search(text))


def confession(text: str) -> tuple[str, ...]:
    return _found(_CONFESSION, text)


_LATE_REPLY = _any([r"답(?:장)?이?\s*(?:너무\s*)?늦", r"늦어서", r"못\s*봤", r"폰을?\s*(?:아예\s*)?(?:못|안)", r"확인을?\s*못", r"정신이\s*없", r"연락\s*못"])
_AFTER_FIGHT = _any([
    r"말\s*심하게", r"심하게\s*말", r"비꼬", r"말투", r"그날\s*내가",
    r"예민", r"심했", r"화내", r"짜증\s*(?:내|냈)", r"내가\s*잘못", r"오해", r"말이\s*심", r"서운하게\s*했", r"어제는\s*내가",
    r"기분\s*(?:많이\s*)?상", r"그런\s*뜻",
])
_CANCELLED = _any([r"약속", r"못\s*(?:갈|가|볼|만날)", r"취소", r"다음에\s*(?:보|만나)"])
_EXPLICIT_ASK = _any([
    r"(?:볼|갈|먹을|만날|할|뵐|드실|보실|가실|올|오실)래", r"와\s*줄래", r"(?:보|가|먹|만나|놀|마시)자", r"할까", r"하시죠", r"어때",
    r"ㄱ\s*\?", r"콜\?", r"시간\s*(?:돼|되|괜찮|있)", r"(?:볼|만날|갈)\s*수\s*있", r"초대", r"놀러\s*와",
    r"어떠세요", r"어떠신가요", r"(?:밥|커피|술|식사)\s*(?:한\s*번|한번)?\s*(?:먹어요|해요|마셔요)", r"다시\s*잡아도",
    r"언제\s*(?:돼|되|시간|괜찮|가능|봐|볼까|만나|볼래)", r"(?:보면|만나면|하면)\s*안\s*될까", r"(?:밥|커피|술)\s*(?:살게|쏠게|사\s*줄게)",
])


def late_reply(text: str) -> bool:
    return bool(_LATE_REPLY.search(text))


def after_fight(text: str) -> bool:
    return bool(_AFTER_FIGHT.search(text))


def cancelled_plan(text: str) -> bool:
    return bool(_CANCELLED.search(text))


def explicit_ask(text: str) -> bool:
    return bool(_EXPLICIT_ASK.search(text))




# The day that was forgotten, as the partner named it earlier ("내일 면접이야", "나 오늘 임원 보고").
_EVENT = re.compile(r"(면접|발표|임원\s*보고|보고|시험|오디션|수술|검진|졸업식|이사)(?:\s*(?:날|결과|있|이야|인데|잖|보는|하는|때문))")


def forgotten_event(message: str, earlier: str = "") -> str | None:
    """The day a fight is about, in the message or the partner's messages before it."""
    found = _EVENT.search(message) or _EVENT.search(earlier)
    return re.sub(r"\s+", " ", found.group(1)) if found else None
