/**
 * The typed docker wrapper: every docker call in the project goes through
 * `docker()` (which goes through exec.ts). Output is parsed from
 * `--format '{{json .}}'` and validated with zod, never scraped.
 */
import { z } from 'zod';
import { run, type RunOptions, type RunResult } from '../exec.js';
import { BcError } from '../errors.js';

export const DOCKER = process.env.BUILD_CONNECTOR_DOCKER ?? 'docker';

export function docker(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return run(DOCKER, args, opts);
}

/** Parse a tool's JSON output with a schema; a mismatch is a clear error, not a crash later. */
export function parseJson<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BcError('failed', `${what}: output is not JSON`, { details: [text.slice(0, 300)] });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new BcError('failed', `${what}: unexpected output shape`, {
      details: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    });
  }
  return parsed.data;
}

/** Parse newline-delimited JSON (`--format '{{json .}}'` on list commands). */
export function parseJsonLines<T>(schema: z.ZodType<T>, text: string, what: string): T[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => parseJson(schema, l, what));
}
