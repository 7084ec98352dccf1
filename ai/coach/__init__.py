"""The coach: advice first, then three replies (SAFE, BALANCED, BOLD) with emotion and intent,
from one of three engines behind one interface.

- `types`: the one set of coach types every engine speaks (`CoachRequest`, `ReplyDelta`,
  `CoachResult`, `CoachError`, `PartnerProfile`, `ChatLine` …).
- `engine`: the `CoachEngine` protocol. `factory`: building an engine and an emotion analyser
  from plain settings values.
- `reading/`: the situation read before any reply (signals, timing, register), for every engine.
- `local/`: the offline engine (intent, reply composition, partner rules).
- `llm/`: the engine on a language model (prompt, answer parser and checks, repair), over a
  small streaming-client protocol; `bedrock/` (Claude through the Anthropic Messages API on
  Bedrock) and `openai/` (any OpenAI-compatible server) are its clients.
- `reply_timing`: how quickly the partner answers, for the engines' partner analyses.

"""
