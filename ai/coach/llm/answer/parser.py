"""Read the model's tagged answer (`ai.coach.llm.answer.format`) while it streams.

`AnswerParser.feed(delta)` takes text in any split (a tag may be cut anywhere) and returns, in
order, `ADVICE_COMPLETE` once the advice block is over, and the `ReplyDelta`s for reply text
that is certain, at once: inside ``<safe>`` everything is released except a tail that could
still be the start of ``</safe>`` (or of a next tag), and except whitespace at the edges. So the
deltas of one option concatenate to exactly its final text, ``content.strip()``.

The advice block is over when all its elements are read or when the first reply opens (the
model skipped something), whichever comes first: `ADVICE_COMPLETE` always precedes the first
`ReplyDelta`. Text outside elements is ignored, as are unknown elements.

Robustness: inside an element only its own closing tag ends it, so ``>_<`` or ``<3`` in a reply
is just text. An element left open when a known element opens (``<safe>…<safe_why>``) is
closed there and noted as a warning; an element still open when the stream ends and a repeated
element are problems that the checks report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from ai.coach.llm.answer.format import ADVICE_TAGS, KNOWN_TAGS, REPLY_TAGS
from ai.coach.types import ReplyDelta


class _AdviceComplete:
    def __repr__(self) -> str:
        return "ADVICE_COMPLETE"


ADVICE_COMPLETE: Final = _AdviceComplete()
ParserEvent = ReplyDelta | _AdviceComplete

_OPEN = re.compile(r"<([A-Za-z_]{1,32})>")
_MAYBE_OPEN = re.compile(r"<[A-Za-z_]{0,32}")
_KNOWN_OPENINGS = tuple(f"<{tag}>" for tag in KNOWN_TAGS)


@dataclass(frozen=True, slots=True)
class ParsedAnswer:
    fields: dict[str, str]  # tag -> content, stripped
    problems: tuple[str, ...]  # fatal: reported by the checks
    warnings: tuple[str, ...] = ()


@dataclass
class _Trim:
    """Releases text with leading and trailing whitespace held back, so the released pieces
    concatenate to ``whole.strip()``."""

    started: bool = False
    pending: str = ""

    def push(self, text: str) -> str:
        if not self.started:
            text = text.lstrip()
            if not text:
                return ""
            self.started = True
        core = text.rstrip()
        tail = text[len(core) :]
        if not core:
            self.pending += tail
            return ""
        out = self.pending + core
        self.pending = tail
        return out


@dataclass
class AnswerParser:
    _buffer: str = ""
    _open: str | None = None
    _content: list[str] = field(default_factory=list)
    _trim: _Trim | None = None
    _skip: bool = False  # inside a repeated element: read, do not keep
    _fields: dict[str, str] = field(default_factory=dict)
    _problems: list[str] = field(default_factory=list)
    _warnings: list[str] = field(default_factory=list)
    _advice_done: bool = False
    _finished: bool = False

    def feed(self, delta: str) -> list[ParserEvent]:
        if self._finished:
            raise RuntimeError("the parser has finished")
        self._buffer += delta
        out: list[ParserEvent] = []
        while self._buffer:
            if self._open is None:
                if not self._outside(out):
                    break
            elif not self._inside(out):
                break
        return out

    @property
    def fields(self) -> dict[str, str]:
        """The elements read so far."""
        return dict(self._fields)

    def finish(self) -> ParsedAnswer:
        if not self._finished:
            self._finished = True
            if self._open is not None:
                self._problems.append(f"<{self._open}> was not closed (the answer was cut off)")
                self._close(record=True, out=[])
        return ParsedAnswer(dict(self._fields), tuple(self._problems), tuple(self._warnings))

    # states

    def _outside(self, out: list[ParserEvent]) -> bool:
        """Look for an opening tag; False when more input is needed."""
        start = self._buffer.find("<")
        if start < 0:
            self._buffer = ""
            return False
        buffer = self._buffer = self._buffer[start:]
        match = _OPEN.match(buffer)
        if match is not None:
            self._buffer = buffer[match.end() :]
            self._begin(match.group(1).lower(), out)
            return True
        if _MAYBE_OPEN.fullmatch(buffer):
            return False  # "<saf": wait for the rest
        self._buffer = buffer[1:]
        return True

    def _begin(self, tag: str, out: list[ParserEvent]) -> None:
        if tag in REPLY_TAGS:
            self._advice_over(out)
        self._open = tag
        self._content = []
        self._skip = tag in self._fields
        if self._skip and tag in KNOWN_TAGS:
            self._problems.append(f"<{tag}> appears more than once")
        self._trim = _Trim() if tag in REPLY_TAGS and not self._skip else None

    def _inside(self, out: list[ParserEvent]) -> bool:
        assert self._open is not None
        buffer = self._buffer
        close = f"</{self._open}>"
        end, after = buffer.find(close), None
        if end >= 0:
            after = end + len(close)
        # A known element opening before our close means ours was left open.
        for opening in _KNOWN_OPENINGS:
            at = buffer.find(opening)
            if at >= 0 and (end < 0 or at < end):
                end, after = at, at
        if end >= 0:
            self._take(buffer[:end], out)
            if after == end and self._open in KNOWN_TAGS:  # an unknown wrapper (<answer>) may enclose ours
                self._warnings.append(f"<{self._open}> was not closed before the next element")
            self._buffer = buffer[after:]
            self._close(record=True, out=out)
            return True
        hold = _held_back(buffer, (close, *_KNOWN_OPENINGS))
        self._take(buffer[: len(buffer) - hold], out)
        self._buffer = buffer[len(buffer) - hold :]
        return False

    def _take(self, text: str, out: list[ParserEvent]) -> None:
        if not text or self._skip:
            return
        self._content.append(text)
        if self._trim is not None:
            released = self._trim.push(text)
            if released:
                out.append(ReplyDelta(REPLY_TAGS[self._open or ""], released))

    def _close(self, *, record: bool, out: list[ParserEvent]) -> None:
        if record and not self._skip and self._open is not None:
            self._fields[self._open] = "".join(self._content).strip()
        self._open, self._content, self._trim, self._skip = None, [], None, False
        if all(tag in self._fields for tag in ADVICE_TAGS):
            self._advice_over(out)

    def _advice_over(self, out: list[ParserEvent]) -> None:
        if not self._advice_done:
            self._advice_done = True
            out.append(ADVICE_COMPLETE)


def _held_back(buffer: str, markers: tuple[str, ...]) -> int:
    """Length of the longest tail of ``buffer`` that is a proper prefix of a marker."""
    best = 0
    for marker in markers:
        for size in range(min(len(marker) - 1, len(buffer)), best, -1):
            if buffer.endswith(marker[:size]):
                best = size
                break
    return best
