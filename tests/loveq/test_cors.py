"""Browsers on the configured origins may call the API; others get no CORS grant."""

from __future__ import annotations

from pathlib import Path

import httpx

from loveq.app import create_app
from tests.support.server import ServerThread, make_settings


def test_preflight_from_the_web_app(tmp_path: Path, database_dsn: str) -> None:
    settings = make_settings(tmp_path, database_dsn, LOVEQ_CORS_ORIGINS="https://app.loveq.example, http://localhost:3000")
    with ServerThread(create_app(settings)) as url:
        headers = {"Origin": "https://app.loveq.example", "Access-Control-Request-Method": "POST",
                   "Access-Control-Request-Headers": "authorization,content-type"}
        allowed = httpx.options(f"{url}/graphql", headers=headers)
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://app.loveq.example"
        assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
        refused = httpx.options(f"{url}/graphql", headers={**headers, "Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in refused.headers
