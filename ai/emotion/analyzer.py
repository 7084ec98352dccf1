"""The one interface every emotion analyser implements, so the Bedrock engine never knows which
it has: `ai.emotion.local_analyzer.LocalEmotionAnalyzer` (our lexicon and the morphological
analyser, offline) or `ai.emotion.comprehend.ComprehendAnalyzer` (Amazon Comprehend's sentiment
and key phrases combined with the lexicon's domain labels)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ai.emotion.types import EmotionResult


@runtime_checkable
class EmotionAnalyzer(Protocol):
    name: str

    async def analyze(self, text: str) -> EmotionResult: ...

    async def warm_up(self) -> None:
        """Load the morphological analyser now rather than in the first request."""
        ...

    async def aclose(self) -> None: ...
