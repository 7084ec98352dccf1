"""How the user's replies speak: the register, how they call the partner, and a deterministic
choice among phrasings (the same conversation always gives the same reply; different
conversations rarely give the same sentence)."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from ai.korean.names import given_name, vocative

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Line:
    """One sentence in both registers; `{slots}` are filled by `Voice.say`."""

    polite: str
    casual: str


@dataclass(frozen=True, slots=True)
class Voice:
    polite: bool
    name: str  # the partner's given name ("지민"), or the name as the user wrote it
    seed: str  # what makes this conversation's choices its own
    title: str | None = None  # how the user addresses them when not by name: "선배", "오빠"

    @property
    def you(self) -> str:
        """The partner as the subject or object of a sentence: "지민 씨" / "선배" / "너"."""
        if self.title:
            return self.title
        return f"{self.name} 씨" if self.polite else "너"

    @property
    def yours(self) -> str:
        """The partner as a possessor: "지민 씨 (마음)" / "네 (마음)"."""
        if self.title:
            return self.title
        return f"{self.name} 씨" if self.polite else "네"

    @property
    def call(self) -> str:
        """Calling the partner at the start of a message: "지민 씨, " / "지민아, " / "선배, "."""
        if self.title:
            return f"{self.title}, "
        return f"{vocative(self.name, polite=self.polite)}, " if self.name else ""

    def say(self, line: Line, **slots: str) -> str:
        text = line.polite if self.polite else line.casual
        return text.format(**slots).strip()

    def pick(self, key: str, options: Sequence[T]) -> T:
        return options[zlib.crc32(f"{self.seed}|{key}".encode()) % len(options)]

    def one(self, key: str, lines: Sequence[Line], **slots: str) -> str:
        """One of several phrasings of the same move."""
        return self.say(self.pick(key, lines), **slots)


_TITLE = re.compile(r"^\s*(선배님?|오빠|언니|형|누나|쌤|선생님|팀장님|대리님|과장님|자기야?)(?=[\s,!~.]|$)")


# Inside a sentence a title may name someone else: "우리 팀장님이 또 보고서 다시 쓰래" is the user's
# boss, not the partner. Work titles count only when they open a message (_TITLE), and no title
# after 우리/저희/내/제 ("my …").
_TITLE_ANYWHERE = re.compile(r"(?<![가-힣])(?<!우리\s)(?<!저희\s)(?<!울\s)(?<!내\s)(?<!제\s)(선배님|선배|오빠|누나|언니)(?=님?(?:이|가|께서|은|는|도|한테|,|\s|$))")


def voice_for(polite: bool, partner_name: str | None, seed: str, my_lines: Sequence[str] = ()) -> Voice:
    """`my_lines`: the user's own recent messages, where they show how they call the partner."""
    name = given_name(partner_name) or (partner_name or "").strip() or "그쪽"
    title = next((m.group(1) for line in reversed(my_lines) if (m := _TITLE.match(line) or _TITLE_ANYWHERE.search(line))), None)
    return Voice(polite=polite, name=name, seed=seed, title=title.removesuffix("야") if title else None)


_ENDED = re.compile(r"(?:[.!?~…)]|[ㅋㅎㅠㅜ]{2,}|[\u2600-\u27BF\U0001F300-\U0001FAFF]\uFE0F?)\s*$")


def join(*sentences: str) -> str:
    """Sentences into one message; a sentence with no end mark gets a period, so that each
    reads as finished ("저는 INFJ예요. 가윤 씨는요?")."""
    parts = [s.strip() for s in sentences if s and s.strip()]
    return " ".join(part if _ENDED.search(part) or index == len(parts) - 1 else part + "."
                    for index, part in enumerate(parts))
