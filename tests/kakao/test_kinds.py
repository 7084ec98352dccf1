"""Media placeholders, files and links become kinds; everything else is text."""

from __future__ import annotations

import pytest

from kakao import MessageKind
from kakao.kinds import classify

K = MessageKind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("사진", K.PHOTO),
        ("사진 3장", K.PHOTO),
        ("<사진>", K.PHOTO),
        ("(사진)", K.PHOTO),
        ("Photo", K.PHOTO),
        ("photo", K.PHOTO),
        ("(Photo)", K.PHOTO),
        ("3 photos", K.PHOTO),
        ("이모티콘", K.EMOTICON),
        ("(이모티콘) ", K.EMOTICON),
        ("Emoticon", K.EMOTICON),
        ("(emoticon)", K.EMOTICON),
        ("동영상", K.VIDEO),
        ("Video", K.VIDEO),
        ("음성메시지", K.VOICE),
        ("음성 메시지", K.VOICE),
        ("Voice Message", K.VOICE),
        ("파일: 전시_안내.pdf", K.FILE),
        ("File: report final.docx", K.FILE),
        ("https://example.com/exhibition?id=1&x=2", K.LINK),
        ("http://naver.me/abc", K.LINK),
        ("www.example.com", K.LINK),
        # Text that mentions media or links is text.
        ("사진 보냈어", K.TEXT),
        ("이모티콘 귀엽다", K.TEXT),
        ("이거 봐 https://example.com", K.TEXT),
        ("https://example.com\n좋지?", K.TEXT),
        ("파일:", K.TEXT),
        ("3 photo booths", K.TEXT),
        ("", K.TEXT),
        ("ㅋㅋㅋ", K.TEXT),
    ],
)
def test_classify(text: str, kind: MessageKind) -> None:
    assert classify(text) is kind
