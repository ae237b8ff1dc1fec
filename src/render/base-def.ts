/**
 * Base image definitions: base-images/<name>/base.yaml (machine-readable) and
 * base-images/<name>/Dockerfile.hbs. The definition names the upstream root
 * image pinned by digest (overridable, e.g. by a locally built root in tests),
 * the `airbyte` user and the directories a connector may write to.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { BcError, badInput } from '../errors.js';
import { parseImageRef } from '../shared/image-ref.js';
import { SAFE_ARG_RE, SAFE_DIR_RE } from '../connector/schema.js';
import { builtinBasesDir } from './assets.js';

/** Airbyte's default permitted write directories (Airbyte Protocol Docker Interface). */
export const AIRBYTE_WRITE_DIRS = ['/airbyte', '/tmp', '/secrets', '/config', '/custom_cache'] as const;

/** The label a base (and every rendered connector image) carries, comma-separated. */
export const WRITE_DIRS_LABEL = 'io.airbyte.permitted-write-dirs';

const ref = z.string().refine((s) => parseImageRef(s) !== undefined, { message: 'expected an image reference' });

const BaseDefinitionSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
    description: z.string(),
    root: z.object({ image: ref, note: z.string().optional() }).strict(),
    user: z
      .object({
        name: z.literal('airbyte'),
        uid: z.literal(1000),
        gid: z.literal(1000),
        home: z.string().regex(SAFE_DIR_RE),
      })
      .strict(),
    permittedWriteDirs: z.array(z.string().regex(SAFE_DIR_RE)).min(1),
    /** a fixed entrypoint the base's runtime provides (manifest-only) */
    entrypoint: z.array(z.string().regex(SAFE_ARG_RE)).min(1).optional(),
  })
  .strict();
export type BaseDefinition = z.infer<typeof BaseDefinitionSchema>;

export async function listBases(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(builtinBasesDir(), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** The definition of a bundled base, or undefined when there is no such base. */
export async function findBaseDefinition(name: string): Promise<BaseDefinition | undefined> {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) return undefined;
  const file = join(builtinBasesDir(), name, 'base.yaml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const res = BaseDefinitionSchema.safeParse(parse(text));
  if (!res.success) {
    throw new BcError('failed', `${file}: invalid base definition`, {
      details: res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  return res.data;
}

export async function loadBaseDefinition(name: string): Promise<BaseDefinition> {
  const def = await findBaseDefinition(name);
  if (!def) throw badInput(`unknown base "${name}"`, [`known bases: ${(await listBases()).join(', ')}`]);
  return def;
}

export async function baseDockerfileTemplate(name: string): Promise<{ path: string; text: string }> {
  const path = join(builtinBasesDir(), name, 'Dockerfile.hbs');
  return { path, text: await readFile(path, 'utf8') };
}

/** Union keeping order, without duplicates (normalising a trailing slash). */
export function mergeDirs(...lists: readonly (readonly string[] | undefined)[]): string[] {
  const out: string[] = [];
  for (const list of lists) {
    for (const d of list ?? []) {
      const n = d.length > 1 ? d.replace(/\/+$/, '') : d;
      if (!out.includes(n)) out.push(n);
    }
  }
  return out;
}
