"""Fixtures for the authentication tests."""

from tests.support.moto_server import moto_server

__all__ = ["moto_server"]
