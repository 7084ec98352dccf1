"""Where the verifier finds public keys: a fixed set, or a remote JWKS document.

``RemoteJwks`` caches the key set, refreshes it when it grows old or when a token names
a ``kid`` it does not know (key rotation), and rate-limits those refreshes so tokens with
random ``kid`` values cannot make us hammer the issuer.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, Protocol

import httpx

from loveq.auth.errors import AuthenticationError

log = logging.getLogger(__name__)

Jwk = dict[str, Any]
MAX_JWKS_BYTES = 512 * 1024


class JwksSource(Protocol):
    async def get_key(self, kid: str) -> Jwk | None:
        """The JWK with this ``kid``, or None when the issuer does not publish it."""
        ...

    async def aclose(self) -> None:
        """Release any resources (HTTP connections) the source holds."""
        ...


def parse_jwks(document: object) -> dict[str, Jwk]:
    """Index a JWKS document (``{"keys": [...]}``) by ``kid``.

    Keys without a string ``kid`` are skipped: a token can only ever select a key by kid.
    Raises ValueError when the document is not a JWKS at all.
    """
    if not isinstance(document, Mapping) or not isinstance(document.get("keys"), list):
        raise ValueError("a JWKS document is an object with a 'keys' list")
    keys: dict[str, Jwk] = {}
    for key in document["keys"]:
        if isinstance(key, Mapping) and isinstance(key.get("kid"), str) and key["kid"]:
            keys[key["kid"]] = dict(key)
    return keys


class StaticJwks:
    """A key set known up front (the local issuer's own public key)."""

    def __init__(self, keys: Mapping[str, Any]) -> None:
        self._keys = parse_jwks(keys)

    async def get_key(self, kid: str) -> Jwk | None:
        return self._keys.get(kid)

    async def aclose(self) -> None:
        return None


class RemoteJwks:
    """A JWKS fetched over HTTP(S), cached for ``cache_seconds``.

    * A ``kid`` missing from a fresh cache triggers one refresh, at most once every
      ``min_refresh_interval`` seconds (failed attempts count too).
    * Concurrent callers needing a refresh share one fetch: the others wait on the lock
      and reuse its outcome.
    * When a refresh fails, keys already cached keep working; with nothing cached the
      caller gets ``AuthenticationError("jwks_unavailable")`` (details go to the log only).
    """

    def __init__(
        self,
        url: str,
        *,
        http: httpx.AsyncClient | None = None,
        cache_seconds: float = 3600,
        min_refresh_interval: float = 30,
        timeout_seconds: float = 5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._url = url
        self._http = http
        self._owns_http = http is None
        self._cache_seconds = cache_seconds
        self._min_refresh_interval = min_refresh_interval
        self._timeout = timeout_seconds
        self._clock = clock
        self._lock = asyncio.Lock()
        self._keys: dict[str, Jwk] = {}
        self._fetched_at: float | None = None  # last successful fetch
        self._attempted_at: float | None = None  # last fetch, successful or not
        self._last_failed = False
        self._generation = 0  # bumped after every fetch attempt

    async def get_key(self, kid: str) -> Jwk | None:
        if self._is_fresh() and kid in self._keys:
            return self._keys[kid]
        await self._refresh(seen_generation=self._generation)
        key = self._keys.get(kid)
        if key is None and self._last_failed:
            raise AuthenticationError("jwks_unavailable")
        return key

    async def aclose(self) -> None:
        if self._owns_http and self._http is not None:
            await self._http.aclose()
            self._http = None

    def _is_fresh(self) -> bool:
        return (
            self._fetched_at is not None
            and self._clock() - self._fetched_at < self._cache_seconds
        )

    async def _refresh(self, *, seen_generation: int) -> None:
        async with self._lock:
            if self._generation != seen_generation:
                return  # another caller fetched while we waited: share its outcome
            now = self._clock()
            if (
                self._attempted_at is not None
                and now - self._attempted_at < self._min_refresh_interval
            ):
                return  # rate limited: answer from what we have
            self._attempted_at = now
            try:
                self._keys = await self._fetch()
            except AuthenticationError:
                self._last_failed = True
            else:
                self._fetched_at = self._clock()
                self._last_failed = False
            finally:
                self._generation += 1

    async def _fetch(self) -> dict[str, Jwk]:
        if self._http is None:
            self._http = httpx.AsyncClient()
        try:
            response = await self._http.get(
                self._url, timeout=self._timeout, headers={"Accept": "application/json"}
            )
            response.raise_for_status()
            if len(response.content) > MAX_JWKS_BYTES:
                raise ValueError(f"JWKS larger than {MAX_JWKS_BYTES} bytes")
            keys = parse_jwks(response.json())
        except (httpx.HTTPError, ValueError) as exc:
            log.warning(
                "fetching the JWKS from %s failed: %s: %s", self._url, type(exc).__name__, exc
            )
            raise AuthenticationError("jwks_unavailable") from None
        log.info("fetched the JWKS from %s: %d key(s)", self._url, len(keys))
        return keys
