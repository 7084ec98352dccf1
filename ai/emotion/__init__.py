"""Emotion analysis, in one place.

- `types`: `Sentiment`, `EmotionLabel`, `SentimentScores`, `EmotionResult` — what every analyser
  returns and the coach stores.
- `analyzer`: the `EmotionAnalyzer` protocol the Bedrock engine is given.
- `lexicon`: our Korean emotion lexicon for dating chats (entries, surface patterns, dry replies).
- `local_analyzer`: reading a message with the lexicon, offline, and `LocalEmotionAnalyzer`.
- `comprehend`: Amazon Comprehend's sentiment and key phrases combined with the lexicon.
"""
