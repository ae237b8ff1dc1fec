import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  buildImage
} from "./chunk-5WMK7UNJ.js";
import "./chunk-IXFQ745M.js";
import "./chunk-AZYTMICX.js";
import "./chunk-XX36T75U.js";
import {
  resolvePlan
} from "./chunk-NKSE4XZ6.js";
import {
  detectCapabilities
} from "./chunk-WEELEKSH.js";
import "./chunk-D7E6ESBE.js";
import {
  action,
  collect
} from "./chunk-HHHUWZCB.js";
import "./chunk-LI6GIQX7.js";
import "./chunk-MTGALRCG.js";
import "./chunk-3SXJ4VDW.js";
import "./chunk-6RPH3A5V.js";
import "./chunk-75UHQCCM.js";
import "./chunk-DSBTELOA.js";
import {
  external_exports
} from "./chunk-UNVAEICX.js";
import {
  ExitCode,
  badInput
} from "./chunk-6JMBDXIW.js";
import {
  init_define_BC_HELP
} from "./chunk-F7JS4Q65.js";

// src/commands/build.ts
init_define_BC_HELP();

// src/config.ts
init_define_BC_HELP();
function splitList(value) {
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== "");
}
var list = (item) => external_exports.preprocess((v) => {
  if (typeof v === "string") return v.trim() === "" ? void 0 : splitList(v);
  if (Array.isArray(v)) return v.flatMap((x) => typeof x === "string" ? splitList(x) : [x]);
  return v;
}, external_exports.array(item).optional());
var bool = external_exports.preprocess((v) => {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (t === "") return void 0;
  if (["true", "True", "TRUE"].includes(t)) return true;
  if (["false", "False", "FALSE"].includes(t)) return false;
  return v;
}, external_exports.boolean({ error: "expected true or false" }).optional());
var optString = external_exports.preprocess((v) => typeof v === "string" && v.trim() === "" ? void 0 : typeof v === "string" ? v.trim() : v, external_exports.string().optional());
var PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
var platform = external_exports.string().regex(PLATFORM_RE, { error: (i) => `"${String(i.input)}" is not a platform like linux/amd64` });
var registry = external_exports.string().regex(/^(local|[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?|\[[0-9a-f:]+\](:\d{1,5})?)$/i, { error: (i) => `"${String(i.input)}" is not a registry host[:port]` });
var repository = external_exports.string().regex(/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/, {
  error: (i) => `"${String(i.input)}" is not a repository path (lowercase, like airbyte/source-foo)`
});
var imageRef = external_exports.string().regex(/^[A-Za-z0-9][A-Za-z0-9._\-/:@[\]]*$/, { error: (i) => `"${String(i.input)}" is not an image reference` });
var keyValues = external_exports.preprocess((v) => typeof v === "string" ? v.trim() === "" ? void 0 : v.split("\n") : v, external_exports.union([external_exports.array(external_exports.string()), external_exports.record(external_exports.string(), external_exports.string())]).optional()).transform((v, ctx) => {
  if (v === void 0) return void 0;
  const entries = Array.isArray(v) ? v : Object.entries(v).map(([k, val]) => `${k}=${val}`);
  const out = {};
  for (const raw of entries) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    const key = eq > 0 ? line.slice(0, eq).trim() : "";
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      ctx.issues.push({ code: "custom", input: raw, message: `"${line}" is not KEY=VALUE (KEY: letters, digits, _)` });
      return external_exports.NEVER;
    }
    out[key] = line.slice(eq + 1);
  }
  return out;
});
var BuildConfigSchema = external_exports.object({
  /** connector directories (absolute or relative to the workspace) */
  connectors: list(external_exports.string().min(1)).transform((v) => v ?? ["."]),
  /** not given: metadata.yaml's data.buildConnector.platforms, else DEFAULT_PLATFORMS (resolvePlan decides) */
  platforms: list(platform),
  /** replaces the base image of every connector (air-gapped or mirrored registries) */
  baseImage: optString.pipe(imageRef.optional()),
  cacheFrom: list(external_exports.string().min(1)).transform((v) => v ?? []),
  cacheTo: list(external_exports.string().min(1)).transform((v) => v ?? []),
  buildArgs: keyValues.transform((v) => v ?? {})
});
var VerifyConfigSchema = BuildConfigSchema.extend({
  /** path of a config JSON for check/discover/read (the Action writes its `config` input to a 0600 temp file) */
  configFile: optString
});
var LATEST_MODES = ["auto", "true", "false"];
var PublishConfigSchema = VerifyConfigSchema.extend({
  registry: optString.pipe(registry.optional()),
  repository: optString.pipe(repository.optional()),
  username: optString,
  /** never logged; reaches docker on stdin only */
  password: optString,
  /** false: stop after verify and push nothing (same as dryRun) */
  push: bool.transform((v) => v ?? true),
  dryRun: bool.transform((v) => v ?? false),
  force: bool.transform((v) => v ?? false),
  latest: external_exports.preprocess((v) => typeof v === "boolean" ? String(v) : typeof v === "string" && v.trim() === "" ? void 0 : v, external_exports.enum(LATEST_MODES).optional()).transform((v) => v ?? "auto"),
  /** also move the X.Y and X alias tags (only when this is the highest release of the line) */
  aliases: bool.transform((v) => v ?? false),
  /** publish X.Y.Z-dev.<sha> only */
  dev: bool.transform((v) => v ?? false),
  /** create the annotated git tag <dir>/v<version> after a successful publish */
  gitTag: bool.transform((v) => v ?? false),
  signKey: optString
});
function kebab(field) {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
function parseWith(schema, raw, source) {
  const res = schema.safeParse(raw);
  if (res.success) return res.data;
  const lines = res.error.issues.map((i) => {
    const field = typeof i.path[0] === "string" ? kebab(i.path[0]) : "(config)";
    const name = source === "input" ? `input "${field}"` : `--${field}`;
    return `${name}: ${i.message}`;
  });
  throw badInput(lines[0] ?? "invalid configuration", lines.slice(1));
}
var parseBuildConfig = (raw, source = "flag") => parseWith(BuildConfigSchema, raw, source);
var CONFIG_FIELDS = Object.keys(PublishConfigSchema.shape);

// src/commands/build.ts
function parseOutputFlag(value, load) {
  if (value === void 0) return { type: "load" };
  if (load) throw badInput("--load and --output exclude each other");
  const m = /^(?:oci=(.+)|type=oci,dest=(.+))$/.exec(value.trim());
  const dest = m?.[1] ?? m?.[2];
  if (!dest) {
    throw badInput(`--output ${value}: expected oci=FILE (pushing is done by \`build-connector publish\`, after verify)`);
  }
  return { type: "oci", dest };
}
function parseProvenanceFlag(value) {
  if (value === void 0) return "min";
  const v = value.trim().toLowerCase().replace(/^mode=/, "");
  if (v === "min" || v === "true" || v === "1") return "min";
  if (v === "max") return "max";
  if (v === "false" || v === "0") return false;
  throw badInput(`--provenance ${value}: expected min, max or false`);
}
function parseProgressFlag(value) {
  if (value === void 0) return "auto";
  if (value === "auto" || value === "tty" || value === "plain" || value === "quiet") return value;
  throw badInput(`--progress ${value}: expected auto, tty, plain or quiet`);
}
function parseEpochFlag(value) {
  if (value === void 0) return void 0;
  if (!/^\d{1,12}$/.test(value.trim())) throw badInput(`--source-date-epoch ${value}: expected unix seconds (a non-negative integer)`);
  return Number.parseInt(value.trim(), 10);
}
function humanResult(r) {
  const yes = (b) => b ? "yes" : "no";
  const lines = [
    `built ${r.connector.repository}:${r.connector.version} for ${r.platforms.join(", ")} in ${(r.durationMs / 1e3).toFixed(1)} s`,
    `  digest             ${r.digest}`
  ];
  if (r.output === "load") lines.push(`  image              ${r.tags.join(", ")} (loaded into the engine)`);
  else lines.push(`  OCI archive        ${r.ociArchive ?? ""}`);
  for (const m of r.manifests) lines.push(`  ${m.platform.padEnd(18)} ${m.digest}`);
  if (r.attestations) lines.push(`  attestations       ${r.attestations} (provenance; shown as platform unknown/unknown in the index)`);
  lines.push(
    `  reproducible       index: ${yes(r.reproducible.index)}, per-platform manifests: ${yes(r.reproducible.manifests)} \u2014 ${r.reproducible.reason}`,
    `  SOURCE_DATE_EPOCH  ${r.sourceDateEpoch} (${r.sourceDateEpochFrom})`,
    `  builder            ${r.builder.name} (${r.builder.driver} driver)`
  );
  if (r.lint.warnings > 0) lines.push(`  lint               ${r.lint.warnings} warning(s)`);
  return lines.join("\n");
}
function register(program) {
  program.command("build [dir]").description("build the connector image for linux/amd64 and linux/arm64 (lint first; load into the engine or write an OCI archive)").option("--platform <list>", "platforms, comma separated (default: metadata.yaml data.buildConnector.platforms, else linux/amd64,linux/arm64)").option("--load", "load the image into the engine (default); tags REPO:VERSION and REPO:dev").option("--output <oci=FILE>", "write an OCI archive instead of loading (reproducible where the builder supports rewrite-timestamp)").option("--tag <ref>", "image name to give the result, repeatable (replaces the default tags)", collect).option("--base-image <ref>", "base image to render with (pinned by digest)").option("--build-arg <KEY=VALUE>", "extra build argument, repeatable", collect).option("--cache-from <spec>", "buildx --cache-from, repeatable", collect).option("--cache-to <spec>", "buildx --cache-to, repeatable", collect).option("--provenance <mode>", "provenance attestation: min (default), max or false").option("--source-date-epoch <seconds>", "timestamps of the image (default: $SOURCE_DATE_EPOCH, else the last commit time of DIR, else 0)").option("--builder <name>", "buildx builder to use (default: BUILDX_BUILDER or the current one)").option("--no-cache", "do not use the build cache").option("--progress <mode>", "auto (default), tty, plain or quiet").action(
    action(async (out, _g, dir, flags) => {
      const cfg = parseBuildConfig({
        connectors: [dir ?? "."],
        platforms: flags.platform,
        baseImage: flags.baseImage,
        cacheFrom: flags.cacheFrom,
        cacheTo: flags.cacheTo,
        buildArgs: flags.buildArg
      });
      const output = parseOutputFlag(flags.output, flags.load);
      const opts = {
        platforms: flags.platform !== void 0 ? cfg.platforms : void 0,
        output,
        tags: flags.tag,
        buildArgs: cfg.buildArgs,
        cacheFrom: cfg.cacheFrom,
        cacheTo: cfg.cacheTo,
        provenance: parseProvenanceFlag(flags.provenance),
        sourceDateEpoch: parseEpochFlag(flags.sourceDateEpoch),
        builder: flags.builder,
        noCache: flags.cache === false,
        progress: parseProgressFlag(flags.progress)
      };
      const capabilities = detectCapabilities(flags.builder, { cache: true });
      capabilities.catch(() => void 0);
      const plan = await resolvePlan(cfg.connectors[0] ?? ".", { baseImage: cfg.baseImage, platforms: opts.platforms });
      const result = await buildImage(plan, { ...opts, capabilities });
      out.result(result, () => humanResult(result));
      return ExitCode.ok;
    })
  );
}
export {
  humanResult,
  parseEpochFlag,
  parseOutputFlag,
  parseProgressFlag,
  parseProvenanceFlag,
  register
};
