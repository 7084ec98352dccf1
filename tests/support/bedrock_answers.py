"""Model answers in the coach's tagged format, for tests that script the Bedrock stand-in."""

from __future__ import annotations

SAFE = "아직 계획 없어요! 지민 씨는요? 😊"
BALANCED = "비어 있어요 ㅎㅎ 요즘 보고 싶은 영화 있어요?"
BOLD = "토요일에 저랑 한강에서 러닝하고 치킨 먹을래요? 😊"


def answer(
    safe: str | None = SAFE,
    balanced: str | None = BALANCED,
    bold: str | None = BOLD,
    *,
    bold_confidence: str = "0.55",
) -> str:
    parts = [
        "<intent>주말 계획을 물으며 만나자고 돌려 말하는 것 같아요.</intent>\n",
        '<emotion>{"sentiment": "POSITIVE", "labels": [{"label": "설렘", "score": 0.8}, {"label": "기쁨", "score": 0.2}], "intensity": 0.7}</emotion>\n',
    ]
    for name, text, confidence in (("safe", safe, "0.82"), ("balanced", balanced, "0.7"), ("bold", bold, bold_confidence)):
        if text is None:
            continue
        parts.append(f"<{name}>{text}</{name}>\n<{name}_reason>{name} 이유를 한 문장으로 써요.</{name}_reason>\n")
        parts.append(f"<{name}_confidence>{confidence}</{name}_confidence>\n")
    return "".join(parts)


def pieces(text: str, size: int = 6) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]
