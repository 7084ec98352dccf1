#!/usr/bin/env bash
# Installs and starts Love Q on its embedded defaults: a private PostgreSQL, the local token
# issuer and the local engines, all under $LOVEQ_DATA_DIR (default ./.loveq). GraphiQL at /graphql.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/bootstrap.sh" "[embedded]"
cd "$root"
exec "$root/.venv/bin/loveq" serve "$@"
