"""Replies to everyday sharing: what they did or are doing, a photo, a sticker or an emoji alone,
news that takes them away, a friendly goodbye. React first to what they shared, then keep it going."""

from __future__ import annotations

import re
from collections.abc import Callable

from ai.coach.local.details import ACTIVITIES, find_place, find_times
from ai.coach.reading import cues
from ai.coach.local.drafts import Detail, Draft
from ai.coach.local.voice import Line, Voice, join
from ai.coach.reading.model import Reading
from ai.korean.signals import is_sticker


# A friendly closing, mirrored back with 도 ("좋은 하루 보내세요!" -> "나연 씨도 좋은 하루 보내세요!").
_CLOSINGS = (
    (re.compile(r"좋은\s*하루"), Line("{you}도 좋은 하루 보내세요!", "너도 좋은 하루 보내!")),
    (re.compile(r"좋은\s*밤|굿\s*나잇|굿밤"), Line("{you}도 좋은 밤 보내세요!", "너도 좋은 밤 보내!")),
    (re.compile(r"주말\s*잘|좋은\s*주말"), Line("{you}도 주말 잘 보내세요!", "너도 주말 잘 보내!")),
    (re.compile(r"수고하세요|수고해"), Line("{you}도 수고하세요!", "너도 수고해!")),
    (re.compile(r"조심히\s*(?:들어가|가)|잘\s*들어가"), Line("{you}도 조심히 들어가세요!", "너도 조심히 들어가!")),
)


_THANKED_ME = re.compile(r"고생하셨|고생했|수고하셨|수고했")


def small_talk(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """What they shared decides the answer: the first kind in `_SHARES` that applies, else a reaction."""
    photo = bool(re.search(r"(?m)^\s*사진", r.message))
    cute = any(w in r.message for w in ("귀여", "고양이", "강아지", "냥", "댕댕", "🐱", "🐶")) or (photo and bool(
        re.search(r"얘\s*봐|이\s*녀석|우리\s*애|고양이|강아지|냥|댕|멍", r.message + r.facts.partner_earlier)))
    for applies, answer in _SHARES:
        if applies(r, d, photo, cute):
            return answer(v, r, d)
    return _react(v, r, d, cute)


def _closing_line(r: Reading) -> Line | None:
    return next((line for pattern, line in _CLOSINGS if pattern.search(r.message)), None)


def _stickers_only(r: Reading) -> bool:
    lines = [line for line in r.message.splitlines() if line.strip()]
    return bool(lines) and all(is_sticker(line) for line in lines)


Drafts = tuple[Draft, Draft, Draft]
_SHARES: tuple[tuple[Callable[[Reading, Detail, bool, bool], bool], Callable[[Voice, Reading, Detail], Drafts]], ...] = (
    (lambda r, d, photo, cute: r.facts.user_invited and cues.says_yes(r.message.splitlines()), lambda v, r, d: _they_said_yes(v, r)),
    (lambda r, d, photo, cute: bool(re.search(r"챙기세요|챙겨\s*(?:가|요)?(?:\s|$|!)|조심하세요|조심해|따뜻하게\s*입", r.message)),
     lambda v, r, d: _cared_for(v)),
    (lambda r, d, photo, cute: bool(re.search(r"너\s*닮은|닮은\s*사람", r.message)), lambda v, r, d: _lookalike(v)),
    (lambda r, d, photo, cute: bool(re.search(r"아무도\s*안\s*알아|예쁘게\s*하고|꾸미고\s*나왔|머리\s*(?:했|함)", r.message)) and not photo,
     lambda v, r, d: _notice_me(v)),
    (lambda r, d, photo, cute: bool(re.search(r"취소각|취소됐|비\s*온대|못\s*가게", r.message)
                                     and re.search(r"캠핑|여행|소풍|피크닉|나들이|놀러", r.message)), lambda v, r, d: _rained_out(v)),
    (lambda r, d, photo, cute: _closing_line(r) is not None, lambda v, r, d: _closing(v, r, d, _closing_line(r))),  # type: ignore[arg-type]
    (lambda r, d, photo, cute: bool(_AWAY.search(r.message)), lambda v, r, d: _going_away(v, r, d)),
    (lambda r, d, photo, cute: bool(_ONLY_EMOJI.match(r.message)), lambda v, r, d: _smile_back(v, d)),
    (lambda r, d, photo, cute: _stickers_only(r), lambda v, r, d: _sticker_back(v, r)),
    (lambda r, d, photo, cute: photo and not cute and bool(_TASTY.search(r.message)), lambda v, r, d: _tasty(v, r)),
    (lambda r, d, photo, cute: bool(re.search(r"연패|계속\s*졌|또\s*졌", r.message)), lambda v, r, d: _losing_streak(v)),
    (lambda r, d, photo, cute: bool(re.search(r"너임|완전\s*너(?:네|다)?\b|너\s*같(?:음|아)|너잖아", r.message)), lambda v, r, d: _tease(v)),
    (lambda r, d, photo, cute: bool(re.search(r"소개팅\s*(?:잡혔|해|하기로|있어|나가)", r.message)) and r.stage.value in ("SOME", "CRUSH", "FRIEND"),
     lambda v, r, d: _their_blind_date(v)),
    (lambda r, d, photo, cute: _weather_kind(r.message) is not None, lambda v, r, d: _weather(v, r.message)),  # type: ignore[return-value]
    (lambda r, d, photo, cute: bool(re.match(r"^\s*ㅋ{3,}", r.message)) and "ㅋ" in (r.facts.user_last_text or ""),
     lambda v, r, d: _laughed_at_my_story(v)),
    (lambda r, d, photo, cute: photo and not cute and bool(re.search(r"잘\s*나온|찍었|찍은|찍어\s*봤", r.message)), lambda v, r, d: _photo_shared(v)),
    (lambda r, d, photo, cute: bool(_TRIP.search(r.message)) and not _DONE.search(r.message),
     lambda v, r, d: _trip_ahead(v, _TRIP.search(r.message).group(1))),  # type: ignore[union-attr]
    (lambda r, d, photo, cute: bool(d.activity) and not cute, lambda v, r, d: _doing(v, r, d)),
)


def _react(v: Voice, r: Reading, d: Detail, cute: bool) -> tuple[Draft, Draft, Draft]:
    """Nothing more specific: react, ask for more, and say the talk is welcome."""
    mine = d.facts.text if d.facts else ""
    react = v.one("talk-cute", [
        Line("헐 너무 귀여워요!", "헐 너무 귀엽다!"), Line("와 완전 귀엽네요!", "와 완전 귀여워!"),
    ]) if cute else v.one("talk-react", [
        Line("오 그랬군요!", "오 그랬구나!"), Line("아 진짜요?", "아 진짜?"), Line("오 좋네요!", "오 좋다!"),
    ])
    pet = _pet_name(r.message)
    more = v.say(Line("{p} 사진 더 보고 싶어요.", "{p} 사진 더 보여 줘."), p=pet) if cute and pet else v.one("talk-more", [
        Line("그래서 어떻게 됐어요?", "그래서 어떻게 됐어?"), Line("그 얘기 더 해 줘요.", "그 얘기 더 해 줘."),
    ])
    bold = v.say(Line("다음엔 {p} 직접 보러 가고 싶어요.", "다음엔 {p} 직접 보러 갈래."), p=pet) if cute and pet else v.one("talk-bold", [
        Line("{name} 씨랑 이런 얘기 하는 거 좋아요.", "너랑 이런 얘기 하는 거 좋다."),
        Line("{name} 씨 하루 듣는 거 재밌어요.", "네 하루 얘기 듣는 거 재밌어."),
    ], name=v.name)
    return (
        Draft(join(react, mine), f"{v.name}님이 보낸 '{d.quote}'에 먼저 반응해 꺼낸 이야기를 살려 줘요."),
        Draft(join(react, mine, more), f"반응에 질문을 하나 보태 {v.name}님과 대화를 주고받게 해요."),
        Draft(join(react, bold), f"{v.name}님과 나누는 일상이 좋다는 마음을 드러내 조금 더 가까워져요."),
    )


_AWAY = re.compile(r"발령|유학|이민|전근|파견|이사\s*가|떠나|(?:해외|지방|외국)[^.!?\n]{0,6}(?:가게|가요|가|나가)")


_ONLY_EMOJI = re.compile(r"^[\s\u2600-\u27BF\U0001F300-\U0001FAFF\uFE0Fㅎㅋ^~.!]+$")


_PERIOD = re.compile(r"(\d+\s*(?:년|개월|달|주))\s*(?:정도|쯤|동안)?")


_DONE = re.compile(r"했어|했어요|했다|다녀왔|다녀옴|갔다\s*왔|갔다왔|갔다\s*옴|하고\s*옴|하고\s*왔|끝났|끝남")
_WORKOUT = frozenset({"헬스", "운동", "러닝", "달리기", "조깅", "요가", "필라테스", "클라이밍", "수영", "등산"})


def _going_away(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"다음 주에 해외 발령 나서요.. 1년 정도": news that puts distance between them."""
    period = _PERIOD.search(r.message)
    wow = v.say(Line("헉 {p}이요? 갑자기라 놀랐어요.", "헉 {p}? 갑자기라 놀랐어."), p=period.group(1)) if period else v.say(
        Line("헉 갑자기라 놀랐어요.", "헉 갑자기라 놀랐어."))
    chance = v.say(Line("그래도 {you}한테 좋은 기회겠어요. 응원할게요!", "그래도 너한테 좋은 기회겠다. 응원할게!"), you=v.you)
    miss = v.say(Line("솔직히 많이 아쉬워요. 가기 전에 얼굴 한번 봐요.", "솔직히 많이 아쉽다. 가기 전에 얼굴 한번 보자."))
    return (
        Draft(join(wow, chance), f"{v.name}님의 소식에 놀란 마음과 응원을 함께 전해요."),
        Draft(join(wow, v.say(Line("준비하느라 정신없겠어요. 언제 출발해요?", "준비하느라 정신없겠다. 언제 가?"))),
              f"{v.name}님이 꺼낸 소식을 더 들을 수 있게 구체적으로 물어요."),
        Draft(join(wow, miss), "아쉬운 마음을 솔직하게 말하고, 떠나기 전에 보자고 한 걸음 다가가요."),
    )


def _sticker_back(v: Voice, r: Reading) -> tuple[Draft, Draft, Draft]:
    """A sticker alone: answer in kind; after the user's proposal, make it concrete."""
    cute = v.say(Line("ㅎㅎ 이모티콘 귀엽네요.", "ㅋㅋ 이모티콘 귀엽다."))
    if r.facts.user_invited:
        return (
            Draft(v.say(Line("ㅎㅎ 그럼 약속한 거예요!", "ㅋㅋ 그럼 약속한 거다!")), f"{v.name}님의 이모티콘을 좋다는 뜻으로 가볍게 받아 약속으로 만들어요."),
            Draft(join(cute, v.say(Line("언제가 편해요? 편한 날 알려 줘요.", "언제가 편해? 편한 날 알려 줘."))),
                  "이모티콘만으로는 확답이 아니니, 언제가 좋은지 물어 약속을 구체적으로 잡아요."),
            Draft(join(cute, v.say(Line("그럼 이번 주말 어때요?", "그럼 이번 주말 어때?"))), f"내가 먼저 날짜를 콕 집어 {v.name}님이 답하기 쉽게 해요."),
        )
    return (
        Draft(cute, f"{v.name}님의 이모티콘에는 같은 가벼운 톤으로 받아 주면 충분해요."),
        Draft(join(cute, v.say(Line("지금 뭐 하고 있어요?", "지금 뭐 하고 있어?"))), "가벼운 질문 하나로 대화를 이어가요."),
        Draft(v.say(Line("ㅎㅎ 이모티콘이 {name} 씨 닮았어요.", "ㅋㅋ 이모티콘이 너 닮았다."), name=v.name), f"이모티콘을 빌려 {v.name}님에게 살짝 장난스러운 호감을 보여요."),
    )


_TASTY = re.compile(r"맛|먹|신상|우유|라떼|커피|빵|디저트|케이크|초콜릿|마라탕|떡볶이|치킨|편의점")


def _tasty(v: Voice, r: Reading) -> tuple[Draft, Draft, Draft]:
    """A photo of something to eat or drink: react to it, ask, and maybe try it together."""
    what = next((w for w in ("두바이 초콜릿", "초콜릿", "우유", "라떼", "케이크", "빵", "마라탕", "떡볶이", "치킨", "커피") if w in r.message), None)
    wow = v.say(Line("오 {w}비주얼 미쳤네요 ㅋㅋ", "오 {w}비주얼 미쳤다 ㅋㅋ"), w=f"{what} " if what else "")
    ask = v.say(Line("맛은 어때요? 진짜 맛있어요?", "맛은 어때? 진짜 맛있어?"))
    try_ = v.say(Line("저도 궁금해서 내일 사 먹어 볼래요.", "나도 궁금해서 내일 사 먹어 볼래."))
    return (
        Draft(join(wow, ask), f"{v.name}님이 보낸 사진에 바로 반응하고 맛을 물어 대화를 이어가요."),
        Draft(join(wow, try_), f"{v.name}님이 권한 걸 나도 해 보겠다는 말로 관심을 보여요."),
        Draft(join(wow, v.say(Line("다음에 하나씩 사서 같이 먹어 봐요.", "다음에 같이 하나씩 사서 먹어 보자."))), f"사진 하나를 {v.name}님과의 작은 약속으로 이어 가요."),
    )


_TRIP = re.compile(r"(부산|제주도?|강릉|여수|경주|전주|속초|양양|일본|도쿄|오사카|후쿠오카|방콕|다낭|유럽|파리|뉴욕|캠핑)[^.!?\n]{0,8}?(?:가|간다|갈|놀러|여행)")


def _they_said_yes(v: Voice, r: Reading) -> tuple[Draft, Draft, Draft]:
    """"ㅎㅎ 네 좋아요!" to the user's invitation: confirm it, with the time and place the user said."""
    mine = r.facts.user_last_text or ""
    when = find_times(mine)
    place = find_place(mine)
    plan = " ".join(part for part in (when[0].text if when else "", f"{place}에서" if place else "") if part)
    see = v.say(Line("좋아요! 그럼 {p} 봬요 ㅎㅎ", "좋아! 그럼 {p} 보자 ㅋㅋ"), p=plan) if plan else v.say(Line("좋아요! 그날 봬요 ㅎㅎ", "좋아! 그날 보자 ㅋㅋ"))
    return (
        Draft(see, "좋다는 답에 시간과 장소를 다시 한번 짚어 약속을 확실히 해요."),
        Draft(join(see, v.say(Line("가고 싶은 곳 있으면 말해 줘요, 제가 알아볼게요.", "가고 싶은 데 있으면 말해, 내가 알아볼게."))), "약속을 잡은 김에 준비할 것 하나를 더 챙겨요."),
        Draft(join(see, v.say(Line("벌써 기대돼요!", "벌써 기대된다!"))), "기대된다는 마음을 솔직하게 보여 줘요."),
    )


def _cared_for(v: Voice) -> tuple[Draft, Draft, Draft]:
    """"내일 비 온대요! 우산 꼭 챙기세요 ㅎㅎ": thank them, and look after them back."""
    thanks = v.say(Line("챙겨 줘서 고마워요!", "챙겨 줘서 고마워!"))
    return (
        Draft(join(thanks, v.say(Line("{you}도 꼭 챙기세요 ㅎㅎ", "너도 꼭 챙겨 ㅋㅋ"), you=f"{v.name} 씨")), "챙겨 준 마음에 고마워하고 같은 걸 돌려줘요."),
        Draft(join(thanks, v.say(Line("덕분에 안 잊고 챙길게요. 내일 조심히 다녀요!", "덕분에 안 잊고 챙길게. 내일 조심히 다녀!"))), "고마움에 상대를 챙기는 말 한마디를 더해요."),
        Draft(v.say(Line("이렇게 챙겨 주니까 괜히 설레네요 ㅎㅎ 고마워요.", "이렇게 챙겨 주니까 괜히 설렌다 ㅋㅋ 고마워.")), "챙겨 주는 마음이 좋다는 걸 살짝 드러내요."),
    )


def _lookalike(v: Voice) -> tuple[Draft, Draft, Draft]:
    return (
        Draft(v.say(Line("ㅋㅋㅋ 저보다 잘생겼어요?", "ㅋㅋㅋ 나보다 잘생겼어?")), "장난스러운 말에는 장난으로 받아요."),
        Draft(v.say(Line("ㅋㅋ 사진 찍었어요? 보여 줘요", "ㅋㅋ 사진 찍었어? 보여 줘")), "웃으며 받아 주고 대화를 이어가요."),
        Draft(v.say(Line("ㅋㅋ 제 생각 했군요?", "ㅋㅋ 내 생각 했구나?")), "상대가 나를 떠올렸다는 걸 살짝 짚어 설렘을 더해요."),
    )


def _notice_me(v: Voice) -> tuple[Draft, Draft, Draft]:
    """"오늘 예쁘게 하고 나왔는데 아무도 안 알아줌 ㅋㅋ": be the one who notices."""
    return (
        Draft(v.say(Line("제가 알아줄게요 ㅋㅋ 사진 보내 줘요!", "내가 알아줄게 ㅋㅋ 사진 보내 봐!")), "알아봐 주길 바라는 마음에 바로 응해 줘요."),
        Draft(v.say(Line("아무도 안 알아주다니 ㅋㅋ 저는 벌써 궁금한데요? 사진 보내 줘요", "아무도 안 알아주다니 ㅋㅋ 나는 벌써 궁금한데? 사진 보내 줘")), "궁금하다는 말로 관심을 보여 줘요."),
        Draft(v.say(Line("오늘 보러 가도 돼요? 실물로 확인해야겠어요 ㅋㅋ", "오늘 보러 가도 돼? 실물로 확인해야겠다 ㅋㅋ")), "보고 싶다는 마음을 장난스럽게 한 걸음 더 보여 줘요."),
    )


def _rained_out(v: Voice) -> tuple[Draft, Draft, Draft]:
    """A weekend plan spoiled by rain: share the letdown, and maybe offer a rainy-day plan."""
    sad = v.say(Line("아 진짜 아쉽겠어요 ㅠㅠ 하필 주말에 비라니.", "아 진짜 아쉽겠다 ㅠㅠ 하필 주말에 비라니."))
    return (
        Draft(sad, "아쉬운 마음에 같이 공감해 줘요."),
        Draft(join(sad, v.say(Line("대신 실내에서 할 만한 거 찾아볼까요?", "대신 실내에서 할 만한 거 찾아볼까?"))), "아쉬움을 다른 계획으로 가볍게 돌려 줘요."),
        Draft(join(sad, v.say(Line("비 오는 날엔 파전이죠 ㅎㅎ 같이 먹을래요?", "비 오는 날엔 파전이지 ㅋㅋ 같이 먹을래?"))), "비 오는 날만의 계획으로 만날 핑계를 만들어요."),
    )


def _tease(v: Voice) -> tuple[Draft, Draft, Draft]:
    """"ㅋㅋㅋㅋ 이거 완전 너임": they thought of you — play along."""
    return (
        Draft(v.say(Line("ㅋㅋㅋ 아니거든요", "ㅋㅋㅋ 아니거든")), "장난에는 같이 장난으로 받아요."),
        Draft(v.say(Line("ㅋㅋㅋ 살짝 인정이요. 이런 거 어디서 찾아요?", "ㅋㅋㅋ 살짝 인정. 이런 거 어디서 찾아?")), "웃으며 받아 주고 질문 하나로 대화를 이어가요."),
        Draft(v.say(Line("ㅋㅋㅋ 이거 보고 제 생각 났어요? 좋네요 ㅎㅎ", "ㅋㅋㅋ 이거 보고 내 생각 났어? 좋다 ㅎㅎ")), "상대가 나를 떠올렸다는 게 반갑다는 마음을 살짝 드러내요."),
    )


def _their_blind_date(v: Voice) -> tuple[Draft, Draft, Draft]:
    """The one you like has a blind date: no sulking, no sabotage — and the bold one says it lightly."""
    return (
        Draft(v.say(Line("오 그래요? 재밌게 하고 와요 ㅎㅎ", "오 그래? 재밌게 하고 와 ㅋㅋ")), "질투를 드러내지 않고 가볍게 받아요."),
        Draft(v.say(Line("오 친구분이 계속 해 보래요? 어떤 분이래요?", "오 친구가 계속 해 보래? 어떤 사람이래?")), "관심은 보이되 캐묻지 않는 선에서 물어요."),
        Draft(v.say(Line("솔직히 좀 아쉽네요 ㅎㅎ 저도 밥 한번 먹자고 하려 했는데.", "솔직히 좀 아쉽다 ㅋㅋ 나도 밥 한번 먹자고 하려 했는데.")),
              "아쉬운 마음을 농담처럼 가볍게 흘려 내 마음도 있다는 걸 알려요."),
    )


def _weather_kind(message: str) -> str | None:
    if re.search(r"더워|덥|녹는|폭염|쪄\s*죽", message):
        return "hot"
    return "cold" if re.search(r"추워|춥|얼어|꽁꽁", message) else None


def _weather(v: Voice, message: str) -> tuple[Draft, Draft, Draft] | None:
    kind = _weather_kind(message)
    if kind == "hot":
        lines = (Line("진짜 너무 덥죠 ㅠㅠ 물 많이 마셔요!", "진짜 너무 덥지 ㅠㅠ 물 많이 마셔!"),
                 Line("이런 날은 에어컨 밑이 최고예요. 더위 조심해요!", "이런 날은 에어컨 밑이 최고야. 더위 조심해!"),
                 Line("이런 날 시원한 거 하나 사 드리고 싶네요 ㅎㅎ", "이런 날 시원한 거 하나 사 주고 싶다 ㅋㅋ"))
    elif kind == "cold":
        lines = (Line("진짜 너무 춥죠 ㅠㅠ 따뜻하게 입어요!", "진짜 너무 춥지 ㅠㅠ 따뜻하게 입어!"),
                 Line("감기 조심해요. 따뜻한 거 꼭 챙겨 마시고요.", "감기 조심해. 따뜻한 거 꼭 챙겨 마시고."),
                 Line("이런 날 따뜻한 거 하나 사 드리고 싶네요 ㅎㅎ", "이런 날 따뜻한 거 하나 사 주고 싶다 ㅋㅋ"))
    else:
        return None
    return (
        Draft(v.say(lines[0]), "날씨 얘기에는 같이 공감하고 가볍게 챙겨 주면 돼요."),
        Draft(join(v.say(lines[0]), v.say(lines[1])), "공감에 챙기는 말 한마디를 더해요."),
        Draft(join(v.say(lines[0]), v.say(lines[2])), "챙겨 주고 싶은 마음을 살짝 드러내요."),
    )


def _laughed_at_my_story(v: Voice) -> tuple[Draft, Draft, Draft]:
    """They laughed at the user's story ("ㅋㅋㅋㅋㅋ 그게 뭐야"): laugh along, and hand the ball back."""
    return (
        Draft(v.say(Line("ㅋㅋㅋ 저도 어이없었어요", "ㅋㅋㅋ 나도 어이없었어")), "같이 웃어 주면 충분해요."),
        Draft(v.say(Line("ㅋㅋㅋ 저도 어이없어서 웃음밖에 안 나왔어요. {you}는 그런 적 없어요?", "ㅋㅋㅋ 나도 어이없어서 웃음만 나왔어. 너는 그런 적 없어?"),
                    you=f"{v.name} 씨"), "웃음에 질문 하나를 얹어 대화를 주고받게 해요."),
        Draft(v.say(Line("ㅋㅋ 웃어 주니까 창피한 것도 잊었어요", "ㅋㅋ 네가 웃어 주니까 창피한 것도 잊었다")), "상대의 웃음이 반갑다는 마음을 살짝 보여 줘요."),
    )


def _losing_streak(v: Voice) -> tuple[Draft, Draft, Draft]:
    """"롤 하는 중 ㅋㅋ 오늘 연패 중임": laugh with them, cheer them on."""
    return (
        Draft(v.say(Line("ㅋㅋㅋ 연패라니 어떡해요", "ㅋㅋㅋ 연패라니 어떡해")), "가벼운 투정에는 같이 웃어 주면 충분해요."),
        Draft(v.say(Line("ㅋㅋㅋ 어떡해요. 한 판만 이기고 쉬어요!", "ㅋㅋㅋ 어떡해. 한 판만 이기고 자!")), "웃어 주면서 응원 한마디를 보태요."),
        Draft(v.say(Line("ㅋㅋ 다음엔 저랑 같이 해요, 제가 캐리할게요", "ㅋㅋ 다음엔 나랑 같이 하자, 내가 캐리할게")), "같이 하자는 말로 장난스럽게 한 걸음 다가가요."),
    )


def _trip_ahead(v: Voice, place: str) -> tuple[Draft, Draft, Draft]:
    """"나 이번 주말에 친구들이랑 부산 가!": glad for them, curious, and a little something to come back to."""
    wow = v.say(Line("오 {p}! 완전 좋겠어요.", "오 {p}! 완전 좋겠다."), p=place)
    return (
        Draft(join(wow, v.say(Line("맛있는 거 많이 먹고 와요!", "맛있는 거 많이 먹고 와!"))), f"{v.name}님의 설렘에 같이 들떠 주며 잘 다녀오라고 해요."),
        Draft(join(wow, v.say(Line("어디 어디 갈 거예요?", "어디 어디 갈 거야?"))), f"여행 계획을 물어 {v.name}님이 신나게 얘기할 자리를 만들어요."),
        Draft(join(wow, v.say(Line("부럽다 ㅎㅎ 다녀와서 사진 보여 줘요!", "부럽다 ㅋㅋ 다녀와서 사진 보여 줘!"))), f"다녀와서 또 연락할 이유를 만들어 {v.name}님과 대화를 이어가요."),
    )


def _photo_shared(v: Voice) -> tuple[Draft, Draft, Draft]:
    """A photo they are proud of ("이거 제일 잘 나온 거예요!"): say it is good, ask, and a little more."""
    good = v.say(Line("와 진짜 잘 나왔어요!", "와 진짜 잘 나왔다!"))
    return (
        Draft(join(good, v.say(Line("분위기 완전 좋아요.", "분위기 완전 좋다."))), "보낸 사진을 바로 칭찬해 자랑한 보람이 있게 해 줘요."),
        Draft(join(good, v.say(Line("어디서 찍은 거예요?", "어디서 찍은 거야?"))), "사진에 대해 하나 물어 대화를 이어가요."),
        Draft(join(good, v.say(Line("사진 보니까 실물이 더 궁금해지네요 ㅎㅎ", "사진 보니까 실물이 더 보고 싶다 ㅋㅋ"))), "칭찬에 호감을 살짝 얹어요."),
    )


def _smile_back(v: Voice, d: Detail) -> tuple[Draft, Draft, Draft]:
    """An emoji or a laugh alone: a light answer in kind, nothing to fix."""
    return (
        Draft(v.say(Line("ㅎㅎ 😊", "ㅎㅎ 😊")), f"{v.name}님의 가벼운 반응에는 가볍게 웃어 주면 충분해요."),
        Draft(v.say(Line("ㅎㅎ 오늘도 고마웠어요.", "ㅎㅎ 오늘도 고마웠어.")), f"웃음에 따뜻한 한마디를 보태 {v.name}님과 좋은 분위기로 마무리해요."),
        Draft(v.say(Line("ㅎㅎ {you} 웃는 거 보니까 저도 기분 좋네요.", "ㅎㅎ 너 웃으니까 나도 기분 좋다."), you=v.you),
              f"{v.name}님 덕분에 기분이 좋다는 마음을 살짝 드러내요."),
    )


def _doing(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """"친구들이랑 방탈출 왔어": react to what they are doing (or did), and ask about it."""
    what = d.activity
    done = bool(_DONE.search(r.message)) and not re.search(r"왔어|와\s*있|하는\s*중|하러", r.message)
    if what in _WORKOUT and done:  # "헬스 갔다 옴 💪": well done, not "sounds fun"
        good = v.say(Line("오 운동 다녀왔군요! 고생했어요 ㅎㅎ", "오 운동 다녀왔구나! 고생했어 ㅋㅋ"))
        return (
            Draft(good, f"{v.name}님이 운동하고 온 걸 알아주고 수고했다고 해요."),
            Draft(join(good, v.say(Line("스트레칭 꼭 하고 푹 쉬어요!", "스트레칭 꼭 하고 푹 쉬어!"))), "수고에 챙기는 말 한마디를 더해요."),
            Draft(join(good, v.say(Line("다음엔 저도 같이 해요 ㅋㅋ", "다음엔 나도 같이 하자 ㅋㅋ"))), "같이 하자는 말로 가볍게 다가가요."),
        )
    food = (ACTIVITIES.get(what or "") or ACTIVITIES["영화"]).verb in ("먹", "마시")
    fun = "맛있" if food else "재밌"
    react = v.say(Line("오 {w} {f}었겠다!", "오 {w} {f}었겠다!"), w=what, f=fun) if done or food else v.say(
        Line("오 {w} {f}겠다!", "오 {w} {f}겠다!"), w=what, f=fun)
    react = react.replace("맛있었겠다!", "맛있었겠어요!" if v.polite else "맛있었겠다!").replace("재밌었겠다!", "재밌었겠어요!" if v.polite else "재밌었겠다!")
    react = react.replace("재밌었겠다!", "재밌었겠어요!" if v.polite else "재밌었겠다!").replace("재밌겠다!", "재밌겠어요!" if v.polite else "재밌겠다!")
    ask = v.say(Line("어땠어요?", "어땠어?")) if done else v.say(Line("잘 되고 있어요? 사진 보내 줘요 ㅋㅋ", "잘 되고 있어? 사진 보내 줘 ㅋㅋ"))
    along = v.say(Line("다음엔 저도 끼워 줘요 ㅋㅋ", "다음엔 나도 껴 줘 ㅋㅋ"))
    return (
        Draft(join(react, d.facts.first), f"{v.name}님이 보낸 '{d.quote}'에 먼저 반응해 꺼낸 이야기를 살려 줘요."),
        Draft(join(react, ask), f"{v.name}님이 하고 있는 일에 관심을 보여 이야기를 더 하게 해요."),
        Draft(join(react, along), f"같이 하고 싶다는 말로 {v.name}님과 다음 만남의 여지를 만들어요."),
    )


def _closing(v: Voice, r: Reading, d: Detail, closing: Line) -> tuple[Draft, Draft, Draft]:
    """The partner is wrapping up kindly: wrap up kindly too, and leave it there."""
    thanks = v.say(Line("감사해요 ㅎㅎ", "고마워 ㅎㅎ")) if _THANKED_ME.search(r.message) else ""
    back = v.say(closing, you=v.you if v.polite else "너")
    more = v.one("closing-more", [
        Line("오늘도 화이팅이에요!", "오늘도 화이팅!"), Line("점심 맛있는 거 드세요!", "점심 맛있는 거 먹어!"),
    ])
    later = v.one("closing-later", [
        Line("나중에 또 얘기해요.", "나중에 또 얘기하자."), Line("다음에 또 연락할게요.", "다음에 또 연락할게."),
    ])
    return (
        Draft(join(thanks, back), f"{v.name}님이 좋게 마무리한 인사에 같은 인사로 가볍게 답해요."),
        Draft(join(thanks, back, more), f"인사에 응원 한마디를 보태 {v.name}님에게 부담 없이 좋은 인상을 남겨요."),
        Draft(join(back, later), "대화를 억지로 늘리지 않고, 다음에 또 이야기할 여지만 가볍게 남겨요."),
    )


_NOT_PETS = frozenset({"집", "동네", "회사", "팀", "반", "가족", "엄마", "아빠", "언니", "오빠", "누나", "형", "동생", "학교", "과", "사무실"})


_PET_KIND = re.compile(r"고양이|강아지|냥이|댕댕이|햄스터|토끼|앵무새")


def _pet_name(text: str) -> str | None:
    """"우리 콩이 오늘…" -> 콩이's name; "우리 집 고양이" -> 고양이 (the home is not the pet)."""
    found = re.search(r"(?:우리|울)\s*([가-힣]{1,3})(?:이|가)?\s", text)
    if found and found.group(1) not in _NOT_PETS:
        return found.group(1)
    kind = _PET_KIND.search(text)
    return kind.group(0) if kind else None
