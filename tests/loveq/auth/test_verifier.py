"""The token matrix: what TokenVerifier accepts and why it rejects everything else."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable

import pytest

from loveq.auth.jwks import StaticJwks
from loveq.auth.errors import AuthenticationError
from services.identity import Principal
from loveq.auth.verifier import TokenVerifier
from tests.support.tokens import (
    CLIENT_ID,
    DELETE,
    EMAIL,
    ISSUER,
    OTHER_ACCEPTED_CLIENT_ID,
    SUBJECT,
    SigningKey,
    b64url,
    claims,
    hs256_forgery,
    unsigned,
)


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return SigningKey.generate("kid-1")


@pytest.fixture(scope="module")
def impostor() -> SigningKey:
    """A different RSA key that claims the trusted key's kid."""
    return SigningKey.generate("kid-1")


def verifier_for(
    key: SigningKey, token_uses: tuple[str, ...] = ("access", "id")
) -> TokenVerifier:
    return TokenVerifier(
        StaticJwks(key.jwks()),
        issuer=ISSUER,
        client_ids=(CLIENT_ID, OTHER_ACCEPTED_CLIENT_ID),
        token_uses=token_uses,
    )


async def rejection(verifier: TokenVerifier, token: str) -> AuthenticationError:
    with pytest.raises(AuthenticationError) as caught:
        await verifier.verify(token)
    error = caught.value
    # Whatever the reason, the error never carries the token or its signature.
    signature = token.rsplit(".", 1)[-1]
    for text in (str(error), repr(error), str(error.args)):
        assert not token or token not in text
        assert len(signature) < 16 or signature not in text
    # No python-jose exception (whose text may quote the token) is chained for display.
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__
    return error


# --- accepted --------------------------------------------------------------------------


async def test_valid_access_token(key: SigningKey) -> None:
    token = claims("access")
    principal = await verifier_for(key).verify(key.sign(token))
    assert principal == Principal(subject=SUBJECT, email=None, issuer=ISSUER, token_use="access",
                                  signed_in_at=token["auth_time"], expires_at=token["exp"])


async def test_valid_id_token_carries_email(key: SigningKey) -> None:
    token = claims("id")
    principal = await verifier_for(key).verify(key.sign(token))
    assert principal == Principal(subject=SUBJECT, email=EMAIL, issuer=ISSUER, token_use="id",
                                  signed_in_at=token["auth_time"], expires_at=token["exp"])


async def test_the_sign_in_time_is_auth_time_which_refreshed_tokens_keep_else_iat(key: SigningKey) -> None:
    now = int(time.time())
    refreshed = claims("access", auth_time=now - 3000, iat=now)
    assert (await verifier_for(key).verify(key.sign(refreshed))).signed_in_at == now - 3000
    local = claims("access", auth_time=DELETE, iat=now - 5)
    assert (await verifier_for(key).verify(key.sign(local))).signed_in_at == now - 5
    neither = claims("access", auth_time=DELETE, iat=DELETE)
    assert (await verifier_for(key).verify(key.sign(neither))).signed_in_at is None


async def test_access_token_email_claim_is_used_when_present(key: SigningKey) -> None:
    principal = await verifier_for(key).verify(key.sign(claims("access", email="bob@example.com")))
    assert principal.email == "bob@example.com"


async def test_every_configured_client_id_is_accepted(key: SigningKey) -> None:
    verifier = verifier_for(key)
    access = key.sign(claims("access", client_id=OTHER_ACCEPTED_CLIENT_ID))
    id_token = key.sign(claims("id", aud=OTHER_ACCEPTED_CLIENT_ID))
    assert (await verifier.verify(access)).token_use == "access"
    assert (await verifier.verify(id_token)).token_use == "id"


async def test_clock_skew_within_leeway_is_tolerated(key: SigningKey) -> None:
    now = int(time.time())
    skewed = claims("access", exp=now - 10, iat=now + 10, nbf=now + 10)
    assert (await verifier_for(key).verify(key.sign(skewed))).subject == SUBJECT


async def test_token_without_iat_is_accepted(key: SigningKey) -> None:
    token = key.sign(claims("access", iat=DELETE))
    assert (await verifier_for(key).verify(token)).subject == SUBJECT


# --- rejected --------------------------------------------------------------------------

Forge = Callable[[SigningKey, SigningKey], str]
NOW = int(time.time())

MATRIX: dict[str, tuple[Forge, str]] = {
    # time
    "expired": (lambda k, _: k.sign(claims(exp=NOW - 3600, iat=NOW - 7200)), "expired"),
    "expired past leeway": (lambda k, _: k.sign(claims(exp=int(time.time()) - 45)), "expired"),
    "nbf in the future": (lambda k, _: k.sign(claims(nbf=NOW + 3600)), "not_yet_valid"),
    "iat in the future": (lambda k, _: k.sign(claims(iat=NOW + 3600)), "not_yet_valid"),
    "no exp": (lambda k, _: k.sign(claims(exp=DELETE)), "invalid_claims"),
    "exp not a number": (lambda k, _: k.sign(claims(exp=str(NOW + 600))), "invalid_claims"),
    "exp a boolean": (lambda k, _: k.sign(claims(exp=True)), "invalid_claims"),
    "nbf not a number": (lambda k, _: k.sign(claims(nbf="soon")), "invalid_claims"),
    "auth_time not a number": (lambda k, _: k.sign(claims(auth_time="earlier")), "invalid_claims"),
    # algorithm
    "alg none, no signature": (
        lambda k, _: unsigned({"alg": "none", "kid": k.kid}, claims()),
        "bad_algorithm",
    ),
    "alg None, bogus signature": (
        lambda k, _: unsigned({"alg": "None", "kid": k.kid}, claims(), b64url(b"x" * 32)),
        "bad_algorithm",
    ),
    "no alg": (lambda k, _: unsigned({"kid": k.kid}, claims(), "c2ln"), "bad_algorithm"),
    "HS256 with the public key PEM as secret": (
        lambda k, _: hs256_forgery(k.public_pem, {"alg": "HS256", "kid": k.kid}, claims()),
        "bad_algorithm",
    ),
    "RS512 by the right key": (lambda k, _: k.sign(claims(), algorithm="RS512"), "bad_algorithm"),
    "PS256-labelled": (
        lambda k, _: k.sign(claims(), headers={"alg": "PS256", "kid": k.kid}),
        "bad_algorithm",
    ),
    # keys and signatures
    "same kid, other key": (lambda _, other: other.sign(claims()), "bad_signature"),
    "unknown kid": (
        lambda k, _: k.sign(claims(), headers={"kid": "kid-nobody-knows"}),
        "unknown_key",
    ),
    "no kid": (lambda k, _: k.sign(claims(), headers={}), "unknown_key"),
    "kid not a string": (lambda k, _: k.sign(claims(), headers={"kid": 1}), "unknown_key"),
    "payload swapped under a valid signature": (
        lambda k, _: _swap_payload(k.sign(claims()), k.sign(claims(sub="someone-else"))),
        "bad_signature",
    ),
    "empty signature": (lambda k, _: k.sign(claims()).rsplit(".", 1)[0] + ".", "bad_signature"),
    "signed payload is not JSON": (lambda k, _: k.sign(b"not json"), "malformed"),
    "signed payload is a JSON list": (lambda k, _: k.sign(b"[1, 2]"), "malformed"),
    # issuer, audience, token_use, subject
    "wrong issuer": (lambda k, _: k.sign(claims(iss="https://evil.example/")), "wrong_issuer"),
    "issuer with trailing slash": (lambda k, _: k.sign(claims(iss=ISSUER + "/")), "wrong_issuer"),
    "no issuer": (lambda k, _: k.sign(claims(iss=DELETE)), "wrong_issuer"),
    "access token for another client": (
        lambda k, _: k.sign(claims("access", client_id="client-z")),
        "wrong_audience",
    ),
    "access token naming the client only in aud": (
        lambda k, _: k.sign(claims("access", client_id=DELETE, aud=CLIENT_ID)),
        "wrong_audience",
    ),
    "id token for another audience": (
        lambda k, _: k.sign(claims("id", aud="client-z")),
        "wrong_audience",
    ),
    "id token naming the client only in client_id": (
        lambda k, _: k.sign(claims("id", aud=DELETE, client_id=CLIENT_ID)),
        "wrong_audience",
    ),
    "id token with a list audience": (
        lambda k, _: k.sign(claims("id", aud=[CLIENT_ID])),
        "wrong_audience",
    ),
    "no token_use": (
        lambda k, _: k.sign({n: v for n, v in claims().items() if n != "token_use"}),
        "wrong_token_use",
    ),
    "refresh token_use": (lambda k, _: k.sign(claims(token_use="refresh")), "wrong_token_use"),
    "no sub": (lambda k, _: k.sign(claims(sub=DELETE)), "invalid_claims"),
    "empty sub": (lambda k, _: k.sign(claims(sub="")), "invalid_claims"),
    "email not a string": (lambda k, _: k.sign(claims("id", email=["a@b.c"])), "invalid_claims"),
    # not a JWT at all
    "garbage": (lambda *_: "this is not a token", "malformed"),
    "empty string": (lambda *_: "", "malformed"),
    "two segments": (lambda k, _: k.sign(claims()).rsplit(".", 1)[0], "malformed"),
    "truncated mid-payload": (lambda k, _: _truncate_in_payload(k.sign(claims())), "malformed"),
    "truncated signature": (lambda k, _: k.sign(claims())[:-12], "bad_signature"),
    "header is not JSON": (lambda *_: f"{b64url(b'{nope')}.{b64url(b'{}')}.c2ln", "malformed"),
    "header is a JSON list": (lambda *_: f"{b64url(b'[]')}.{b64url(b'{}')}.c2ln", "malformed"),
    "whitespace inside": (lambda k, _: " " + k.sign(claims()), "malformed"),
    "oversized": (lambda k, _: k.sign(claims(pad="x" * 20_000)), "malformed"),
}


def _swap_payload(signed: str, donor: str) -> str:
    header, _, signature = signed.split(".")
    return ".".join([header, donor.split(".")[1], signature])


def _truncate_in_payload(token: str) -> str:
    header, payload, _ = token.split(".")
    return f"{header}.{payload[: len(payload) // 2]}"


@pytest.mark.parametrize("case", MATRIX, ids=list(MATRIX))
async def test_rejected(case: str, key: SigningKey, impostor: SigningKey) -> None:
    forge, reason = MATRIX[case]
    token = forge(key, impostor)
    error = await rejection(verifier_for(key), token)
    assert error.reason == reason


async def test_id_token_rejected_when_only_access_tokens_are_accepted(key: SigningKey) -> None:
    verifier = verifier_for(key, token_uses=("access",))
    assert (await verifier.verify(key.sign(claims("access")))).token_use == "access"
    error = await rejection(verifier, key.sign(claims("id")))
    assert error.reason == "wrong_token_use"


def test_hs256_forgery_is_a_real_forgery(key: SigningKey) -> None:
    """Guard for the matrix: the HS256 token really is HMAC-signed with the public key,
    so rejecting it proves the algorithm pin, not a broken fixture."""
    token = hs256_forgery(key.public_pem, {"alg": "HS256", "kid": key.kid}, claims())
    signing_input, signature = token.rsplit(".", 1)
    expected = hmac.new(key.public_pem, signing_input.encode(), hashlib.sha256).digest()
    assert signature == b64url(expected)


async def test_the_impostor_key_is_otherwise_valid(impostor: SigningKey) -> None:
    """Guard for the matrix: a verifier trusting the impostor accepts its token, so the
    "same kid, other key" rejection is about the key, not the token's shape."""
    assert (await verifier_for(impostor).verify(impostor.sign(claims()))).subject == SUBJECT


async def test_jwks_entry_that_is_not_an_rs256_signing_key_is_refused(key: SigningKey) -> None:
    token = key.sign(claims())
    for tweak in ({"alg": "RS512"}, {"use": "enc"}, {"kty": "oct", "k": b64url(b"secret")}):
        jwks = {"keys": [key.public_jwk | tweak]}
        verifier = TokenVerifier(
            StaticJwks(jwks), issuer=ISSUER, client_ids=(CLIENT_ID,), token_uses=("access",)
        )
        assert (await rejection(verifier, token)).reason == "unknown_key"


def test_verifier_configuration_is_validated(key: SigningKey) -> None:
    jwks = StaticJwks(key.jwks())
    with pytest.raises(ValueError):
        TokenVerifier(jwks, issuer=ISSUER, client_ids=(), token_uses=("access",))
    with pytest.raises(ValueError):
        TokenVerifier(jwks, issuer=ISSUER, client_ids=(CLIENT_ID,), token_uses=("refresh",))


def test_authentication_error_reasons_are_closed() -> None:
    assert AuthenticationError("expired").reason == "expired"
    assert str(AuthenticationError("expired")) == "the token has expired"
    with pytest.raises(ValueError):
        AuthenticationError("eyJhbGciOiJSUzI1NiJ9.leaked.token")


# --- remembered tokens -------------------------------------------------------------------


class _Keys:
    """A key set that can change (rotation) while the verifier runs."""

    def __init__(self, key: SigningKey) -> None:
        self.keys = {k["kid"]: k for k in key.jwks()["keys"]}

    async def get_key(self, kid: str) -> dict | None:
        return self.keys.get(kid)

    async def aclose(self) -> None:
        return None


def _counting_signatures(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from loveq.auth import verifier as module

    checked: list[str] = []
    real = module.jws.verify
    monkeypatch.setattr(module.jws, "verify", lambda token, *a, **k: checked.append(token) or real(token, *a, **k))
    return checked


async def test_a_token_is_verified_once_then_remembered(key: SigningKey, monkeypatch: pytest.MonkeyPatch) -> None:
    """A client sends the same token with every request: its RS256 signature is checked once."""
    checked = _counting_signatures(monkeypatch)
    verifier = verifier_for(key)
    token = key.sign(claims("access"))
    first = await verifier.verify(token)
    assert await verifier.verify(token) == first and await verifier.verify(token) == first
    assert checked == [token]
    other = key.sign(claims("access", sub="someone-else"))
    assert (await verifier.verify(other)).subject == "someone-else" and checked == [token, other]


async def test_a_remembered_token_still_expires(key: SigningKey, monkeypatch: pytest.MonkeyPatch) -> None:
    from loveq.auth import verifier as module

    verifier = verifier_for(key)
    now = int(time.time())
    token = key.sign(claims("access", exp=now + 60))
    assert (await verifier.verify(token)).subject == SUBJECT
    monkeypatch.setattr(module, "time", type("Clock", (), {"time": staticmethod(lambda: now + 600)}))
    assert (await rejection(verifier, token)).reason == "expired"
    assert (await rejection(verifier, token)).reason == "expired"


async def test_a_remembered_token_is_refused_once_its_key_is_withdrawn(key: SigningKey) -> None:
    keys = _Keys(key)
    verifier = TokenVerifier(keys, issuer=ISSUER, client_ids=(CLIENT_ID,), token_uses=("access",))
    token = key.sign(claims("access"))
    assert (await verifier.verify(token)).subject == SUBJECT
    keys.keys.clear()  # the issuer rotated its key away
    assert (await rejection(verifier, token)).reason == "unknown_key"


async def test_the_remembered_tokens_are_bounded(key: SigningKey, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = _counting_signatures(monkeypatch)
    verifier = TokenVerifier(StaticJwks(key.jwks()), issuer=ISSUER, client_ids=(CLIENT_ID,), token_uses=("access",), cache_size=2)
    tokens = [key.sign(claims("access", sub=f"user-{i}")) for i in range(3)]
    for token in tokens:
        await verifier.verify(token)
    await verifier.verify(tokens[2])  # remembered
    await verifier.verify(tokens[0])  # forgotten: the least recently used, verified again
    assert checked == [*tokens, tokens[0]]
