"""Mask personal data before text leaves for an external model or service.

`mask_personal_data(text)` replaces, in this order (earlier kinds win where two could match):

1. e-mail addresses -> ``[이메일]``
2. resident (and foreigner) registration numbers -> ``[주민번호]``: ``900101-1234567`` (any
   6-7 dashed digits), and 13 bare digits only when they start with a real date (YYMMDD) and
   the 7th digit is 1-8.
3. card numbers -> ``[카드번호]``: 13-19 digits, optionally grouped by spaces or dashes,
   masked only when the Luhn checksum holds, so ordinary long numbers survive.
4. phone numbers -> ``[전화번호]``: mobile (010-1234-5678, 01012345678, 010 1234 5678),
   +82 forms (+82 10-1234-5678, +82-2-123-4567), landlines (02-123-4567, 031-123-4567,
   0505-123-4567, (02) 123-4567, 0212345678). Business-wide numbers (1588-xxxx) are not
   personal and are left alone: the same shape is a span of years (1899-1910).
5. bank account numbers -> ``[계좌번호]``: three or four dashed digit groups holding 10-16
   digits in total (110-123-456789, 3333-01-1234567, 1002-123-456789); bare or
   space-separated runs of 10-14 digits only next to a bank name or a money word
   (계좌, 통장, 입금, 송금, 이체, 보내 …), before or after the number.
6. street addresses -> ``[주소]``: road-name addresses (테헤란로 123, 올림픽로35길 10,
   세종대로 110, 강남대로 12길 34-5), lot-number addresses (역삼동 123-45, 신림동 1234번지,
   상도1동 55), each with the 시/도/구/군 words before them when present and the building
   details after them (101동 1203호, 3층); apartment units on their own (101동 1203호).
   A number after a word ending in 로/길/동 counts only when it is not a quantity
   (자전거로 10분, 운동 30분, 버스로 3정거장 stay), and a bare ``…동 N`` needs a dash, 번지 or
   a 시/구 before it.
7. buildings with a unit -> ``[주소]``: a building's name (…빌라, …아파트, …오피스텔, …빌딩,
   …타워, an apartment brand such as 래미안 or 자이) with its 동, 호 or 층 (망원빌라 302호,
   래미안 101동 1203호, 센터빌딩 3층), and a bare unit of three or four digits (302호, 1203호실;
   not 1호선, 2호점).
8. door and gate codes and passwords -> ``[비밀번호]``: codes with * or # (1234*, #0417,
   *0417#); digits after a door word (공동현관 0417, 현관 비번 #0417); and what follows a
   password word (비번, 비밀번호, 패스워드, 암호, PIN, password, pw) when it is ASCII, as
   passwords are (비번은 qwer1234!, 와이파이 비밀번호: abc12345). 비밀번호 바꿨어 stays.

Dates (2024-01-15, 2024.01.15), times (12:30), prices (12,000원), years (2024년), counts and
ranges survive. Every pattern is compiled once, at import. The function is idempotent: the
placeholders contain no digits or address words.
"""

from __future__ import annotations

import re

PHONE = "[전화번호]"
EMAIL = "[이메일]"
RRN = "[주민번호]"
CARD = "[카드번호]"
ACCOUNT = "[계좌번호]"
ADDRESS = "[주소]"
PASSWORD = "[비밀번호]"

PLACEHOLDERS = (PHONE, EMAIL, RRN, CARD, ACCOUNT, ADDRESS, PASSWORD)

# --- e-mail ----------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*"  # local part
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"  # domain
)

# --- resident registration numbers -----------------------------------------------------------

_RRN_DASHED = re.compile(r"(?<![\d-])\d{6}\s?-\s?\d{7}(?![\d-])")
_RRN_BARE = re.compile(r"(?<!\d)(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[1-8]\d{6}(?!\d)")

# --- cards -----------------------------------------------------------------------------------

_CARD = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")

# --- phones ----------------------------------------------------------------------------------

_SEP = r"[-. ]?"
_PHONE = re.compile(
    r"(?<![\d+])(?:"
    # +82, then the number without its leading 0 (sometimes written as (0))
    rf"\+82{_SEP}(?:\(0\))?{_SEP}(?:1[016789]|2|[3-6][1-5]|70){_SEP}\d{{3,4}}{_SEP}\d{{4}}"
    # mobile
    rf"|01[016789]{_SEP}\d{{3,4}}{_SEP}\d{{4}}"
    # landline and internet phones: 02, 031…064, 070, 050x; the area code may be bracketed
    rf"|\(?0(?:2|[3-6][1-5]|70|50[2-8]?)\)?[-. )]?\s?\d{{3,4}}{_SEP}\d{{4}}"
    r")(?![\d])"
)

# --- bank accounts ---------------------------------------------------------------------------

_ACCOUNT_DASHED = re.compile(r"(?<![\d-])\d{2,6}(?:-\d{2,7}){2,3}(?![\d-])")
_BANKS = (
    r"(?:(?<![A-Za-z])(?:KB|kb|NH|nh|IBK|ibk|SC|sc)|"
    r"국민|신한|우리|하나|농협|기업|카카오\s?뱅크|카뱅|토스\s?뱅크|토스|케이\s?뱅크|케뱅|새마을(?:금고)?|우체국|"
    r"수협|씨티|제일|부산|대구|경남|광주|전북|제주|신협|산업|수출입)(?:은행)?"
)
_MONEY_BEFORE = r"(?:계좌(?:번호)?|통장|입금|송금|이체|예금주|은행|뱅크)"
_MONEY_AFTER = r"(?:\s*(?:으로|로|에)?\s*(?:입금|송금|이체|보내|부쳐|쏴))"
_ACCOUNT_DIGITS = r"\d(?:[ -]?\d){9,13}"
_ACCOUNT_CONTEXT_BEFORE = re.compile(
    rf"((?:{_BANKS}|{_MONEY_BEFORE})[^\d\n\[]{{0,15}}?)(?<![\d-])({_ACCOUNT_DIGITS})(?![\d-])"
)
_ACCOUNT_CONTEXT_AFTER = re.compile(rf"(?<![\d-])({_ACCOUNT_DIGITS})(?![\d-])(?={_MONEY_AFTER})")

# --- addresses -------------------------------------------------------------------------------

# What may not follow a house number: a quantity unit, so "자전거로 10분" is not an address.
_UNIT = (
    r"(?:분|시간|시|초|명|개|원|만|천|백|억|살|세|km|킬로|키로|m\b|미터|층|번(?!지|길)|회|일|월|년|주|배|잔|병|"
    r"차|등|점|%|퍼|kg|g\b|cm|달|박|인|마리|권|장|편|곡|통|건|정거장|정류장|호선|개월|학년|반|kcal|칼로리|프로|도|세트|판|그릇|인분|킬로)"
)
# After a house number: not a unit, attached (10분, 10%) or as the next word (10 분, 10 분이면);
# then the end of a word, or one of the particles an address takes (테헤란로 123에서).
_UNIT_WORD_END = r"(?:[^가-힣]|$|이|에|은|는|도|만|정도|쯤|밖에|씩|째|전|후|뒤)"
_HOUSE_END = (
    rf"(?!{_UNIT})(?!\s+{_UNIT}{_UNIT_WORD_END})(?![\d가-힣A-Za-z])"
    r"|(?=에서|에|으로|로|이에요|이야|야|예요|이고|인데|쪽|앞|근처|까지|부근|이요|요|의|을|를)"
)
_HOUSE_NUMBER = rf"(?:\d{{1,5}}(?:-\d{{1,5}})?번지|\d{{1,5}}(?:-\d{{1,5}})?(?:{_HOUSE_END}))"
# Region words before an address. Common words that merely end like one (다시, 혹시, 친구,
# 나도 …) are excluded, so they are not swallowed into the placeholder.
_NOT_REGION = (
    r"(?!(?:다시|역시|혹시|당시|동시|즉시|항시|잠시|일시|수시|무시|조시|친구|가구|입구|출구|연구|요구|도구|"
    r"야구|농구|배구|족구|탁구|축구|창구|소구|아구)\s)"
)
_PROVINCES = (
    r"(?:경기|강원|충청북|충청남|전라북|전라남|경상북|경상남|제주|충북|충남|전북|전남|경북|경남)(?:특별자치)?도"
)
_REGION = (
    rf"(?:(?:{_PROVINCES}|{_NOT_REGION}[가-힣]{{1,10}}(?:특별시|광역시|특별자치시|시))\s+)?"
    rf"(?:{_NOT_REGION}[가-힣]{{1,10}}(?:시|군|구)\s+){{0,2}}"
)
_DETAIL = r"(?:\s*,?\s*(?:\d{1,4}동\s*)?\d{1,5}호|\s*,?\s*(?:지하\s*)?\d{1,3}층)?(?:\s*\([가-힣0-9,\s]{1,20}\))?"
_ROAD = re.compile(
    rf"{_REGION}"
    r"[가-힣A-Za-z0-9]{0,12}[가-힣](?:대로|로|길)\s*"
    r"(?:\d{1,4}(?:번)?(?:가|안)?길\s*)?"
    rf"{_HOUSE_NUMBER}"
    rf"{_DETAIL}"
)
# Lot-number (지번) addresses: a 동/리/가 name and a number with a dash or 번지, or any number
# when a 시/구/군/읍/면 comes before.
_LOT_STRICT = re.compile(
    rf"{_REGION}"
    r"(?:[가-힣]{1,6}(?:읍|면)\s+)?"
    r"[가-힣]{1,6}\d?(?:가)?(?:동|리|가)\s*"
    rf"(?:\d{{1,5}}(?:-\d{{1,5}})?번지|\d{{1,5}}-\d{{1,5}}(?:{_HOUSE_END}))"
    rf"{_DETAIL}"
)
_LOT_WITH_REGION = re.compile(
    rf"(?:(?:{_PROVINCES}|{_NOT_REGION}[가-힣]{{1,10}}(?:특별시|광역시|특별자치시|시))\s+)?"
    rf"{_NOT_REGION}[가-힣]{{1,10}}(?:시|군|구|읍|면)\s+"
    r"(?:[가-힣]{1,6}(?:읍|면)\s+)?"
    r"[가-힣]{1,6}\d?(?:동|리|가)\s*"
    rf"{_HOUSE_NUMBER}"
    rf"{_DETAIL}"
)
_UNIT_ONLY = re.compile(r"(?<![\d가-힣])\d{1,4}동\s*\d{1,5}호(?!\d)")

# --- buildings and units ---------------------------------------------------------------------

_BUILDING_NAME = (
    r"(?:[가-힣A-Za-z0-9]{0,12}(?:빌라|아파트|오피스텔|맨션|빌딩|하우스|타워|캐슬|팰리스|하이츠|레지던스|주공|원룸|"
    r"고시원|고시텔|기숙사|빌)|래미안|자이|푸르지오|힐스테이트|아이파크|더샵|e편한세상|센트레빌|꿈에그린|데시앙|하늘채)"
)
_BUILDING = re.compile(
    rf"{_BUILDING_NAME}\s*(?:\d{{1,3}}단지\s*)?"
    r"(?:(?:\d{1,4}\s*동\s*)?(?:지하\s*)?\d{1,3}\s*층(?:\s*\d{1,5}\s*호)?|(?:\d{1,4}\s*동\s*)?\d{1,5}\s*호|\d{1,4}\s*동)"
    r"(?:실)?(?!\d)"
)
_BARE_UNIT = re.compile(r"(?<![\d가-힣\[])\d{3,4}\s*호(?:실)?(?![\d선점기차관석])")

# --- door codes and passwords ----------------------------------------------------------------

_SECRET = r"[A-Za-z0-9!@#$%^&*()_+\-=.,?~]"
_AFTER_SECRET = r"(?![A-Za-z0-9]|[년월일시분초원개명살번층호])"
_CODE_SHAPE = re.compile(r"(?<![\w*#])(?:[*#]\d{3,8}[*#]?|\d{3,8}[*#])(?![\w*#])")
_DOOR_CODE = re.compile(
    r"((?:공동\s*현관|현관문?|대문|도어\s*[락록]|출입문|게이트)\s*(?:비번|비밀\s*번호|번호)?\s*(?:은|는|이|:)?\s*)"
    rf"([*#]?\d{{3,8}}[*#]?){_AFTER_SECRET}"
)
_PASSWORD = re.compile(
    r"((?:비번|비밀\s*번호|패스워드|암호|핀\s*번호|(?<![A-Za-z])(?:PIN|[Pp]assword|PASSWORD|[Pp][Ww]))"
    r"\s*(?:은|는|이|가|을|를|도|요|\s+is)?\s*[:=]?\s*(?:[가-힣]{1,5}\s+){0,2})"
    rf"({_SECRET}{{3,64}}){_AFTER_SECRET}"
)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _card(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return CARD if 13 <= len(digits) <= 19 and _luhn_ok(digits) else match.group(0)


def _account_dashed(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group(0))
    return ACCOUNT if 10 <= digits <= 16 else match.group(0)


def mask_personal_data(text: str) -> str:
    """``text`` with phone numbers, e-mail addresses, registration, card and account numbers,
    street addresses, buildings with their units, door codes and passwords replaced by
    placeholders (see the module docstring)."""
    if not text:
        return text
    text = _EMAIL.sub(EMAIL, text)
    text = _PASSWORD.sub(lambda m: m.group(1) + PASSWORD, text)
    text = _DOOR_CODE.sub(lambda m: m.group(1) + PASSWORD, text)
    text = _CODE_SHAPE.sub(PASSWORD, text)
    text = _RRN_DASHED.sub(RRN, text)
    text = _RRN_BARE.sub(RRN, text)
    text = _CARD.sub(_card, text)
    text = _PHONE.sub(PHONE, text)
    text = _ACCOUNT_DASHED.sub(_account_dashed, text)
    text = _ACCOUNT_CONTEXT_BEFORE.sub(lambda m: m.group(1) + ACCOUNT, text)
    text = _ACCOUNT_CONTEXT_AFTER.sub(ACCOUNT, text)
    text = _ROAD.sub(ADDRESS, text)
    text = _LOT_STRICT.sub(ADDRESS, text)
    text = _LOT_WITH_REGION.sub(ADDRESS, text)
    text = _BUILDING.sub(ADDRESS, text)
    text = _UNIT_ONLY.sub(ADDRESS, text)
    text = _BARE_UNIT.sub(ADDRESS, text)
    return text


def mask_optional(text: str | None) -> str | None:
    return mask_personal_data(text) if text else text
