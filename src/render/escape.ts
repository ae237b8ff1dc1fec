/**
 * Dockerfile-safe output for templates. Handlebars' HTML escaping is off
 * (`noEscape`); these helpers are the only way a value reaches a Dockerfile:
 *
 * - `dq`: a double-quoted LABEL/ENV string. `"`, `\` and `$` are escaped (the
 *   Dockerfile word parser unescapes them, and `\$` stops variable expansion);
 *   a newline or control character cannot be written on one line: rejected.
 * - `json`: an exec-form array (ENTRYPOINT/CMD). Every element must be a safe
 *   word, so the JSON parses (Docker silently falls back to shell form when it
 *   does not) and the space-joined AIRBYTE_ENTRYPOINT splits back to the same list.
 * - `word`/`words`: bare words in RUN/COPY/WORKDIR lines; anything but
 *   [A-Za-z0-9_./:=@+,%-] is rejected rather than quoted.
 * - `image`: an image reference validated by grammar.
 *
 * Values coming from metadata.yaml are validated earlier with their position
 * (connector/schema.ts); these checks are the second line of defence, for
 * values from templates folders and base definitions.
 */
import { BcError } from '../errors.js';
import { CONTROL_RE, SAFE_ARG_RE } from '../connector/schema.js';
import { parseImageRef } from '../shared/image-ref.js';

class UnsafeValueError extends BcError {
  constructor(what: string, value: unknown, why: string) {
    super('badInput', `unsafe value for ${what}: ${JSON.stringify(value)} (${why})`);
  }
}

/** Escape for a Dockerfile double-quoted string (LABEL, ENV). */
export function dq(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw new UnsafeValueError('a quoted string', value, 'not a string');
  const s = String(value);
  if (CONTROL_RE.test(s)) throw new UnsafeValueError('a quoted string', s, 'newlines and control characters cannot be written on one Dockerfile line');
  return `"${s.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

export function word(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw new UnsafeValueError('a word', value, 'not a string');
  const s = String(value);
  if (!SAFE_ARG_RE.test(s)) throw new UnsafeValueError('a word', s, 'only [A-Za-z0-9_./:=@+,%-] is allowed');
  return s;
}

export function words(value: unknown, sep = ' '): string {
  if (!Array.isArray(value)) throw new UnsafeValueError('a list of words', value, 'not a list');
  return value.map(word).join(sep);
}

/** Exec-form JSON array, every element a safe word. */
export function execForm(value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) throw new UnsafeValueError('an exec-form list', value, 'not a non-empty list');
  return `[${value.map((v) => JSON.stringify(word(v))).join(', ')}]`;
}

export function image(value: unknown): string {
  if (typeof value !== 'string' || parseImageRef(value) === undefined) throw new UnsafeValueError('an image reference', value, 'not [registry/]name[:tag][@sha256:…]');
  return value;
}

export function labelKey(value: unknown): string {
  if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(value)) throw new UnsafeValueError('a label key', value, 'expected lowercase [a-z0-9.-]');
  return value;
}
