from __future__ import annotations

from strawberry.types import Info

from graph.context import Context
from graph.errors import Unauthenticated
from graph.inputs import AnalyzeSpeechInput
from graph.payloads import AnalyzeSpeechPayload
from graph.types.speech import SpeechStyle
from graph.types.user import User
from graph.user_errors import UserErrorCode
from resolvers import input_limits as limits
from resolvers.validation import Problems
from services.errors import AccountDeleted, ServiceError


def _texts(problems: Problems, texts: list[str]) -> list[str]:
    if len(texts) > limits.SPEECH_TEXTS:
        problems.add(["texts"], f"at most {limits.SPEECH_TEXTS} texts", UserErrorCode.TOO_MANY)
        return []
    cleaned = [problems.text(["texts", str(i)], text, max_length=limits.MESSAGE_TEXT, multiline=True) for i, text in enumerate(texts)]
    return [text for text in cleaned if text]


async def analyze_speech(info: Info[Context, None], input: AnalyzeSpeechInput) -> AnalyzeSpeechPayload:
    """Measures the user's own texting style and stores it on the user (`User.speechStyle`)."""
    ctx = info.context
    problems = Problems()
    texts = _texts(problems, input.texts) if input.texts is not None else None
    room_id = problems.node_id(["roomId"], input.room_id, "ChatRoom") if input.room_id is not None else None
    if input.texts is None and input.room_id is None:
        problems.add(["texts"], "give texts or a roomId", UserErrorCode.REQUIRED)
    if not problems:
        try:
            style, user = await ctx.services.speech.analyze_mine(ctx.viewer, texts=texts, room_id=room_id)
            ctx.loaders.user.prime(user.id, user, force=True)
            return AnalyzeSpeechPayload(
                speech_style=SpeechStyle.from_model(style), user=User.from_record(user), user_errors=[]
            )
        except ServiceError as refused:
            problems.refused(refused)
        except AccountDeleted:  # deleted since this operation was let in
            raise Unauthenticated.account_deleted() from None
    return AnalyzeSpeechPayload(speech_style=None, user=None, user_errors=problems.errors)
