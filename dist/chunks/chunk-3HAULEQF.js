import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  splitList
} from "./chunk-ADAXBUA2.js";
import {
  PlatformSchema
} from "./chunk-AVBWJCO6.js";
import {
  external_exports
} from "./chunk-AESVDITN.js";
import {
  badInput
} from "./chunk-BRC3U7YZ.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/core/request-schema.ts
init_define_BC_HELP();
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
var secret = external_exports.preprocess((v) => typeof v === "string" && v.trim() === "" ? void 0 : v, external_exports.string().optional());
var platform = PlatformSchema;
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
var RegistryLoginSchema = external_exports.object({
  username: optString,
  /** never logged, never argv */
  password: secret
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
  buildArgs: keyValues.transform((v) => v ?? {}),
  /** buildx builder (default: BUILDX_BUILDER, else the current one), as build-push-action's `builder` */
  builder: optString
});
var VerifyConfigSchema = BuildConfigSchema.extend({
  /** path of a config JSON for check/discover/read (the Action writes its `config` input to a 0600 temp file) */
  configFile: optString
});
var LATEST_MODES = ["auto", "true", "false"];
var PublishConfigSchema = VerifyConfigSchema.extend({
  registry: optString.pipe(registry.optional()),
  repository: optString.pipe(repository.optional()),
  ...RegistryLoginSchema.shape,
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
  signKey: optString,
  /** a CycloneDX SBOM per platform image, attached as an OCI referrer */
  sbom: bool.transform((v) => v ?? false)
});
function kebab(field) {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
var FLAG_NAMES = { platforms: "platform", buildArgs: "build-arg", configFile: "config", password: "password-stdin" };
function parseWith(schema, raw, source) {
  const res = schema.safeParse(raw);
  if (res.success) return res.data;
  const lines = res.error.issues.map((i) => {
    const key = typeof i.path[0] === "string" ? i.path[0] : void 0;
    const field = key === void 0 ? "(config)" : source === "flag" ? FLAG_NAMES[key] ?? kebab(key) : kebab(key);
    const name = source === "input" ? `input "${field}"` : `--${field}`;
    return `${name}: ${i.message}`;
  });
  throw badInput(lines[0] ?? "invalid configuration", lines.slice(1));
}
var parseBuildConfig = (raw, source = "flag") => parseWith(BuildConfigSchema, raw, source);
var parsePublishConfig = (raw, source = "flag") => parseWith(PublishConfigSchema, raw, source);
var parseRegistryLogin = (raw, source = "flag") => parseWith(RegistryLoginSchema, raw, source);
var parseBuildArgs = (raw, source = "flag") => parseWith(external_exports.object({ buildArgs: keyValues }), { buildArgs: raw }, source).buildArgs;
function publishRequestOf(dir, c, opts = {}) {
  return {
    dir,
    registry: c.registry,
    repository: c.repository,
    version: opts.version,
    platforms: c.platforms,
    baseImage: c.baseImage,
    builder: c.builder,
    buildArgs: c.buildArgs,
    cacheFrom: c.cacheFrom,
    cacheTo: c.cacheTo,
    configFile: c.configFile,
    // push: false is a dry run: everything up to verify, nothing pushed or tagged
    dryRun: c.dryRun || !c.push,
    force: c.force,
    aliases: c.aliases,
    latest: c.latest,
    dev: c.dev,
    username: c.username,
    password: c.password,
    signKey: c.signKey,
    sbom: c.sbom,
    gitTag: c.gitTag,
    pushGitTag: c.gitTag
  };
}

export {
  parseBuildConfig,
  parsePublishConfig,
  parseRegistryLogin,
  parseBuildArgs,
  publishRequestOf
};
