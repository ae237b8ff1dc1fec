import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  unsupportedPlatforms
} from "./chunk-SMOZ4NBO.js";
import {
  invalidPlatforms
} from "./chunk-AVBWJCO6.js";
import {
  BcError
} from "./chunk-BRC3U7YZ.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/core/images/prepare.ts
init_define_BC_HELP();
var LOCAL_TAG = "dev";
function defaultTags(plan, output) {
  const repo = plan.connector.repository;
  return output === "load" ? [`${repo}:${plan.connector.version}`, `${repo}:${LOCAL_TAG}`] : [`${repo}:${plan.connector.version}`];
}
function checkPlatforms(platforms) {
  const bad = invalidPlatforms(platforms);
  if (bad.length > 0) throw new BcError("badInput", `invalid platform ${bad.map((b) => `"${b}"`).join(", ")}`, { details: ["expected os/arch[/variant], e.g. linux/amd64,linux/arm64"] });
  if (platforms.length === 0) throw new BcError("badInput", "no platform to build");
}
function prepareBuild(plan, opts, caps, files) {
  const platforms = opts.platforms ?? plan.platforms;
  checkPlatforms(platforms);
  const output = opts.output ?? { type: "load" };
  const provenance = opts.provenance ?? "min";
  const missing = unsupportedPlatforms(caps, platforms);
  if (missing.length > 0) {
    throw new BcError("environment", `builder "${caps.builder}" (${caps.driver} driver) cannot build ${missing.join(", ")}`, {
      step: "preflight",
      details: [
        `it can build: ${caps.platforms.join(", ") || "nothing reported"}`,
        missing.some((p) => p.includes("arm")) ? "fix: enable emulation (update-binfmts --enable qemu-aarch64, or install qemu-user-static), then build-connector doctor" : `fix: drop ${missing.join(", ")} from --platform, or use a builder with that platform (emulation or a native node)`
      ]
    });
  }
  if (platforms.length > 1 && !caps.multiPlatformBuild) {
    throw new BcError("environment", `the ${caps.driver} driver on this engine cannot build several platforms at once`, {
      step: "preflight",
      details: [
        'fix: enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json, restart dockerd)',
        "     or use a docker-container builder: docker buildx create --use"
      ]
    });
  }
  if (output.type === "load" && platforms.length > 1 && !caps.multiPlatformLoad) {
    throw new BcError("environment", `cannot --load a ${platforms.length}-platform image into this engine`, {
      step: "preflight",
      details: [
        ...caps.notes.filter((n) => /load/.test(n)).map((n) => `why: ${n}`),
        'fix: enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json, restart dockerd)',
        "     or write an OCI archive instead: --output oci=FILE"
      ]
    });
  }
  if (output.type === "oci" && !caps.ociOutput) {
    throw new BcError("environment", `the ${caps.driver} driver on this engine cannot write an OCI archive`, {
      step: "preflight",
      details: ["fix: enable the containerd image store, or use a docker-container builder (docker buildx create --use)"]
    });
  }
  const tags = opts.tags && opts.tags.length > 0 ? opts.tags : defaultTags(plan, output.type);
  const rewrite = output.type === "oci" && caps.rewriteTimestamp.oci;
  const reproducible = reproducibility(output.type, rewrite, provenance, caps);
  const request = {
    context: plan.context,
    dockerfile: files.dockerfile,
    platforms,
    tags,
    labels: plan.labels,
    ...caps.annotations && plan.annotations ? { annotations: plan.annotations } : {},
    // The plan's build args (custom mode's BASE_IMAGE override) under the user's.
    buildArgs: mergedBuildArgs(plan, opts),
    metadataFile: files.metadataFile,
    provenance,
    cacheFrom: opts.cacheFrom,
    cacheTo: opts.cacheTo,
    progress: "plain",
    output: output.type === "oci" ? { type: "oci", dest: output.dest, rewriteTimestamp: rewrite, ...output.layout === "dir" ? { tar: false } : {} } : { type: "load" },
    builder: opts.builder,
    noCache: opts.noCache,
    // a python install from a package index: its secrets, and host networking for a loopback index
    ...plan.buildNetwork === "host" ? { network: "host" } : {},
    ...plan.buildSecrets && plan.buildSecrets.length > 0 ? { secrets: plan.buildSecrets } : {}
  };
  return { request, platforms, tags, reproducible, provenance };
}
function reproducibility(output, rewrite, provenance, caps) {
  if (output === "load") {
    return {
      index: false,
      manifests: false,
      reason: caps.driver === "docker" ? "loaded images keep file timestamps (the docker driver cannot rewrite-timestamp on the image exporter); use --output oci=FILE" : "loaded images are built without rewrite-timestamp; use --output oci=FILE"
    };
  }
  if (!rewrite) {
    return { index: false, manifests: false, reason: `BuildKit ${caps.effectiveBuildkit ?? "(unknown version)"} cannot rewrite-timestamp (needs >= 0.13)` };
  }
  if (provenance !== false) {
    return {
      index: false,
      manifests: true,
      reason: "per-platform manifests are reproducible; the index is not, because provenance attestations record the build id and times (use --provenance false for a reproducible index)"
    };
  }
  return { index: true, manifests: true, reason: "OCI archive with rewrite-timestamp and SOURCE_DATE_EPOCH, no provenance" };
}
function mergedBuildArgs(plan, opts) {
  const merged = { ...plan.buildArgs ?? {}, ...opts.buildArgs ?? {} };
  return Object.keys(merged).length > 0 ? merged : void 0;
}

export {
  defaultTags,
  checkPlatforms,
  prepareBuild
};
