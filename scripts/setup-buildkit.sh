#!/usr/bin/env bash
# A real BuildKit daemon for the docker-container and remote buildx drivers,
# built offline from Debian's own archive (no Go module proxy, no image pull):
# BuildKit's source is an extra orig tarball of trixie's docker.io source
# package; the Go toolchain and every library come as Debian golang-* .debs,
# unpacked (dpkg -x) into a private root, never installed system-wide.
#
# Idempotent and cached: $CACHE/buildkit/<key>/bin/{buildkitd,buildctl}, where
# the key hashes the source package version, the Go version and this recipe's
# version. Then (unless BUILDKIT_START=0):
#   - a buildkitd on unix://$BK_DIR/buildkitd.sock and a `remote` builder on it
#     (bc-remote);
#   - a local image $BK_IMAGE (bookworm minbase + runc + the two binaries) and a
#     `docker-container` builder from it (bc-container), network=host so that
#     127.0.0.1:5000 is the host's loopback registry.
# Both get a buildkitd.toml marking the loopback registries http.
#
# Environment: BUILD_CONNECTOR_CACHE, BUILDKIT_START=0 (build only).
set -Eeuo pipefail
CACHE="${BUILD_CONNECTOR_CACHE:-/var/cache/build-connector}"
STATE="$CACHE/state"
SRC_VERSION=26.1.5+dfsg1-9+deb13u1   # trixie docker.io: BuildKit v0.13.2
GO=1.24
RECIPE=1
KEY=$(printf 'docker.io=%s|go=%s|recipe=%s' "$SRC_VERSION" "$GO" "$RECIPE" | sha256sum | cut -c1-12)
W="$CACHE/buildkit/$KEY"
BK_DIR="${BUILD_CONNECTOR_BUILDKIT_DIR:-/run/build-connector-buildkit}"
BK_IMAGE="local/buildkit:v0.13.2-debian-$KEY"
mkdir -p "$STATE" "$W"
step_log=""
trap 'echo "setup-buildkit: FAILED at line $LINENO" >&2; [ -n "$step_log" ] && [ -s "$step_log" ] && tail -n 25 "$step_log" >&2; exit 3' ERR
say() { printf 'setup-buildkit: %s\n' "$*"; }

[ "$(id -u)" = 0 ] || { say "needs root (buildkitd's OCI worker): skipped"; exit 0; }
MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$MIRROR" ] || MIRROR=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)

build_binaries() {
  local t0 A seeds
  t0=$(date +%s)
  mkdir -p "$W/apt/lists/partial" "$W/src" "$W/debs" "$W/root" "$W/gopath/src/github.com/moby" "$W/bin.part"
  printf 'deb %s trixie main\ndeb-src %s trixie main\n' "$MIRROR" "$MIRROR" >"$W/apt/list"
  A=(-o Dir::Etc::sourcelist="$W/apt/list" -o Dir::Etc::sourceparts=/dev/null -o Dir::State::Lists="$W/apt/lists")
  step_log="$STATE/buildkit-apt.log"
  say "fetching docker.io $SRC_VERSION sources and the golang-* build closure from trixie"
  apt-get "${A[@]}" update -qq >"$step_log" 2>&1
  # the .dsc answers 404 on the mirror; the tarballs arrive, apt-get exits non-zero
  (cd "$W/src" && apt-get "${A[@]}" source --download-only "docker.io=$SRC_VERSION" >>"$step_log" 2>&1 || true)
  local orig="$W/src/docker.io_${SRC_VERSION%-*}.orig-buildkit.tar.xz" debian="$W/src/docker.io_$SRC_VERSION.debian.tar.xz"
  [ -f "$orig" ] && [ -f "$debian" ] || { say "docker.io source tarballs missing (see $step_log)"; false; }
  rm -rf "$W/src/work" && mkdir -p "$W/src/work/deb"
  tar -C "$W/src/work/deb" -xf "$debian"
  tar -C "$W/src/work" -xf "$orig"
  # Debian's patches that touch BuildKit; hunks for the engine's tree find no file and are skipped
  for p in grpc-middleware-v1 buildkit-remove-hcsshim buildkit-remove-jaeger \
           buildkit-CVE-2026-33747-validate-container-id buildkit-CVE-2026-33748-git-subdir-symlink-escape engine-ftbfs-mips; do
    (cd "$W/src/work" && patch -p1 -f <"deb/debian/patches/$p.patch" >>"$step_log" 2>&1) || true
  done
  rm -rf "$W/gopath/src/github.com/moby/buildkit"
  cp -a "$W/src/work/buildkit" "$W/gopath/src/github.com/moby/buildkit"

  seeds=$( { apt-cache "${A[@]}" showsrc docker.io docker-buildx | sed -n 's/^Build-Depends: //p'; } |
           tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/\[.*\]//; s/ //g' | grep -E '^golang-' | sort -u)
  # shellcheck disable=SC2086
  apt-cache "${A[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
      --no-replaces --no-enhances --no-pre-depends $seeds golang-github-docker-docker-dev \
      golang-github-docker-buildx-dev "golang-$GO-go" "golang-$GO-src" 2>/dev/null |
    grep -v '^[ <]' | grep -E '^(golang-|go-)' | sort -u |
    grep -vx 'golang-github-golang-protobuf-1-3-dev' >"$W/apt/godl.txt"   # overlaps -1-5-dev (same files)
  say "downloading $(wc -l <"$W/apt/godl.txt") Go packages"
  # shellcheck disable=SC2046
  (cd "$W/debs" && apt-get "${A[@]}" download $(cat "$W/apt/godl.txt") >>"$step_log" 2>&1)
  for f in "$W"/debs/*.deb; do dpkg -x "$f" "$W/root"; done

  step_log="$STATE/buildkit-go.log"
  say "compiling buildkitd and buildctl (GOPATH mode, offline)"
  (
    export GOROOT="$W/root/usr/lib/go-$GO" PATH="$W/root/usr/lib/go-$GO/bin:$PATH"
    export GO111MODULE=off GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-p=2 GOCACHE="$W/gocache"
    export GOPATH="$W/gopath:$W/root/usr/share/gocode"
    cd "$W/gopath/src/github.com/moby/buildkit"
    nice -n 19 go build -trimpath -tags seccomp \
      -ldflags "-X github.com/moby/buildkit/version.Version=v0.13.2+debian-$SRC_VERSION -X github.com/moby/buildkit/version.Revision=debian" \
      -o "$W/bin.part/" ./cmd/buildkitd ./cmd/buildctl
  ) >"$step_log" 2>&1
  rm -rf "$W/bin" && mv "$W/bin.part" "$W/bin"
  # what is left is only needed to build again: keep the .debs (downloads), drop the rest
  rm -rf "$W/root" "$W/gopath" "$W/gocache" "$W/src/work"
  say "built $("$W/bin/buildkitd" --version) in $(( $(date +%s) - t0 )) s; buildkitd $(du -m "$W/bin/buildkitd" | cut -f1) MB, buildctl $(du -m "$W/bin/buildctl" | cut -f1) MB"
}

if [ -x "$W/bin/buildkitd" ] && [ -x "$W/bin/buildctl" ]; then
  say "cached $W/bin ($("$W/bin/buildkitd" --version))"
else
  build_binaries
fi
command -v runc >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq runc >/dev/null

[ "${BUILDKIT_START:-1}" = 1 ] || exit 0

# ------------------------------------------------------------ configuration
mkdir -p "$BK_DIR"
TOML="$BK_DIR/buildkitd.toml"
{
  echo 'debug = false'
  echo '[worker.oci]'
  echo '  enabled = true'
  echo '  platforms = ["linux/amd64", "linux/arm64"]'
  echo '[worker.containerd]'
  echo '  enabled = false'
  for r in 127.0.0.1:5000 localhost:5000 127.0.0.1:5001 localhost:5001 127.0.0.1:5002 localhost:5002; do
    printf '[registry."%s"]\n  http = true\n' "$r"
  done
} >"$TOML.new"
mv "$TOML.new" "$TOML"

# ------------------------------------------------------------ remote builder
SOCK="$BK_DIR/buildkitd.sock"
bk_works() { timeout 10 "$W/bin/buildctl" --addr "unix://$SOCK" debug workers >/dev/null 2>&1; }
if bk_works; then
  say "buildkitd already answers on unix://$SOCK"
else
  rm -f "$SOCK"
  say "starting buildkitd on unix://$SOCK (log: $STATE/buildkitd.log)"
  nohup setsid "$W/bin/buildkitd" --config "$TOML" --addr "unix://$SOCK" --root "$CACHE/buildkitd-root" \
    >"$STATE/buildkitd.log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do bk_works && break; sleep 0.5; done
  bk_works || { tail -n 20 "$STATE/buildkitd.log" >&2; say "buildkitd did not answer within 30 s"; exit 3; }
fi
if ! docker buildx inspect bc-remote >/dev/null 2>&1; then
  docker buildx create --name bc-remote --driver remote "unix://$SOCK" >/dev/null
fi
docker buildx inspect --bootstrap bc-remote >/dev/null
say "builder bc-remote (remote driver) on unix://$SOCK"

# ------------------------------------------------------------ docker-container builder
if ! docker image inspect "$BK_IMAGE" >/dev/null 2>&1; then
  t0=$(date +%s)
  step_log="$STATE/buildkit-image.log"
  img_tar="$W/image-rootfs.tar"
  if [ ! -f "$img_tar" ]; then
    mkdir -p "$CACHE/tmp"
    TMPDIR="$CACHE/tmp" mmdebstrap --format=tar --variant=minbase --include=runc,ca-certificates \
      --customize-hook="copy-in $W/bin/buildkitd $W/bin/buildctl /usr/local/bin" \
      --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/*' \
      bookworm "$img_tar.part" "$MIRROR" >"$step_log" 2>&1
    mv "$img_tar.part" "$img_tar"
  fi
  docker import --change 'ENTRYPOINT ["buildkitd"]' --change 'VOLUME /var/lib/buildkit' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$img_tar" "$BK_IMAGE" >/dev/null
  say "image $BK_IMAGE made in $(( $(date +%s) - t0 )) s"
fi
if ! docker buildx inspect bc-container >/dev/null 2>&1; then
  docker buildx create --name bc-container --driver docker-container \
    --driver-opt "image=$BK_IMAGE" --driver-opt network=host --config "$TOML" >/dev/null
fi
# nothing can be pulled: buildx says "pulling failed, using local image" and goes on
docker buildx inspect --bootstrap bc-container >/dev/null 2>&1 || docker buildx inspect --bootstrap bc-container >/dev/null
say "builder bc-container (docker-container driver, image $BK_IMAGE)"
say "ok"
