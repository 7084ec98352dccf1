"""How the ``openai`` SDK's failures map onto `ModelStreamError`.

Retried before the first chunk: 429 (the server is busy or rate-limits us), any 5xx, and a
connection that failed or broke (nothing was generated for us, or nothing reached the user).
Not retried: other 4xx (a wrong model name, a bad key, a request the server refuses: the same
request would fail the same way), a timeout (it would take as long again), and an error the
server streamed in place of a chunk.
"""

from __future__ import annotations

import openai

from ai.coach.llm.errors import ModelErrorCode, ModelStreamError


def from_openai_error(exc: openai.OpenAIError, *, after_first_chunk: bool) -> ModelStreamError:
    if isinstance(exc, openai.APITimeoutError):
        return ModelStreamError(ModelErrorCode.TIMEOUT, "the server did not answer in time", after_first_chunk)
    if isinstance(exc, openai.APIConnectionError):
        return ModelStreamError(
            ModelErrorCode.UNAVAILABLE, "connection failed or broke", after_first_chunk, retryable=True,
            provider_code=type(exc.__cause__).__name__ if exc.__cause__ else None,
        )
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        request_id = exc.request_id
        if status == 429:
            return ModelStreamError(
                ModelErrorCode.THROTTLED, "rate limited (HTTP 429)", after_first_chunk, retryable=True,
                provider_code="429", request_id=request_id,
            )
        if status >= 500:
            return ModelStreamError(
                ModelErrorCode.UNAVAILABLE, f"server error (HTTP {status})", after_first_chunk, retryable=True,
                provider_code=str(status), request_id=request_id,
            )
        code = ModelErrorCode.UNAVAILABLE if status in (401, 403, 404) else ModelErrorCode.MODEL_ERROR
        return ModelStreamError(code, f"refused (HTTP {status})", after_first_chunk, provider_code=str(status))
    return ModelStreamError(ModelErrorCode.MODEL_ERROR, f"the server reported an error ({type(exc).__name__})", after_first_chunk)
