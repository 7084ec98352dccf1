"""Read the model's tagged answer while it streams, then check it.

The answer format (see `ai.coach.bedrock.prompt`) is a flat sequence of tagged elements::

    <intent>…</intent>
    <emotion>{"sentiment": "POSITIVE", "labels": [{"label": "설렘", "score": 0.7}], "intensity": 0.6}</emotion>
    <safe>reply text</safe><safe_reason>…</safe_reason><safe_confidence>0.85</safe_confidence>
    <balanced>…</balanced><balanced_reason>…</balanced_reason><balanced_confidence>…</balanced_confidence>
    <bold>…</bold><bold_reason>…</bold_reason><bold_confidence>…</bold_confidence>

`AnswerParser.feed(delta)` takes text in any split (a tag may be cut anywhere) and returns the
`ReplyDelta`s for reply text that is certain, at once: inside ``<safe>`` everything is released
except a tail that could still be the start of ``</safe>`` (or of a next tag, see below), and
except whitespace at the edges. So the deltas of one option concatenate to exactly its final
text, ``content.strip()``. Text outside elements is ignored, as are unknown elements.

Robustness: inside an element only its own closing tag ends it, so ``>_<`` or ``<3`` in a reply
is just text. An element left open when a known element opens (``<safe>…<safe_reason>``) is
closed there and noted as a warning (unambiguous, so not fatal); an element still open when the
stream ends and a repeated element are problems that `validate` reports.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ai.coach.bedrock.model_emotion import ModelEmotion, parse_model_emotion
from ai.coach.types import RISK_ORDER, ReplyDelta, ReplyOption, RiskLevel

MAX_REPLY_CHARS = 500

_REPLY_TAGS = {risk.value.lower(): risk for risk in RISK_ORDER}  # safe, balanced, bold
KNOWN_TAGS: tuple[str, ...] = (
    "intent",
    "emotion",
    *(f"{name}{suffix}" for name in _REPLY_TAGS for suffix in ("", "_reason", "_confidence")),
)
_OPEN = re.compile(r"<([A-Za-z_]{1,32})>")
_MAYBE_OPEN = re.compile(r"<[A-Za-z_]{0,32}")
_KNOWN_OPENINGS = tuple(f"<{tag}>" for tag in KNOWN_TAGS)


class OutputValidationError(ValueError):
    """The answer is unusable; ``problems`` says precisely why (in English, for the repair
    prompt and the logs; no reply text is quoted)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class ParsedAnswer:
    fields: dict[str, str]  # tag -> content, stripped
    problems: tuple[str, ...]  # fatal: reported by validate()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ValidAnswer:
    intent: str
    emotion: ModelEmotion | None
    replies: tuple[ReplyOption, ReplyOption, ReplyOption]
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
    _streamed: dict[RiskLevel, list[str]] = field(default_factory=dict)
    _problems: list[str] = field(default_factory=list)
    _warnings: list[str] = field(default_factory=list)
    _finished: bool = False

    def feed(self, delta: str) -> list[ReplyDelta]:
        if self._finished:
            raise RuntimeError("the parser has finished")
        self._buffer += delta
        out: list[ReplyDelta] = []
        while self._buffer:
            if self._open is None:
                if not self._outside():
                    break
            elif not self._inside(out):
                break
        return out

    def streamed(self, risk: RiskLevel) -> str:
        """The text released so far for one option."""
        return "".join(self._streamed.get(risk, ()))

    def finish(self) -> ParsedAnswer:
        if not self._finished:
            self._finished = True
            if self._open is not None:
                self._problems.append(f"<{self._open}> was not closed (the answer was cut off)")
                self._close(record=True)
        return ParsedAnswer(dict(self._fields), tuple(self._problems), tuple(self._warnings))

    # states

    def _outside(self) -> bool:
        """Look for an opening tag; False when more input is needed."""
        start = self._buffer.find("<")
        if start < 0:
            self._buffer = ""
            return False
        buffer = self._buffer = self._buffer[start:]
        match = _OPEN.match(buffer)
        if match is not None:
            self._buffer = buffer[match.end() :]
            self._begin(match.group(1).lower())
            return True
        if _MAYBE_OPEN.fullmatch(buffer):
            return False  # "<saf": wait for the rest
        self._buffer = buffer[1:]
        return True

    def _begin(self, tag: str) -> None:
        self._open = tag
        self._content = []
        self._skip = tag in self._fields
        if self._skip and tag in KNOWN_TAGS:
            self._problems.append(f"<{tag}> appears more than once")
        self._trim = _Trim() if tag in _REPLY_TAGS and not self._skip else None

    def _inside(self, out: list[ReplyDelta]) -> bool:
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
            implicit = after == end
            if implicit and self._open in KNOWN_TAGS:  # an unknown wrapper (<answer>) may enclose ours
                self._warnings.append(f"<{self._open}> was not closed before the next element")
            self._buffer = buffer[after:]
            self._close(record=True)
            return True
        hold = _held_back(buffer, (close, *_KNOWN_OPENINGS))
        self._take(buffer[: len(buffer) - hold], out)
        self._buffer = buffer[len(buffer) - hold :]
        return False

    def _take(self, text: str, out: list[ReplyDelta]) -> None:
        if not text or self._skip:
            return
        self._content.append(text)
        if self._trim is not None:
            released = self._trim.push(text)
            if released:
                risk = _REPLY_TAGS[self._open or ""]
                self._streamed.setdefault(risk, []).append(released)
                out.append(ReplyDelta(risk, released))

    def _close(self, *, record: bool) -> None:
        if record and not self._skip and self._open is not None:
            self._fields[self._open] = "".join(self._content).strip()
        self._open, self._content, self._trim, self._skip = None, [], None, False


def _held_back(buffer: str, markers: tuple[str, ...]) -> int:
    """Length of the longest tail of ``buffer`` that is a proper prefix of a marker."""
    best = 0
    for marker in markers:
        for size in range(min(len(marker) - 1, len(buffer)), best, -1):
            if buffer.endswith(marker[:size]):
                best = size
                break
    return best


# --- validation ------------------------------------------------------------------------------


def validate(parsed: ParsedAnswer) -> ValidAnswer:
    """The answer as `ReplyOption`s, or `OutputValidationError` listing every problem."""
    problems = list(parsed.problems)
    fields = parsed.fields
    warnings = list(parsed.warnings)

    intent = fields.get("intent")
    if intent is None:
        problems.append("<intent> is missing")
    elif not intent:
        problems.append("<intent> is empty")

    replies: list[ReplyOption] = []
    for name, risk in _REPLY_TAGS.items():
        text = fields.get(name)
        reason = fields.get(f"{name}_reason")
        raw_confidence = fields.get(f"{name}_confidence")
        if text is None:
            problems.append(f"<{name}> is missing")
        elif not text:
            problems.append(f"<{name}> is empty")
        elif len(text) > MAX_REPLY_CHARS:
            problems.append(f"<{name}> is {len(text)} characters long; a chat reply must stay under {MAX_REPLY_CHARS}")
        if reason is None:
            problems.append(f"<{name}_reason> is missing")
        elif not reason:
            problems.append(f"<{name}_reason> is empty")
        confidence = _confidence(name, raw_confidence, problems)
        if text and reason and confidence is not None:
            replies.append(ReplyOption(risk, text, reason, confidence))

    if len(replies) == 3:
        names = [risk.value.lower() for risk in RISK_ORDER]
        for i in range(3):
            for j in range(i + 1, 3):
                if replies[i].text == replies[j].text:
                    problems.append(f"<{names[i]}> and <{names[j]}> are the same reply; the three options must differ")

    if problems:
        raise OutputValidationError(problems)

    emotion: ModelEmotion | None = None
    raw_emotion = fields.get("emotion")
    if raw_emotion:
        emotion = parse_model_emotion(raw_emotion)
        if emotion is None:
            warnings.append("<emotion> is not the JSON asked for; ignored")
    assert intent is not None
    return ValidAnswer(intent, emotion, (replies[0], replies[1], replies[2]), tuple(warnings))


def _confidence(name: str, raw: str | None, problems: list[str]) -> float | None:
    tag = f"<{name}_confidence>"
    if raw is None:
        problems.append(f"{tag} is missing")
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        problems.append(f"{tag} must be a number between 0 and 1, got something else")
        return None
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        problems.append(f"{tag} must be between 0 and 1, got {value}")
        return None
    return value
