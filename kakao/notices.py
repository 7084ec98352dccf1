"""System notices: lines KakaoTalk writes about the chat rather than from a person.

Mobile exports stamp notices like messages but without ``이름 : `` (``2026년 11월 18일 오후
8:15, 지민님이 나갔습니다.``); those are recognised by shape in the format grammars. Windows
exports write them as bare lines and macOS exports as rows under the actor's name, so those
two need the texts below. Deleted-message placeholders arrive as an ordinary message
(``[지민] [오후 8:15] 삭제된 메시지입니다.``) and are dropped wherever they appear.

Bare notices can only be told by their words, so in a Windows export a message line that is
word for word a notice (``민수님이 나갔습니다.``) is taken for one; the mobile formats stamp
notices differently from messages and have no such ambiguity. The English strings are the
ones seen in public exports and parsers; KakaoTalk does not document them.
"""

from __future__ import annotations

import re

# The whole text of a message that is only a deleted/hidden placeholder.
_DELETED = frozenset(
    {
        "삭제된 메시지입니다",
        "메시지가 삭제되었습니다",
        "채팅방 관리자가 메시지를 가렸습니다",
        "This message has been deleted",
        "This message was deleted",
        "Deleted message",
        "Message deleted",
        "Message hidden by the chatroom admin",
    }
)

# A bare line that is a notice (Windows), or a row text that is one (macOS).
_NOTICE = re.compile(
    r"""
    (?:
        .+님이\ (?:들어왔습니다|나갔습니다|나가셨습니다|퇴장했습니다)
      | .+님이\ .+님을\ (?:초대했습니다|초대하였습니다|내보냈습니다)
      | .+님을\ (?:초대했습니다|내보냈습니다)
      | .+님이\ 방장이\ 되었습니다
      | 채팅방\ 관리자가\ 메시지를\ 가렸습니다
      | 운영정책을\ 위반한\ 메시지로\ 신고\ 접수\ 시\ 카카오톡\ 이용에\ 제한이\ 있을\ 수\ 있습니다
      | 타인,\ 기관\ 등의\ 사칭에\ 유의해\ 주세요.*
      | .+\ (?:joined|left)\ this\ chatroom
      | .+\ has\ been\ removed\ from\ this\ chatroom
      | .+\ invited\ .+
    )\.?
    """,
    re.VERBOSE,
)


_DELETED_INITIALS = frozenset(text[0] for text in _DELETED) | {" ", "\t"}


def is_deleted_placeholder(text: str) -> bool:
    """``삭제된 메시지입니다.`` and its kin: a message that no longer has content."""
    if text[:1] not in _DELETED_INITIALS or len(text) > 60:
        return False
    return text.strip().rstrip(".") in _DELETED


def is_notice_text(line: str) -> bool:
    """A whole line that is a system notice (joins, leaves, invites, kicks, policy banners)."""
    text = line.strip()
    if not text.endswith((".", "다", "요")):
        return False
    return _NOTICE.fullmatch(text) is not None
