#!/usr/bin/env bash
# Creates .venv (once) and installs Love Q with the given extras, again only when
# pyproject.toml changes. Used by serve.sh and test.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
extras="$1"
python="${PYTHON:-python3}"
venv="$root/.venv"
stamp="$venv/.loveq-installed"
want="$(sha256sum "$root/pyproject.toml" | cut -d' ' -f1) $extras"
if [ -f "$stamp" ] && grep -qxF -- "$want" "$stamp" 2>/dev/null; then
  exit 0
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
{
  [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --upgrade pip
  "$venv/bin/python" -m pip install -e "$root$extras"
} >"$log" 2>&1 || { cat "$log" >&2; echo "installation failed" >&2; exit 1; }
echo "$want" >>"$stamp"
