"""Parsing the Authorization header value."""

from __future__ import annotations

import pytest

from loveq.auth import AuthenticationError, bearer_token


@pytest.mark.parametrize(
    ("value", "token"),
    [
        ("Bearer abc.def.ghi", "abc.def.ghi"),
        ("bearer abc.def.ghi", "abc.def.ghi"),
        ("BEARER abc.def.ghi", "abc.def.ghi"),
        ("  Bearer   abc.def.ghi  ", "abc.def.ghi"),
        ("Bearer\tabc.def.ghi", "abc.def.ghi"),
    ],
)
def test_bearer_token_is_extracted(value: str, token: str) -> None:
    assert bearer_token(value) == token


@pytest.mark.parametrize("value", [None, "", "   "])
def test_no_credential_is_none(value: str | None) -> None:
    assert bearer_token(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "abc.def.ghi",
        "Bearer",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "Token abc.def.ghi",
        "Bearer abc def",
        "Bearerabc.def.ghi",
    ],
)
def test_anything_else_is_malformed(value: str) -> None:
    with pytest.raises(AuthenticationError) as caught:
        bearer_token(value)
    assert caught.value.reason == "malformed"
    assert "dXNlcjpwYXNz" not in str(caught.value) and "abc" not in str(caught.value)
