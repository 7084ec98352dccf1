"""Cheap character-level signs in chat messages: emoji, emoticons, laughter, crying, media.

Decisions:
- An emoji is an emoji sequence as people see it: 👍🏻 (with a skin tone), ❤️ (heart + VS16),
  👨‍👩‍👧 (ZWJ sequence), 🇰🇷 (flag) and 1️⃣ (keycap) are one emoji each. A symbol whose default
  look is text (♥, ☺, ❤ without VS16) is not an emoji.
- An emoticon is a face or heart typed from characters: ^^ ^_^ ^-^ :) :-) :( ;) :D :P >_< -_-
  ㅡㅡ =_= ㅇㅅㅇ ♥ ♡. Laughter (ㅋㅋ, ㅎㅎ) and crying (ㅠㅠ, T_T) are counted separately and are
  not emoticons. A KakaoTalk sticker, which an export shows as the placeholder "이모티콘"
  ("(이모티콘)", "Emoticon"), is an emoticon message too.
- Media placeholders (사진, 사진 3장, 동영상, 음성메시지, 파일: …, their English forms) and
  link-only messages carry no words of the person's own.
- Laughter: any ㅋ, a run of two or more ㅎ or a lone ㅎ (not ㅎㅇ), and repeated laughing
  syllables (하하, 히히, 헤헤, 호호, 흐흐, 크크, 키키, 캬캬, 깔깔, 낄낄, 킥킥).
- Crying: any ㅠ or ㅜ, T_T / T.T / TT, ;_; and 흑흑.
"""

from __future__ import annotations

import re

# Pictographs outside the BMP, minus regional indicators and skin-tone modifiers (handled as
# parts of sequences), plus BMP characters whose default presentation is emoji.
_WIDE = "\U0001f000-\U0001f1e5\U0001f200-\U0001f3fa\U0001f400-\U0001faff"
_BMP_EMOJI = (
    "\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f"
    "\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5"
    "\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797"
    "\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55"
)
# Text-default symbols that become emoji when followed by VS16 (U+FE0F).
_TEXT_SYMBOLS = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u2300-\u23ff\u24c2\u25aa-\u25fe"
    "\u2600-\u27bf\u2934\u2935\u2b00-\u2bff\u3030\u303d\u3297\u3299"
)
_SKIN = "\U0001f3fb-\U0001f3ff"
_TAGS = "\U000e0020-\U000e007f"
_ELEMENT = rf"(?:[{_WIDE}{_BMP_EMOJI}]\uFE0F?|[{_TEXT_SYMBOLS}]\uFE0F)[{_SKIN}]?"
_JOINED = rf"[{_WIDE}{_BMP_EMOJI}\u2600-\u27BF\u2B00-\u2BFF]\uFE0F?[{_SKIN}]?"
_EMOJI = re.compile(
    rf"[\U0001F1E6-\U0001F1FF]{{2}}"
    rf"|[0-9#*]\uFE0F?\u20E3"
    rf"|{_ELEMENT}[{_TAGS}]*(?:\u200D{_JOINED})*"
)

_EMOTICON = re.compile(
    r"\^[_\-.oㅅㅂ]?\^"
    r"|(?<![A-Za-z0-9:/])[:;]-?[)(DPp](?![A-Za-z0-9])"
    r"|>[_.ㅅ]?<"
    r"|-[_.]-|ㅡ[_.]?ㅡ|=[_.]="
    r"|[ㅇㅎ][ㅅㅁ_][ㅇㅎ]"
    r"|[♥♡]"
)
_LAUGHTER = re.compile(r"ㅋ|ㅎㅎ|(?<![ㄱ-ㅣ])ㅎ(?![ㄱ-ㅣ])|(하|히|헤|호|흐|크|키|캬|깔|낄|킥)\1")
_CRYING = re.compile(r"[ㅠㅜ]|(?<![A-Za-z])T[_.]?T(?![A-Za-z])|;_;|흑흑")
_URL = re.compile(r"https?://|www\.\w", re.IGNORECASE)
# The placeholders KakaoTalk exports write instead of media (Korean and English locales), and
# a message that is nothing but a link. The same vocabulary as the importer's `kakao.kinds`.
_STICKER = re.compile(r"[(<]?(?:이모티콘|emoticons?)[)>]?", re.IGNORECASE)
_MEDIA = re.compile(
    r"[(<]?(?:사진|photos?|동영상|video|음성 ?메시지|voice (?:message|note))[)>]?"
    r"|사진 \d+장|\d+ photos?|(?:파일|file): ?\S.*|(?:https?://|www\.)\S+",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"[가-힣A-Za-z0-9]")
_TRAILING_MARKS = (
    (re.compile(r"ㅋ{2,}$"), "ㅋㅋ"),
    (re.compile(r"(?<!ㅋ)ㅋ$"), "ㅋ"),
    (re.compile(r"ㅎ{2,}$"), "ㅎㅎ"),
    (re.compile(r"(?<![ㄱ-ㅣ])ㅎ$"), "ㅎ"),
    (re.compile(r"[ㅠㅜ]+$"), "ㅠㅠ"),
    (re.compile(r"\^[_\-.]?\^+$"), "^^"),
    (re.compile(r"~+$"), "~"),
)


def emoji_sequences(text: str) -> list[str]:
    """The emoji in ``text``, each multi-codepoint sequence as one item."""
    return _EMOJI.findall(text)


def has_emoji(text: str) -> bool:
    return _EMOJI.search(text) is not None


def has_emoticon(text: str) -> bool:
    """A typed emoticon, or a KakaoTalk sticker placeholder."""
    return is_sticker(text) or _EMOTICON.search(text) is not None


def has_laughter(text: str) -> bool:
    return _LAUGHTER.search(text) is not None


def has_crying(text: str) -> bool:
    return _CRYING.search(text) is not None


def has_url(text: str) -> bool:
    return _URL.search(text) is not None


def is_sticker(text: str) -> bool:
    return _STICKER.fullmatch(text.strip()) is not None


def is_media_placeholder(text: str) -> bool:
    """A KakaoTalk export's stand-in for a photo, video, voice message, file or sticker, or a
    message that is only a link: nothing written in the person's own words."""
    stripped = text.strip()
    return is_sticker(stripped) or _MEDIA.fullmatch(stripped) is not None


def visible_length(text: str) -> int:
    """Characters in the stripped text, each emoji sequence counting as one."""
    return len(_EMOJI.sub("e", text.strip()))


def content_length(text: str) -> int:
    """Hangul syllables, Latin letters and digits: the part of a message that says something."""
    return len(_CONTENT.findall(text))


def trailing_mark(text: str) -> str | None:
    """The laughter, crying, ^^ or ~ a message ends with, normalised (ㅋㅋㅋㅋ → "ㅋㅋ")."""
    stripped = _EMOJI.sub("", text).rstrip(" .!?")
    for pattern, mark in _TRAILING_MARKS:
        if pattern.search(stripped):
            return mark
    return None
