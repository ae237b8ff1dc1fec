#!/usr/bin/env bash
# The test command (README quick start, and what CI runs): prepares the
# machine idempotently, then runs the unit and integration suites.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
. scripts/prepare.sh
# The Action tests run dist/index.js as the runner does: test what src/ builds.
npm run build >/dev/null
exec npm test -- "$@"
