import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  verifySignature
} from "./chunk-HLTFACMG.js";
import "./chunk-BM47B25L.js";
import {
  fail,
  pass
} from "./chunk-M3XWDFBM.js";
import "./chunk-UI5OVTUJ.js";
import "./chunk-P22SJE6B.js";
import "./chunk-LL6HLSTJ.js";
import "./chunk-37IVQV3L.js";
import "./chunk-AFPKGCAO.js";
import "./chunk-U6ZINEPZ.js";
import {
  init_define_BC_HELP
} from "./chunk-NFJWUCKG.js";

// src/verify/signature.ts
init_define_BC_HELP();
async function addSignatureCheck(report, ref, pubKey) {
  const checks = [...report.checks];
  if (report.source !== "registry") {
    for (const p of report.platforms) {
      checks.push(fail("signature", p, `${ref} is a local image: a signature lives in a registry`, "verify the pushed reference (REGISTRY/REPO@sha256:\u2026) with --sign-pub"));
    }
  } else {
    const res = await verifySignature(ref, pubKey);
    for (const p of report.platforms) {
      checks.push(
        res.ok ? pass("signature", p, `signed index verified with ${pubKey}`, res.digests.map((d) => `signed digest ${d}`)) : fail("signature", p, `no valid signature for ${pubKey}: ${res.reason ?? "cosign found none"}`, "sign it: publish --sign-key KEY (or cosign sign --key KEY REF)")
      );
    }
  }
  return { ...report, checks, ok: checks.every((c) => c.status !== "fail") };
}
export {
  addSignatureCheck
};
