"""Model answers in the coach's tagged format (`ai.coach.llm.answer.format`), for tests that
script the model stand-ins."""

from __future__ import annotations

SUMMARY = "주말 계획을 물으며 만나자고 돌려 말하는 것 같아요."
RECOMMENDATION = "비어 있다고 답하고, 가고 싶은 곳을 하나 구체적으로 말해 보세요."
CAUTIONS = ("너무 길게 답하지 마세요.",)
SAFE = "아직 계획 없어요! 지민 씨는요? 😊"
BALANCED = "비어 있어요 ㅎㅎ 요즘 보고 싶은 영화 있어요?"
BOLD = "토요일에 저랑 한강에서 러닝하고 치킨 먹을래요? 😊"
EMOTION = '{"sentiment":"POSITIVE","intensity":0.7,"labels":{"설렘":0.8,"기쁨":0.2}}'


def advice_block(
    *,
    summary: str | None = SUMMARY,
    signals: str | None = "INVITATION,QUESTION",
    timing: str | None = "NOW",
    recommendation: str | None = RECOMMENDATION,
    cautions: tuple[str, ...] | None = CAUTIONS,
) -> str:
    parts = []
    for tag, value in (("summary", summary), ("signals", signals), ("timing", timing), ("recommendation", recommendation)):
        if value is not None:
            parts.append(f"<{tag}>{value}</{tag}>\n")
    if cautions is not None:
        parts.append("<cautions>" + "\n".join(cautions) + "</cautions>\n")
    return "".join(parts)


def replies_block(
    safe: str | None = SAFE, balanced: str | None = BALANCED, bold: str | None = BOLD, *, bold_conf: str = "0.55"
) -> str:
    parts = []
    for name, text, confidence in (("safe", safe, "0.82"), ("balanced", balanced, "0.7"), ("bold", bold, bold_conf)):
        if text is None:
            continue
        parts.append(f"<{name}>{text}</{name}><{name}_why>{name} 이유를 한 문장으로 써요.</{name}_why>")
        parts.append(f"<{name}_conf>{confidence}</{name}_conf>\n")
    return "".join(parts)


def answer(
    safe: str | None = SAFE,
    balanced: str | None = BALANCED,
    bold: str | None = BOLD,
    *,
    bold_conf: str = "0.55",
    emotion: str | None = EMOTION,
    **advice: object,
) -> str:
    tail = f"<emotion>{emotion}</emotion>" if emotion is not None else ""
    return advice_block(**advice) + replies_block(safe, balanced, bold, bold_conf=bold_conf) + tail  # type: ignore[arg-type]


def pieces(text: str, size: int = 6) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]
