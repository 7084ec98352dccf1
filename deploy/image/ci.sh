#!/usr/bin/env bash
# CI: proves the production image's install. Builds the image from the Dockerfile with buildah
# (daemonless; chroot isolation, as no container runtime can manage cgroups here) on a local
# stand-in for the python base image (deploy/image/ci-base.sh), then runs tests/deploy/test_image.py
# against it: `loveq migrate` and `loveq serve` inside the image with production-like settings.
#
# When buildah cannot run on this machine at all (the packages do not install, or a trivial
# container does not start), it replays the Dockerfile's install stage in a clean virtualenv
# from a clean checkout instead (deploy/image/replay.py) and says so. A failing build or test is
# a failure either way, never a reason to fall back.
#
# Needs root (apt-get, buildah) and DATABASE_URL naming a PostgreSQL server over TCP.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
: "${DATABASE_URL:?DATABASE_URL must name a PostgreSQL server reachable over TCP}"
image="localhost/loveq:ci-$$"
work="$(mktemp -d)"
cleanup() {
  buildah rmi -f "$image" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

builder_works() {
  command -v buildah >/dev/null && command -v podman >/dev/null && command -v debootstrap >/dev/null \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah podman debootstrap >"$work/apt.log" 2>&1 \
    || { apt-get update -qq >>"$work/apt.log" 2>&1 \
         && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah podman debootstrap >>"$work/apt.log" 2>&1; } \
    || { echo "image: buildah does not install here ($(tail -1 "$work/apt.log"))"; return 1; }
  base="$(bash deploy/image/ci-base.sh)" || { echo "image: no base image could be made"; return 1; }
  probe="$(buildah from --quiet "$base")" || return 1
  if ! buildah run --isolation=chroot "$probe" -- python3 -c "pass" >/dev/null 2>&1; then
    buildah rm "$probe" >/dev/null 2>&1
    echo "image: buildah cannot run a container here"
    return 1
  fi
  buildah rm "$probe" >/dev/null
}

started=$SECONDS
if builder_works; then
  # This machine reaches PyPI through its own CA: lend the build its bundle and a pip
  # configuration naming it (mounted for the build only; neither lands in the image).
  printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$work/pip.conf"
  echo "image: buildah bud --target runtime (base $base)"
  buildah bud --isolation=chroot --layers=false --quiet --format docker \
    -v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro \
    -v "$work/pip.conf:/etc/pip.conf:ro" \
    --build-arg PYTHON_IMAGE="$base" --target runtime -t "$image" . >"$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log"; echo "image: the build failed"; exit 1; }
  echo "image: built in $((SECONDS - started)) s; $(buildah images --format '{{.Size}}' "$image") uncompressed"
  export LOVEQ_IMAGE="$image"
else
  echo "image: replaying the Dockerfile's install stage in a clean virtualenv instead"
  prefix="$(.venv/bin/python deploy/image/replay.py "$work/replay")"
  echo "image: replayed in $((SECONDS - started)) s"
  export LOVEQ_IMAGE_PREFIX="$prefix"
fi
.venv/bin/python -m pytest -q -p no:cacheprovider tests/deploy/test_image.py
