#!/usr/bin/env bash
# Provision a real container engine for build-connector's tests on a Debian
# bookworm machine (root, no internet but Debian's archive and npm).
#
# Idempotent: every step first looks at what is there and only acts when
# something is missing.  On a machine where Docker already works (a laptop,
# a GitHub runner) it leaves the engine alone and only starts the loopback
# registries and builds the cached test root filesystems.
#
# Environment:
#   BUILD_CONNECTOR_CACHE   cache dir (default /var/cache/build-connector)
#   SKIP_ROOTFS=1           do not build the test root filesystems
#   ROOTFS_NAMES=python     build only these root filesystems (default: python java)
#   CLASSIC_ENGINE=0        no second (classic-store) dockerd
#   COSIGN=0                do not install cosign (publish --sign-key)
#   BUILDKIT=0              no buildkitd and no remote / docker-container builders
set -Eeuo pipefail

CACHE="${BUILD_CONNECTOR_CACHE:-/var/cache/build-connector}"
_setup_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE="$CACHE/state"
mkdir -p "$CACHE" "$STATE"
step_name="start"
step_log=""
trap 'echo "setup-engine: FAILED at step: $step_name (line $LINENO)" >&2; if [ -n "$step_log" ] && [ -s "$step_log" ]; then echo "--- last lines of $step_log" >&2; tail -n 25 "$step_log" >&2; fi; exit 3' ERR

say() { printf 'setup-engine: %s\n' "$*"; }
step() { step_name="$1"; say "== $1 (+${SECONDS} s)"; }
have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" = 0 ]; }

APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" = 0 ]; then
    step_log="$STATE/apt-update.log"
    apt-get update -qq >"$step_log" 2>&1
    APT_UPDATED=1
  fi
}
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    is_root || { echo "setup-engine: need root to install: ${missing[*]}" >&2; return 3; }
    apt_update_once
    say "installing ${missing[*]}"
    step_log="$STATE/apt-install.log"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$step_log" 2>&1
  else
    say "present: $*"
  fi
}

engine_works() { timeout 20 docker info >/dev/null 2>&1; }

# ---------------------------------------------------------------- qemu
step "binfmt-arm64"
if [ "$(uname -m)" = aarch64 ]; then
  say "native arm64 host: no emulation needed"
elif [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] && grep -q enabled /proc/sys/fs/binfmt_misc/qemu-aarch64; then
  say "qemu-aarch64 binfmt already enabled"
else
  is_root || { echo "setup-engine: arm64 emulation missing and not root" >&2; exit 3; }
  apt_install qemu-user-static binfmt-support
  [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || update-binfmts --import qemu-aarch64 >/dev/null 2>&1 || true
  grep -q enabled /proc/sys/fs/binfmt_misc/qemu-aarch64 || { echo "setup-engine: could not enable qemu-aarch64 binfmt" >&2; exit 3; }
  say "qemu-aarch64 binfmt enabled"
fi

# ---------------------------------------------------------------- rootfs
# The test root filesystems need only apt, mmdebstrap and (for the foreign one's
# few chrooted steps) qemu, not the engine: they are made in the background
# while the engine is installed, and waited for at the end.
build_rootfs() {
  ROOTFS_DIR="$CACHE/rootfs"
  mkdir -p "$ROOTFS_DIR"
  # name:packages — the python root stands in for python:*-slim (pip usable,
  # no PEP 668 marker); the java root carries a headless JRE.
  ALL_ROOTS=(
    "python:python3,python3-pip,python3-setuptools,python3-wheel,python3-yaml,ca-certificates"
    "java:openjdk-17-jre-headless,ca-certificates"
  )
  # ROOTFS_NAMES="python" builds only those (the quick start needs python only;
  # the arm64 ones run through qemu, minutes each); default: all, as the tests need.
  ROOTFS_NAMES="${ROOTFS_NAMES:-python java}"
  ROOTS=()
  for spec in "${ALL_ROOTS[@]}"; do
    case " ${ROOTFS_NAMES//,/ } " in *" ${spec%%:*} "*) ROOTS+=("$spec") ;; esac
  done
  [ "${#ROOTS[@]}" -gt 0 ] || { echo "setup-engine: ROOTFS_NAMES=\"$ROOTFS_NAMES\" names no root filesystem (python, java)" >&2; exit 2; }
  # The native root is made by mmdebstrap as usual. A foreign one (arm64 on an
  # amd64 host) would run every maintainer script through qemu (minutes: python's
  # byte-compiling, java's keystore): instead its packages (the exact set the
  # native root holds) are unpacked and finished by scripts/rootfs-foreign.py
  # from the native root's configured files. The key names the route (v1: native
  # mmdebstrap, v3-foreign: the unpack route), so a cached tar is reused only for the same one.
  native=$(dpkg --print-architecture)
  rootfs_key() { # name arch pkgs
    local route=v1
    [ "$2" = "$native" ] || route=v3-foreign
    printf '%s|%s|%s|bookworm|%s' "$1" "$2" "$3" "$route" | sha256sum | cut -c1-16
  }
  for spec in "${ROOTS[@]}"; do
    name=${spec%%:*}; pkgs=${spec#*:}
    native_out="$ROOTFS_DIR/$name-$native-$(rootfs_key "$name" "$native" "$pkgs").tar"
    for arch in "$native" $(printf '%s\n' amd64 arm64 | grep -vx "$native"); do
      out="$ROOTFS_DIR/$name-$arch-$(rootfs_key "$name" "$arch" "$pkgs").tar"
      if [ -s "$out" ]; then say "cached $out"; continue; fi
      step_name="rootfs $name $arch"
      step_log="$STATE/mmdebstrap-$name-$arch.log"
      t0=$(date +%s)
      if [ "$arch" = "$native" ] || [ "$native" != amd64 ]; then
        say "mmdebstrap $name $arch (packages: $pkgs)"
        mmdebstrap --verbose --format=tar --variant=minbase --arch="$arch" --include="$pkgs" \
          --customize-hook='rm -f "$1"/usr/lib/python3*/EXTERNALLY-MANAGED' \
          --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/*' \
          bookworm "$out.part" >"$step_log" 2>&1
      else
        all=$(tar -xOf "$native_out" ./var/lib/dpkg/status | awk '/^Package:/{p=$2} /^Status: install ok installed/{print p}' | paste -sd, -)
        say "unpack $name $arch without qemu ($(echo "$all" | tr ',' '\n' | wc -l) packages, as in the native root)"
        # extract skips mmdebstrap's hooks: unpack into a directory, finish it, tar it
        fdir="$CACHE/tmp/rootfs-$name-$arch"
        rm -rf "$fdir"; mkdir -p "$(dirname "$fdir")"
        mmdebstrap --verbose --format=directory --variant=extract --arch="$arch" --include="$all" \
          --skip=cleanup/apt bookworm "$fdir" >"$step_log" 2>&1
        python3 "$_setup_dir/rootfs-foreign.py" "$native_out" "$fdir" "$arch" "$STATE/dpkg-$name-$arch.log" >>"$step_log"
        rm -f "$fdir"/usr/lib/python3*/EXTERNALLY-MANAGED
        rm -rf "$fdir"/var/cache/apt/* "$fdir"/var/lib/apt/lists/*
        tar -C "$fdir" --sort=name --numeric-owner -cf "$out.part" .
        rm -rf "$fdir"
      fi
      mv "$out.part" "$out"
      say "built $out in $(( $(date +%s) - t0 )) s"
    done
    for arch in amd64 arm64; do
      ln -sfn "$name-$arch-$(rootfs_key "$name" "$arch" "$pkgs").tar" "$ROOTFS_DIR/$name-$arch.tar"
    done
  done
}

ROOTFS_PID=""
if [ "${SKIP_ROOTFS:-0}" != 1 ]; then
  step "rootfs (started)"
  if is_root; then apt_install mmdebstrap arch-test python3; fi
  build_rootfs >"$STATE/rootfs.log" 2>&1 &
  ROOTFS_PID=$!
fi

# ---------------------------------------------------------------- engine
step "engine"
if engine_works; then
  say "docker engine already answers: $(docker info --format '{{.ServerVersion}} driver={{.Driver}}' 2>/dev/null)"
  OWN_ENGINE=0
else
  OWN_ENGINE=1
  is_root || { echo "setup-engine: no docker engine and not root: cannot install one" >&2; exit 3; }
  if ! have dockerd || ! dockerd --version 2>/dev/null | grep -qE 'version (2[6-9]|[3-9][0-9])'; then
    apt_install runc tini iptables ca-certificates
    # bookworm's docker.io (20.10) cannot keep multi-platform images; trixie's
    # 26.x installs on bookworm with bookworm's runc and tini.
    uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$uri" ] || uri=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    [ -n "$uri" ] || { echo "setup-engine: cannot find a Debian mirror URI in /etc/apt" >&2; exit 3; }
    tdir="$CACHE/trixie-apt"
    mkdir -p "$tdir/lists/partial" "$tdir/debs"
    echo "deb $uri trixie main" >"$tdir/sources.list"
    aopts=(-o Dir::Etc::sourcelist="$tdir/sources.list" -o Dir::Etc::sourceparts=/dev/null -o Dir::State::Lists="$tdir/lists")
    if ! ls "$tdir"/debs/docker.io_*.deb >/dev/null 2>&1; then
      say "downloading docker.io containerd docker-buildx from trixie"
      apt-get "${aopts[@]}" update -qq >"$STATE/trixie-update.log" 2>&1
      (cd "$tdir/debs" && apt-get "${aopts[@]}" download docker.io containerd docker-buildx >"$STATE/trixie-download.log" 2>&1)
    fi
    say "installing $(cd "$tdir/debs" && ls *.deb | tr '\n' ' ')"
    DEBIAN_FRONTEND=noninteractive dpkg -i --force-confold "$tdir"/debs/*.deb >"$STATE/dpkg.log" 2>&1
    # dpkg may try to start services through invoke-rc.d; there is no systemd here.
  fi
  # The machine's own docker client (/usr/local/bin) may be newer; that is fine.
  mkdir -p /etc/docker
  want='{"features":{"containerd-snapshotter":true}}'
  if [ ! -f /etc/docker/daemon.json ] || ! grep -q containerd-snapshotter /etc/docker/daemon.json; then
    echo "$want" >/etc/docker/daemon.json
  fi
  if ! pgrep -x dockerd >/dev/null; then
    say "starting dockerd (log: $STATE/dockerd.log)"
    rm -f /var/run/docker.pid
    nohup setsid dockerd >"$STATE/dockerd.log" 2>&1 </dev/null &
  fi
  for i in $(seq 1 60); do engine_works && break; sleep 1; done
  engine_works || { echo "setup-engine: dockerd did not answer within 60 s" >&2; tail -n 30 "$STATE/dockerd.log" >&2; exit 3; }
fi
store=$(docker info --format '{{json .DriverStatus}}' 2>/dev/null || true)
say "engine $(docker version --format '{{.Server.Version}}') store: $store"

# buildx plugin: trixie's package puts it in /usr/libexec/docker/cli-plugins,
# which the machine's docker client also searches.
step "buildx"
if ! docker buildx version >/dev/null 2>&1; then
  apt_install docker-buildx || true
fi
docker buildx version >/dev/null 2>&1 || { echo "setup-engine: docker buildx missing" >&2; exit 3; }
say "$(docker buildx version)"

# ---------------------------------------------------------------- cosign (publish --sign-key)
# >>> install_cosign (owned by the publish feature)
# cosign is not in bookworm; trixie's package (2.x, a static Go binary) installs
# on bookworm. Same route as docker.io above: a one-line trixie sources list
# built from the machine's own mirror URI, apt-get download, dpkg -i.
install_cosign() {
  if have cosign; then say "present: cosign $(dpkg-query -W -f='${Version}' cosign 2>/dev/null || true)"; return 0; fi
  is_root || { say "cosign missing (not root: skipping; publish --sign-key will say how to install it)"; return 0; }
  local uri tdir
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$uri" ] || { say "cosign: cannot find a Debian mirror URI in /etc/apt (skipping)"; return 0; }
  tdir="$CACHE/trixie-apt"
  mkdir -p "$tdir/lists/partial" "$tdir/debs"
  echo "deb $uri trixie main" >"$tdir/sources.list"
  local aopts=(-o Dir::Etc::sourcelist="$tdir/sources.list" -o Dir::Etc::sourceparts=/dev/null -o Dir::State::Lists="$tdir/lists")
  if ! ls "$tdir"/debs/cosign_*.deb >/dev/null 2>&1; then
    say "downloading cosign from trixie"
    step_log="$STATE/trixie-cosign.log"
    apt-get "${aopts[@]}" update -qq >"$step_log" 2>&1
    (cd "$tdir/debs" && apt-get "${aopts[@]}" download cosign >>"$step_log" 2>&1)
  fi
  step_log="$STATE/dpkg-cosign.log"
  DEBIAN_FRONTEND=noninteractive dpkg -i --force-confold "$tdir"/debs/cosign_*.deb >"$step_log" 2>&1
  say "installed cosign $(dpkg-query -W -f='${Version}' cosign 2>/dev/null || true)"
}
# <<< install_cosign

# ---------------------------------------------------------------- classic engine
# A second dockerd with the CLASSIC image store (overlay2, no containerd
# snapshotter): what stock CI runners and default Docker installs have. The
# tests run their key flows on it too (BUILD_CONNECTOR_CLASSIC_HOST). It has
# its own socket, data-root, exec-root, pidfile, containerd namespace and
# bridge, so the main engine is untouched. Never --bridge=none: that dockerd
# would delete the host's docker0 (../shared/ENGINE.md).
# CLASSIC_ENGINE=0 skips it (a laptop or runner where only the main engine matters).
step "classic-engine"
CLASSIC_DIR="${BUILD_CONNECTOR_CLASSIC_DIR:-/run/build-connector-classic}"
CLASSIC_SOCK="$CLASSIC_DIR/docker.sock"
classic_works() { DOCKER_HOST="unix://$CLASSIC_SOCK" timeout 20 docker info >/dev/null 2>&1; }
if [ "${CLASSIC_ENGINE:-1}" = 0 ]; then
  say "skipped (CLASSIC_ENGINE=0)"
elif classic_works; then
  say "classic engine already answers on unix://$CLASSIC_SOCK"
elif ! is_root || ! have dockerd; then
  say "no classic engine (needs root and dockerd); its tests will say so"
else
  mkdir -p "$CLASSIC_DIR" "$CACHE/classic-data"
  if ! ip link show bcclassic0 >/dev/null 2>&1; then
    ip link add bcclassic0 type bridge
    ip addr add 10.213.7.1/24 dev bcclassic0
  fi
  ip link set bcclassic0 up
  echo '{"features":{"containerd-snapshotter":false},"storage-driver":"overlay2"}' >"$CLASSIC_DIR/daemon.json"
  rm -f "$CLASSIC_DIR/docker.pid"
  say "starting the classic dockerd (log: $STATE/dockerd-classic.log)"
  nohup setsid dockerd --config-file "$CLASSIC_DIR/daemon.json" --data-root "$CACHE/classic-data" \
    --exec-root "$CLASSIC_DIR/exec" --pidfile "$CLASSIC_DIR/docker.pid" -H "unix://$CLASSIC_SOCK" \
    --bridge=bcclassic0 --iptables=false --ip6tables=false \
    --containerd-namespace classic --containerd-plugins-namespace classic-p \
    >"$STATE/dockerd-classic.log" 2>&1 </dev/null &
  for i in $(seq 1 60); do classic_works && break; sleep 1; done
  classic_works || { echo "setup-engine: the classic dockerd did not answer within 60 s" >&2; tail -n 20 "$STATE/dockerd-classic.log" >&2; exit 3; }
  say "classic engine on unix://$CLASSIC_SOCK: $(DOCKER_HOST="unix://$CLASSIC_SOCK" docker info --format '{{.Driver}}')"
fi
# the main engine must still have its bridge (a misconfigured second daemon deletes it)
if [ "$OWN_ENGINE" = 1 ] && ! ip link show docker0 >/dev/null 2>&1; then
  echo "setup-engine: docker0 is gone (was a second dockerd started with --bridge=none?): restart the main dockerd" >&2
  exit 3
fi

# ---------------------------------------------------------------- tools
step "tools"
if is_root; then
  apt_install skopeo docker-registry apache2-utils openssl mmdebstrap arch-test git python3
fi
if [ "${COSIGN:-1}" = 0 ]; then say "cosign skipped (COSIGN=0)"; else install_cosign; fi  # publish --sign-key (see install_cosign above)

# ---------------------------------------------------------------- registries
step "registries"
REG_DIR="$CACHE/registry"
mkdir -p "$REG_DIR/plain" "$REG_DIR/auth" "$REG_DIR/tokenauth"
start_registry() { # name port [htpasswd | token]
  local name=$1 port=$2 auth=${3:-}
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/" 2>/dev/null || curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v2/" 2>/dev/null | grep -q 401; then
    say "registry $name already on 127.0.0.1:$port"
    return
  fi
  local cfg="$REG_DIR/$name.yml"
  {
    echo "version: 0.1"
    echo "log: {level: warn}"
    echo "storage:"
    echo "  filesystem: {rootdirectory: $REG_DIR/$name}"
    echo "  delete: {enabled: true}"
    echo "http: {addr: 127.0.0.1:$port}"
    if [ "$auth" = token ]; then
      echo "auth:"
      echo "  token: {realm: \"$TOKEN_REALM\", service: build-connector-test, issuer: build-connector-test-issuer, rootcertbundle: $TOKEN_DIR/cert.pem}"
    elif [ -n "$auth" ]; then
      echo "auth:"
      echo "  htpasswd: {realm: build-connector-test, path: $auth}"
    fi
  } >"$cfg"
  nohup setsid docker-registry serve "$cfg" >"$STATE/registry-$name.log" 2>&1 </dev/null &
  for i in $(seq 1 30); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v2/" 2>/dev/null || true)
    [ "$code" = 200 ] || [ "$code" = 401 ] && break
    sleep 0.5
  done
  say "registry $name started on 127.0.0.1:$port (config $cfg)"
}
start_registry plain 5000
# Test credentials for the login flows; they protect nothing but a loopback test registry.
HTPASSWD="$REG_DIR/htpasswd"
[ -f "$HTPASSWD" ] || htpasswd -Bbn bc-test bc-test-password >"$HTPASSWD"
start_registry auth 5001 "$HTPASSWD"

# Token auth, as GHCR, Docker Hub and ECR do it: distribution's `auth: token`
# on 127.0.0.1:5002, its token service ours (test/support/token-server.mjs,
# plain node) on 127.0.0.1:5003. The signing key and its self-signed
# certificate (the registry's rootcertbundle; the JWTs carry it in x5c) are
# made once under the cache. Users: bc-test (pull, push, delete), bc-expiring
# (tokens live 2 s), bc-pull (pull only), password bc-test-password.
step "token registry"
if [ "${TOKEN_REGISTRY:-1}" != 1 ]; then
  say "skipped (TOKEN_REGISTRY=0)"
else
  TOKEN_DIR="$REG_DIR/token"
  TOKEN_PORT=5003
  TOKEN_REALM="http://127.0.0.1:$TOKEN_PORT/token"
  mkdir -p "$TOKEN_DIR" "$REG_DIR/tokenauth"
  if [ ! -s "$TOKEN_DIR/cert.pem" ] || [ ! -s "$TOKEN_DIR/key.pem" ]; then
    step_log="$STATE/token-cert.log"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=build-connector-test-token-issuer" \
      -keyout "$TOKEN_DIR/key.pem.part" -out "$TOKEN_DIR/cert.pem.part" >"$step_log" 2>&1
    chmod 600 "$TOKEN_DIR/key.pem.part"
    mv "$TOKEN_DIR/key.pem.part" "$TOKEN_DIR/key.pem"
    mv "$TOKEN_DIR/cert.pem.part" "$TOKEN_DIR/cert.pem"
    say "made the token signing key and certificate in $TOKEN_DIR"
  fi
  token_node() { # a node that runs the token server (any >= 18; prepare.sh puts Node 24 first in PATH)
    local n
    for n in "$(command -v node 2>/dev/null || true)" "$CACHE/node24/node_modules/node/bin/node"; do
      [ -n "$n" ] && [ -x "$n" ] && "$n" -e 'process.exit(Number(process.versions.node.split(".")[0])>=18?0:1)' 2>/dev/null && { echo "$n"; return; }
    done
    return 1
  }
  if curl -fsS -o /dev/null "http://127.0.0.1:$TOKEN_PORT/healthz" 2>/dev/null; then
    say "token server already on 127.0.0.1:$TOKEN_PORT"
  else
    TOKEN_NODE=$(token_node) || { echo "setup-engine: no node >= 18 for the token server (run scripts/prepare.sh)" >&2; exit 3; }
    nohup setsid "$TOKEN_NODE" "$_setup_dir/../test/support/token-server.mjs" --port "$TOKEN_PORT" \
      --key "$TOKEN_DIR/key.pem" --cert "$TOKEN_DIR/cert.pem" >"$STATE/token-server.log" 2>&1 </dev/null &
    for i in $(seq 1 30); do curl -fsS -o /dev/null "http://127.0.0.1:$TOKEN_PORT/healthz" 2>/dev/null && break; sleep 0.3; done
    curl -fsS -o /dev/null "http://127.0.0.1:$TOKEN_PORT/healthz" || { echo "setup-engine: the token server did not start" >&2; tail -n 20 "$STATE/token-server.log" >&2; exit 3; }
    say "token server started on $TOKEN_REALM (log $STATE/token-server.log)"
  fi
  start_registry tokenauth 5002 token
fi

# ---------------------------------------------------------------- rootfs (wait)
if [ -n "$ROOTFS_PID" ]; then
  step "rootfs"
  rootfs_rc=0
  wait "$ROOTFS_PID" || rootfs_rc=$?
  sed 's/^/  /' "$STATE/rootfs.log"
  [ "$rootfs_rc" = 0 ] || { echo "setup-engine: the root filesystems failed (log: $STATE/rootfs.log)" >&2; exit 3; }
fi

# ---------------------------------------------------------------- buildkit
# A real buildkitd (built from Debian's sources, cached) with a remote and a
# docker-container builder on it: the drivers users' CI creates. The tests run
# every flow on both; BUILDKIT=0 skips it (the quick start does not use them).
step "buildkit"
if [ "${BUILDKIT:-1}" = 0 ]; then
  say "skipped (BUILDKIT=0)"
else
  bash "$_setup_dir/setup-buildkit.sh"
fi

step "done"
say "ok (cache $CACHE)"
