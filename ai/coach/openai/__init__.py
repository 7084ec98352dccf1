"""Any OpenAI-compatible chat-completions server (Ollama, vLLM, llama.cpp, LM Studio): a
`StreamingModel` for `ai.coach.llm.engine.ModelCoachEngine`, through the official ``openai`` SDK.

- `client`: the streamed chat completion; `errors`: the SDK's failures as `ModelStreamError`.
"""
