"""RemoteJwks: caching, refresh on an unknown kid, key rotation, rate limiting, failures.

The JWKS endpoint is an ``httpx.MockTransport`` that counts fetches; time is a fake clock.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx
import pytest

from loveq.auth.jwks import RemoteJwks, StaticJwks
from loveq.auth.errors import AuthenticationError
from loveq.auth.verifier import TokenVerifier
from tests.support.tokens import CLIENT_ID, ISSUER, SigningKey, claims

JWKS_URL = "https://issuer.example/pool/.well-known/jwks.json"


@pytest.fixture(scope="module")
def key1() -> SigningKey:
    return SigningKey.generate("kid-1")


@pytest.fixture(scope="module")
def key2() -> SigningKey:
    return SigningKey.generate("kid-2")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class JwksEndpoint:
    """A fake issuer: serves ``keys`` (or ``failure``) and counts requests."""

    def __init__(self, *keys: SigningKey) -> None:
        self.keys = list(keys)
        self.fetches = 0
        self.delay = 0.0
        self.failure: httpx.Response | Exception | None = None

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.fetches += 1
        assert str(request.url) == JWKS_URL
        if self.delay:
            await asyncio.sleep(self.delay)
        if isinstance(self.failure, Exception):
            raise self.failure
        if self.failure is not None:
            return self.failure
        return httpx.Response(200, json={"keys": [k.public_jwk for k in self.keys]})


class Setup:
    def __init__(self, *keys: SigningKey, **jwks_options: Any) -> None:
        self.endpoint = JwksEndpoint(*keys)
        self.clock = Clock()
        self.http = httpx.AsyncClient(transport=httpx.MockTransport(self.endpoint))
        self.jwks = RemoteJwks(JWKS_URL, http=self.http, clock=self.clock, **jwks_options)
        self.verifier = TokenVerifier(
            self.jwks, issuer=ISSUER, client_ids=(CLIENT_ID,), token_uses=("access", "id")
        )

    async def reason(self, token: str) -> str:
        with pytest.raises(AuthenticationError) as caught:
            await self.verifier.verify(token)
        return caught.value.reason


async def test_keys_are_fetched_once_and_cached(key1: SigningKey) -> None:
    setup = Setup(key1)
    for _ in range(5):
        await setup.verifier.verify(key1.sign(claims()))
    assert setup.endpoint.fetches == 1


async def test_unknown_kid_triggers_exactly_one_refresh(key1: SigningKey) -> None:
    setup = Setup(key1)
    await setup.verifier.verify(key1.sign(claims()))
    setup.clock.advance(31)
    stranger = key1.sign(claims(), headers={"kid": "kid-unknown"})
    assert await setup.reason(stranger) == "unknown_key"
    assert setup.endpoint.fetches == 2
    # The trusted key keeps working from the refreshed cache without another fetch.
    await setup.verifier.verify(key1.sign(claims()))
    assert setup.endpoint.fetches == 2


async def test_key_rotation_is_picked_up_after_a_refresh(
    key1: SigningKey, key2: SigningKey
) -> None:
    setup = Setup(key1)
    await setup.verifier.verify(key1.sign(claims()))
    setup.endpoint.keys = [key2]  # the issuer rotates: kid-2 in, kid-1 out
    setup.clock.advance(31)
    principal = await setup.verifier.verify(key2.sign(claims(sub="rotated-user")))
    assert principal.subject == "rotated-user"
    assert setup.endpoint.fetches == 2
    # kid-1 left the refreshed set: rejected, and no new fetch inside the rate-limit window.
    assert await setup.reason(key1.sign(claims())) == "unknown_key"
    assert setup.endpoint.fetches == 2


async def test_unknown_kids_cannot_make_us_hammer_the_endpoint(key1: SigningKey) -> None:
    setup = Setup(key1, min_refresh_interval=30)
    await setup.verifier.verify(key1.sign(claims()))
    setup.clock.advance(31)
    for attempt in range(50):
        random_kid = key1.sign(claims(), headers={"kid": f"random-{attempt}"})
        assert await setup.reason(random_kid) == "unknown_key"
        setup.clock.advance(0.5)  # 25 seconds in all: still inside one window
    assert setup.endpoint.fetches == 2
    setup.clock.advance(10)
    assert await setup.reason(key1.sign(claims(), headers={"kid": "again"})) == "unknown_key"
    assert setup.endpoint.fetches == 3


async def test_concurrent_callers_share_one_fetch(key1: SigningKey) -> None:
    # No rate limit here, so only the shared in-flight fetch can keep the count at one.
    setup = Setup(key1, min_refresh_interval=0)
    setup.endpoint.delay = 0.05
    tokens = [key1.sign(claims(sub=f"user-{i}")) for i in range(20)]
    principals = await asyncio.gather(*(setup.verifier.verify(t) for t in tokens))
    assert [p.subject for p in principals] == [f"user-{i}" for i in range(20)]
    assert setup.endpoint.fetches == 1


async def test_concurrent_unknown_kids_share_one_refresh(
    key1: SigningKey, key2: SigningKey
) -> None:
    setup = Setup(key1, min_refresh_interval=0)
    await setup.verifier.verify(key1.sign(claims()))
    setup.endpoint.keys = [key1, key2]
    setup.endpoint.delay = 0.05
    setup.clock.advance(31)
    results = await asyncio.gather(*(setup.verifier.verify(key2.sign(claims())) for _ in range(10)))
    assert len(results) == 10
    assert setup.endpoint.fetches == 2


async def test_cache_expires_after_cache_seconds(key1: SigningKey) -> None:
    setup = Setup(key1, cache_seconds=3600)
    await setup.verifier.verify(key1.sign(claims()))
    setup.clock.advance(3599)
    await setup.verifier.verify(key1.sign(claims()))
    assert setup.endpoint.fetches == 1
    setup.clock.advance(2)
    await setup.verifier.verify(key1.sign(claims()))
    assert setup.endpoint.fetches == 2


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(500, text="internal detail: db password hunter2"),
        httpx.Response(200, text="<html>internal detail: not json</html>"),
        httpx.Response(200, json={"not": "a jwks"}),
        httpx.ConnectError("internal detail: connection refused"),
        httpx.ReadTimeout("internal detail: timed out"),
    ],
    ids=["http-500", "not-json", "not-a-jwks", "connect-error", "timeout"],
)
async def test_fetch_failure_is_jwks_unavailable_without_details(
    key1: SigningKey, failure: httpx.Response | Exception, caplog: pytest.LogCaptureFixture
) -> None:
    setup = Setup(key1)
    setup.endpoint.failure = failure
    token = key1.sign(claims())
    with caplog.at_level(logging.WARNING, logger="loveq.auth.jwks"):
        with pytest.raises(AuthenticationError) as caught:
            await setup.verifier.verify(token)
    assert caught.value.reason == "jwks_unavailable"
    assert "internal detail" not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caplog.records, "the failure is logged for operators"
    assert all(token not in record.getMessage() for record in caplog.records)


async def test_failed_fetches_are_rate_limited_too(key1: SigningKey) -> None:
    setup = Setup(key1)
    setup.endpoint.failure = httpx.Response(503)
    for _ in range(5):
        assert await setup.reason(key1.sign(claims())) == "jwks_unavailable"
    assert setup.endpoint.fetches == 1
    setup.endpoint.failure = None
    setup.clock.advance(31)
    await setup.verifier.verify(key1.sign(claims()))
    assert setup.endpoint.fetches == 2


async def test_cached_keys_survive_a_failed_refresh(key1: SigningKey) -> None:
    setup = Setup(key1, cache_seconds=60)
    await setup.verifier.verify(key1.sign(claims()))
    setup.endpoint.failure = httpx.Response(502)
    setup.clock.advance(120)  # the cache is stale, and the issuer is down
    await setup.verifier.verify(key1.sign(claims()))
    assert setup.endpoint.fetches == 2


async def test_without_a_client_it_makes_and_closes_its_own() -> None:
    await RemoteJwks(JWKS_URL, http=None).aclose()  # nothing opened yet: still fine
    # Port 9 (discard) on loopback: refused at once, never leaves the machine.
    jwks = RemoteJwks("http://127.0.0.1:9/.well-known/jwks.json", http=None)
    with pytest.raises(AuthenticationError) as caught:
        await jwks.get_key("kid-1")
    assert caught.value.reason == "jwks_unavailable"
    await jwks.aclose()


async def test_a_borrowed_http_client_is_not_closed(key1: SigningKey) -> None:
    setup = Setup(key1)
    await setup.verifier.aclose()
    assert not setup.http.is_closed
    await setup.http.aclose()


def test_static_jwks_rejects_a_document_that_is_not_a_jwks() -> None:
    with pytest.raises(ValueError):
        StaticJwks({"kty": "RSA", "n": "x", "e": "AQAB"})
