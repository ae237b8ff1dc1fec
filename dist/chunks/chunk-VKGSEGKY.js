import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/verify/report.ts
init_define_BC_HELP();
var CHECK_IDS = [
  "platform",
  "entrypoint-env",
  "entrypoint-absolute",
  "user",
  "airbyte-dir",
  "spec",
  "check",
  "discover",
  "read",
  "write",
  "writes",
  "no-secrets",
  "labels",
  "signature",
  "sbom"
];
var CheckStatusSchema = external_exports.enum(["pass", "fail", "skip"]);
var CheckResultSchema = external_exports.object({
  id: external_exports.enum(CHECK_IDS),
  platform: external_exports.string(),
  status: CheckStatusSchema,
  message: external_exports.string(),
  /** what to change, for failures */
  fix: external_exports.string().optional(),
  /** supporting lines: offending paths, quoted output, the docker command */
  details: external_exports.array(external_exports.string()).optional()
});
var RunRecordSchema = external_exports.object({
  platform: external_exports.string(),
  step: external_exports.string(),
  command: external_exports.string(),
  exitCode: external_exports.number(),
  timedOut: external_exports.boolean(),
  durationMs: external_exports.number(),
  /** where the run's time went (ms): docker create, the attached run, reads holding the container, docker diff */
  phases: external_exports.object({ createMs: external_exports.number(), runMs: external_exports.number(), holdMs: external_exports.number(), diffMs: external_exports.number(), diffVia: external_exports.enum(["upper-dir", "engine"]).optional() }).optional(),
  /** time spent parsing and validating its stdout lines as AirbyteMessages (ms, within runMs) */
  validateMs: external_exports.number().optional()
});
var VerifyReportSchema = external_exports.object({
  image: external_exports.string(),
  source: external_exports.enum(["local", "registry"]),
  connectorType: external_exports.enum(["source", "destination"]),
  platforms: external_exports.array(external_exports.string()),
  ok: external_exports.boolean(),
  checks: external_exports.array(CheckResultSchema),
  runs: external_exports.array(RunRecordSchema),
  /** the image reads behind the file checks, per platform (ms from the platform's start to each read's end, and its own time) */
  reads: external_exports.array(
    external_exports.object({
      platform: external_exports.string(),
      read: external_exports.string(),
      ms: external_exports.number(),
      endMs: external_exports.number(),
      /** a tree read from the image's layer dirs (oci/layer-tree.ts) rather than through the engine */
      via: external_exports.enum(["layers", "engine"]).optional()
    })
  ).optional(),
  durationMs: external_exports.number()
});
var pass = (id, platform, message, details) => ({
  id,
  platform,
  status: "pass",
  message,
  ...details?.length ? { details } : {}
});
var fail = (id, platform, message, fix, details) => ({
  id,
  platform,
  status: "fail",
  message,
  fix,
  ...details?.length ? { details } : {}
});
var skip = (id, platform, message) => ({ id, platform, status: "skip", message });
function sortResults(results, platforms) {
  const ci = (id) => CHECK_IDS.indexOf(id);
  return [...results].sort((a, b) => ci(a.id) - ci(b.id) || platforms.indexOf(a.platform) - platforms.indexOf(b.platform));
}

export {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema,
  pass,
  fail,
  skip,
  sortResults
};
