import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  FIELDS,
  bool,
  latest,
  list,
  optString,
  parseWith,
  provenance,
  retries,
  secret
} from "./chunk-UOA3M2KC.js";
import {
  PlatformSchema
} from "./chunk-Z2MWC52I.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/request-schema.ts
init_define_BC_HELP();
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
  builder: optString,
  /** provenance attestation (not given: min; none where the builder cannot attach it) */
  provenance
});
var VerifyConfigSchema = BuildConfigSchema.extend({
  /** path of a config JSON for check/discover/read (the Action writes its `config` input to a 0600 temp file) */
  configFile: optString,
  /** seconds per connector command during verify (not given: 120) */
  timeout: FIELDS.timeout
});
var PublishConfigSchema = VerifyConfigSchema.extend({
  registry: optString.pipe(registry.optional()),
  repository: optString.pipe(repository.optional()),
  ...RegistryLoginSchema.shape,
  /** false: stop after verify and push nothing (same as dryRun) */
  push: bool.transform((v) => v ?? true),
  dryRun: bool.transform((v) => v ?? false),
  force: bool.transform((v) => v ?? false),
  latest,
  /** also move the X.Y and X alias tags (only when this is the highest release of the line) */
  aliases: bool.transform((v) => v ?? false),
  /** publish X.Y.Z-dev.<sha> only */
  dev: bool.transform((v) => v ?? false),
  /** create the annotated git tag <dir>/v<version> after a successful publish */
  gitTag: bool.transform((v) => v ?? false),
  signKey: optString,
  /** a CycloneDX SBOM per platform image, attached as an OCI referrer */
  sbom: bool.transform((v) => v ?? false),
  /** attempts per registry operation (not given: 5) */
  retries,
  /** publish to data.registryOverrides.<target> */
  target: FIELDS.target,
  /** the version to tag (a release tag's), instead of data.dockerImageTag */
  version: optString,
  /** also push the git tag (implies gitTag) */
  pushGitTag: bool.transform((v) => v ?? false),
  /** the git tag's format ({dir}, {version}) */
  gitTagFormat: FIELDS.gitTagFormat,
  /** build without the cache (and even when the version tag records the same inputs) */
  noCache: bool.transform((v) => v ?? false)
});
var BuildCommandSchema = external_exports.preprocess(
  (raw, ctx) => {
    const r = typeof raw === "object" && raw !== null ? raw : {};
    if (r.timeout !== void 0 && r.timeout !== "" && r.verify !== true) ctx.issues.push({ code: "custom", path: ["timeout"], input: r.timeout, message: "is used by --verify only" });
    return raw;
  },
  VerifyConfigSchema.extend({
    output: FIELDS.output,
    load: bool,
    tags: list(external_exports.string().min(1)),
    sourceDateEpoch: FIELDS.sourceDateEpoch,
    noCache: bool,
    progress: FIELDS.progress,
    verify: bool
  }).superRefine((c, ctx) => {
    if (c.output !== void 0 && c.load) ctx.addIssue({ code: "custom", path: ["load"], message: "cannot go with --output" });
    if (c.configFile !== void 0 && !c.verify) ctx.addIssue({ code: "custom", path: ["configFile"], message: "is used by --verify only" });
  })
);
var parseBuildCommand = (raw, source = "flag") => parseWith(BuildCommandSchema, raw, source);
var parsePublishConfig = (raw, source = "flag") => parseWith(PublishConfigSchema, raw, source);
var parseRegistryLogin = (raw, source = "flag") => parseWith(RegistryLoginSchema, raw, source);
var parseBuildArgs = (raw, source = "flag") => parseWith(external_exports.object({ buildArgs: keyValues }), { buildArgs: raw }, source).buildArgs;
function buildRequestOf(dir, c) {
  return {
    dir,
    platforms: c.platforms,
    baseImage: c.baseImage,
    buildArgs: c.buildArgs,
    cacheFrom: c.cacheFrom,
    cacheTo: c.cacheTo,
    builder: c.builder,
    provenance: c.provenance,
    ...c.output ? { output: c.output } : {},
    ...c.tags ? { tags: c.tags } : {},
    ...c.sourceDateEpoch !== void 0 ? { sourceDateEpoch: c.sourceDateEpoch } : {},
    ...c.noCache ? { noCache: true } : {},
    ...c.progress ? { progress: c.progress } : {},
    ...c.verify ? { verify: { configFile: c.configFile, timeoutSeconds: c.timeout } } : {}
  };
}
function publishRequestOf(dir, c) {
  return {
    dir,
    registry: c.registry,
    repository: c.repository,
    target: c.target,
    version: c.version,
    platforms: c.platforms,
    baseImage: c.baseImage,
    builder: c.builder,
    buildArgs: c.buildArgs,
    cacheFrom: c.cacheFrom,
    cacheTo: c.cacheTo,
    provenance: c.provenance,
    noCache: c.noCache,
    configFile: c.configFile,
    timeoutSeconds: c.timeout,
    // push: false is a dry run: everything up to verify, nothing pushed or tagged
    dryRun: c.dryRun || !c.push,
    force: c.force,
    aliases: c.aliases,
    latest: c.latest,
    dev: c.dev,
    retries: c.retries,
    username: c.username,
    password: c.password,
    signKey: c.signKey,
    sbom: c.sbom,
    gitTag: c.gitTag || c.pushGitTag,
    gitTagFormat: c.gitTagFormat,
    pushGitTag: c.pushGitTag
  };
}

export {
  parseBuildCommand,
  parsePublishConfig,
  parseRegistryLogin,
  parseBuildArgs,
  buildRequestOf,
  publishRequestOf
};
