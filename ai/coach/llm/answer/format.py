"""The answer format: a flat sequence of tagged elements, the advice first, then the replies,
then the emotion reading::

    <summary>…</summary><signals>DECLINE,QUESTION</signals><timing>NOW</timing>
    <recommendation>…</recommendation><cautions>one per line</cautions>
    <safe>reply</safe><safe_why>…</safe_why><safe_conf>0.8</safe_conf>
    <balanced>…</balanced><balanced_why>…</balanced_why><balanced_conf>…</balanced_conf>
    <bold>…</bold><bold_why>…</bold_why><bold_conf>…</bold_conf>
    <emotion>{"sentiment":"POSITIVE","intensity":0.6,"labels":{"설렘":0.8}}</emotion>

Why tags rather than JSON: reply text streams inside ``<safe>…</safe>`` verbatim, with no
escaping to undo while it arrives (a JSON string can end a delta in the middle of ``\\u`` or
``\\"``, and models often leave Korean quotation marks unescaped); the only sequence a reply
cannot contain is its own closing tag; and models keep XML-style layouts reliably. The advice
comes first so that it reaches the user before any reply; the emotion reading comes last, as
nothing waits for it. Names are short because every tag is paid for as output tokens.
"""

from __future__ import annotations

from ai.coach.types import RISK_ORDER, RiskLevel

ADVICE_TAGS: tuple[str, ...] = ("summary", "signals", "timing", "recommendation", "cautions")
REPLY_TAGS: dict[str, RiskLevel] = {risk.value.lower(): risk for risk in RISK_ORDER}  # safe, balanced, bold
WHY, CONF = "_why", "_conf"
EMOTION_TAG = "emotion"
KNOWN_TAGS: tuple[str, ...] = (
    *ADVICE_TAGS,
    *(f"{name}{suffix}" for name in REPLY_TAGS for suffix in ("", WHY, CONF)),
    EMOTION_TAG,
)
