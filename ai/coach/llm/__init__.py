"""The coach on a language model, whichever serves it: one engine over a small streaming-client
protocol, with Bedrock (`ai.coach.bedrock`) and OpenAI-compatible servers (`ai.coach.openai`) as
thin adapters that only speak their wire.

- `client`: what a model client is (`StreamingModel`) and what it is asked (`ModelRequest`);
  `events`, `errors`: what it yields and raises; `retry`: the retry policy before the first chunk.
- `prompt/`: the Korean prompt (the reading, the history, the rules, the answer format).
- `answer/`: the tagged answer, parsed while it streams, and its checks (advice, replies).
- `engine`, `generation`, `gate`: `ModelCoachEngine`: advice first, replies streamed, one repair.
- `partner_prompt`: the partner analysis.
"""
