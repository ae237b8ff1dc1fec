/**
 * The bundled table of base facts (src/lint/base-table-data.ts): validated
 * once at load, then matched against a FROM reference. Lint uses it only when
 * the base itself cannot be read (src/lint/base-facts.ts): facts read from
 * the engine or the registry always win, and the registry's config-only
 * answer takes its file system facts (the airbyte user, /airbyte) from here.
 */
import semver from 'semver';
import { z } from 'zod';
import { normalizeDockerHub, parseImageRef, splitDomain } from '../shared/image-ref.js';
import { AIRBYTE_USER } from './ownership.js';
import { BASE_TABLE, type RawTableEntry } from './base-table-data.js';
import type { BaseFacts, BaseFsFacts } from './types.js';
import { DIGEST_RE as DIGEST } from '../shared/digest.js';

const isRegExp = (s: string) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
};

const Owner = { uid: z.number().int().min(0), gid: z.number().int().min(0) };

const TableEntrySchema = z
  .object({
    repository: z.string().regex(/^[a-z0-9.-]+(:\d+)?\/([a-z0-9._-]+\/)*([a-z0-9._-]+|\*)$/, 'expected registry/repository or registry/path/*'),
    versions: z.string().refine((r) => semver.validRange(r) !== null, 'not a semver range').optional(),
    tagPattern: z.string().refine(isRegExp, 'not a regular expression').optional(),
    digests: z.array(z.string().regex(DIGEST)).optional(),
    user: z.string(),
    entrypoint: z.union([z.array(z.string()), z.literal('varies')]),
    workdir: z.union([z.string().regex(/^(\/.*)?$/), z.literal('varies')]),
    // only the variables lint reads
    env: z.object({ AIRBYTE_ENTRYPOINT: z.string().optional(), HOME: z.string().optional() }).strict(),
    writeDirsLabel: z.string().nullable(),
    airbyteUser: z.object({ ...Owner, home: z.string().startsWith('/'), shell: z.string() }).strict().nullable(),
    airbyteDir: z.object({ ...Owner, mode: z.number().int().min(0).max(0o7777) }).strict().nullable(),
    source: z.string().min(1),
  })
  .strict()
  .refine((e) => e.versions === undefined || e.tagPattern === undefined, 'versions and tagPattern exclude each other');

type TableEntry = z.infer<typeof TableEntrySchema>;

/** Parse the table; a bad entry names its index and repository. */
export function parseTable(raw: readonly RawTableEntry[]): TableEntry[] {
  return raw.map((e, i) => {
    const r = TableEntrySchema.safeParse(e);
    if (!r.success) throw new Error(`base table entry ${i} (${e.repository}): ${r.error.issues.map((x) => `${x.path.join('.') || '(entry)'}: ${x.message}`).join('; ')}`);
    return r.data;
  });
}

let parsed: TableEntry[] | undefined;

/** The bundled entries, validated on first use (a broken entry fails lint, not every command). */
export function baseTable(): readonly TableEntry[] {
  parsed ??= parseTable(BASE_TABLE);
  return parsed;
}

/** `python` → docker.io/library/python; other registries as written. */
export function tableName(repository: string): string {
  const split = splitDomain(repository);
  const { domain, path } = normalizeDockerHub(split.domain, split.path);
  return `${domain}/${path}`;
}

function repositoryMatches(pattern: string, name: string): boolean {
  return pattern.endsWith('/*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

function tagMatches(e: TableEntry, tag: string | undefined): boolean {
  if (e.versions !== undefined) {
    const v = tag === undefined ? null : semver.valid(tag);
    return v !== null && semver.satisfies(v, e.versions);
  }
  if (e.tagPattern !== undefined) return new RegExp(e.tagPattern).test(tag ?? 'latest');
  return true;
}

/** How an entry is named in messages: "docker.io/airbyte/python-connector-base >=3.0.0 <5.0.0". */
export function entryLabel(e: TableEntry): string {
  return e.versions !== undefined ? `${e.repository} ${e.versions}` : e.tagPattern !== undefined ? `${e.repository} (tags /${e.tagPattern}/)` : e.repository;
}

/**
 * The entry for `ref`: a listed digest first (it names the content, whatever
 * the tag says), then the first entry whose repository and tag match.
 */
export function tableEntry(ref: string, table: readonly TableEntry[] = baseTable()): TableEntry | undefined {
  const parsed = parseImageRef(ref);
  if (!parsed) return undefined;
  const name = tableName(parsed.repository);
  const candidates = table.filter((e) => repositoryMatches(e.repository, name));
  if (parsed.digest !== undefined) {
    const byDigest = candidates.find((e) => e.digests?.includes(parsed.digest as string));
    if (byDigest) return byDigest;
  }
  return candidates.find((e) => tagMatches(e, parsed.tag));
}

function fsFacts(e: TableEntry): BaseFsFacts {
  const u = e.airbyteUser;
  return {
    passwd: u ? [{ name: AIRBYTE_USER, uid: u.uid, gid: u.gid, home: u.home, shell: u.shell }] : [],
    airbyteDir: e.airbyteDir ? { type: 'dir', ...e.airbyteDir } : null,
    // the home's ownership is not in the table: user-home-unusable stays silent
  };
}

/**
 * `ref`'s facts from the table (`unread`: why the image itself was not read),
 * or undefined when no entry covers it.
 */
export function tableFacts(ref: string, platform: string, unread: string): BaseFacts | undefined {
  const e = tableEntry(ref);
  if (!e) return undefined;
  const unknown: Array<'entrypoint' | 'workdir'> = [];
  if (e.entrypoint === 'varies') unknown.push('entrypoint');
  if (e.workdir === 'varies') unknown.push('workdir');
  return {
    ref,
    digest: parseImageRef(ref)?.digest ?? '',
    from: 'table',
    platform,
    user: e.user,
    env: Object.fromEntries(Object.entries(e.env).filter((kv): kv is [string, string] => kv[1] !== undefined)),
    entrypoint: e.entrypoint === 'varies' ? [] : [...e.entrypoint],
    workdir: e.workdir === 'varies' ? '' : e.workdir,
    labels: e.writeDirsLabel === null ? {} : { 'io.airbyte.permitted-write-dirs': e.writeDirsLabel },
    fs: fsFacts(e),
    ...(unknown.length > 0 ? { unknown } : {}),
    table: { entry: entryLabel(e), unread },
  };
}

/** The table's file system facts for `ref` (and the entry's label), to complete a config-only (registry) answer. */
export function tableFsFacts(ref: string): { fs: BaseFsFacts; entry: string } | undefined {
  const e = tableEntry(ref);
  return e ? { fs: fsFacts(e), entry: entryLabel(e) } : undefined;
}
