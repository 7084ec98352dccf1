"""Build the configured engine and emotion analyser from plain values (the service passes its
settings in; nothing here reads the environment).

    analyzer = build_emotion_analyzer("comprehend", region="ap-northeast-2")
    engine = build_engine("bedrock", region="ap-northeast-2",
                          model_id="global.anthropic.claude-sonnet-4-6", emotion=analyzer)
    ...
    await engine.aclose()          # closes its Bedrock client and its analyser

``session`` defaults to a fresh ``aioboto3.Session()``, which finds credentials through the
AWS SDK's own chain (instance role, profile, …) when a client is first created.
"""

from __future__ import annotations

from typing import Literal

import aioboto3

from ai.coach.bedrock.bedrock_engine import BedrockCoachEngine
from ai.coach.bedrock.client import DEFAULT_MODEL_ID, BedrockConverseClient
from ai.coach.engine import CoachEngine
from ai.coach.local.local_engine import LOCAL_MODEL, LocalCoachEngine
from ai.emotion.analyzer import EmotionAnalyzer
from ai.emotion.comprehend import ComprehendAnalyzer
from ai.emotion.local_analyzer import LocalEmotionAnalyzer

EngineKind = Literal["local", "bedrock"]
AnalyzerKind = Literal["local", "comprehend"]


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
    connect_timeout: float = 5.0,
    read_timeout: float = 30.0,
    total_timeout: float | None = 90.0,
    max_attempts_before_first_chunk: int = 3,
    max_pool_connections: int = 256,
    max_tokens: int = 1500,
    temperature: float = 0.7,
    emotion: EmotionAnalyzer | None = None,
) -> CoachEngine:
    """``read_timeout`` is Bedrock's idle limit between events; ``total_timeout`` bounds one
    whole request. ``emotion`` (Bedrock only) defaults to the local lexicon analyser."""
    if kind == "local":
        return LocalCoachEngine(model=model_id or LOCAL_MODEL)
    if kind == "bedrock":
        if not region:
            raise ValueError("the Bedrock engine needs a region")
        client = BedrockConverseClient(
            session=session or aioboto3.Session(),
            region=region,
            model_id=model_id or DEFAULT_MODEL_ID,
            endpoint_url=endpoint_url,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            max_attempts_before_first_chunk=max_attempts_before_first_chunk,
            max_pool_connections=max_pool_connections,
        )
        return BedrockCoachEngine(
            client,
            emotion or LocalEmotionAnalyzer(),
            max_tokens=max_tokens,
            temperature=temperature,
            total_timeout=total_timeout,
        )
    raise ValueError(f"unknown engine {kind!r}: expected 'local' or 'bedrock'")
