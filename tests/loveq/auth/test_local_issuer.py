"""The local issuer: one key per data directory, stable subjects, Cognito-shaped tokens."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwt

from loveq.auth import AuthenticationError, Principal, build_local_issuer, build_verifier
from loveq.auth import local_issuer as local_issuer_module
from loveq.auth.local_issuer import LocalIssuer, normalize_email, subject_for, thumbprint
from loveq.settings import Settings, load_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"LOVEQ_DATA_DIR": str(tmp_path / "data")})


def issuer_at(path: Path) -> LocalIssuer:
    return LocalIssuer(path, issuer="loveq-local", client_id="loveq", ttl_seconds=3600)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- the key file ----------------------------------------------------------------------


def test_key_is_created_once_private_and_reused(tmp_path: Path) -> None:
    key_path = tmp_path / "data" / "keys" / "local-issuer.pem"
    first = issuer_at(key_path).load_or_create()
    assert key_path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert mode(key_path) == 0o600
    assert mode(key_path.parent) & 0o077 == 0
    pem = key_path.read_bytes()

    second = issuer_at(key_path).load_or_create()
    assert second.kid == first.kid
    assert key_path.read_bytes() == pem
    assert os.listdir(key_path.parent) == ["local-issuer.pem"]  # no temporary files left


def test_tokens_survive_a_restart(tmp_path: Path) -> None:
    key_path = tmp_path / "keys" / "k.pem"
    token = issuer_at(key_path).issue("a@example.com")
    restarted = issuer_at(key_path).load_or_create()
    assert restarted.jwks() == issuer_at(key_path).jwks()
    assert jwt.get_unverified_header(token)["kid"] == restarted.kid


def test_kid_is_the_rfc7638_thumbprint(tmp_path: Path) -> None:
    # The worked example of RFC 7638 section 3.1.
    rfc_key = {
        "kty": "RSA",
        "e": "AQAB",
        "n": (
            "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6"
            "tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5"
            "v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD0"
            "8qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8"
            "awapJzKnqDKgw"
        ),
    }
    assert thumbprint(rfc_key) == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
    issuer = issuer_at(tmp_path / "k.pem")
    (public,) = issuer.jwks()["keys"]
    assert issuer.kid == public["kid"] == thumbprint(public)
    assert public["kty"] == "RSA" and public["alg"] == "RS256" and public["use"] == "sig"
    assert "d" not in public and "p" not in public  # only the public half is published


def test_losing_the_creation_race_adopts_the_winners_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_path = tmp_path / "keys" / "local-issuer.pem"
    winner_pem = issuer_at(tmp_path / "winner.pem").load_or_create().key_path.read_bytes()
    real_generate = rsa.generate_private_key

    def generate_while_another_process_wins(**kwargs: object) -> rsa.RSAPrivateKey:
        key = real_generate(**kwargs)  # type: ignore[arg-type]
        key_path.write_bytes(winner_pem)  # the other process links its key first
        return key

    monkeypatch.setattr(
        local_issuer_module.rsa, "generate_private_key", generate_while_another_process_wins
    )
    loser = issuer_at(key_path).load_or_create()
    assert key_path.read_bytes() == winner_pem  # not clobbered
    assert loser.kid == issuer_at(tmp_path / "winner.pem").kid
    assert sorted(os.listdir(key_path.parent)) == ["local-issuer.pem"]


def test_processes_starting_together_agree_on_one_key(tmp_path: Path) -> None:
    key_path = tmp_path / "keys" / "local-issuer.pem"
    script = (
        "import sys; from pathlib import Path; from loveq.auth.local_issuer import LocalIssuer; "
        "print(LocalIssuer(Path(sys.argv[1]), issuer='i', client_id='c', ttl_seconds=60).kid)"
    )
    repo = Path(__file__).resolve().parents[3]
    env = dict(os.environ, PYTHONPATH=str(repo))
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(key_path)],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        for _ in range(6)
    ]
    kids = {process.communicate(timeout=60)[0].strip() for process in processes}
    assert all(process.returncode == 0 for process in processes)
    assert kids == {issuer_at(key_path).kid}
    assert os.listdir(key_path.parent) == ["local-issuer.pem"]


def test_a_key_file_readable_by_others_is_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    key_path = tmp_path / "k.pem"
    issuer_at(key_path).load_or_create()
    key_path.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="loveq.auth.local_issuer"):
        issuer_at(key_path).load_or_create()
    assert "0600" in caplog.text
    assert "PRIVATE KEY" not in caplog.text


def test_a_corrupt_key_file_is_a_clear_error(tmp_path: Path) -> None:
    key_path = tmp_path / "k.pem"
    key_path.write_text("not a key")
    with pytest.raises(ValueError, match="k.pem"):
        issuer_at(key_path).load_or_create()


# --- subjects and e-mail ---------------------------------------------------------------


def test_same_email_same_subject_across_instances_and_spelling(tmp_path: Path) -> None:
    one = issuer_at(tmp_path / "one.pem")
    two = issuer_at(tmp_path / "two.pem")  # a different key: subjects do not depend on it
    sub_one = jwt.get_unverified_claims(one.issue("Alice@Example.com"))["sub"]
    sub_two = jwt.get_unverified_claims(two.issue("  alice@example.COM "))["sub"]
    assert sub_one == sub_two == subject_for("alice@example.com")
    assert subject_for("bob@example.com") != sub_one


def test_subjects_are_pinned_forever() -> None:
    """Subjects are user identities in the database: changing the namespace orphans users."""
    assert subject_for("a@b.co") == "0cf87ae5-5602-5a33-8f52-3be6a2ac6fac"
    assert uuid.UUID(subject_for("a@b.co")).version == 5


@pytest.mark.parametrize(
    "email",
    [
        "",
        "   ",
        "no-at-sign",
        "a@b",
        "a@@b.co",
        "a@b@c.co",
        "a b@c.co",
        "a@b..co",
        "a@.b.co",
        "a@b.co.",
        "@b.co",
        "a\x00@b.co",
        "x" * 65 + "@b.co",
        "a@" + "b" * 250 + ".co",
    ],
)
def test_invalid_email_is_refused_with_a_clear_message(tmp_path: Path, email: str) -> None:
    with pytest.raises(ValueError, match="email"):
        issuer_at(tmp_path / "k.pem").issue(email)


def test_valid_emails_are_normalised() -> None:
    assert normalize_email(" Kim.Minji+love@Example.KR\n") == "kim.minji+love@example.kr"
    assert normalize_email("민지@예시.한국") == "민지@예시.한국"


# --- tokens ----------------------------------------------------------------------------


def test_token_is_shaped_like_a_cognito_access_token(tmp_path: Path) -> None:
    issuer = LocalIssuer(
        tmp_path / "k.pem", issuer="loveq-local", client_id="loveq", ttl_seconds=900
    )
    token = issuer.issue("Alice@Example.com")
    header = jwt.get_unverified_header(token)
    claims = jwt.get_unverified_claims(token)
    assert header["alg"] == "RS256" and header["kid"] == issuer.kid
    assert set(claims) == {"iss", "sub", "client_id", "token_use", "email", "iat", "exp", "jti"}
    assert claims["iss"] == "loveq-local"
    assert claims["client_id"] == "loveq"
    assert claims["token_use"] == "access"
    assert claims["email"] == "alice@example.com"
    assert claims["exp"] - claims["iat"] == 900
    assert claims["jti"] != jwt.get_unverified_claims(issuer.issue("alice@example.com"))["jti"]


async def test_token_verifies_through_build_verifier_in_local_mode(settings: Settings) -> None:
    assert settings.auth_mode == "local"
    token = build_local_issuer(settings).issue("Alice@Example.com")
    principal = await build_verifier(settings).verify(token)
    claims = jwt.get_unverified_claims(token)
    assert principal == Principal(
        subject=subject_for("alice@example.com"),
        email="alice@example.com",
        issuer="loveq-local",
        token_use="access",
        signed_in_at=claims["iat"],
        expires_at=claims["exp"],
    )
    assert oct(mode(settings.local_key_path)) == oct(0o600)


async def test_token_from_another_data_directory_is_rejected(
    settings: Settings, tmp_path: Path
) -> None:
    other = load_settings({"LOVEQ_DATA_DIR": str(tmp_path / "elsewhere")})
    foreign = build_local_issuer(other).issue("alice@example.com")
    with pytest.raises(AuthenticationError) as caught:
        await build_verifier(settings).verify(foreign)
    assert caught.value.reason == "unknown_key"


async def test_local_verifier_enforces_issuer_and_audience(settings: Settings) -> None:
    verifier = build_verifier(settings)
    key_path = settings.local_key_path
    wrong_issuer = LocalIssuer(key_path, issuer="someone-else", client_id="loveq", ttl_seconds=60)
    wrong_client = LocalIssuer(key_path, issuer="loveq-local", client_id="other", ttl_seconds=60)
    for issuer, reason in ((wrong_issuer, "wrong_issuer"), (wrong_client, "wrong_audience")):
        with pytest.raises(AuthenticationError) as caught:
            await verifier.verify(issuer.issue("alice@example.com"))
        assert caught.value.reason == reason
