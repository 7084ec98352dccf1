from __future__ import annotations

import pytest

from tests.api.client import GraphQLClient
from tests.conftest import LiveServer


@pytest.fixture
def alice(live_server: LiveServer) -> GraphQLClient:
    """A fresh user: each test gets its own, so tests never see each other's rows."""
    return GraphQLClient(live_server.graphql_url, live_server.token())


@pytest.fixture
def bob(live_server: LiveServer) -> GraphQLClient:
    return GraphQLClient(live_server.graphql_url, live_server.token())


@pytest.fixture
def anonymous(live_server: LiveServer) -> GraphQLClient:
    return GraphQLClient(live_server.graphql_url)
