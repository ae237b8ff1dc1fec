import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  verifySignature
} from "./chunk-WKKF3LXU.js";
import "./chunk-SEASYK5Z.js";
import {
  fail,
  pass
} from "./chunk-22VCNZ6I.js";
import "./chunk-G4CU43QS.js";
import "./chunk-A3I33V3B.js";
import "./chunk-ZBE7Q2QI.js";
import "./chunk-3LX63W6I.js";
import "./chunk-5R7AJT4B.js";
import "./chunk-JCCP3NW4.js";
import {
  init_define_BC_HELP
} from "./chunk-F65AD7ZE.js";

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
