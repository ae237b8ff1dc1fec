import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  renderTable
} from "./chunk-LWYI6ORG.js";
import {
  CHECK_IDS
} from "./chunk-VKGSEGKY.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/verify-format.ts
init_define_BC_HELP();
var MARK = { pass: "\u2713", fail: "\u2717", skip: "-" };
function renderReport(r) {
  const rows = CHECK_IDS.filter((id) => r.checks.some((c) => c.id === id)).map((id) => [
    id,
    ...r.platforms.map((p) => {
      const c = r.checks.find((x) => x.id === id && x.platform === p);
      return c ? MARK[c.status] : " ";
    })
  ]);
  const lines = [`verify ${r.image} (${r.connectorType}, ${r.source} image)`, "", renderTable(["check", ...r.platforms], rows)];
  const failures = r.checks.filter((c) => c.status === "fail");
  if (failures.length > 0) {
    lines.push("", "failures:");
    for (const f of failures) {
      lines.push(`  \u2717 ${f.id} [${f.platform}]: ${f.message}`);
      for (const d of f.details ?? []) lines.push(`      ${d}`);
      if (f.fix) lines.push(`      fix: ${f.fix}`);
    }
  }
  const skipped = r.checks.filter((c) => c.status === "skip");
  const skipReasons = [...new Set(skipped.map((c) => `${c.id}: ${c.message}`))];
  if (skipReasons.length > 0) {
    lines.push("", "skipped:");
    for (const s of skipReasons) lines.push(`  - ${s}`);
  }
  const nFail = failures.length;
  lines.push(
    "",
    nFail === 0 ? `verify: all checks passed on ${r.platforms.join(", ")} (${(r.durationMs / 1e3).toFixed(1)} s)` : `verify: ${nFail} check result${nFail === 1 ? "" : "s"} failed (${(r.durationMs / 1e3).toFixed(1)} s)`
  );
  return lines.join("\n");
}

export {
  renderReport
};
