"""A real moto server (HTTP on 127.0.0.1, a free port) for tests that talk to AWS APIs.

Use it from a conftest or a test module by importing the fixture:

    from tests.support.moto_server import moto_server  # noqa: F401

moto keeps its state per process, so every test should create its own resources
(pools, buckets) with unique names rather than assume an empty account.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer

REGION = "us-east-1"
# Dummy credentials: moto accepts anything, and passing them explicitly keeps boto3 from
# looking for real ones in the environment or ~/.aws.
_CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@dataclass(frozen=True)
class MotoServer:
    endpoint_url: str
    region: str = REGION

    def client(self, service: str) -> Any:
        """A boto3 client for ``service`` pointed at this server."""
        return boto3.client(
            service, endpoint_url=self.endpoint_url, region_name=self.region, **_CREDENTIALS
        )


@pytest.fixture(scope="session")
def moto_server() -> Iterator[MotoServer]:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield MotoServer(endpoint_url=f"http://{host}:{port}")
    finally:
        server.stop()
