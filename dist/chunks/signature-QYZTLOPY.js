import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  verifySignature
} from "./chunk-UOF7367D.js";
import {
  fail,
  pass
} from "./chunk-VKGSEGKY.js";
import "./chunk-2UDPR3IH.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-QLD2YDU3.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/verify/signature.ts
init_define_BC_HELP();
async function addSignatureCheck(report, ref, pubKey, opts = {}) {
  const checks = [...report.checks];
  if (report.source !== "registry") {
    for (const p of report.platforms) {
      checks.push(fail("signature", p, `${ref} is a local image: a signature lives in a registry`, "verify the pushed reference (REGISTRY/REPO@sha256:\u2026) with --sign-pub"));
    }
  } else {
    const res = await verifySignature(ref, pubKey, opts);
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
