#!/usr/bin/env bash
# Creates .venv-lint (once) with checkov from deploy/lint-requirements.txt (pinned, hashed), again
# only when that file changes. checkov pins an older botocore than aioboto3 accepts, so it cannot
# live in the project's .venv. Used by scripts/test.sh; tests/deploy/test_lint.py runs it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-python3}"
venv="$root/.venv-lint"
stamp="$venv/.installed"
want="$(sha256sum "$root/deploy/lint-requirements.txt" | cut -d' ' -f1)"
if [ -f "$stamp" ] && grep -qxF -- "$want" "$stamp" 2>/dev/null; then
  exit 0
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
{
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --require-hashes --no-deps -r "$root/deploy/lint-requirements.txt"
} >"$log" 2>&1 || { cat "$log" >&2; echo "installing the template linters failed" >&2; exit 1; }
echo "$want" >"$stamp"
