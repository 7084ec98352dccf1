"""What kind of message a text is: the placeholders KakaoTalk writes for media.

Exports write a placeholder instead of the media itself. Seen in real exports (Korean and
English locales, old and new app versions): ``사진`` / ``사진 3장`` / ``<사진>`` / ``(사진)`` /
``Photo`` / ``3 photos``; ``이모티콘`` / ``(이모티콘)`` / ``Emoticon`` / ``(emoticon)``; ``동영상`` /
``Video``; ``음성메시지`` / ``Voice Message``; ``파일: name.pdf`` / ``File: name.pdf``. A link is a
message that is nothing but one URL.
"""

from __future__ import annotations

import re

from kakao.model import MessageKind

_EXACT: dict[str, MessageKind] = {}
for _kind, _texts in {
    MessageKind.PHOTO: ("사진", "photo", "photos"),
    MessageKind.EMOTICON: ("이모티콘", "emoticon", "emoticons"),
    MessageKind.VIDEO: ("동영상", "video"),
    MessageKind.VOICE: ("음성메시지", "음성 메시지", "voice message", "voice note"),
}.items():
    for _text in _texts:
        for _form in (_text, f"({_text})", f"<{_text}>"):
            _EXACT[_form] = _kind

# First characters a placeholder, file or link can start with; anything else is text.
_INITIALS = frozenset("사이동음파(<hHwWfFpPeEvV0123456789 \t")

_MANY_PHOTOS = re.compile(r"사진 \d+장|\d+ photos?", re.IGNORECASE)
_FILE = re.compile(r"(?:파일|file): ?\S.*", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s]+", re.IGNORECASE)


def classify(text: str) -> MessageKind:
    """The kind of a message text; anything not recognised is ``TEXT``."""
    if text[:1] not in _INITIALS:
        return MessageKind.TEXT
    key = text.strip()
    if not key or "\n" in key:
        return MessageKind.TEXT
    kind = _EXACT.get(key) or _EXACT.get(key.lower())
    if kind is not None:
        return kind
    first = key[0]
    if first in "hHwW" and _URL.fullmatch(key):
        return MessageKind.LINK
    if first in "파fF" and _FILE.fullmatch(key):
        return MessageKind.FILE
    if (first == "사" or first.isdigit()) and _MANY_PHOTOS.fullmatch(key):
        return MessageKind.PHOTO
    return MessageKind.TEXT
