#!/usr/bin/env bash
# CI only: a stand-in for the python:3.11-slim-bookworm base image, which cannot be pulled here
# (no container registry is reachable). Debian bookworm's own CPython 3.11 in a minimal root file
# system made by debootstrap from the machine's configured Debian mirror, imported as a local
# image. Prints the image name. Needs debootstrap and podman (Debian packages) and root.
set -euo pipefail
image="localhost/loveq-ci-python:3.11-bookworm"
if podman image exists "$image"; then
  echo "$image"
  exit 0
fi
sources=/etc/apt/sources.list.d/debian.sources
if [ -f "$sources" ]; then
  mirror="$(awk '/^URIs:/ { print $2; exit }' "$sources")"
else
  mirror="$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
debootstrap --variant=minbase --include=python3,python3-venv,python-is-python3,ca-certificates \
  bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
tar -C "$work/rootfs" -c . | podman import --quiet - "$image" >/dev/null
echo "$image"
