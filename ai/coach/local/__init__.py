"""The local engine: an offline, deterministic coach for Korean dating chats.

It reads the situation with `ai.coach.reading` (signals, timing, the user's wish, the register),
advises from that reading, and composes the three replies here:

- `compose`: the lead signal picks a scene. `scenes_care` (crisis, grief, distress, a fight),
  `scenes_no` (a no, an ex, 읽씹 and 단답), `scenes_yes` (an invitation, affection, good news,
  an apology, thanks), `scenes_talk` (a question, small talk, a late-night message) with `jokes`.
- `voice`: the register, how the user calls the partner, deterministic phrasing choices.
- `facts`: the sendable sentences of the user's `situation`. `drafts`, `details`: what a scene
  draws on from the partner's message.
- `local_engine`: all of it behind the `CoachEngine` interface. `partner_rules`: a
  `PartnerInsight` by rules.
"""
