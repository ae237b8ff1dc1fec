#!/usr/bin/env bash
# Idempotent preparation used by the quick start, the test command and CI:
# Node >= 22.12 (installs Node 24 from npm when the machine's is older),
# npm dependencies, and the container engine environment (setup-engine.sh).
# Source it (". scripts/prepare.sh") so PATH keeps the Node it chose.
set -Eeuo pipefail
_bc_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BUILD_CONNECTOR_CACHE="${BUILD_CONNECTOR_CACHE:-/var/cache/build-connector}"
if [ ! -w "$(dirname "$BUILD_CONNECTOR_CACHE")" ] && [ ! -w "$BUILD_CONNECTOR_CACHE" ]; then
  export BUILD_CONNECTOR_CACHE="$HOME/.cache/build-connector"
fi
_bc_node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }
if ! _bc_node_ok; then
  _bc_node_dir="$BUILD_CONNECTOR_CACHE/node24"
  if [ ! -x "$_bc_node_dir/node_modules/node/bin/node" ]; then
    echo "prepare: installing Node 24 (npm install node@24) into $_bc_node_dir"
    mkdir -p "$_bc_node_dir"
    npm install --prefix "$_bc_node_dir" --no-save --no-audit --no-fund node@24 >/dev/null
  fi
  export PATH="$_bc_node_dir/node_modules/node/bin:$PATH"
fi
echo "prepare: node $(node --version)"
if [ ! -f "$_bc_root/node_modules/.package-lock.json" ] || [ "$_bc_root/package-lock.json" -nt "$_bc_root/node_modules/.package-lock.json" ]; then
  echo "prepare: npm ci"
  (cd "$_bc_root" && npm ci --no-audit --no-fund)
fi
if [ "${BC_SKIP_ENGINE_SETUP:-0}" != 1 ]; then
  bash "$_bc_root/scripts/setup-engine.sh"
fi
