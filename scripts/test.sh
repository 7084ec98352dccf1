#!/usr/bin/env bash
# Installs Love Q with its test dependencies (and the embedded PostgreSQL, the template linters
# in .venv-lint, the real GraphQL clients in tests/clients) and runs the whole test suite.
# Without DATABASE_URL the tests start the embedded PostgreSQL; with it they use that server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/bootstrap.sh" "[embedded,test]"
bash "$root/deploy/lint-env.sh"
bash "$root/tests/clients/install.sh"
cd "$root"
exec "$root/.venv/bin/python" -m pytest "$@"
