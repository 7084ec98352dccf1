"""The coach's settings: the engine and what each needs, read once from the environment."""

from __future__ import annotations

import pytest

from loveq.runtime import build_coach_engine
from loveq.settings import SettingsError, load_settings

LOCAL = {"LOVEQ_DATA_DIR": "/tmp/loveq-settings-test"}


def test_the_defaults_are_the_local_engine():
    coach = load_settings(LOCAL).coach
    assert (coach.engine, coach.emotion, coach.max_tokens, coach.bedrock_effort) == ("local", "local", 2500, None)


def test_openai_needs_a_base_url_and_a_model():
    with pytest.raises(SettingsError, match="LOVEQ_OPENAI_BASE_URL and LOVEQ_OPENAI_MODEL"):
        load_settings({**LOCAL, "LOVEQ_ENGINE": "openai", "LOVEQ_OPENAI_MODEL": "qwen3:8b"})
    coach = load_settings({
        **LOCAL, "LOVEQ_ENGINE": "openai", "LOVEQ_OPENAI_BASE_URL": "http://localhost:11434/v1",
        "LOVEQ_OPENAI_MODEL": "qwen3:8b", "LOVEQ_OPENAI_API_KEY": "sk-x", "LOVEQ_GENERATION_MAX_TOKENS": "3000",
    }).coach
    assert (coach.engine, coach.openai_base_url, coach.openai_model, coach.openai_api_key, coach.max_tokens) == (
        "openai", "http://localhost:11434/v1", "qwen3:8b", "sk-x", 3000
    )
    assert coach.emotion == "local" and coach.region is None  # no AWS needed


async def test_the_runtime_builds_the_openai_engine():
    settings = load_settings({**LOCAL, "LOVEQ_ENGINE": "openai", "LOVEQ_OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
                              "LOVEQ_OPENAI_MODEL": "llama3.2"})
    engine = build_coach_engine(settings)
    try:
        assert (engine.name, engine.model) == ("openai", "llama3.2")
    finally:
        await engine.aclose()


def test_bedrock_effort_is_a_closed_set():
    base = {**LOCAL, "LOVEQ_ENGINE": "bedrock", "AWS_REGION": "ap-northeast-2"}
    assert load_settings({**base, "LOVEQ_BEDROCK_EFFORT": "low"}).coach.bedrock_effort == "low"
    with pytest.raises(SettingsError, match="LOVEQ_BEDROCK_EFFORT"):
        load_settings({**base, "LOVEQ_BEDROCK_EFFORT": "max"})
    with pytest.raises(SettingsError, match="LOVEQ_ENGINE"):
        load_settings({**LOCAL, "LOVEQ_ENGINE": "gpt"})
