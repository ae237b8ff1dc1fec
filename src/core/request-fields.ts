/**
 * The value grammar of every flag and input, and the one way a shell's words
 * are validated: `parseWith` (request-schema.ts's config schemas) and
 * `parseFields` (a command's own flags: --timeout, --type, --matrix, …). A
 * shell maps its words onto these fields and gets typed values or one
 * exit-2 error naming the flag (`--timeout: …`) or the input
 * (`input "changed-since": …`) the user wrote.
 */
import { z } from 'zod';
import { badInput } from '../errors.js';
import { PlatformSchema, isPlatform } from '../shared/platforms.js';
import { DEFAULT_ATTEMPTS, DEFAULT_GIT_TAG_FORMAT, DEFAULT_PROVENANCE, DEFAULT_TIMEOUT_SECONDS, LATEST_MODES, type LatestMode, type Provenance } from '../shared/modes.js';

/**
 * Split a newline- or comma-separated list (a list flag, a list input);
 * blanks dropped. The one list splitter, behind every list field. Not given
 * stays not given.
 */
function splitList(value: string): string[];
function splitList(value: string | undefined): string[] | undefined;
function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A list field: "a,b", "a\nb" or ["a","b"]; empty string = not given. */
export const list = (item: z.ZodType<string>) =>
  z.preprocess((v) => {
    if (typeof v === 'string') return v.trim() === '' ? undefined : splitList(v);
    if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? splitList(x) : [x]));
    return v;
  }, z.array(item).optional());

/**
 * A boolean field in YAML 1.2 core schema spelling (what core.getBooleanInput
 * accepts: true|True|TRUE|false|False|FALSE); empty string = not given.
 */
export const bool = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (t === '') return undefined;
  if (['true', 'True', 'TRUE'].includes(t)) return true;
  if (['false', 'False', 'FALSE'].includes(t)) return false;
  return v;
}, z.boolean({ error: 'expected true or false' }).optional());

/** A single optional string; empty = not given. */
export const optString = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().optional());

/** A secret: empty = not given, otherwise taken as it is (a password may begin or end with a space). */
export const secret = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional());

/**
 * A word read by `read` (undefined when it is not one): not given, or an
 * empty string, stays not given; anything else that `read` refuses is
 * `expected WHAT, got "VALUE"`.
 */
function word<T>(what: string, read: (s: string) => T | undefined) {
  return z.union([z.string(), z.number(), z.boolean()]).optional().transform((v, ctx): T | undefined => {
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
    const out = read(String(v).trim());
    if (out === undefined) {
      ctx.issues.push({ code: 'custom', input: v, message: `expected ${what}, got ${JSON.stringify(String(v))}` });
      return z.NEVER;
    }
    return out;
  });
}

const oneOf = <const T extends string>(values: readonly T[]) =>
  word(values.join(', ').replace(/, ([^,]*)$/, ' or $1'), (s) => (values as readonly string[]).includes(s) ? (s as T) : undefined);

const positive = (what: string) => word(what, (s) => (/^\d+(\.\d+)?$/.test(s) && Number(s) > 0 ? Number(s) : undefined));

const wholeNumber = (min: number, max: number) =>
  word(max === Infinity ? `a whole number ≥ ${min}` : `a whole number ${min}..${max}`, (s) => (/^\d+$/.test(s) && Number(s) >= min && Number(s) <= max ? Number(s) : undefined));

/**
 * The request's defaults are applied here and nowhere else: a field with a
 * default gives its value when the flag or input is not given, so the core
 * flows receive complete requests and no layer below repeats a default.
 */
const orDefault = <T>(field: z.ZodType<T | undefined>, value: T) => field.transform((v): T => (v === undefined ? value : v));

/** auto | true | false (a boolean too: the Action's YAML may hand one over); not given: auto. */
export const latest = orDefault<LatestMode>(oneOf(LATEST_MODES), 'auto');

/** provenance: min (also true, 1, mode=min), max, or false (also 0, none); not given: min (where the builder cannot attach it, the build strategy says so and attaches none). */
export const provenance = orDefault(
  word<Provenance>('min, max or false', (s) => {
    const v = s.toLowerCase().replace(/^mode=/, '');
    if (v === 'min' || v === 'true' || v === '1') return 'min';
    if (v === 'max') return 'max';
    if (v === 'false' || v === '0' || v === 'none') return false;
    return undefined;
  }),
  DEFAULT_PROVENANCE,
);

/** attempts per registry operation; not given: 5 */
export const retries = orDefault(wholeNumber(1, 20), DEFAULT_ATTEMPTS);

/** REF for every connector, LANGUAGE=REF for one language (bake's --base-image, repeatable). */
const baseImages = z
  .array(z.string())
  .optional()
  .transform((values, ctx): { all?: string; byLanguage: Record<string, string> } | undefined => {
    if (!values || values.length === 0) return undefined;
    const out: { all?: string; byLanguage: Record<string, string> } = { byLanguage: {} };
    for (const v of values) {
      const m = /^([a-z0-9][a-z0-9_-]*)=(.+)$/.exec(v);
      if (m) out.byLanguage[m[1] as string] = m[2] as string;
      else if (out.all === undefined) out.all = v;
      else {
        ctx.issues.push({ code: 'custom', input: v, message: `"${v}": a base for every connector was already given (${out.all}); use LANGUAGE=REF` });
        return z.NEVER;
      }
    }
    return out;
  });

/** A JSON object given as text (the Action's `config` input): its text is secret, so no message quotes it. */
const jsonObject = z
  .string()
  .optional()
  .transform((v, ctx): string | undefined => {
    if (v === undefined || v.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(v);
    } catch {
      ctx.issues.push({
        code: 'custom',
        input: '',
        message: 'is not valid JSON (its content is secret and not shown)',
        params: { fix: 'pass the connector config as a JSON object, e.g. config: ${{ secrets.SOURCE_FOO_CONFIG }}' },
      });
      return z.NEVER;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      ctx.issues.push({ code: 'custom', input: '', message: 'must be a JSON object (its content is secret and not shown)' });
      return z.NEVER;
    }
    return v;
  });

/** The Action's commands: build, verify, publish (the CLI's), and changed (only the affected connectors and their matrices). */
const ACTION_COMMANDS = ['build', 'verify', 'publish', 'changed'] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/**
 * Every command-specific flag and input, by field name (the flag's camelCase
 * name: `pidsLimit` is --pids-limit). Each command parses the ones it takes.
 */
export const FIELDS = {
  /** seconds per connector command (verify, bake, digest-record); not given: 120 */
  timeout: orDefault(positive('a positive number of seconds'), DEFAULT_TIMEOUT_SECONDS),
  pidsLimit: positive('a positive number'),
  cpus: positive('a positive number'),
  /** connector type, when neither metadata.yaml nor the image label says */
  type: oneOf(['source', 'destination'] as const),
  /** connectors verified at once */
  verifyConcurrency: wholeNumber(1, Infinity),
  retries,
  latest,
  target: oneOf(['cloud', 'oss'] as const),
  provenance,
  progress: oneOf(['auto', 'tty', 'plain', 'quiet'] as const),
  /** unix seconds */
  sourceDateEpoch: word('unix seconds (a non-negative integer)', (s) => (/^\d{1,12}$/.test(s) ? Number.parseInt(s, 10) : undefined)),
  /** build --output: an OCI archive (pushing is publish's, after verify) */
  output: word('oci=FILE (pushing is done by `build-connector publish`, after verify)', (s) => {
    const m = /^(?:oci=(.+)|type=oci,dest=(.+))$/.exec(s);
    const dest = m?.[1] ?? m?.[2];
    return dest ? { type: 'oci' as const, dest } : undefined;
  }),
  /** exactly one platform (digest-record) */
  platform: word('exactly one platform, e.g. linux/arm64', (s) => (isPlatform(s) ? s : undefined)),
  platforms: list(PlatformSchema),
  /** directories (connector roots, …) */
  roots: list(z.string().min(1)),
  baseImages,
  /** changed --matrix: a bare --matrix is the build matrix */
  matrix: word('build or merge', (s) => (s === 'true' || s === 'build' ? ('build' as const) : s === 'merge' ? ('merge' as const) : undefined)),
  format: oneOf(['text', 'json', 'github'] as const),
  permittedWriteDirs: list(z.string().startsWith('/', { error: (i) => `${JSON.stringify(String(i.input))} is not an absolute path` })),
  /** a git ref reaches git as an argument: option-looking or odd values are refused outright */
  changedSince: word('a git ref', (s) => (/^[A-Za-z0-9][A-Za-z0-9._/~^@{}-]*$/.test(s) ? s : undefined)),
  /** a git tag name: {version} required, {dir} = the connector directory's name; not given: {dir}/v{version} */
  gitTagFormat: orDefault(
    word('a tag format containing {version} (and {dir} for the connector directory), e.g. {dir}/v{version}', (s) => (s.includes('{version}') ? s : undefined)),
    DEFAULT_GIT_TAG_FORMAT,
  ),
  /** the Action's `command` */
  command: oneOf(ACTION_COMMANDS),
  /** the connector config as JSON text (the Action's `config` input) */
  configJson: jsonObject,
};
type Fields = typeof FIELDS;
type FieldName = keyof Fields;
type FieldValues = { [K in FieldName]: z.output<Fields[K]> };

/**
 * How a field is named where the user wrote it: `kebab` for Action inputs
 * and CLI flags alike (`dry-run`, `--dry-run`), so an error names the thing
 * the user can find in their workflow file or shell history.
 */
function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Fields whose CLI flag is not the kebab-cased field name. */
const FLAG_NAMES: Record<string, string> = {
  platforms: 'platform',
  buildArgs: 'build-arg',
  baseImages: 'base-image',
  configFile: 'config',
  password: 'password-stdin',
  verifyConcurrency: 'verify-concurrency (or BC_VERIFY_CONCURRENCY)',
  changedSince: 'since',
};
/** Fields whose Action input is not the kebab-cased field name. */
const INPUT_NAMES: Record<string, string> = { configJson: 'config' };

export type Source = 'input' | 'flag';

/**
 * Validate `raw` with `schema`; an invalid value is one exit-2 error naming
 * the flag or input (further problems, and an issue's `params.fix`, as details).
 */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, source: Source): z.infer<S> {
  const res = schema.safeParse(raw);
  if (res.success) return res.data;
  const fixes = res.error.issues.flatMap((i) => (i.code === 'custom' && typeof i.params?.fix === 'string' ? [`fix: ${i.params.fix}`] : []));
  const lines = res.error.issues.map((i) => {
    const key = typeof i.path[0] === 'string' ? i.path[0] : undefined;
    const field = key === undefined ? '(config)' : source === 'flag' ? (FLAG_NAMES[key] ?? kebab(key)) : (INPUT_NAMES[key] ?? kebab(key));
    const name = source === 'input' ? `input "${field}"` : `--${field}`;
    return `${name}: ${i.message}`;
  });
  throw badInput(lines[0] ?? 'invalid configuration', [...lines.slice(1), ...fixes]);
}

/**
 * A command's own flags (or inputs) → their typed values; not given stays
 * undefined. `parseFields({ timeout: flags.timeout, type: flags.type })`.
 */
export function parseFields<K extends FieldName>(raw: { [P in K]: unknown }, source: Source = 'flag'): Pick<FieldValues, K> {
  const shape: Partial<Record<FieldName, z.ZodType>> = {};
  for (const k of Object.keys(raw) as K[]) shape[k] = FIELDS[k];
  return parseWith(z.object(shape), raw, source) as Pick<FieldValues, K>;
}
