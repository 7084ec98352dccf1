"""Build the configured engine and emotion analyser from plain values (the service passes its
settings in; nothing here reads the environment), so that a benchmark or a script can too::

    analyzer = build_emotion_analyzer("comprehend", region="ap-northeast-2")
    engine = build_engine("bedrock", region="ap-northeast-2",
                          model_id="global.anthropic.claude-sonnet-5-5", emotion=analyzer)
    engine = build_engine("openai", base_url="http://localhost:11434/v1", model_id="qwen3:8b")
    ...
    await engine.aclose()          # closes its model client and its analyser

``session`` defaults to a fresh ``aioboto3.Session()``, which finds credentials through the
AWS SDK's own chain (instance role, profile, …) when a client is first created.
"""

from __future__ import annotations

from typing import Literal

import aioboto3

from ai.coach.bedrock.client import DEFAULT_MODEL_ID, BedrockMessagesClient
from ai.coach.engine import CoachEngine
from ai.coach.llm.client import StreamingModel
from ai.coach.llm.engine import ModelCoachEngine
from ai.coach.llm.retry import RetryPolicy
from ai.coach.local.local_engine import LOCAL_MODEL, LocalCoachEngine
from ai.coach.openai.client import OpenAIChatClient
from ai.emotion.analyzer import EmotionAnalyzer
from ai.emotion.comprehend import ComprehendAnalyzer
from ai.emotion.local_analyzer import LocalEmotionAnalyzer

EngineKind = Literal["local", "bedrock", "openai"]
AnalyzerKind = Literal["local", "comprehend"]
ENGINES: tuple[str, ...] = ("local", "bedrock", "openai")


def build_emotion_analyzer(
    kind: AnalyzerKind,
    *,
    session: aioboto3.Session | None = None,
    region: str | None = None,
    endpoint_url: str | None = None,
    connect_timeout: float = 3.0,
    read_timeout: float = 10.0,
    max_attempts: int = 3,
) -> EmotionAnalyzer:
    if kind == "local":
        return LocalEmotionAnalyzer()
    if kind == "comprehend":
        if not region:
            raise ValueError("the Comprehend analyser needs a region")
        return ComprehendAnalyzer(
            session or aioboto3.Session(),
            region,
            endpoint_url,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            max_attempts=max_attempts,
        )
    raise ValueError(f"unknown emotion analyser {kind!r}: expected 'local' or 'comprehend'")


def build_engine(
    kind: EngineKind,
    *,
    session: aioboto3.Session | None = None,
    region: str | None = None,
    model_id: str | None = None,
    endpoint_url: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    connect_timeout: float = 5.0,
    read_timeout: float = 30.0,
    total_timeout: float | None = 90.0,
    max_attempts_before_first_chunk: int = 4,
    max_pool_connections: int = 256,
    max_tokens: int = 2500,
    temperature: float | None = None,
    effort: str | None = None,
    emotion: EmotionAnalyzer | None = None,
) -> CoachEngine:
    """``read_timeout`` is the idle limit between a model's events; ``total_timeout`` bounds
    one whole request. Bedrock takes ``region`` (``endpoint_url`` for another endpoint) and
    ``effort``; ``openai`` takes ``base_url``, ``model_id`` and an optional ``api_key``.
    ``temperature`` None leaves the model's default. ``emotion`` (model engines only) defaults
    to the local lexicon analyser."""
    if kind == "local":
        return LocalCoachEngine(model=model_id or LOCAL_MODEL)
    retry = RetryPolicy(max_attempts=max_attempts_before_first_chunk)
    client: StreamingModel
    if kind == "bedrock":
        if not region:
            raise ValueError("the Bedrock engine needs a region")
        client = BedrockMessagesClient(
            session=session or aioboto3.Session(), region=region, model_id=model_id or DEFAULT_MODEL_ID,
            endpoint_url=endpoint_url, connect_timeout=connect_timeout, read_timeout=read_timeout, retry=retry,
            effort=effort, max_pool_connections=max_pool_connections,
        )
    elif kind == "openai":
        if not base_url or not model_id:
            raise ValueError("the OpenAI-compatible engine needs a base URL and a model")
        client = OpenAIChatClient(
            base_url=base_url, model_id=model_id, api_key=api_key, connect_timeout=connect_timeout,
            read_timeout=read_timeout, retry=retry,
        )
    else:
        raise ValueError(f"unknown engine {kind!r}: expected one of {', '.join(ENGINES)}")
    return ModelCoachEngine(
        client, emotion or LocalEmotionAnalyzer(), max_tokens=max_tokens, temperature=temperature, total_timeout=total_timeout
    )
