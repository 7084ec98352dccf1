"""Every template lints clean: cfn-lint finds no error, and checkov fails no check except those
skipped in the template with a written reason, each skip being one that is needed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.templates import ROOT, TEMPLATES

CHECKOV = ROOT / ".venv-lint" / "bin" / "checkov"


def test_there_are_templates() -> None:
    assert {p.name for p in TEMPLATES} >= {"serverless.yaml", "container.yaml", "shared.yaml", "bootstrap.yaml"}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_cfn_lint_finds_no_errors(template: Path) -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "cfn-lint"), "--format", "parseable", str(template)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    findings = [line for line in result.stdout.splitlines() if line.strip()]
    errors = [line for line in findings if re.search(r":E\d{4}:", line)]
    assert not errors, "\n".join(errors)
    assert result.returncode & ~(4 | 8) == 0, result.stderr  # a bit mask: 2 errors, 4 warnings, 8 notes
    for line in findings:
        print(line)  # warnings stay visible in the test output


def _checkov(directory: Path) -> list[dict]:
    if not CHECKOV.exists():
        pytest.fail(f"{CHECKOV} is missing: run bash deploy/lint-env.sh (scripts/test.sh does)")
    env = {
        **os.environ,
        "BC_SKIP_MAPPING": "TRUE",  # no download of the guideline links (no network here)
        "CHECKOV_LOG_LEVEL": "ERROR",
    }
    # Run inside the directory with a relative path: checkov scans the file path it records
    # beside the Lambda environment as if it were a variable, and an absolute path that happens
    # to hold 40 characters of [A-Za-z0-9/+=] in a row (/tmp/ciclone/deploy/templates/serverless)
    # "is" an AWS secret key (CKV_AWS_45).
    result = subprocess.run(
        [str(CHECKOV), "--directory", ".", "--framework", "cloudformation",
         "--output", "json", "--compact", "--skip-download"],
        capture_output=True, text=True, timeout=600, env=env, check=False, cwd=directory,
    )
    assert result.stdout.strip(), result.stderr[-3000:]
    report = json.loads(result.stdout)
    return report if isinstance(report, list) else [report]


@pytest.fixture(scope="module")
def checkov_report() -> list[dict]:
    return _checkov(ROOT / "deploy" / "templates")


def test_checkov_fails_no_check(checkov_report: list[dict]) -> None:
    failed = [
        f"{c['file_path']} {c['resource']} {c['check_id']} {c['check_name']}"
        for report in checkov_report for c in report["results"]["failed_checks"]
    ]
    assert not failed, "\n".join(failed)


def test_every_checkov_skip_has_a_reason(checkov_report: list[dict]) -> None:
    skipped = [c for report in checkov_report for c in report["results"]["skipped_checks"]]
    assert skipped, "the templates skip some checks, each with a reason"
    unexplained = [
        f"{c['file_path']} {c['resource']} {c['check_id']}"
        for c in skipped
        if len((c.get("check_result") or {}).get("suppress_comment") or "") < 20
    ]
    assert not unexplained, "skips without a written reason:\n" + "\n".join(unexplained)


def _without_skips(text: str) -> str:
    out, skipping, indent = [], False, 0
    for line in text.splitlines():
        if re.match(r"^\s+checkov:\s*$", line):
            skipping, indent = True, len(line) - len(line.lstrip())
            continue
        if skipping and (not line.strip() or len(line) - len(line.lstrip()) > indent):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out) + "\n"


def test_every_checkov_skip_is_needed(checkov_report: list[dict], tmp_path: Path) -> None:
    """A skip must silence a check that fails without it; one that silences nothing goes."""
    for template in TEMPLATES:
        (tmp_path / template.name).write_text(_without_skips(template.read_text()))
    bare = _checkov(tmp_path)

    def key(c: dict) -> tuple[str, str, str]:
        return (Path(c["file_path"]).name, c["resource"], c["check_id"])

    failing_without = {key(c) for report in bare for c in report["results"]["failed_checks"]}
    skipped = {key(c) for report in checkov_report for c in report["results"]["skipped_checks"]}
    assert skipped == failing_without, (
        f"skips that silence nothing: {sorted(skipped - failing_without)}; "
        f"failures not skipped: {sorted(failing_without - skipped)}"
    )
