"""The Korean prompt, shared by every model engine.

- `system`: the stable prefix (the rules, the signals, the answer format), identical for every
  request so that it can be cached; the repair instruction.
- `build`: the request's part: who they are, the reading, the history, the user's words.
- `people`, `reading`, `conversation`: each section in Korean.
- `text`: masking and defusing user text, token estimates.

Every piece of user-provided text passes through `ai.privacy.mask_personal_data` first, and
anything in it shaped like one of our tags is defused (``<`` becomes ``‹``), so a pasted message
cannot close a section or forge an answer element. Names are not masked: a reply that calls the
partner by name needs it.
"""
