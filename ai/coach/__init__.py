"""The coach: three replies (SAFE, BALANCED, BOLD) with emotion and intent, from one of two
engines behind one interface.

- `types`: the one set of coach types every engine speaks (`CoachRequest`, `ReplyDelta`,
  `CoachResult`, `CoachError`, `PartnerProfile`, `ChatLine` …).
- `engine`: the `CoachEngine` protocol. `factory`: building an engine and an emotion analyser
  from plain settings values.
- `local/`: the offline engine (intent, reply composition, partner rules).
- `bedrock/`: Claude on Bedrock (client, prompts, the answer parser).
- `reply_timing`: how quickly the partner answers, for both engines' partner analyses.

"""
