"""The Bedrock client's one error type, and how AWS failures map onto it.

Error messages carry AWS's own wording and codes, never prompt or reply text; callers may log
``code``, ``aws_code`` and ``after_first_chunk`` freely.
"""

from __future__ import annotations

import enum

from botocore.exceptions import ClientError


class BedrockErrorCode(enum.StrEnum):
    THROTTLED = "THROTTLED"
    TIMEOUT = "TIMEOUT"
    MODEL_ERROR = "MODEL_ERROR"
    UNAVAILABLE = "UNAVAILABLE"
    INVALID_RESPONSE = "INVALID_RESPONSE"


class BedrockStreamError(Exception):
    """A generation that did not complete.

    ``after_first_chunk`` says whether text had already been yielded (and so may have reached
    the user): such a failure is never retried. ``retryable`` marks the failures our policy
    retries when they happen before the first chunk.
    """

    def __init__(
        self,
        code: BedrockErrorCode | str,
        message: str,
        after_first_chunk: bool = False,
        *,
        retryable: bool = False,
        aws_code: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = BedrockErrorCode(code)
        self.message = message
        self.after_first_chunk = after_first_chunk
        self.retryable = retryable
        self.aws_code = aws_code
        self.request_id = request_id

    def __str__(self) -> str:
        where = "after the first chunk" if self.after_first_chunk else "before the first chunk"
        aws = f" [{self.aws_code}]" if self.aws_code else ""
        return f"{self.code.value}{aws} {where}: {self.message}"


# AWS error codes (rest-json responses use UpperCamel, exception events lowerCamel; we compare
# case-insensitively) -> (our code, retried before the first chunk?).
_AWS_CODES: dict[str, tuple[BedrockErrorCode, bool]] = {
    "throttlingexception": (BedrockErrorCode.THROTTLED, True),
    "servicequotaexceededexception": (BedrockErrorCode.THROTTLED, False),
    "serviceunavailableexception": (BedrockErrorCode.UNAVAILABLE, True),
    # "The model is not ready to serve inference requests": AWS documents it as retryable.
    "modelnotreadyexception": (BedrockErrorCode.UNAVAILABLE, True),
    "internalserverexception": (BedrockErrorCode.UNAVAILABLE, False),
    "accessdeniedexception": (BedrockErrorCode.UNAVAILABLE, False),
    "resourcenotfoundexception": (BedrockErrorCode.UNAVAILABLE, False),
    "modeltimeoutexception": (BedrockErrorCode.TIMEOUT, False),
    "modelerrorexception": (BedrockErrorCode.MODEL_ERROR, False),
    "modelstreamerrorexception": (BedrockErrorCode.MODEL_ERROR, False),
    "validationexception": (BedrockErrorCode.MODEL_ERROR, False),
}


def from_client_error(exc: ClientError, *, after_first_chunk: bool) -> BedrockStreamError:
    """Classify a botocore ClientError (an HTTP error response or an exception event)."""
    error = exc.response.get("Error", {})
    metadata = exc.response.get("ResponseMetadata", {})
    aws_code = str(error.get("Code") or "")
    status = metadata.get("HTTPStatusCode")
    known = _AWS_CODES.get(aws_code.lower())
    if known is not None:
        code, retryable = known
    elif status == 429:
        code, retryable = BedrockErrorCode.THROTTLED, True
    elif status == 503:
        code, retryable = BedrockErrorCode.UNAVAILABLE, True
    elif isinstance(status, int) and status >= 500:
        code, retryable = BedrockErrorCode.UNAVAILABLE, False
    else:
        code, retryable = BedrockErrorCode.MODEL_ERROR, False
    return BedrockStreamError(
        code,
        str(error.get("Message") or aws_code or "Bedrock returned an error"),
        after_first_chunk,
        retryable=retryable and not after_first_chunk,
        aws_code=aws_code or None,
        request_id=metadata.get("RequestId"),
    )
