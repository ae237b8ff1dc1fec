/**
 * Where a base fact came from, as findings name it: "(base facts: local
 * engine, image sha256:…)", "(base facts: bundled table,
 * docker.io/library/python)", "(base facts: this Dockerfile creates user
 * airbyte at line 3, so its base has none)".
 */
import { parseImageRef } from '../shared/image-ref.js';
import { tableName } from './base-table.js';
import type { BaseFacts, FactOrigin } from './types.js';
import type { Pos } from './types.js';

const short = (digest: string) => digest.slice(0, 19);

/** The origin of `b`'s config values (`config`) or of its file system facts (`fs`: /etc/passwd, /airbyte). */
export function baseOrigin(b: BaseFacts, part: 'config' | 'fs'): FactOrigin {
  if (b.table && (b.from === 'table' || (part === 'fs' && b.fsFrom === 'table'))) {
    return { ref: b.ref, from: 'table', detail: `bundled table, ${b.table.entry}` };
  }
  if (b.from === 'engine') return { ref: b.ref, from: 'engine', detail: `local engine, image ${short(b.digest)}` };
  const repo = parseImageRef(b.ref)?.repository;
  const host = repo ? tableName(repo).split('/')[0] : undefined;
  return { ref: b.ref, from: 'registry', detail: `registry ${host ?? '?'}, manifest ${short(b.digest)}` };
}

/** The origin of "this base has no airbyte user": the Dockerfile creates one itself. */
export function dockerfileOrigin(ref: string, pos: Pos, how: string): FactOrigin {
  return { ref, from: 'dockerfile', detail: `this Dockerfile creates user airbyte at line ${pos.line} (${how}), so its base does not provide it` };
}

const originNote = (o: FactOrigin) => `base facts: ${o.detail}`;

/** `message` with " (base facts: …)" at its end (a finding's fix is a field of its own, shown after it). */
export function withOrigin(message: string, o: FactOrigin): string {
  return `${message} (${originNote(o)})`;
}
