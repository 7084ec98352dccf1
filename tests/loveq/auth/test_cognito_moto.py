"""End to end against moto's Cognito emulator, run as a real HTTP server.

What moto 5 actually issues (checked by ``test_moto_tokens_look_like_cognito_tokens``):
both tokens are RS256 with header ``kid: "dummy"`` and ``typ: "JWT"``, signed by one key
that moto shares across *every* user pool; ``iss`` is the real AWS URL
``https://cognito-idp.us-east-1.amazonaws.com/<pool>`` while the JWKS is served by the
moto server itself at ``<endpoint>/<pool>/.well-known/jwks.json`` (hence a JWKS URL
configured apart from the issuer). The access token names its app client in
``client_id`` and has no ``aud`` and no ``email``; the ID token names it in ``aud`` and
carries ``email`` when the app client may read that attribute.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from jose import jwt

from loveq.auth import AuthenticationError, Principal, build_verifier
from loveq.settings import Settings, load_settings
from tests.support.cognito import Pool, Tokens, create_pool, sign_in
from tests.support.moto_server import MotoServer

@pytest.fixture(scope="module")
def pool(moto_server: MotoServer) -> Pool:
    return create_pool(moto_server, "loveq-users")


@pytest.fixture(scope="module")
def tokens(moto_server: MotoServer, pool: Pool) -> Tokens:
    return sign_in(moto_server, pool, pool.client_id)


def settings_for(pool: Pool, **extra: str) -> Settings:
    return load_settings(
        {
            "LOVEQ_COGNITO_ISSUER": pool.issuer,
            "LOVEQ_COGNITO_JWKS_URL": pool.jwks_url,
            "LOVEQ_COGNITO_CLIENT_IDS": pool.client_id,
            **extra,
        }
    )


async def verify(settings: Settings, token: str) -> Principal:
    verifier = build_verifier(settings)  # its own httpx client, talking to the moto server
    try:
        return await verifier.verify(token)
    finally:
        await verifier.aclose()


async def rejection_reason(settings: Settings, token: str) -> str:
    with pytest.raises(AuthenticationError) as caught:
        await verify(settings, token)
    return caught.value.reason


def test_moto_tokens_look_like_cognito_tokens(pool: Pool, tokens: Tokens) -> None:
    access = jwt.get_unverified_claims(tokens.access)
    id_claims = jwt.get_unverified_claims(tokens.id)
    for token in (tokens.access, tokens.id):
        assert jwt.get_unverified_header(token)["alg"] == "RS256"
    assert access["iss"] == id_claims["iss"] == pool.issuer
    assert access["sub"] == id_claims["sub"] == pool.sub
    assert access["token_use"] == "access" and id_claims["token_use"] == "id"
    assert access["client_id"] == pool.client_id and "aud" not in access
    assert id_claims["aud"] == pool.client_id and "client_id" not in id_claims
    assert "email" not in access and id_claims["email"] == pool.email
    assert access["username"] == id_claims["cognito:username"] == pool.username
    assert access["exp"] > access["iat"]


async def test_jwks_is_served_by_moto_not_at_the_issuer_url(pool: Pool, tokens: Tokens) -> None:
    document = await _jwks(pool.jwks_url)
    kid = jwt.get_unverified_header(tokens.access)["kid"]
    assert [(key["kid"], key["kty"]) for key in document["keys"]] == [(kid, "RSA")]
    assert not pool.jwks_url.startswith(pool.issuer)


async def _jwks(url: str) -> dict[str, Any]:
    async with httpx.AsyncClient() as http:
        response = await http.get(url)
    response.raise_for_status()
    return response.json()


async def test_access_and_id_tokens_verify(pool: Pool, tokens: Tokens) -> None:
    settings = settings_for(pool)
    assert settings.auth_mode == "cognito"
    for token, email, use in ((tokens.access, None, "access"), (tokens.id, pool.email, "id")):
        claims = jwt.get_unverified_claims(token)
        assert await verify(settings, token) == Principal(
            subject=pool.sub, email=email, issuer=pool.issuer, token_use=use,
            signed_in_at=claims["auth_time"], expires_at=claims["exp"],
        )


async def test_user_password_auth_tokens_verify_too(moto_server: MotoServer, pool: Pool) -> None:
    fresh = sign_in(moto_server, pool, pool.client_id, admin=False)
    assert (await verify(settings_for(pool), fresh.access)).subject == pool.sub


async def test_tokens_of_another_app_client_are_rejected(
    moto_server: MotoServer, pool: Pool
) -> None:
    foreign = sign_in(moto_server, pool, pool.other_client_id)
    settings = settings_for(pool)
    assert await rejection_reason(settings, foreign.access) == "wrong_audience"
    assert await rejection_reason(settings, foreign.id) == "wrong_audience"
    # ...and accepted once that client is configured, so the rejection was the client id.
    both = settings_for(
        pool, LOVEQ_COGNITO_CLIENT_IDS=f"{pool.client_id},{pool.other_client_id}"
    )
    assert (await verify(both, foreign.access)).subject == pool.sub


async def test_tokens_of_another_pool_are_rejected(moto_server: MotoServer, pool: Pool) -> None:
    other_pool = create_pool(moto_server, "another-app")
    foreign = sign_in(moto_server, other_pool, other_pool.client_id)
    # moto signs every pool with the same key, so only the issuer check stands in the way.
    assert jwt.get_unverified_header(foreign.access)["kid"] in {
        key["kid"] for key in (await _jwks(pool.jwks_url))["keys"]
    }
    settings = settings_for(pool)
    assert await rejection_reason(settings, foreign.access) == "wrong_issuer"
    assert await rejection_reason(settings, foreign.id) == "wrong_issuer"


async def test_token_use_can_be_restricted_to_access_tokens(pool: Pool, tokens: Tokens) -> None:
    settings = settings_for(pool, LOVEQ_COGNITO_TOKEN_USE="access")
    assert (await verify(settings, tokens.access)).token_use == "access"
    assert await rejection_reason(settings, tokens.id) == "wrong_token_use"


async def test_unreachable_jwks_is_reported_as_such(pool: Pool, tokens: Tokens) -> None:
    settings = settings_for(pool, LOVEQ_COGNITO_JWKS_URL="http://127.0.0.1:9/jwks.json")
    assert await rejection_reason(settings, tokens.access) == "jwks_unavailable"
