"""The model clients' one error type.

Messages carry the provider's own wording and codes, never prompt or reply text; callers may
log ``code``, ``provider_code`` and ``after_first_chunk`` freely.
"""

from __future__ import annotations

import enum


class ModelErrorCode(enum.StrEnum):
    THROTTLED = "THROTTLED"
    TIMEOUT = "TIMEOUT"
    MODEL_ERROR = "MODEL_ERROR"
    UNAVAILABLE = "UNAVAILABLE"
    INVALID_RESPONSE = "INVALID_RESPONSE"  # a stream that cannot be read


class ModelStreamError(Exception):
    """A generation that did not complete.

    ``after_first_chunk`` says whether text had already been yielded (and so may have reached
    the user): such a failure is never retried. ``retryable`` marks the failures the retry
    policy retries when they happen before the first chunk.
    """

    def __init__(
        self,
        code: ModelErrorCode | str,
        message: str,
        after_first_chunk: bool = False,
        *,
        retryable: bool = False,
        provider_code: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = ModelErrorCode(code)
        self.message = message
        self.after_first_chunk = after_first_chunk
        self.retryable = retryable and not after_first_chunk
        self.provider_code = provider_code
        self.request_id = request_id

    def __str__(self) -> str:
        where = "after the first chunk" if self.after_first_chunk else "before the first chunk"
        provider = f" [{self.provider_code}]" if self.provider_code else ""
        return f"{self.code.value}{provider} {where}: {self.message}"
