"""The Korean toolkit every part of the AI layer uses.

- `kiwi`: the one Kiwi analyser of the process and the one thread it runs on (the threading
  policy for Kiwi is documented there, once).
- `morph`: morphemes, lemmas and clauses of a message; speech-level features of many messages.
- `endings`: speech level (합쇼체 / 해요체 / 반말) and questions from sentence-final morphemes.
- `politeness`: 존댓말 or 반말 by a majority of sentence endings.
- `signals`: cheap character-level signs (emoji, emoticons, laughter, crying, media placeholders).
- `particles`: particles that agree with the word before them. `names`: given names, vocatives.
- `style_rules`: the tone label, representative examples and frequent expressions.
- `speech_style`: a person's texting style, measured from their messages.
"""
