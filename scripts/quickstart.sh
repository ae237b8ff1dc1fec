#!/usr/bin/env bash
# The quick start's main job: prepare the machine, then run build-connector
# on the bundled example connector as far as the tool goes today.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
. scripts/prepare.sh
node dist/cli.js doctor --registry localhost:5000
