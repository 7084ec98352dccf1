"""The command line as a person runs it: token, migrate, and serve on embedded defaults."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.server import free_port

LOVEQ = [sys.executable, "-m", "loveq.cli"]


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOVEQ_") and k != "DATABASE_URL"}
    return {**env, "LOVEQ_DATA_DIR": str(data_dir), **extra}


def test_token_prints_only_the_token(tmp_path: Path) -> None:
    result = subprocess.run([*LOVEQ, "token", "ana@example.com"], env=_env(tmp_path), capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].count(".") == 2 and lines[0].startswith("eyJ")
    again = subprocess.run([*LOVEQ, "token", "ana@example.com"], env=_env(tmp_path), capture_output=True, text=True, check=True)
    assert again.stdout.strip() != "" and (tmp_path / "keys" / "local-issuer.pem").exists()


def test_token_refuses_a_bad_email(tmp_path: Path) -> None:
    result = subprocess.run([*LOVEQ, "token", "not-an-email"], env=_env(tmp_path), capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == "" and "email" in result.stderr.lower()


def test_migrate_against_a_configured_server(tmp_path: Path, database_dsn: str) -> None:
    result = subprocess.run([*LOVEQ, "migrate"], env=_env(tmp_path, DATABASE_URL=database_dsn), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stderr or "applied" in result.stderr


def test_configuration_errors_are_reported_plainly(tmp_path: Path) -> None:
    result = subprocess.run([*LOVEQ, "serve"], env=_env(tmp_path, LOVEQ_PORT="eighty"), capture_output=True, text=True)
    assert result.returncode == 2 and "LOVEQ_PORT" in result.stderr and "Traceback" not in result.stderr


def test_serve_on_embedded_defaults(tmp_path: Path) -> None:
    """`loveq serve` with no configuration: private PostgreSQL, local issuer, GraphiQL."""
    data_dir = tmp_path / "data"
    port = free_port()
    server = subprocess.Popen([*LOVEQ, "serve", "--port", str(port)], env=_env(data_dir), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stdout.read()
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the service did not become ready"
            time.sleep(0.3)
        assert httpx.get(f"{base}/healthz").json() == {"status": "ok"}
        ide = httpx.get(f"{base}/graphql", headers={"accept": "text/html"})
        assert ide.status_code == 200 and "graphiql" in ide.text.lower()
        token = subprocess.run([*LOVEQ, "token", "local@example.com"], env=_env(data_dir), capture_output=True, text=True, check=True).stdout.strip()
        answer = httpx.post(f"{base}/graphql", json={"query": "{ viewer { email } }"}, headers={"Authorization": f"Bearer {token}"})
        assert answer.json() == {"data": {"viewer": {"email": "local@example.com"}}}
        assert (data_dir / "pgdata" / "postmaster.pid").exists()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    assert server.returncode == 0
    assert not (data_dir / "pgdata" / "postmaster.pid").exists(), "the embedded database must stop with the service"


def test_serve_writes_json_logs_on_stderr_and_metrics_on_stdout(tmp_path: Path, database_dsn: str) -> None:
    """As the AWS profiles run it (LOVEQ_LOG_FORMAT=json, LOVEQ_SERVICE_NAME): every line on
    stderr is a JSON object — uvicorn's own included, and no access log with query strings —
    and stdout carries the CloudWatch Embedded Metric Format lines."""
    port = free_port()
    env = _env(tmp_path, DATABASE_URL=database_dsn, LOVEQ_LOG_FORMAT="json", LOVEQ_SERVICE_NAME="love-q-cli-test",
               LOVEQ_LOG_SALT="cli-salt")
    server = subprocess.Popen([*LOVEQ, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stderr.read()
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the service did not become ready"
            time.sleep(0.3)
        token = subprocess.run([*LOVEQ, "token", "cli@example.com"], env=_env(tmp_path), capture_output=True, text=True,
                               check=True).stdout.strip()
        answered = httpx.get(f"{base}/graphql", params={"query": "{ viewer { email } }", "variables": '{"secret": "비밀"}'},
                             headers={"Authorization": f"Bearer {token}", "X-Request-Id": "cli-req-1"})
        assert answered.status_code == 200 and answered.headers["x-request-id"] == "cli-req-1"
        time.sleep(0.5)
    finally:
        server.send_signal(signal.SIGTERM)
        stdout, stderr = server.communicate(timeout=60)
    logged = [json.loads(line) for line in stderr.splitlines() if line.strip()]
    assert any(line["logger"].startswith("uvicorn") for line in logged), "uvicorn's lines go through the same format"
    request = [line for line in logged if line.get("request_id") == "cli-req-1" and line["logger"] == "loveq.request"]
    assert len(request) == 1 and request[0]["field"] == "viewer" and request[0]["status"] == 200
    assert "비밀" not in stderr and "cli@example.com" not in stderr and token not in stderr
    metrics = [json.loads(line) for line in stdout.splitlines() if line.startswith('{"_aws"')]
    assert any(m.get("Operation") == "viewer" and m["Service"] == "love-q-cli-test" and m["Requests"] == 1 for m in metrics)
