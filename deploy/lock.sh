#!/usr/bin/env bash
# Refreshes the pinned dependency files from a clean resolve (run after changing the
# dependencies in pyproject.toml, or to take newer releases; commit the result):
#
#   deploy/requirements.lock       the production image: pyproject.toml's [project] dependencies
#                                  (no extras, so no embedded PostgreSQL), every distribution
#                                  pinned with its sha256 hashes
#   deploy/build-requirements.lock pyproject.toml's build backend, hashed too: installed first, so
#                                  that the project and the one sdist among the dependencies
#                                  (kiwipiepy_model, the analyser's data) build without fetching
#                                  unpinned build tools
#   deploy/lint-requirements.txt   checkov, in a virtualenv of its own (it pins an older botocore
#                                  than aioboto3 accepts, so it cannot share the project's)
#
# Resolved for the image's platform (CPython 3.11, Linux x86_64, glibc) whatever machine runs
# this. tests/deploy/test_lock.py checks that the lock still covers pyproject.toml.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
uv_version="0.13.8"
checkov_version="3.3.30"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$uv_version"
uv="$work/venv/bin/uv"

"$work/venv/bin/python" - "$root/pyproject.toml" >"$work/build.in" <<'PY'
import sys, tomllib
with open(sys.argv[1], "rb") as f:
    print("\n".join(tomllib.load(f)["build-system"]["requires"]))
PY

cd "$root"
common=(--python-version 3.11 --python-platform x86_64-manylinux_2_28 --generate-hashes
        --no-cache --quiet --custom-compile-command "bash deploy/lock.sh")
"$uv" pip compile "${common[@]}" pyproject.toml --output-file deploy/requirements.lock
"$uv" pip compile "${common[@]}" "$work/build.in" --output-file deploy/build-requirements.lock
# Temporary paths are not worth keeping in the files.
sed -i "s#$work/build.in#pyproject.toml [build-system] requires#" deploy/build-requirements.lock

echo "checkov==$checkov_version" >"$work/lint.in"
"$uv" pip compile "${common[@]}" "$work/lint.in" --output-file deploy/lint-requirements.txt
sed -i "s#$work/lint.in#checkov==$checkov_version#" deploy/lint-requirements.txt
echo "wrote deploy/requirements.lock, deploy/build-requirements.lock and deploy/lint-requirements.txt" >&2
