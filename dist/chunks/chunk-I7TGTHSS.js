import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/verify/failed-checks.ts
init_define_BC_HELP();
function failedChecks(report) {
  return (report?.checks ?? []).filter((c) => c.status === "fail").map((c) => ({ id: c.id, platform: c.platform, message: c.message, ...c.fix ? { fix: c.fix } : {} }));
}
function recordedVerify(report) {
  return {
    ok: report.ok,
    checks: report.checks.length,
    failed: failedChecks(report).map((c) => ({ id: c.id, message: c.message, ...c.fix ? { fix: c.fix } : {} }))
  };
}

export {
  failedChecks,
  recordedVerify
};
