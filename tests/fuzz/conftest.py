"""Fuzz budgets (profiles) and the user whose objects the generated requests aim at."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from loveq.app import create_app
from loveq.auth import build_local_issuer
from tests.support.fuzzing import World, build_world, register_profiles
from tests.support.server import LiveServer, ServerThread, StatementLog, make_settings

register_profiles()


@pytest.fixture(scope="session")
def live_server(database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server of the fuzz's own: one generated user sends thousands of requests, more than
    the per-user rate limit lets through (that limit is tested in tests/loveq/test_guards.py)."""
    settings = make_settings(tmp_path_factory.mktemp("loveq-fuzz"), database_dsn,
                             LOVEQ_RATE_LIMIT="1000000", LOVEQ_RATE_LIMIT_BURST="1000000")
    with ServerThread(create_app(settings)) as url:
        yield LiveServer(url, settings, build_local_issuer(settings), StatementLog(), database_dsn)


@pytest.fixture(scope="module")
def world(live_server: LiveServer) -> Iterator[World]:
    built = build_world(live_server)
    yield built
    built.client.close()
