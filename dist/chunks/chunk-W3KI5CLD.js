import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  splitImageRef
} from "./chunk-AC6MT37A.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/strategy.ts
init_define_BC_HELP();
var C8D_FIX = 'enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json, restart dockerd)';
var CONTAINER_FIX = "or use a docker-container builder: docker buildx create --use --driver docker-container (docker/setup-buildx-action does this)";
function chooseStrategy(caps, want) {
  const asked = want.provenance;
  const store = caps.containerdStore === true ? "containerd" : caps.containerdStore === false ? "classic" : "unknown";
  const base = { builder: caps.builder, driver: caps.driver, store };
  const unavailable = [];
  const bk = caps.rewriteTimestamp.oci;
  if (caps.driver === "docker" && store !== "containerd") {
    if (asked !== false) unavailable.push({ what: "provenance", why: "the docker driver on the classic image store cannot attach attestations", fix: `${C8D_FIX}, ${CONTAINER_FIX}` });
    unavailable.push({
      what: "reproducible-digests",
      why: "the classic store keeps build-time timestamps (no rewrite-timestamp); a warm cache gives the same images again, a fresh machine does not",
      fix: `${C8D_FIX}, ${CONTAINER_FIX}`
    });
    if (want.platforms.length > 1) unavailable.push({ what: "multi-platform-image", why: "one platform per build and per local tag on the classic store: each platform is built, loaded and verified on its own", fix: C8D_FIX });
    if (want.goal === "oci") unavailable.push({ what: "oci-output", why: "the docker driver on the classic store cannot write an OCI archive", fix: `${C8D_FIX}, ${CONTAINER_FIX}` });
    return {
      ...base,
      kind: "per-platform",
      invocations: "per-platform",
      pushFrom: "saved-images",
      loadAs: "per-platform",
      provenance: false,
      reproducible: false,
      why: want.goal === "push" ? "classic image store with the docker driver: each platform is built and loaded alone, verified, then pushed by digest from `docker save` and joined into one index" : "classic image store with the docker driver: each platform is built and loaded alone",
      unavailable
    };
  }
  if (!bk) unavailable.push({ what: "reproducible-digests", why: `BuildKit ${caps.effectiveBuildkit ?? "(version unknown)"} cannot rewrite-timestamp (needs >= 0.13)`, fix: "upgrade the engine (>= 26) or the builder image (moby/buildkit >= 0.13)" });
  if (caps.driver === "docker") {
    unavailable.push({ what: "push-by-digest", why: "the docker driver cannot push by digest: the OCI layout is pushed over the registry API instead (same bytes, same digests)" });
    return {
      ...base,
      kind: "multi-platform",
      invocations: "one",
      pushFrom: "oci-layout",
      loadAs: "index",
      provenance: asked,
      reproducible: bk && want.goal !== "load",
      why: "containerd image store with the docker driver: every platform in one build, one OCI layout, loaded as one index",
      unavailable
    };
  }
  const loadAs = caps.multiPlatformLoad || want.platforms.length <= 1 ? "index" : "per-platform";
  if (loadAs === "per-platform") {
    unavailable.push({
      what: "multi-platform-image",
      why: `a ${caps.driver} builder cannot --load several platforms into ${store === "classic" ? "a classic" : "this"} image store: each platform is carved from the OCI layout and loaded alone for verify`,
      fix: C8D_FIX
    });
  }
  return {
    ...base,
    kind: "oci-layout",
    invocations: "one",
    pushFrom: "oci-layout",
    loadAs,
    provenance: asked,
    reproducible: bk,
    why: `${caps.driver} builder: every platform in one build to an OCI layout, pushed by digest from it; ${loadAs === "index" ? "loaded as one index" : "each platform loaded alone"} for verify`,
    unavailable
  };
}
function platformTag(tag, platform) {
  const arch = platform.split("/").slice(1).join("-");
  const ref = splitImageRef(tag);
  return ref.tag !== void 0 ? `${ref.name}:${ref.tag}-${arch}` : `${ref.name}:${arch}`;
}

export {
  chooseStrategy,
  platformTag
};
