import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  indexFactsFromBytes
} from "./chunk-RSIIJBMM.js";
import "./chunk-VTGARRX3.js";
import {
  findReferrers,
  readArtifact
} from "./chunk-JALAK4O2.js";
import {
  registryLocation
} from "./chunk-ESJ5KG2Y.js";
import "./chunk-7KWH7VUP.js";
import {
  fail,
  pass
} from "./chunk-VKGSEGKY.js";
import {
  CYCLONEDX_MEDIA_TYPE,
  ecosystemsOf,
  parseBom
} from "./chunk-6CA5NMQC.js";
import {
  resolveCredentials
} from "./chunk-ROLAIEO7.js";
import "./chunk-STWOCLWY.js";
import "./chunk-WYDT4C5S.js";
import "./chunk-G6CWDOAS.js";
import "./chunk-J7CCGA2A.js";
import "./chunk-2UDPR3IH.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import "./chunk-TVMRY7EN.js";
import {
  RegistryClient
} from "./chunk-2CZK5HMD.js";
import "./chunk-QLD2YDU3.js";
import "./chunk-CL32DPN3.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import {
  toBcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/verify/sbom.ts
init_define_BC_HELP();
var FIX = "publish with --sbom (Action: sbom: true); publishing the same version again attaches nothing new, so bump the version or publish a -dev build";
async function platformSbom(client, repo, platform, digest) {
  const found = await findReferrers(client, repo, digest, CYCLONEDX_MEDIA_TYPE);
  if (found.length === 0) return fail("sbom", platform, `no CycloneDX SBOM refers to ${digest.slice(0, 19)}`, FIX);
  const problems = [];
  for (const d of found) {
    try {
      const bom = parseBom((await readArtifact(client, repo, d, digest)).toString("utf8"), `${repo}@${d.digest.slice(0, 19)}`);
      const root = bom.metadata?.component?.purl ?? "";
      if (!decodeURIComponent(root).includes(digest)) {
        problems.push(`${d.digest.slice(0, 19)}: its root component is ${root || "unnamed"}, not this image`);
        continue;
      }
      const f = ecosystemsOf(bom);
      return pass("sbom", platform, `CycloneDX ${bom.specVersion}, ${f.components} components (${Object.entries(f.ecosystems).map(([k, v]) => `${v} ${k}`).join(", ") || "no packages"})`, [
        `${client.registry}/${repo}@${d.digest}`
      ]);
    } catch (err) {
      problems.push(`${d.digest.slice(0, 19)}: ${toBcError(err).message}`);
    }
  }
  return fail("sbom", platform, `no usable SBOM among the ${found.length} attached to ${digest.slice(0, 19)}`, FIX, problems);
}
async function addSbomCheck(report, ref, opts = {}) {
  const checks = [...report.checks];
  const add = (make) => {
    for (const p of report.platforms) checks.push(make(p));
  };
  const at = report.source === "registry" ? registryLocation(ref) : void 0;
  if (!at) {
    add((p) => fail("sbom", p, `${ref} is a local image: an SBOM is attached in a registry`, "verify the pushed reference (REGISTRY/REPO@sha256:\u2026) with --sbom"));
  } else {
    const path = at.repository;
    try {
      const client = new RegistryClient(at.registry, { credentials: opts.credentials ?? await resolveCredentials(at.registry) });
      const top = await client.getManifest(path, at.reference);
      const facts = top ? indexFactsFromBytes(top.digest, top.bytes) : void 0;
      for (const p of report.platforms) {
        const digest = facts?.platforms[p] ?? (facts ? void 0 : top?.digest);
        checks.push(digest ? await platformSbom(client, path, p, digest) : fail("sbom", p, `${ref} has no ${p} image`, FIX));
      }
    } catch (err) {
      const e = toBcError(err);
      add((p) => fail("sbom", p, `could not read the SBOM of ${ref}: ${e.message}`, "check the registry and the credentials", e.details));
    }
  }
  return { ...report, checks, ok: checks.every((c) => c.status !== "fail") };
}
export {
  addSbomCheck
};
