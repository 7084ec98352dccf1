"""Claude on Amazon Bedrock: a streaming Converse client with our retry and timeout policy."""

from ai.bedrock.client import DEFAULT_MODEL_ID, BedrockConverseClient
from ai.bedrock.errors import BedrockErrorCode, BedrockStreamError
from ai.bedrock.events import StreamCompleted, StreamEvent, TextDelta

__all__ = [
    "DEFAULT_MODEL_ID",
    "BedrockConverseClient",
    "BedrockErrorCode",
    "BedrockStreamError",
    "StreamCompleted",
    "StreamEvent",
    "TextDelta",
]
