"""The local engine: offline, deterministic intent detection and reply composition for Korean
dating chats, on top of the lexicon's emotion reading (`ai.emotion.local_analyzer`).

    emotion = analyze_emotion(text)
    intent = detect_intent(text, sent_at=..., emotion=emotion, previous_mine=...)
    replies = compose_replies(ReplyContext(message=text, intent=intent, emotion=emotion, ...))

- `local_engine`: all of it behind the `CoachEngine` interface. `partner_rules`: a
  `PartnerInsight` by rules.
- `readings`: intents and message details. `intent`, `interpret`, `details`: reading them.
- `context`: what the composer is given and the decisions before any wording (stage, speech
  level, the user's goals). `replies`: the composer. `scenes`, `slots`, `templates*`: choosing
  and filling reply fragments. `style_mirror`, `expressive`: mirroring how both people text.
"""
