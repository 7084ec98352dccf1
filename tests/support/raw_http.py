"""Requests as a careless or hostile client sends them: raw bytes, odd content types, broken
multipart bodies; and the one check every answer must pass."""

from __future__ import annotations

from typing import Any

import httpx

from tests.support.client import GraphQLClient


async def post_raw(client: GraphQLClient, content: bytes, content_type: str | None = "application/json") -> httpx.Response:
    headers = client.headers()
    if content_type is not None:
        headers["content-type"] = content_type
    async with httpx.AsyncClient(timeout=60) as http:
        return await http.post(client.url, content=content, headers=headers)


async def post_multipart(client: GraphQLClient, fields: dict[str, Any], files: dict[str, Any] | None = None) -> httpx.Response:
    """Always multipart/form-data (httpx sends fields alone as a urlencoded form)."""
    parts = files or {"unused": ("unused.txt", b"", "text/plain")}
    async with httpx.AsyncClient(timeout=60) as http:
        return await http.post(client.url, data=fields, files=parts, headers=client.headers())


def refused(response: httpx.Response, status: int, code: str) -> str:
    """The message of a JSON refusal with this status and code (the view's error shape)."""
    assert response.status_code == status, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/json"), response.headers
    errors = response.json()["errors"]
    assert [error["extensions"]["code"] for error in errors] == [code], errors
    return errors[0]["message"]
