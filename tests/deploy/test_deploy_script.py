"""deploy/deploy.sh --dry-run prints the whole release, in order, and calls nothing."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.deploy.templates import ROOT

SCRIPT = ROOT / "deploy" / "deploy.sh"


@pytest.fixture
def no_cloud(tmp_path: Path) -> dict[str, str]:
    """aws and docker that fail the test if the dry run ever runs them."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("aws", "docker"):
        fake = bin_dir / tool
        fake.write_text(f"#!/bin/sh\necho '{tool} was called by a dry run' >&2\nexit 99\n")
        fake.chmod(0o755)
    return {
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "ALERT_EMAIL": "ops@example.com",
        "AWS_REGION": "ap-northeast-2",
    }


def deploy(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), *args], cwd=ROOT, env=env, text=True, timeout=60, check=False,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,  # one stream, in the order printed
    )


def commands(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line[2:] for line in result.stdout.splitlines() if line.startswith("+ ")]


def _index(lines: list[str], *needles: str) -> int:
    for i, line in enumerate(lines):
        if all(n in line for n in needles):
            return i
    raise AssertionError(f"no command with {needles} in:\n" + "\n".join(lines))


def test_serverless_dry_run(no_cloud: dict[str, str]) -> None:
    result = deploy(no_cloud, "dev", "--dry-run")
    assert result.returncode == 0, result.stdout
    lines = commands(result)
    order = [
        _index(lines, "cloudformation deploy", "--stack-name love-q-bootstrap", "bootstrap.yaml"),
        _index(lines, "docker build", "--target lambda"),
        _index(lines, "docker push"),
        _index(lines, "cloudformation package", "serverless.yaml"),
        _index(lines, "cloudformation deploy", "--stack-name love-q-serverless-dev", "CAPABILITY_NAMED_IAM"),
        _index(lines, "docker run", "migrate", "LOVEQ_DSQL_ENDPOINT"),
    ]
    assert order == sorted(order), lines
    stack_deploy = lines[order[4]]
    assert "Stage=dev" in stack_deploy and "AlertEmail=ops@example.com" in stack_deploy
    assert "--region ap-northeast-2" in stack_deploy
    assert "was called by a dry run" not in result.stdout


def test_container_dry_run_migrates_in_an_ecs_task(no_cloud: dict[str, str]) -> None:
    env = {**no_cloud, "CERTIFICATE_ARN": "arn:aws:acm:ap-northeast-2:123456789012:certificate/abc"}
    result = deploy(env, "prod", "--profile", "container", "--dry-run")
    assert result.returncode == 0, result.stdout
    lines = commands(result)
    build = _index(lines, "docker build", "--target runtime")
    stack = _index(lines, "cloudformation deploy", "--stack-name love-q-container-prod", "CertificateArn=")
    migrate = _index(lines, "ecs run-task", '"command":["migrate"]')
    assert build < stack < migrate
    assert _index(lines, "ecs wait tasks-stopped") > migrate


@pytest.mark.parametrize(
    ("args", "env_change", "message"),
    [
        (["qa", "--dry-run"], {}, "unknown argument"),
        (["dev", "--dry-run"], {"ALERT_EMAIL": ""}, "ALERT_EMAIL"),
        (["dev", "--profile", "container", "--dry-run"], {}, "CERTIFICATE_ARN"),
        (["dev", "--profile", "kubernetes", "--dry-run"], {}, "serverless or container"),
    ],
)
def test_refuses_what_it_cannot_deploy(no_cloud: dict[str, str], args: list[str], env_change: dict[str, str], message: str) -> None:
    result = deploy({**no_cloud, **env_change}, *args)
    assert result.returncode == 2
    assert message in result.stdout
