#!/usr/bin/env bash
# Installs the real GraphQL clients the tests run (tests/loveq/test_real_clients.py) from the
# lock file, once per lock: Apollo Client and graphql-sse. Needs Node.js 20+ and npm; without
# them, or when the registry cannot be reached, it says so and those tests are skipped.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stamp="$here/node_modules/.loveq-lock"
want="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "tests/clients: npm not found; the real-client tests will be skipped" >&2
  exit 0
fi
if (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
  echo "$want" >"$stamp"
else
  echo "tests/clients: npm ci failed; the real-client tests will be skipped" >&2
fi
