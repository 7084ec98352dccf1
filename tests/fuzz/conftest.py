"""Fuzz budgets (profiles) and the user whose objects the generated requests aim at."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.fuzzing import World, build_world, register_profiles
from tests.support.server import LiveServer

register_profiles()


@pytest.fixture(scope="module")
def world(live_server: LiveServer) -> Iterator[World]:
    built = build_world(live_server)
    yield built
    built.client.close()
