#!/usr/bin/env bash
# The quick start's main job, on a fresh machine: prepare it (Node, npm deps,
# engine, registries, root filesystems), then build the bundled example
# connector for linux/amd64 + linux/arm64, verify both platforms and publish
# it to a loopback registry that `--registry local` starts when none runs.
#
# No image can be pulled here, so the example's base image is built from the
# local root filesystem first (`base root` + `base build`); with internet
# access, drop --base-image and the upstream base pinned in metadata.yaml is used.
set -Eeuo pipefail
# the example is python: only its root filesystem (java's is made by the tests,
# or by ROOTFS_NAMES=java bash scripts/setup-engine.sh before a java build)
export ROOTFS_NAMES="${ROOTFS_NAMES:-python}"
cd "$(dirname "$0")/.."
export CLASSIC_ENGINE="${CLASSIC_ENGINE:-0}"   # the second (classic-store) engine is for the tests only
export BUILDKIT="${BUILDKIT:-0}"                 # so are the buildkitd builders
export COSIGN="${COSIGN:-0}"                     # signing is not part of the quick start
export TOKEN_REGISTRY="${TOKEN_REGISTRY:-0}"     # the token-auth registry is for the tests only
qs_t0=$SECONDS
qs_mark() { echo "quickstart: $1 done at +$((SECONDS - qs_t0)) s"; }
. scripts/prepare.sh
qs_mark "prepare (node, npm ci, engine, registries, root filesystem)"
EXAMPLE="${1:-examples/source-hello}"
bc() { node dist/cli.js "$@"; }

echo "== base images from the local root filesystem"
root=$(bc base root python --registry localhost:5000)
base=$(bc base build python --root-image "$root" --registry localhost:5000 --push)
echo "root: $root"
echo "base: $base"
qs_mark "base images"

echo "== publish $EXAMPLE (build both platforms, verify each, push by digest, tag)"
bc publish "$EXAMPLE" --registry local --base-image "$base"
qs_mark "publish"
