#!/usr/bin/env bash
# The test command (README quick start, and what CI runs): prepares the
# machine idempotently, then runs the unit and integration suites.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
. scripts/prepare.sh
# The Action tests run dist/index.js as the runner does: test what src/ builds.
npm run build >/dev/null
# The CLI under test is the bundle just built (test/support/cli.ts): the same code
# as src/, without a TypeScript loader starting for each of the suite's CLI runs.
export BC_TEST_DIST="${BC_TEST_DIST:-1}"
exec npm test -- "$@"
