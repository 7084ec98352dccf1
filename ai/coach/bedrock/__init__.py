"""Claude on Amazon Bedrock: a `StreamingModel` for `ai.coach.llm.engine.ModelCoachEngine`.

- `client`: ``invoke_model_with_response_stream`` with the Anthropic Messages body.
- `messages`: that body (prompt caching on the stable prefix), and the streamed events read back.
- `errors`: AWS failures as `ModelStreamError`, retryable or not.
"""
