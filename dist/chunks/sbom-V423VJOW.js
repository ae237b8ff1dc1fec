import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  indexFactsFromBytes
} from "./chunk-OY7ASVZ2.js";
import "./chunk-VMYFPKGW.js";
import {
  findReferrers,
  readArtifact
} from "./chunk-W2CKB4BP.js";
import {
  registryLocation
} from "./chunk-BFAODOLW.js";
import "./chunk-OFZVU4AW.js";
import {
  fail,
  pass
} from "./chunk-I4R3QSSD.js";
import {
  CYCLONEDX_MEDIA_TYPE,
  ecosystemsOf,
  parseBom
} from "./chunk-LA2VSWS6.js";
import {
  resolveCredentials
} from "./chunk-F52TEOU4.js";
import "./chunk-V5RQTSF5.js";
import "./chunk-VA5ORGU4.js";
import "./chunk-CYJU4RMM.js";
import "./chunk-CY7YV7HZ.js";
import "./chunk-ZLOFR45O.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-2U75EEOT.js";
import "./chunk-N2CKSR53.js";
import {
  RegistryClient
} from "./chunk-UY65VSS5.js";
import "./chunk-KQGN32ME.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import {
  toBcError
} from "./chunk-AQYICBEV.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

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
