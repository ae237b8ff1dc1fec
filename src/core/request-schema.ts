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
import { badInput } from '../errors.js';
import { PlatformSchema } from '../shared/platforms.js';
import { splitList, type PublishRequest } from './request.js';
import type { RegistryLogin } from '../registry/credentials.js';

export { DEFAULT_PLATFORMS } from '../shared/platforms.js';
export const COMMANDS = ['build', 'verify', 'publish'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** A list field: "a,b", "a\nb" or ["a","b"]; empty string = not given. */
const list = (item: z.ZodType<string>) =>
  z.preprocess((v) => {
    if (typeof v === 'string') return v.trim() === '' ? undefined : splitList(v);
    if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? splitList(x) : [x]));
    return v;
  }, z.array(item).optional());

/**
 * A boolean field in YAML 1.2 core schema spelling (what core.getBooleanInput
 * accepts: true|True|TRUE|false|False|FALSE); empty string = not given.
 */
const bool = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (t === '') return undefined;
  if (['true', 'True', 'TRUE'].includes(t)) return true;
  if (['false', 'False', 'FALSE'].includes(t)) return false;
  return v;
}, z.boolean({ error: 'expected true or false' }).optional());

/** A single optional string; empty = not given. */
const optString = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().optional());

/** A secret: empty = not given, otherwise taken as it is (a password may begin or end with a space). */
const secret = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional());

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
export const RegistryLoginSchema = z.object({
  username: optString,
  /** never logged, never argv */
  password: secret,
});

/** build: what every command needs to produce an image. */
export const BuildConfigSchema = z.object({
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
});

/** verify: build + per-platform checks; `configFile` feeds check/discover/read. */
export const VerifyConfigSchema = BuildConfigSchema.extend({
  /** path of a config JSON for check/discover/read (the Action writes its `config` input to a 0600 temp file) */
  configFile: optString,
});

export const LATEST_MODES = ['auto', 'true', 'false'] as const;
export type LatestMode = (typeof LATEST_MODES)[number];

/** publish: verify + push + tag. */
export const PublishConfigSchema = VerifyConfigSchema.extend({
  registry: optString.pipe(registry.optional()),
  repository: optString.pipe(repository.optional()),
  ...RegistryLoginSchema.shape,
  /** false: stop after verify and push nothing (same as dryRun) */
  push: bool.transform((v) => v ?? true),
  dryRun: bool.transform((v) => v ?? false),
  force: bool.transform((v) => v ?? false),
  latest: z.preprocess((v) => (typeof v === 'boolean' ? String(v) : typeof v === 'string' && v.trim() === '' ? undefined : v), z.enum(LATEST_MODES).optional()).transform((v) => v ?? 'auto'),
  /** also move the X.Y and X alias tags (only when this is the highest release of the line) */
  aliases: bool.transform((v) => v ?? false),
  /** publish X.Y.Z-dev.<sha> only */
  dev: bool.transform((v) => v ?? false),
  /** create the annotated git tag <dir>/v<version> after a successful publish */
  gitTag: bool.transform((v) => v ?? false),
  signKey: optString,
  /** a CycloneDX SBOM per platform image, attached as an OCI referrer */
  sbom: bool.transform((v) => v ?? false),
});

export type BuildConfig = z.infer<typeof BuildConfigSchema>;
export type VerifyConfig = z.infer<typeof VerifyConfigSchema>;
export type PublishConfig = z.infer<typeof PublishConfigSchema>;

/**
 * How a field is named where the user wrote it: `kebab` for Action inputs
 * and CLI flags alike (`dry-run`, `--dry-run`), so an error names the thing
 * the user can find in their workflow file or shell history.
 */
export function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Fields whose CLI flag is not the kebab-cased field name. */
const FLAG_NAMES: Record<string, string> = { platforms: 'platform', buildArgs: 'build-arg', configFile: 'config', password: 'password-stdin' };

function parseWith<S extends z.ZodType>(schema: S, raw: unknown, source: 'input' | 'flag'): z.infer<S> {
  const res = schema.safeParse(raw);
  if (res.success) return res.data;
  const lines = res.error.issues.map((i) => {
    const key = typeof i.path[0] === 'string' ? i.path[0] : undefined;
    const field = key === undefined ? '(config)' : source === 'flag' ? (FLAG_NAMES[key] ?? kebab(key)) : kebab(key);
    const name = source === 'input' ? `input "${field}"` : `--${field}`;
    return `${name}: ${i.message}`;
  });
  throw badInput(lines[0] ?? 'invalid configuration', lines.slice(1));
}

export const parseBuildConfig = (raw: unknown, source: 'input' | 'flag' = 'flag'): BuildConfig => parseWith(BuildConfigSchema, raw, source);
export const parsePublishConfig = (raw: unknown, source: 'input' | 'flag' = 'flag'): PublishConfig => parseWith(PublishConfigSchema, raw, source);
export const parseRegistryLogin = (raw: unknown, source: 'input' | 'flag' = 'flag'): RegistryLogin => parseWith(RegistryLoginSchema, raw, source);

/** Build args alone (lint's --build-arg): the same KEY=VALUE grammar and message as build's and publish's; not given: undefined. */
export const parseBuildArgs = (raw: unknown, source: 'input' | 'flag' = 'flag'): Record<string, string> | undefined =>
  parseWith(z.object({ buildArgs: keyValues }), { buildArgs: raw }, source).buildArgs;

/**
 * The publish pipeline's request from the validated config: what the Action
 * passes to runPublish, and what the CLI's `publish` can build the same way
 * (flags → parsePublishConfig → publishRequestOf), so both shells ask the
 * core for the same thing.
 */
export function publishRequestOf(dir: string, c: PublishConfig, opts: { version?: string } = {}): PublishRequest {
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
    pushGitTag: c.gitTag,
  };
}
