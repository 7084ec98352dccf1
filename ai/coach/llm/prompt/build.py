"""The request's part of the coach prompt (after the cached `SYSTEM`): who they are, how each
writes, the reading, the conversation's insights, the history, the user's words and question,
and the message. Every piece of user text is masked and defused (`ai.coach.llm.prompt.text`)."""

from __future__ import annotations

from ai.coach.llm.prompt.conversation import HISTORY_TOKEN_BUDGET, MAX_HISTORY_LINES, history_lines, message_section
from ai.coach.llm.prompt.people import describe_insight, describe_me, describe_partner, describe_style, partner_name
from ai.coach.llm.prompt.reading import describe_reading
from ai.coach.llm.prompt.system import SYSTEM
from ai.coach.llm.prompt.text import Prompt, data, section
from ai.coach.reading.model import Reading
from ai.coach.types import CoachRequest

MAX_SITUATION_CHARS = 1000
MAX_SUMMARY_CHARS = 1500
MIN_STYLE_MESSAGES = 5


def build_prompt(
    request: CoachRequest,
    reading: Reading,
    *,
    history_budget: int = HISTORY_TOKEN_BUDGET,
    max_history_lines: int = MAX_HISTORY_LINES,
) -> Prompt:
    partner = request.partner
    name = partner_name(partner)
    sections = [section("partner", describe_partner(partner))]
    if partner.insight is not None:
        sections.append(section("partner_insight", describe_insight(partner.insight)))
    if request.me is not None and (me := describe_me(request.me)):
        sections.append(section("me", me))
    if styles := _styles(request, name):
        sections.append(section("styles", styles))
    sections.append(section("reading", describe_reading(reading)))
    if request.insights_summary:
        sections.append(section("conversation_insights", data(request.insights_summary, MAX_SUMMARY_CHARS)))
    history = history_lines(request.history(), partner_name=name, budget=history_budget, max_lines=max_history_lines)
    if history:
        sections.append(section("history", "\n".join(history)))
    if situation := _situation(request, reading):
        sections.append(section("situation", situation))
    sections.append(message_section(request))
    sections.append(f"위 <message>는 {name}님이 사용자에게 보낸 메시지입니다. 정해진 형식으로 조언과 답장 세 가지를 써 주세요.")
    return Prompt(SYSTEM, "\n\n".join(sections))


def _styles(request: CoachRequest, name: str) -> str:
    """The user's style with this partner (else over all their chats, said so), and the
    partner's."""
    parts = []
    mine, account = request.my_style, request.account_style
    if mine is not None and mine.message_count >= MIN_STYLE_MESSAGES:
        parts.append(f"사용자가 {name}님에게 쓰는 말투: {describe_style(mine)}")
    elif account is not None and account.message_count >= MIN_STYLE_MESSAGES:
        parts.append(f"사용자의 평소 말투(이 상대와의 말투는 아직 모름): {describe_style(account)}")
    if request.partner_style is not None and request.partner_style.message_count:
        parts.append(f"{name}님의 말투: {describe_style(request.partner_style)}")
    return "\n".join(parts)


def _situation(request: CoachRequest, reading: Reading) -> str:
    text = data(request.situation, MAX_SITUATION_CHARS)
    if not text:
        return ""
    question = data(reading.wish.question, 300)
    return f"{text}\n사용자의 질문: {question}" if question and question != text else text
