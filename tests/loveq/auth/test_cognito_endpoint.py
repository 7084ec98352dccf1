"""Production authentication end to end: moto's Cognito issues real RS256 tokens and serves
the JWKS; the service verifies them on the GraphQL endpoint over HTTP and WebSocket."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from loveq.app import create_app
from tests.support import operations as ops
from tests.support.client import GraphQLClient, WebSocketSession
from tests.support.cognito import Pool, create_pool, sign_in
from tests.support.server import ServerThread, make_settings
from tests.support.moto_server import MotoServer, moto_server  # noqa: F401


@pytest.fixture(scope="module")
def pool(moto_server: MotoServer) -> Pool:  # noqa: F811
    return create_pool(moto_server, "loveq-endpoint")


@pytest.fixture(scope="module")
def cognito_server(pool: Pool, database_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = make_settings(
        tmp_path_factory.mktemp("cognito"),
        database_dsn,
        LOVEQ_COGNITO_ISSUER=pool.issuer,
        LOVEQ_COGNITO_JWKS_URL=pool.jwks_url,
        LOVEQ_COGNITO_CLIENT_IDS=pool.client_id,
        LOVEQ_MIGRATE_ON_START="1",
    )
    assert settings.auth_mode == "cognito"
    with ServerThread(create_app(settings)) as url:
        yield f"{url}/graphql"


async def test_cognito_tokens_are_accepted(cognito_server: str, moto_server: MotoServer, pool: Pool) -> None:  # noqa: F811
    tokens = sign_in(moto_server, pool, pool.client_id)
    by_id_token = (await GraphQLClient(cognito_server, tokens.id).ok(ops.VIEWER))["viewer"]
    assert by_id_token["email"] == pool.email
    by_access_token = (await GraphQLClient(cognito_server, tokens.access).ok(ops.VIEWER))["viewer"]
    assert by_access_token["id"] == by_id_token["id"], "both tokens name the same user"
    assert by_access_token["email"] == pool.email, "an access token carries no email; the stored one stays"
    async with WebSocketSession(cognito_server.replace("http", "ws"), init_payload={"Authorization": f"Bearer {tokens.access}"}) as ws:
        assert (await ws.execute(ops.VIEWER)).ok()["viewer"]["id"] == by_id_token["id"]


async def test_other_clients_and_local_tokens_are_refused(cognito_server: str, moto_server: MotoServer, pool: Pool, live_server) -> None:  # noqa: F811
    foreign = sign_in(moto_server, pool, pool.other_client_id)
    for token in (foreign.access, foreign.id, live_server.token()):
        result = await GraphQLClient(cognito_server, token).execute(ops.VIEWER)
        assert result.codes == ["UNAUTHENTICATED"], result.body


async def test_production_hides_the_schema_unless_asked(cognito_server: str, moto_server: MotoServer, pool: Pool) -> None:  # noqa: F811
    """With Cognito configured, introspection and GraphiQL are off by default."""
    anonymous = await GraphQLClient(cognito_server).execute("{ __schema { queryType { name } } }")
    assert anonymous.codes == ["UNAUTHENTICATED"]
    tokens = sign_in(moto_server, pool, pool.client_id)
    signed_in = await GraphQLClient(cognito_server, tokens.access).execute("{ __schema { queryType { name } } }")
    assert set(signed_in.codes) == {"GRAPHQL_VALIDATION_FAILED"} and "introspection" in signed_in.errors[0]["message"].lower()
    async with httpx.AsyncClient() as http:
        page = await http.get(cognito_server, headers={"Accept": "text/html"})
    assert page.status_code == 404 and "graphiql" not in page.text.lower()
