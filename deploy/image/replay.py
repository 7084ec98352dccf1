"""Replays the Dockerfile's install stage without an image builder, from a clean checkout.

    python deploy/image/replay.py OUT_DIR      # prints the virtualenv the image would hold

The build context is the committed tree (``git archive HEAD``) less what .dockerignore keeps
out; the ``build`` stage's instructions then run in order, with the image's absolute paths
(``/opt/loveq``, the WORKDIR) mapped under OUT_DIR. An instruction this replay does not know
fails it, so the Dockerfile cannot grow a step that CI silently skips. The base image's Python
is this machine's python3 (3.11, as in the image).
"""

from __future__ import annotations

import fnmatch
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAGE = "build"
PREFIX = "/opt/loveq"


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in dockerfile.read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        keyword, _, rest = line.partition(" ")
        out.append((keyword.upper(), rest.strip()))
    return out


def stage(dockerfile: Path, name: str) -> list[tuple[str, str]]:
    steps: list[tuple[str, str]] | None = None
    for keyword, rest in instructions(dockerfile):
        if keyword == "FROM":
            if steps is not None:
                break
            if rest.split()[-2:] == ["AS", name] or rest.split()[-2:] == ["as", name]:
                steps = []
            continue
        if steps is not None:
            steps.append((keyword, rest))
    if steps is None:
        raise SystemExit(f"no stage {name!r} in {dockerfile}")
    return steps


def ignored(patterns: list[str], path: str) -> bool:
    """.dockerignore matching as used here: glob patterns, ``**/`` prefixes, directories
    excluding everything under them; the last matching pattern wins, ``!`` re-includes."""
    verdict = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").strip("/")
        candidates = [pattern] + ([pattern[3:]] if pattern.startswith("**/") else [])
        parts = path.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        for candidate in candidates:
            if any(fnmatch.fnmatchcase(p, candidate) for p in prefixes) or (
                candidate != pattern and any(fnmatch.fnmatchcase(part, candidate) for part in parts)
            ):
                verdict = not negate
    return verdict


def context(out: Path) -> Path:
    """The build context: HEAD's files (a clean checkout) minus .dockerignore's patterns."""
    archive = out / "checkout"
    archive.mkdir(parents=True)
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "HEAD"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(archive)], input=tar, check=True)
    patterns = [
        line.strip()
        for line in (archive / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    ctx = out / "context"
    for path in sorted(archive.rglob("*")):
        rel = path.relative_to(archive).as_posix()
        if path.is_dir() or ignored(patterns, rel):
            continue
        target = ctx / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    shutil.rmtree(archive)
    return ctx


def replay(out: Path) -> Path:
    out = out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    ctx = context(out)
    prefix = out / PREFIX.lstrip("/")
    workdir: Path | None = None
    # pip as in the image: public PyPI only. This machine's pip configuration (local wheel
    # folders, constraints) stays out; its CA bundle (PIP_CERT) is the one thing kept.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") or k == "PIP_CERT"}
    env["PIP_CONFIG_FILE"] = os.devnull
    for keyword, rest in stage(ROOT / "Dockerfile", STAGE):
        if keyword == "WORKDIR":
            workdir = out / rest.lstrip("/")
        elif keyword == "COPY" and rest == ". .":
            if workdir is None:
                raise SystemExit("COPY before WORKDIR")
            workdir.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(ctx, workdir)
        elif keyword == "ENV":
            for item in shlex.split(rest):
                key, _, value = item.partition("=")
                env[key] = value
        elif keyword == "RUN":
            command = rest.replace(PREFIX, str(prefix))
            print(f"replay: RUN {command}", file=sys.stderr)
            subprocess.run(["sh", "-c", command], cwd=workdir, env=env, check=True, stdout=sys.stderr)
        else:
            raise SystemExit(f"replay.py does not know how to replay {keyword} {rest}")
    if not (prefix / "bin" / "loveq").exists():
        raise SystemExit(f"the replayed install made no {prefix}/bin/loveq")
    return prefix


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print(replay(Path(sys.argv[1])))
