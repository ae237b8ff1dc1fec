import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseJson
} from "./chunk-2UDPR3IH.js";
import {
  run,
  which
} from "./chunk-TVMRY7EN.js";
import {
  isLoopbackRegistry
} from "./chunk-QLD2YDU3.js";
import {
  DIGEST_REF_RE
} from "./chunk-FLBFUWAO.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError,
  envMissing
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/docker/cosign.ts
init_define_BC_HELP();
var COSIGN = process.env.BUILD_CONNECTOR_COSIGN ?? "cosign";
var registryOf = (ref) => ref.split("/")[0] ?? "";
function registryFlags(ref) {
  return isLoopbackRegistry(registryOf(ref)) ? ["--allow-http-registry=true", "--allow-insecure-registry=true"] : [];
}
function signArgs(req) {
  if (!DIGEST_REF_RE.test(req.ref)) throw new BcError("failed", `cosign sign needs a digest reference, got ${req.ref}`);
  const args = ["sign", "--key", req.keyFile, "--tlog-upload=false", "--yes", ...registryFlags(req.ref)];
  for (const [k, v] of Object.entries(req.annotations ?? {})) args.push("-a", `${k}=${v}`);
  args.push(req.ref);
  return args;
}
function verifyArgs(ref, pubKey) {
  return ["verify", "--key", pubKey, "--insecure-ignore-tlog=true", "--output", "json", ...registryFlags(ref), ref];
}
async function requireCosign() {
  if (!await which(COSIGN)) {
    throw envMissing("cosign is not installed (needed for --sign-key / --sign-pub)", [
      "fix: run scripts/setup-engine.sh (installs Debian trixie's cosign), or install cosign 2.x from https://github.com/sigstore/cosign/releases"
    ]);
  }
}
function env(dockerConfigDir) {
  return dockerConfigDir ? { DOCKER_CONFIG: dockerConfigDir } : {};
}
async function signImage(req) {
  await requireCosign();
  if (process.env.COSIGN_PASSWORD === void 0) {
    throw new BcError("badInput", "--sign-key: COSIGN_PASSWORD is not set", {
      details: ["fix: export COSIGN_PASSWORD (empty for an unencrypted key) \u2014 the key password is never taken from argv"]
    });
  }
  const secrets = process.env.COSIGN_PASSWORD ? [process.env.COSIGN_PASSWORD] : [];
  return run(COSIGN, signArgs(req), { env: env(req.dockerConfigDir), secrets, timeoutMs: 5 * 6e4, step: "sign" });
}
var VerifiedSchema = external_exports.array(
  external_exports.object({
    critical: external_exports.object({ image: external_exports.object({ "docker-manifest-digest": external_exports.string() }).loose() }).loose()
  }).loose()
);
async function verifySignature(ref, pubKey, opts = {}) {
  await requireCosign();
  const res = await run(COSIGN, verifyArgs(ref, pubKey), { env: env(opts.dockerConfigDir), allowFailure: true, timeoutMs: 2 * 6e4, step: "verify signature" });
  if (res.exitCode !== 0) {
    const lines = res.stderr.split("\n").filter((l) => l.trim() !== "" && !/^\s*WARNING/.test(l));
    return { ok: false, digests: [], reason: lines.slice(-3).join(" ") || `cosign exited with code ${res.exitCode}` };
  }
  const json = res.stdout.split("\n").find((l) => l.trim().startsWith("[")) ?? "[]";
  const parsed = parseJson(VerifiedSchema, json, "cosign verify");
  return { ok: parsed.length > 0, digests: parsed.map((p) => p.critical.image["docker-manifest-digest"]) };
}

export {
  signImage,
  verifySignature
};
