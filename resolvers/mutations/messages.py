from __future__ import annotations

from strawberry.types import Info

from datastore.stores import NewMessage
from graph.context import Context
from graph.enums import MessageKind
from graph.inputs import AddMessagesInput
from graph.payloads import AddMessagesPayload
from graph.types.chat_room import ChatRoom
from graph.types.message import Message
from graph.user_errors import UserErrorCode
from resolvers import input_limits as limits
from resolvers.validation import Problems
from services.errors import ServiceError


def _validated_messages(problems: Problems, input: AddMessagesInput) -> list[NewMessage]:
    if not input.messages:
        problems.add(["messages"], "at least one message is required", UserErrorCode.REQUIRED)
        return []
    if len(input.messages) > limits.MESSAGES_PER_CALL:
        problems.add(["messages"], f"at most {limits.MESSAGES_PER_CALL} messages per call", UserErrorCode.TOO_MANY)
        return []
    cleaned: list[NewMessage] = []
    for index, message in enumerate(input.messages):
        path = ["messages", str(index)]
        text = problems.text(
            [*path, "text"],
            message.text,
            max_length=limits.MESSAGE_TEXT,
            required=message.kind is MessageKind.TEXT,
            multiline=True,
        )
        sent_at = problems.instant(
            [*path, "sentAt"], message.sent_at, earliest=limits.EARLIEST_MESSAGE, future=limits.MESSAGE_CLOCK_SKEW
        )
        sender_name = problems.text([*path, "senderName"], message.sender_name, max_length=limits.SENDER_NAME)
        if not problems:
            cleaned.append(
                NewMessage(
                    sender=message.sender.value,
                    text=text or "",
                    sent_at=sent_at,
                    kind=message.kind.value,
                    sender_name=sender_name,
                )
            )
    return cleaned


async def add_messages(info: Info[Context, None], input: AddMessagesInput) -> AddMessagesPayload:
    """The conversation-history write: all given messages are stored, or none."""
    ctx = info.context
    problems = Problems()
    room_id = problems.node_id(["roomId"], input.room_id, "ChatRoom")
    messages = _validated_messages(problems, input)
    if not problems:
        try:
            room, stored = await ctx.services.messages.add(ctx.viewer_id, room_id, messages)
            ctx.loaders.chat_room.prime(room.id, room, force=True)
            return AddMessagesPayload(
                chat_room=ChatRoom.from_record(room), messages=[Message.from_record(m) for m in stored], user_errors=[]
            )
        except ServiceError as refused:
            problems.refused(refused)
    return AddMessagesPayload(chat_room=None, messages=[], user_errors=problems.errors)
