import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  verifySignature
} from "./chunk-GSMXTO5L.js";
import {
  fail,
  pass
} from "./chunk-5EQVEQ4L.js";
import "./chunk-ZQSL3WWE.js";
import "./chunk-UUXTPFFP.js";
import "./chunk-WTWHMYE6.js";
import "./chunk-2IDTRXAZ.js";
import "./chunk-BTV5XUFB.js";
import "./chunk-UKZEXR6B.js";
import "./chunk-4G6BOLVH.js";
import {
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

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
