"""The coach's settings: the engine and what each needs, read once from the environment."""

from __future__ import annotations

import pytest

from loveq.settings import SettingsError, load_settings

LOCAL = {"LOVEQ_DATA_DIR": "/tmp/loveq-settings-test"}


def test_the_defaults_are_the_local_engine():
    coach = load_settings(LOCAL).coach
    assert (coach.engine, coach.emotion, coach.max_tokens, coach.bedrock_effort) == ("local", "local", 2500, None)


def test_bedrock_effort_is_a_closed_set():
    base = {**LOCAL, "LOVEQ_ENGINE": "bedrock", "AWS_REGION": "ap-northeast-2"}
    assert load_settings({**base, "LOVEQ_BEDROCK_EFFORT": "low"}).coach.bedrock_effort == "low"
    with pytest.raises(SettingsError, match="LOVEQ_BEDROCK_EFFORT"):
        load_settings({**base, "LOVEQ_BEDROCK_EFFORT": "max"})
    with pytest.raises(SettingsError, match="LOVEQ_ENGINE"):
        load_settings({**LOCAL, "LOVEQ_ENGINE": "gpt"})
