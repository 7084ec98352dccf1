"""How Bedrock's failures map onto `ModelStreamError`.

Retried before the first chunk, as AWS documents them transient: throttling, an unavailable
service or model, an internal server error and a model stream error ("An internal server error
occurred. Retry your request." / "An error occurred while streaming the response. Retry your
request.": https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ResponseStream.html
and API_runtime_InvokeModelWithResponseStream.html; for 500s "retries with exponential backoff
and random jitter": https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html),
and any other 5xx. Not retried: a quota, access, a missing model, a validation error, a model
error or timeout (the same request would fail the same way, or take as long again).
"""

from __future__ import annotations

from botocore.exceptions import ClientError

from ai.coach.llm.errors import ModelErrorCode, ModelStreamError

# AWS error codes (rest-json responses use UpperCamel, exception events lowerCamel; compared
# case-insensitively) -> (our code, retried before the first chunk?).
_AWS_CODES: dict[str, tuple[ModelErrorCode, bool]] = {
    "throttlingexception": (ModelErrorCode.THROTTLED, True),
    "servicequotaexceededexception": (ModelErrorCode.THROTTLED, False),
    "serviceunavailableexception": (ModelErrorCode.UNAVAILABLE, True),
    # "The model is not ready to serve inference requests": documented as retryable.
    "modelnotreadyexception": (ModelErrorCode.UNAVAILABLE, True),
    "internalserverexception": (ModelErrorCode.UNAVAILABLE, True),
    "modelstreamerrorexception": (ModelErrorCode.MODEL_ERROR, True),
    "accessdeniedexception": (ModelErrorCode.UNAVAILABLE, False),
    "resourcenotfoundexception": (ModelErrorCode.UNAVAILABLE, False),
    "modeltimeoutexception": (ModelErrorCode.TIMEOUT, False),
    "modelerrorexception": (ModelErrorCode.MODEL_ERROR, False),
    "validationexception": (ModelErrorCode.MODEL_ERROR, False),
}


def from_client_error(exc: ClientError, *, after_first_chunk: bool) -> ModelStreamError:
    """Classify a botocore ClientError (an HTTP error response or an exception event)."""
    error = exc.response.get("Error", {})
    metadata = exc.response.get("ResponseMetadata", {})
    aws_code = str(error.get("Code") or "")
    status = metadata.get("HTTPStatusCode")
    known = _AWS_CODES.get(aws_code.lower())
    if known is not None:
        code, retryable = known
    elif status == 429:
        code, retryable = ModelErrorCode.THROTTLED, True
    elif isinstance(status, int) and status >= 500:
        code, retryable = ModelErrorCode.UNAVAILABLE, True
    else:
        code, retryable = ModelErrorCode.MODEL_ERROR, False
    return ModelStreamError(
        code,
        str(error.get("Message") or aws_code or "Bedrock returned an error"),
        after_first_chunk,
        retryable=retryable,
        provider_code=aws_code or None,
        request_id=metadata.get("RequestId"),
    )
