#!/usr/bin/env bash
# The fuzz tests (tests/fuzz) with a long budget: LOVEQ_FUZZ_EXAMPLES examples per test (1000
# unless set), random rather than the suite's fixed examples, and failures kept in .hypothesis/
# to be tried first next time. Like test.sh: the embedded PostgreSQL, or DATABASE_URL's server.
# Extra arguments go to pytest (bash scripts/fuzz.sh -k imports -x).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/bootstrap.sh" "[test]"
cd "$root"
export HYPOTHESIS_PROFILE=long
exec "$root/.venv/bin/python" -m pytest tests/fuzz "$@"
