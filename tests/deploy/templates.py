"""The CloudFormation templates in deploy/templates, parsed with cfn-lint's own decoder (it
understands the short-form intrinsic functions such as !Sub and !GetAtt)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cfnlint.decode import decode

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = ROOT / "deploy" / "templates"
TEMPLATES = sorted(TEMPLATE_DIR.glob("*.yaml"))


def load(name: str) -> dict[str, Any]:
    template, matches = decode(str(TEMPLATE_DIR / name))
    assert not matches and template is not None, matches
    return template


def resources(name: str, kind: str) -> dict[str, dict[str, Any]]:
    return {key: value for key, value in load(name)["Resources"].items() if value["Type"] == kind}
