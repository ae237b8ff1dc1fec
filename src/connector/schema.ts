/**
 * The zod schema of the metadata.yaml keys build-connector reads. Everything
 * else is allowed (`.loose()`) and kept untouched. Values that end up in a
 * Dockerfile are validated here by grammar, so no metadata value can inject
 * an instruction (see render/escape.ts for the second line of defence).
 */
import semver from 'semver';
import { z } from 'zod';
import { PlatformSchema } from '../shared/platforms.js';
import { describeBadRef, isRepository, parseImageRef, tagProblem } from '../shared/image-ref.js';

/** A control character (newline, CR, tab, NUL, …) can never be written safely on one Dockerfile line. */
export const CONTROL_RE = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** An exec-form argument we accept: no whitespace, quotes, backslashes, `$` or backquotes. */
export const SAFE_ARG_RE = /^[A-Za-z0-9_./:=@+,%-]+$/;
/** An absolute directory path with safe characters. */
export const SAFE_DIR_RE = /^\/(?:[A-Za-z0-9_.+-]+\/?)*$/;

const show = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null (empty value)';
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${String(v)}`;
};

const text = (what: string) =>
  z.string({ error: (i) => `expected ${what} (a string), got ${show(i.input)}` }).refine((s) => !CONTROL_RE.test(s), {
    message: `${what} must be one line: newlines and control characters cannot be written safely into a Dockerfile`,
  });

const repository = z
  .string({ error: (i) => `expected a docker repository name (a string), got ${show(i.input)}` })
  .refine(isRepository, {
    error: (i) =>
      `expected a docker repository name like airbyte/source-hello (lowercase [a-z0-9._-] components separated by "/", optional registry host), got ${show(i.input)}`,
  });

const imageRef = z
  .string({ error: (i) => `expected an image reference (a string), got ${show(i.input)}` })
  .refine((s) => parseImageRef(s) !== undefined, {
    error: (i) => `expected an image reference like docker.io/airbyte/python-connector-base:4.0.2@sha256:<64 hex>: ${describeBadRef(String(i.input))}, got ${show(i.input)}`,
  });

const semverTag = z
  .string({ error: (i) => `expected a semver version string like 1.2.3 (quote it in YAML), got ${show(i.input)}` })
  .refine((s) => semver.valid(s) === s, { error: (i) => `expected a semver version like 1.2.3 or 1.2.3-rc.1, got ${show(i.input)}` })
  // the version is also the image tag: refuse now what the push would refuse after the build
  .refine((s) => tagProblem(s) === undefined, { error: (i) => `the version is the image tag: ${tagProblem(String(i.input)) ?? ''}` });

/** The nil UUID and its look-alikes (every hex digit the same): what templates leave behind. */
function isPlaceholderUuid(s: string): boolean {
  const hex = s.replace(/-/g, '').toLowerCase();
  return /^(.)\1*$/.test(hex) || hex === '123456781234123412341234567890ab' || hex === '0123456789abcdef0123456789abcdef' || hex === '12345678123412341234123456789012';
}

/** A path argument must be absolute; a bare program name (python, java) is looked up on PATH. */
export function entrypointProblem(args: string[]): string | undefined {
  return entrypointIssue(args)?.message;
}

/** The first unacceptable element of an exec-form entrypoint, with its index. */
function entrypointIssue(args: string[]): { index: number; message: string } | undefined {
  for (const [i, a] of args.entries()) {
    if (!SAFE_ARG_RE.test(a)) {
      return { index: i, message: `entrypoint[${i}] ${show(a)} has a character that is not allowed (whitespace, quote, backslash, $ or backquote): write one list element per argument` };
    }
    const looksLikePath = a.includes('/') || /\.(py|sh|jar|js)$/.test(a);
    if (looksLikePath && !a.startsWith('/')) {
      return { index: i, message: `entrypoint[${i}] ${show(a)} is a relative path; use an absolute path (e.g. /airbyte/integration_code/main.py)` };
    }
    if (i === 0 && a.startsWith('-')) return { index: i, message: `entrypoint[0] ${show(a)} must be a program` };
  }
  return undefined;
}

const entrypoint = z
  .array(z.string({ error: (i) => `expected a string, got ${show(i.input)}` }), {
    error: (i) => `expected an exec-form list like ["/usr/local/bin/source-hello"], got ${show(i.input)}`,
  })
  .min(1, { message: 'expected at least one element' })
  .superRefine((args, ctx) => {
    const p = entrypointIssue(args);
    if (p) ctx.addIssue({ code: 'custom', message: p.message, path: [p.index] });
  });

const platform = PlatformSchema;

const BuildConnectorSchema = z
  .object({
    entrypoint: entrypoint.optional(),
    baseImage: imageRef.optional(),
    extraWriteDirs: z
      .array(z.string().regex(SAFE_DIR_RE, { message: 'expected an absolute directory path with [A-Za-z0-9_.+-] components' }))
      .optional(),
    platforms: z.array(platform).min(1).optional(),
    offline: z.boolean({ error: (i) => `expected true or false, got ${show(i.input)}` }).optional(),
  })
  .strict();

export const MetadataSchema = z
  .object({
    data: z
      .object({
        name: text('the connector name'),
        connectorType: z.enum(['source', 'destination'], { error: (i) => `expected "source" or "destination", got ${show(i.input)}` }),
        dockerRepository: repository,
        dockerImageTag: semverTag,
        definitionId: z
          .string({ error: (i) => `expected a UUID string, got ${show(i.input)}` })
          .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, { message: 'expected a UUID' })
          .refine((s) => !isPlaceholderUuid(s), {
            error: (i) => `${show(i.input)} is a placeholder, not a definition id: generate one (uuidgen) and keep it for the connector's life`,
          })
          .optional(),
        documentationUrl: text('documentationUrl').optional(),
        license: text('license').optional(),
        tags: z.array(z.string({ error: (i) => `expected a string tag, got ${show(i.input)}` }), {
          error: (i) => `expected a list of tags like [language:python], got ${show(i.input)}`,
        }).optional(),
        connectorBuildOptions: z.object({ baseImage: imageRef.optional() }).loose().optional(),
        registryOverrides: z
          .record(
            z.string(),
            z
              .object({
                enabled: z.boolean().optional(),
                dockerRepository: repository.optional(),
                dockerImageTag: semverTag.optional(),
              })
              .loose(),
          )
          .optional(),
        buildConnector: BuildConnectorSchema.optional(),
      })
      .loose(),
  })
  .loose();

export interface MetadataIssue {
  /** dot path, e.g. data.dockerImageTag */
  path: string;
  message: string;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** zod issues → dot paths and human messages ("required key is missing"). */
export function collectIssues(err: z.ZodError, root: unknown): MetadataIssue[] {
  return err.issues.map((i) => {
    const path = i.path.map(String).join('.');
    const parentExists = valueAt(root, i.path.slice(0, -1)) !== undefined;
    const missing = valueAt(root, i.path) === undefined && parentExists;
    if (i.code === 'unrecognized_keys') {
      return { path: [...i.path.map(String), ...i.keys.slice(0, 1)].join('.'), message: `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')} (allowed: entrypoint, baseImage, extraWriteDirs, platforms, offline)` };
    }
    if (missing) return { path, message: `required key is missing (${i.message.replace(/, got nothing$/, '')})` };
    return { path: path || '(root)', message: i.message };
  });
}
