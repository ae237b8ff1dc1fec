/**
 * The shared, validated configuration of build / verify / publish: the
 * schemas of the request (src/core/request.ts holds its types).
 *
 * One zod schema per command. The CLI parses its flags into it, the Action
 * parses its inputs into it: both go through the same `parse*Config`
 * functions, so a default, a list syntax or a validation rule cannot differ
 * between the two shells. Each field accepts both shapes a shell produces —
 * `string` (an Action input, a raw flag) and the already-typed value
 * (commander's arrays and booleans) — and normalises them.
 */
import { z } from 'zod';
import { PlatformSchema } from '../shared/platforms.js';
import type { PublishRequest } from './request.js';
import type { BuildFlowRequest } from './flows/build.js';
import { FIELDS, bool, latest, list, optString, parseWith, provenance, retries, secret, type Source } from './request-fields.js';
import type { RegistryLogin } from '../registry/credentials.js';

export { DEFAULT_PLATFORMS } from '../shared/platforms.js';
const COMMANDS = ['build', 'verify', 'publish'] as const;
export type CommandName = (typeof COMMANDS)[number];

const platform = PlatformSchema;

/** host[:port] of a registry, or the word "local" (a loopback registry started for you). */
const registry = z
  .string()
  .regex(/^(local|[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?|\[[0-9a-f:]+\](:\d{1,5})?)$/i, { error: (i) => `"${String(i.input)}" is not a registry host[:port]` });

/** An image repository path without registry or tag: "airbyte/source-foo". */
const repository = z
  .string()
  .regex(/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/, {
    error: (i) => `"${String(i.input)}" is not a repository path (lowercase, like airbyte/source-foo)`,
  });

/** An image reference (tag and/or digest); no whitespace, no control characters. */
const imageRef = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._\-/:@[\]]*$/, { error: (i) => `"${String(i.input)}" is not an image reference` });

/** KEY=VALUE lines (or an object) → record; build args and the like. */
const keyValues = z
  .preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.split('\n')) : v), z.union([z.array(z.string()), z.record(z.string(), z.string())]).optional())
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const entries = Array.isArray(v) ? v : Object.entries(v).map(([k, val]) => `${k}=${val}`);
    const out: Record<string, string> = {};
    for (const raw of entries) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      const key = eq > 0 ? line.slice(0, eq).trim() : '';
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
        ctx.issues.push({ code: 'custom', input: raw, message: `"${line}" is not KEY=VALUE (KEY: letters, digits, _)` });
        return z.NEVER;
      }
      out[key] = line.slice(eq + 1);
    }
    return out;
  });

/**
 * The registry login every command that talks to a registry takes (CLI:
 * --username and --password-stdin; Action: the username and password
 * inputs). Only the shape is checked here; which combinations make a login
 * is credentials.ts's explicitCredentials, shared by every command. Its
 * output is registry/credentials.ts's RegistryLogin: one login type.
 */
const RegistryLoginSchema = z.object({
  username: optString,
  /** never logged, never argv */
  password: secret,
});

/** build: what every command needs to produce an image. */
const BuildConfigSchema = z.object({
  /** connector directories (absolute or relative to the workspace) */
  connectors: list(z.string().min(1)).transform((v) => v ?? ['.']),
  /** not given: metadata.yaml's data.buildConnector.platforms, else DEFAULT_PLATFORMS (resolvePlan decides) */
  platforms: list(platform),
  /** replaces the base image of every connector (air-gapped or mirrored registries) */
  baseImage: optString.pipe(imageRef.optional()),
  cacheFrom: list(z.string().min(1)).transform((v) => v ?? []),
  cacheTo: list(z.string().min(1)).transform((v) => v ?? []),
  buildArgs: keyValues.transform((v) => v ?? {}),
  /** buildx builder (default: BUILDX_BUILDER, else the current one), as build-push-action's `builder` */
  builder: optString,
  /** provenance attestation (not given: min; none where the builder cannot attach it) */
  provenance,
});

/** verify: build + per-platform checks; `configFile` feeds check/discover/read. */
const VerifyConfigSchema = BuildConfigSchema.extend({
  /** path of a config JSON for check/discover/read (the Action writes its `config` input to a 0600 temp file) */
  configFile: optString,
  /** seconds per connector command during verify (not given: 120) */
  timeout: FIELDS.timeout,
});

/** publish: verify + push + tag. */
const PublishConfigSchema = VerifyConfigSchema.extend({
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
  noCache: bool.transform((v) => v ?? false),
});

/**
 * The CLI's `build`: the build config, where the image goes (loaded under
 * `tags`, or an OCI archive) and, with `verify`, the checks' config.
 */
const BuildCommandSchema = z.preprocess(
  (raw, ctx) => {
    // --timeout has a default, so whether it was given is read before the grammar applies it
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    if (r.timeout !== undefined && r.timeout !== '' && r.verify !== true) ctx.issues.push({ code: 'custom', path: ['timeout'], input: r.timeout, message: 'is used by --verify only' });
    return raw;
  },
  VerifyConfigSchema.extend({
    output: FIELDS.output,
    load: bool,
    tags: list(z.string().min(1)),
    sourceDateEpoch: FIELDS.sourceDateEpoch,
    noCache: bool,
    progress: FIELDS.progress,
    verify: bool,
  }).superRefine((c, ctx) => {
    if (c.output !== undefined && c.load) ctx.addIssue({ code: 'custom', path: ['load'], message: 'cannot go with --output' });
    if (c.configFile !== undefined && !c.verify) ctx.addIssue({ code: 'custom', path: ['configFile'], message: 'is used by --verify only' });
  }),
);

type BuildCommandConfig = z.infer<typeof BuildCommandSchema>;
type BuildConfig = z.infer<typeof BuildConfigSchema>;
type VerifyConfig = z.infer<typeof VerifyConfigSchema>;
export type PublishConfig = z.infer<typeof PublishConfigSchema>;

export const parseBuildConfig = (raw: unknown, source: Source = 'flag'): BuildConfig => parseWith(BuildConfigSchema, raw, source);
export const parseBuildCommand = (raw: unknown, source: Source = 'flag'): BuildCommandConfig => parseWith(BuildCommandSchema, raw, source);
export const parsePublishConfig = (raw: unknown, source: Source = 'flag'): PublishConfig => parseWith(PublishConfigSchema, raw, source);
export const parseRegistryLogin = (raw: unknown, source: Source = 'flag'): RegistryLogin => parseWith(RegistryLoginSchema, raw, source);

/** Build args alone (lint's --build-arg): the same KEY=VALUE grammar and message as build's and publish's; not given: undefined. */
export const parseBuildArgs = (raw: unknown, source: Source = 'flag'): Record<string, string> | undefined =>
  parseWith(z.object({ buildArgs: keyValues }), { buildArgs: raw }, source).buildArgs;

/**
 * The build flow's request for one connector from the validated config (the
 * CLI's `build`, the Action's `command: build` and `command: verify`).
 */
export function buildRequestOf(dir: string, c: VerifyConfig & Partial<BuildCommandConfig>): BuildFlowRequest {
  return {
    dir,
    platforms: c.platforms,
    baseImage: c.baseImage,
    buildArgs: c.buildArgs,
    cacheFrom: c.cacheFrom,
    cacheTo: c.cacheTo,
    builder: c.builder,
    provenance: c.provenance,
    ...(c.output ? { output: c.output } : {}),
    ...(c.tags ? { tags: c.tags } : {}),
    ...(c.sourceDateEpoch !== undefined ? { sourceDateEpoch: c.sourceDateEpoch } : {}),
    ...(c.noCache ? { noCache: true } : {}),
    ...(c.progress ? { progress: c.progress } : {}),
    ...(c.verify ? { verify: { configFile: c.configFile, timeoutSeconds: c.timeout } } : {}),
  };
}

/**
 * The publish pipeline's request from the validated config: what the Action
 * passes to runPublish, and what the CLI's `publish` can build the same way
 * (flags → parsePublishConfig → publishRequestOf), so both shells ask the
 * core for the same thing.
 */
export function publishRequestOf(dir: string, c: PublishConfig): PublishRequest {
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
    pushGitTag: c.pushGitTag,
  };
}
