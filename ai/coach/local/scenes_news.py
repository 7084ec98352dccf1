"""Replies to good news and to thanks: glad with them first, then the detail that shows you were
listening (the first salary's gift to 엄마, the presentation that went well thanks to you, the
date that was fun, the help that came in handy)."""

from __future__ import annotations

import re

from ai.coach.local.drafts import Detail, Draft
from ai.coach.local.voice import Line, Voice, join
from ai.coach.reading import pain
from ai.coach.reading.model import Reading
from ai.korean.particles import josa


_NEWS = (("1저자", "1저자 논문"), ("논문", "논문"), ("억셉", "논문"), ("합격", "합격"), ("팀장 됐", "승진"), ("팀장이 됐", "승진"), ("승진", "승진"), ("취업", "취업"), ("입사", "입사"), ("통과", "통과"),
         ("당첨", "당첨"), ("수상", "수상"))


# Good news with its own words: (what it is, what rules it out, SAFE / BALANCED / BOLD).
_SMALL_NEWS: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, tuple[Line, Line, Line]], ...] = (
    (re.compile(r"입양|분양"), None, (
        Line("와 완전 축하해요!! 사진 보여 줘요 ㅎㅎ", "와 완전 축하해!! 사진 보여 줘 ㅋㅋ"),
        Line("와 축하해요! 이름 후보 뭐 있어요? 같이 고민해 줄게요.", "와 축하해! 이름 후보 뭐 있어? 같이 고민해 줄게."),
        Line("와 축하해요! 조만간 보러 가도 돼요? 간식 사 갈게요 ㅎㅎ", "와 축하해! 조만간 보러 가도 돼? 간식 사 갈게 ㅋㅋ"))),
    (re.compile(r"로또|복권"), None, (
        Line("ㅋㅋㅋ 오 축하해요! 다음엔 1등 가요", "ㅋㅋㅋ 오 축하해! 다음엔 1등 가자"),
        Line("ㅋㅋ 축하해요! 그걸로 뭐 할 거예요?", "ㅋㅋ 축하해! 그걸로 뭐 할 거야?"),
        Line("ㅋㅋ 당첨 기념으로 커피는 {you}가 쏘는 거죠?", "ㅋㅋ 당첨 기념으로 커피는 네가 쏘는 거지?"))),
    (re.compile(r"(?:오늘|내일)\s*(?:내\s*|제\s*)?생일"), None, (
        Line("헐 생일 축하해요!! 미리 알았으면 선물 준비했을 텐데요 ㅎㅎ", "헐 생일 축하해!! 미리 알았으면 선물 준비했을 텐데 ㅋㅋ"),
        Line("헐 생일 축하해요!! 오늘 뭐 해요? 맛있는 거 꼭 먹어요!", "헐 생일 축하해!! 오늘 뭐 해? 맛있는 거 꼭 먹어!"),
        Line("헐 생일 축하해요!! 늦었지만 케이크는 제가 살게요 ㅎㅎ", "헐 생일 축하해!! 늦었지만 케이크는 내가 살게 ㅋㅋ"))),
    (re.compile(r"느낌\s*(?:좋|나쁘지\s*않|괜찮)|잘\s*본\s*것\s*같"), re.compile(r"합격|붙었"), (
        Line("와 고생 많았어요! 느낌 좋다니 다행이에요.", "와 고생 많았어! 느낌 좋다니 다행이다."),
        Line("와 고생 많았어요! 좋은 결과 있을 거예요. 결과는 언제 나와요?", "와 고생 많았어! 좋은 결과 있을 거야. 결과는 언제 나와?"),
        Line("와 고생 많았어요! 결과 나오면 축하 겸 맛있는 거 먹어요 ㅎㅎ", "와 고생 많았어! 결과 나오면 축하 겸 맛있는 거 먹자 ㅋㅋ"))),
    (re.compile(r"시험\s*(?:다\s*)?끝났|종강|해방|마감\s*끝"), re.compile(r"합격|붙었"), (
        Line("와 고생 많았어요!! 이제 푹 쉬어요 ㅎㅎ", "와 고생 많았어!! 이제 푹 쉬어 ㅋㅋ"),
        Line("와 고생 많았어요!! 끝나고 제일 하고 싶은 게 뭐예요?", "와 고생 많았어!! 끝나고 제일 하고 싶은 게 뭐야?"),
        Line("와 고생 많았어요!! 해방 기념으로 맛있는 거 먹어요, 제가 살게요!", "와 고생 많았어!! 해방 기념으로 맛있는 거 먹자, 내가 쏠게!"))),
)


def _small_news(v: Voice, r: Reading) -> tuple[str, str, str] | None:
    for pattern, unless, lines in _SMALL_NEWS:
        if pattern.search(r.message) and not (unless and unless.search(r.message)):
            safe, balanced, bold = (v.say(line, you=f"{v.name} 씨") for line in lines)
            return safe, balanced, bold
    return None


def _special_news(v: Voice, r: Reading, wow: str) -> tuple[str, str, str] | None:
    """A wedding, a first pay day, a birthday, a test that went well, an exam over: news with its own words."""
    small = _small_news(v, r)
    if small:
        return small
    if re.search(r"결혼", r.message):
        return (
            join(v.say(Line("와 결혼 진짜 축하해요!!", "와 결혼 진짜 축하해!!")), v.say(Line("너무 잘됐다 ㅎㅎ", "드디어 가는구나 ㅋㅋ"))),
            join(v.say(Line("결혼 진짜 축하해요!!", "결혼 진짜 축하해!!")), v.say(Line("날짜 정해지면 꼭 알려 줘요, 무조건 갈게요!", "날짜 언제야? 무조건 갈게!"))),
            join(v.say(Line("결혼 진짜 축하해요!!", "결혼 진짜 축하해!!")), v.say(Line("준비하다 도움 필요하면 언제든 불러요.", "준비하다 도움 필요하면 언제든 불러."))),
        )
    if re.search(r"월급|보너스|성과급", r.message):
        pay = "첫 월급" if "첫" in r.message else "월급날"
        said = re.search(r"엄마|아빠|부모님|어머니|아버지", r.message)
        # 반말 keeps their word ("엄마"); 존댓말 says it with respect ("어머님").
        parent = (said.group(0) if said and not v.polite else
                  "어머님" if re.search(r"엄마|어머니", r.message) else "아버님" if re.search(r"아빠|아버지", r.message) else "부모님")
        if re.search(r"엄마|아빠|부모님|어머니|아버지", r.message):
            gift = v.say(Line("{p} 선물까지 챙기다니 진짜 효도하시네요.", "{p} 선물까지 챙기다니 효도 제대로 한다."), p=parent)
            return (
                join(v.say(Line("{p} 축하해요!!", "{p} 축하해!!"), p=pay), gift),
                join(v.say(Line("{p} 축하해요!! 그동안 고생 많았어요.", "{p} 축하해!! 그동안 고생 많았어."), p=pay),
                     v.say(Line("{p} 엄청 좋아하시겠어요.", "{p} 엄청 좋아하시겠다."), p=josa(parent, "이"))),
                join(v.say(Line("{p} 축하해요!!", "{p} 축하해!!"), p=pay), gift,
                     v.say(Line("다음엔 {you} 선물도 꼭 챙겨요 ㅎㅎ", "다음엔 너한테도 선물 하나 해 ㅋㅋ"), you=v.you)),
            )
        treat = re.search(r"사\s*줄게|쏠게|살게", r.message)
        return (
            join(v.say(Line("{p} 축하해요!! 그동안 고생 많았어요.", "{p} 축하해!! 그동안 고생 많았어."), p=pay)),
            join(v.say(Line("{p} 축하해요!!", "{p} 축하해!!"), p=pay), v.say(
                Line("사 준다니 완전 좋아요 ㅎㅎ 뭐 먹을까요?", "사 준다니 완전 좋아 ㅋㅋ 뭐 먹을까?") if treat else Line("어디에 쓸 거예요? ㅎㅎ", "어디에 쓸 거야? ㅋㅋ"))),
            join(v.say(Line("{p} 축하해요!!", "{p} 축하해!!"), p=pay), v.say(
                Line("그럼 디저트는 제가 살게요!", "그럼 디저트는 내가 쏠게!") if treat else Line("축하하는 의미로 제가 맛있는 거 살게요!", "축하 기념으로 내가 맛있는 거 쏠게!"))),
        )
    return None


_GIFT = re.compile(r"기프티콘|쿠폰|선물|목걸이|반지|팔찌|귀걸이|꽃다발|꽃\s*(?:너무|진짜|고마)|케이크|편지|핸드크림|향수|텀블러|지갑|잘\s*쓸게|잘\s*쓰겠|잘\s*입을게")


def _gift_thanks(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """Thanks for a gift: glad it pleased them, a word on choosing it, no 'glad it helped'."""
    glad = v.say(Line("마음에 든다니 정말 다행이에요!", "마음에 든다니 진짜 다행이다!"))
    if "생일" in r.message or "생일" in r.facts.partner_earlier:
        glad = join(v.say(Line("생일 다시 한번 축하해요!", "생일 다시 한번 축하해!")), glad)
    chose = v.say(Line("{you}한테 잘 어울릴 것 같아서 고민 많이 하고 골랐어요 ㅎㅎ", "너한테 잘 어울릴 것 같아서 엄청 고민하고 골랐어 ㅎㅎ"), you=f"{v.name} 씨")
    wear = v.say(Line("하고 다니는 거 보면 저도 기분 좋을 것 같아요.", "하고 다니는 거 보면 나도 기분 좋을 것 같아.")) if re.search(
        r"하고\s*다닐|차고\s*다닐|끼고\s*다닐|매일\s*(?:할|쓸)", r.message) else v.say(Line("다음엔 더 좋은 걸로 챙길게요.", "다음엔 더 좋은 걸로 챙길게."))
    return (
        Draft(join(glad, d.facts.first), f"{v.name}님의 '{d.quote}'에 마음에 든다니 기쁘다고 먼저 답해요."),
        Draft(join(glad, chose), "선물을 고를 때 어떤 마음이었는지 하나 보태 고마움에 따뜻하게 답해요."),
        Draft(join(glad, wear), f"{v.name}님이 선물을 아껴 줄 거라는 말에 내 마음도 조금 더 드러내요."),
    )


_SICK_CARE = re.compile(r"(?<![가-힣])죽(?=\s|$|이|은|도|까지)|약\s*(?:사|챙|갖)|몸살|감기|아팠|아플\s*때|열\s*나|병원")
def _relief(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    """The operation went well, they are out of hospital: relief, not congratulations."""
    phew = v.say(Line("와 정말 다행이에요!!", "와 진짜 다행이다!!"))
    who = re.search(r"(?:^|\s)([가-힣]{1,3})(?:이|가)\s+(?:수술|퇴원)", r.message) or re.search(
        r"(?:^|\s)([가-힣]{2,3})(?:이|가|는)?\s+(?:오늘\s*)?(?:실밥|수술|퇴원)", r.facts.user_last_text or "")
    brave = v.say(Line("{w} 잘 버텼네요.", "{w} 진짜 잘 버텼다."), w=who.group(1)) if who and who.group(1) not in ("응", "오늘", "엄마", "아빠") else ""
    worried = v.say(Line("그동안 마음 졸이느라 {you}도 고생 많았어요.", "그동안 마음 졸이느라 너도 고생 많았어."), you=f"{v.name} 씨")
    return (
        Draft(join(phew, brave), f"{v.name}님의 '{d.quote}'에는 축하보다 다행이라는 안도를 함께 나눠요."),
        Draft(join(phew, worried), f"걱정하며 기다린 {v.name}님의 마음까지 알아줘요."),
        Draft(join(phew, worried, v.say(Line("퇴원하면 맛있는 거 먹으면서 푹 쉬어요.", "이제 좀 푹 쉬어, 맛있는 거 챙겨 먹고."))),
              f"안도에 더해 {v.name}님이 이제 좀 쉬었으면 하는 마음을 전해요."),
    )


_CREDITS_ME = re.compile(r"덕분|응원해\s*(?:줘서|주셔서)|도와\s*(?:줘서|주셔서)")


def good_news(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    news = next((said for word, said in _NEWS if word in r.message), None)
    wow = v.one("news-wow", [
        Line("와 {n}진짜 축하해요!!", "와 {n}진짜 축하해!!"), Line("대박, {n}축하해요!", "대박 {n}축하해!!"), Line("헐 {n}완전 축하해요!", "헐 {n}완전 축하해!"),
    ], n=f"{news} " if news else "")
    if pain.recovered(r.message):
        return _relief(v, r, d)
    owner = re.search(r"(동생|언니|누나|형|오빠|친구|엄마|아빠)[^.!?\n]{0,8}(?:임용|시험|합격|붙었|최종)", r.message)
    if owner and not re.search(r"(?:나|저|내가|제가)\s*(?:합격|붙었)", r.message):  # the news is theirs: say whose
        who = {"엄마": "어머님", "아빠": "아버님"}.get(owner.group(1), owner.group(1) + ("분" if v.polite else ""))
        wow = v.say(Line("와 {w} 합격 진짜 축하드려요!!", "와 {w} 합격 진짜 축하해!!"), w=who)
    special = _special_news(v, r, wow)
    if special:
        return tuple(Draft(text, why) for text, why in zip(special, (
            f"{v.name}님의 '{d.quote}'에는 누구보다 먼저 크게 기뻐해 주는 게 최고의 답이에요.",
            f"축하에 한마디를 더해 {v.name}님이 마음껏 이야기할 자리를 만들어 줘요.",
            f"{v.name}님의 기쁜 일을 함께 챙기겠다는 마음을 행동으로 보여 줘요.",
        )))  # type: ignore[return-value]
    if _CREDITS_ME.search(r.message):  # "자료 덕분에 잘 됐다", "응원해 주셔서 감사해요"
        if not news:
            wow = v.say(Line("칭찬까지 받았다니 대박이에요! 잘 돼서 진짜 다행이에요.", "칭찬까지 받았다니 대박! 잘 돼서 진짜 다행이다.")) if "칭찬" in r.message else v.say(
                Line("잘 됐다니 진짜 다행이에요!", "잘 됐다니 진짜 다행이다!"))
        earned = v.say(Line("제가 한 건 별로 없어요, 다 {you} 잘해서 그런 거예요.", "내가 한 게 뭐 있어, 다 네가 잘해서 그런 거야."),
                       you=josa(v.you, "이"))
    else:
        earned = v.one("news-earned", [
            Line("그동안 고생한 보람이 있네요.", "그동안 고생한 보람이 있다."),
            Line("{name} 씨가 얼마나 애썼는지 아니까 더 기뻐요.", "네가 얼마나 애썼는지 아니까 내가 다 기쁘다."),
            Line("역시 {name} 씨는 해낼 줄 알았어요.", "역시 해낼 줄 알았어."),
        ], name=v.name)
    how = v.one("news-how", [
        Line("어떻게 된 거예요? 자세히 얘기해 줘요!", "어떻게 된 거야? 자세히 얘기해 줘!"),
        Line("지금 기분 어때요? 다 듣고 싶어요!", "지금 기분 어때? 다 듣고 싶다!"),
    ])
    treat = v.one("news-treat", [
        Line("축하하는 의미로 맛있는 거 사 드릴게요, 먹고 싶은 거 골라요!", "축하 기념으로 내가 맛있는 거 쏠게, 먹고 싶은 거 골라!"),
        Line("이번 주에 축하 자리 꼭 만들어요, 제가 쏠게요!", "이번 주에 축하 파티 하자, 내가 쏠게!"),
    ])
    return (
        Draft(join(wow, earned), f"{v.name}님의 '{d.quote}'에는 누구보다 먼저 크게 기뻐해 주는 게 최고의 답이에요."),
        Draft(join(wow, how), f"축하에 질문을 더해 {v.name}님이 마음껏 자랑할 자리를 만들어 줘요."),
        Draft(join(wow, treat), f"{v.name}님의 기쁜 날을 함께 보내자고 제안해 축하를 행동으로 옮겨요."),
    )


_LISTENED = re.compile(r"들어\s*(?:줘서|주셔서|준)|위로|얘기\s*들어")
_TIME_TOGETHER = re.compile(r"즐거웠|재밌었|재미있었|좋았|맛있었|잘\s*먹었")


def thanks(v: Voice, r: Reading, d: Detail) -> tuple[Draft, Draft, Draft]:
    facts, first = d.facts.text, d.facts.first
    if _GIFT.search(r.message):
        return _gift_thanks(v, r, d)
    if re.search(r"데려다|태워|바래다", r.message):
        home = v.say(Line("편하게 들어가셨다니 다행이에요!", "편하게 들어갔다니 다행이다!"))
        return (
            Draft(join(home, v.say(Line("오늘 즐거웠어요 ㅎㅎ", "오늘 재밌었어 ㅋㅋ"))), f"{v.name}님이 잘 들어갔다는 말에 안심했다고 먼저 답해요."),
            Draft(join(home, v.say(Line("푹 쉬고 좋은 꿈 꿔요.", "푹 쉬고 잘 자."))), "하루를 다정하게 마무리해요."),
            Draft(join(home, v.say(Line("다음에도 제가 데려다줄게요 ㅎㅎ", "다음에도 내가 데려다줄게 ㅋㅋ"))), "다음 만남을 자연스럽게 떠올리게 해요."),
        )
    if not _TIME_TOGETHER.search(r.message):  # thanks for listening, for help, for a tip
        listened = bool(_LISTENED.search(r.message))
        glad = v.one("thanks-listened", [
            Line("다행이에요! 조금이라도 나아졌다니 제가 더 좋네요.", "다행이다! 조금이라도 나아졌다니 내가 더 좋다."),
            Line("별말씀을요, 도움이 됐다니 다행이에요.", "별말을, 도움이 됐다니 다행이다."),
        ]) if listened else v.one("thanks-helped", [
            Line("에이 별말씀을요, 도움이 됐다니 다행이에요.", "에이 뭘, 도움이 됐다니 다행이다."),
            Line("당연한 걸요 ㅎㅎ 말해 줘서 고마워요.", "당연한 거지 ㅋㅋ 말해 줘서 고마워."),
        ])
        if _SICK_CARE.search(r.message):  # "어제 죽 진짜 고마워, 덕분에 살았어": ask how they are now
            glad = join(glad, v.say(Line("몸은 좀 괜찮아요?", "몸은 좀 괜찮아?")))
        return (
            Draft(join(glad, first), f"{v.name}님의 '{d.quote}'에 고마움을 편하게 받아 주고 나아졌다는 말에 같이 기뻐해요."),
            Draft(join(glad, v.say(Line("또 얘기하고 싶을 때 언제든 편하게 연락해요.", "또 얘기하고 싶을 때 언제든 연락해.")) if listened
                       else v.say(Line("다음에도 필요한 거 있으면 말해요 ㅎㅎ", "다음에도 필요한 거 있으면 말해 ㅎㅎ"))),
                  f"언제든 기대도 된다고 말해 {v.name}님이 다음에도 편하게 연락하게 해요."),
            Draft(join(v.say(Line("{name} 씨 얘기라면 언제든 들을게요.", "네 얘기라면 언제든 들을게."), name=v.name) if listened
                       else v.say(Line("{name} 씨한테 도움이 됐다니 제가 다 뿌듯하네요.", "너한테 도움이 됐다니 내가 다 뿌듯하다."), name=v.name),
                       v.say(Line("오늘은 기분 좋게 보내요.", "오늘은 기분 좋게 보내."))),
                  f"{v.name}님 편이 되어 주겠다는 마음을 한 걸음 더 분명하게 보여 줘요."),
        )
    me_too = first or v.one("thanks-me-too", [
        Line("저도 정말 즐거웠어요!", "나도 진짜 즐거웠어!"), Line("제가 더 즐거웠어요!", "내가 더 즐거웠어!"),
    ])
    if re.search(r"잘\s*들어가(?:셨|갔|셨어요|갔어)", r.message):
        home = v.say(Line("저는 잘 들어왔어요! {you}도 잘 들어가셨죠?", "나 잘 들어왔어! 너도 잘 들어갔지?"), you=v.you)
    elif re.search(r"조심히\s*들어가|잘\s*들어가", r.message):
        home = v.say(Line("{you}도 조심히 들어가세요!", "너도 조심히 들어가!"), you=v.you)
    else:
        home = ""
    glad = v.say(Line("{name} 씨 덕분에 시간 가는 줄 몰랐어요.", "너랑 있으니까 시간 가는 줄 몰랐어."), name=v.name)
    next_time = v.say(Line("다음엔 제가 맛있는 데 찾아 둘게요.", "다음엔 내가 좋은 데 찾아 둘게."))
    return (
        Draft(join(me_too, home), f"{v.name}님의 '{d.quote}'에 같은 마음으로 답해 좋은 분위기를 이어가요."),
        Draft(join(me_too, glad), f"고마움을 받아 주면서 {v.name}님과의 시간이 좋았다는 걸 하나 더 말해요."),
        Draft(join(facts or me_too, next_time), f"좋았던 마음을 {v.name}님과의 다음 만남으로 자연스럽게 이어 한 걸음 더 다가가요."),
    )
