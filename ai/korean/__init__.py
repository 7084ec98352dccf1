"""Korean text analysis shared by the AI layer.

- `signals`: cheap character-level signs (emoji, emoticons, laughter, crying, media placeholders).
- `endings`: speech level (합쇼체 / 해요체 / 반말) and questions from sentence-final morphemes.
- `morph`: the one shared Kiwi analyser and per-text morphological features.
- `style_rules`: the tone label, representative examples and frequent expressions.

`get_kiwi` is re-exported so every part of the process shares one loaded model.
"""

from ai.korean.morph import get_kiwi

__all__ = ["get_kiwi"]
