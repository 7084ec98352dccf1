from __future__ import annotations

from strawberry.types import Info

from ai.speech_codec import style_to_json
from graph.context import Context
from graph.inputs import AnalyzeSpeechInput
from graph.payloads import AnalyzeSpeechPayload
from graph.speech import SpeechStyle
from graph.types import User
from graph.user_errors import UserErrorCode
from loveq.speech import measure, side_texts, store_user_style
from resolvers import limits
from resolvers.validation import Problems


async def analyze_speech(info: Info[Context, None], input: AnalyzeSpeechInput) -> AnalyzeSpeechPayload:
    """Measures the user's own texting style and stores it on the user (`User.speechStyle`)."""
    ctx = info.context
    problems = Problems()
    texts: list[str] = []
    if input.texts is not None:
        if len(input.texts) > limits.SPEECH_TEXTS:
            problems.add(["texts"], f"at most {limits.SPEECH_TEXTS} texts", UserErrorCode.TOO_MANY)
        else:
            for index, text in enumerate(input.texts):
                cleaned = problems.text(["texts", str(index)], text, max_length=limits.MESSAGE_TEXT, multiline=True)
                if cleaned:
                    texts.append(cleaned)
    room_id = problems.node_id(["roomId"], input.room_id, "ChatRoom") if input.room_id is not None else None
    if input.texts is None and input.room_id is None:
        problems.add(["texts"], "give texts or a roomId", UserErrorCode.REQUIRED)
    if problems:
        return AnalyzeSpeechPayload(speech_style=None, user=None, user_errors=problems.errors)
    if input.texts is None:
        rooms = await ctx.services.db.read(lambda uow: uow.chat_rooms.get_many([room_id]), owner=ctx.viewer_id)
        if not rooms:
            problems.not_found(["roomId"], "chat room")
            return AnalyzeSpeechPayload(speech_style=None, user=None, user_errors=problems.errors)
        texts = await side_texts(ctx.services.db, ctx.viewer_id, [room_id], "ME")
    if not texts:
        field = "texts" if input.texts is not None else "roomId"
        problems.add([field], "there are no messages of yours to measure", UserErrorCode.EMPTY)
        return AnalyzeSpeechPayload(speech_style=None, user=None, user_errors=problems.errors)
    style = await measure(texts)
    user = await store_user_style(ctx.services.db, ctx.viewer_id, style)
    if user is None:  # the account went away meanwhile
        await ctx.services.recreate_user(ctx.principal)
        user = await store_user_style(ctx.services.db, ctx.viewer_id, style)
    ctx.loaders.user.prime(user.id, user, force=True)
    return AnalyzeSpeechPayload(
        speech_style=SpeechStyle.from_json(style_to_json(style)), user=User.from_record(user), user_errors=[]
    )
