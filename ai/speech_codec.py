"""SpeechStyle <-> JSON, the form it is stored in (a TEXT column, for DSQL)."""

from __future__ import annotations

import json
from dataclasses import asdict, fields

from ai.korean.speech_style import Formality, SpeechStyle


def style_to_json(style: SpeechStyle) -> str:
    data = asdict(style)
    data["formality"] = style.formality.value
    return json.dumps(data, ensure_ascii=False)


def style_from_json(text: str) -> SpeechStyle:
    data = json.loads(text)
    known = {f.name for f in fields(SpeechStyle)}
    values = {name: value for name, value in data.items() if name in known}
    values["formality"] = Formality(values["formality"])
    for name in ("examples", "frequent_expressions", "frequent_emoji"):
        values[name] = tuple(values.get(name, ()))
    return SpeechStyle(**values)
