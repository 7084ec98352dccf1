"""Korean sentiment and key phrases from Amazon Comprehend, with our lexicon's domain emotions.

``analyze(text)``:

1. masks personal data (`ai.privacy`) and cuts the result to 5,000 bytes of UTF-8 on a
   character boundary (DetectSentiment's limit; the same text goes to DetectKeyPhrases, whose
   limit is larger, so both calls see one text);
2. calls DetectSentiment and DetectKeyPhrases concurrently (``LanguageCode="ko"``), while the
   lexicon reads the original text locally, on the Kiwi thread (nothing of it leaves the
   process);
3. combines them into ``EmotionResult(source="comprehend+lexicon")``: sentiment and its four
   scores from Comprehend; the domain labels (설렘, 서운함 …) from the lexicon; key phrases
   Comprehend's first (without masked spans), then the lexicon's, at most ``MAX_KEY_PHRASES``;
   intensity the lexicon's, averaged with Comprehend's confidence in a non-neutral sentiment
   when it has one (a strongly positive or negative message reads as more intense).

When Comprehend fails (throttled past botocore's retries, unreachable, timed out, an error
answer), the lexicon's own result is returned with ``source="lexicon"`` and a warning is logged
with the error code only: the emotion is secondary to the replies, and the stored source tells
the truth about where it came from.

Why bytes, not characters (`truncate_utf8`): Korean syllables take three bytes of UTF-8 (5,000
bytes hold 1,666 of them), emoji four, ASCII one, so a character count says little about the
size. The encoded bytes are cut and a trailing partial character dropped; a zero-width joiner
left dangling at the end (the cut fell inside a sequence such as 👩‍❤️‍👨) is dropped too, so the
text never ends in a joiner that joins nothing.

One aiobotocore client (one connection pool) serves every call until ``aclose()``.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import aioboto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from ai.emotion.local_analyzer import analyze_emotion, warm_up_local_analysis
from ai.emotion.types import EmotionResult, Sentiment, SentimentScores
from ai.korean.kiwi import run_on_kiwi_thread
from ai.privacy import PLACEHOLDERS, mask_personal_data

log = logging.getLogger(__name__)

DETECT_SENTIMENT_MAX_BYTES = 5000
MAX_KEY_PHRASES = 6
MIN_PHRASE_SCORE = 0.5
_PLACEHOLDER_WORDS = tuple(p.strip("[]") for p in PLACEHOLDERS)
_ZWJ = "\u200d"


@dataclass(frozen=True, slots=True)
class ComprehendReading:
    sentiment: Sentiment
    scores: SentimentScores
    key_phrases: tuple[str, ...]


class ComprehendAnalyzer:
    name = "comprehend"

    def __init__(
        self,
        session: aioboto3.Session,
        region: str,
        endpoint_url: str | None = None,
        *,
        language_code: str = "ko",
        connect_timeout: float = 3.0,
        read_timeout: float = 10.0,
        max_attempts: int = 3,
        max_bytes: int = DETECT_SENTIMENT_MAX_BYTES,
    ) -> None:
        self._session = session
        self._region = region
        self._endpoint_url = endpoint_url
        self._language = language_code
        self._max_bytes = max_bytes
        self._config = Config(
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            # Comprehend answers in one response, so botocore's standard retries (throttling
            # and transient errors, with backoff) are the right policy here.
            retries={"mode": "standard", "total_max_attempts": max_attempts},
        )
        self._client_context: Any = None
        self._client: Any = None
        self._lock = asyncio.Lock()

    async def _get_client(self) -> Any:
        if self._client is None:
            async with self._lock:
                if self._client is None:
                    context = self._session.client(
                        "comprehend", region_name=self._region, endpoint_url=self._endpoint_url, config=self._config
                    )
                    self._client = await context.__aenter__()
                    self._client_context = context
        return self._client

    async def warm_up(self) -> None:
        """Load the lexicon's morphological analyser (the AWS client is made on first use)."""
        await warm_up_local_analysis()

    async def aclose(self) -> None:
        async with self._lock:
            context, self._client_context, self._client = self._client_context, None, None
            if context is not None:
                await context.__aexit__(None, None, None)

    async def __aenter__(self) -> ComprehendAnalyzer:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    def prepare(self, text: str) -> str:
        """The text exactly as it is sent: masked, then cut to the byte limit."""
        return truncate_utf8(mask_personal_data(text), self._max_bytes)

    async def detect(self, text: str) -> ComprehendReading:
        """Comprehend alone, on the prepared text. Raises botocore errors."""
        payload = self.prepare(text)
        if not payload.strip():
            return ComprehendReading(Sentiment.NEUTRAL, _neutral_scores(), ())
        client = await self._get_client()
        # Both calls always finish (or are cancelled together) before we return, so a failure
        # of one never leaves the other running on a client that may be closed next.
        sentiment, phrases = await asyncio.gather(
            client.detect_sentiment(Text=payload, LanguageCode=self._language),
            client.detect_key_phrases(Text=payload, LanguageCode=self._language),
            return_exceptions=True,
        )
        for outcome in (sentiment, phrases):
            if isinstance(outcome, BaseException):
                raise outcome
        return ComprehendReading(
            sentiment=Sentiment(str(sentiment["Sentiment"]).upper()),
            scores=_scores(sentiment.get("SentimentScore") or {}),
            key_phrases=_phrases(phrases.get("KeyPhrases") or [], payload),
        )

    async def analyze(self, text: str) -> EmotionResult:
        lexicon_task = asyncio.ensure_future(run_on_kiwi_thread(analyze_emotion, text))
        try:
            try:
                reading = await self.detect(text)
            except (ClientError, BotoCoreError, TimeoutError) as exc:
                code = exc.response.get("Error", {}).get("Code") if isinstance(exc, ClientError) else type(exc).__name__
                log.warning("comprehend failed (%s); using the lexicon alone", code)
                return await lexicon_task
            return combine(reading, await lexicon_task)
        finally:
            if not lexicon_task.done():
                lexicon_task.cancel()


def combine(comprehend: ComprehendReading, local: EmotionResult) -> EmotionResult:
    phrases = list(dict.fromkeys((*comprehend.key_phrases, *local.key_phrases)))[:MAX_KEY_PHRASES]
    intensity = local.intensity
    if comprehend.sentiment is not Sentiment.NEUTRAL:
        intensity = round((intensity + comprehend.scores[comprehend.sentiment]) / 2, 3)
    return EmotionResult(
        sentiment=comprehend.sentiment,
        scores=comprehend.scores,
        labels=local.labels,
        intensity=intensity,
        key_phrases=tuple(phrases),
        source="comprehend+lexicon",
    )


def _scores(raw: dict[str, Any]) -> SentimentScores:
    return SentimentScores(*(round(float(raw.get(s.value.capitalize()) or 0.0), 4) for s in Sentiment))


def _neutral_scores() -> SentimentScores:
    return SentimentScores(positive=0.0, negative=0.0, neutral=1.0, mixed=0.0)


def _phrases(raw: list[dict[str, Any]], payload: str) -> tuple[str, ...]:
    out: list[str] = []
    for item in raw:
        if float(item.get("Score") or 0.0) < MIN_PHRASE_SCORE:
            continue
        text = item.get("Text")
        if not isinstance(text, str):
            # Offsets count characters of the text sent; used when an answer omits Text.
            begin, end = item.get("BeginOffset"), item.get("EndOffset")
            text = payload[begin:end] if isinstance(begin, int) and isinstance(end, int) else ""
        text = text.strip()
        if text and not any(word in text for word in _PLACEHOLDER_WORDS):
            out.append(text)
    return tuple(dict.fromkeys(out))


def truncate_utf8(text: str, max_bytes: int = DETECT_SENTIMENT_MAX_BYTES) -> str:
    """The longest prefix of ``text`` whose UTF-8 encoding fits in ``max_bytes`` (see the module
    docstring)."""
    if max_bytes < 0:
        raise ValueError("max_bytes must not be negative")
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    # errors="ignore" drops only the incomplete sequence at the cut: the prefix is valid UTF-8
    # up to there, because it was cut from a valid encoding.
    cut = encoded[:max_bytes].decode("utf-8", errors="ignore")
    return cut.rstrip(_ZWJ)
