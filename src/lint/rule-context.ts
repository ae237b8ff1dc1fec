/** What every rule gets, and small helpers for positions and "inherited" notes. */
import type { BaseFacts, BaseUnresolved, FactOrigin, Finding, Pos, Severity } from './types.js';
import type { Model, Stage } from './model-types.js';
import { baseOrigin, withOrigin } from './origin.js';

export const DEFAULT_PERMITTED_WRITE_DIRS = ['/airbyte', '/tmp', '/secrets', '/config', '/custom_cache'];

export interface RuleContext {
  file: string;
  model: Model;
  final: Stage;
  permittedWriteDirs: string[];
  dockerignore: string | null | undefined;
  /** what lint knows of the final stage's external base image */
  base: BaseStatus;
}

/**
 * The final stage's chain ends at: scratch (known empty); a base whose facts
 * are known (`known`: read from the engine or registry, or from the bundled
 * table); or an external image lint could not see (`unknown`, with the
 * reason: offline and not in the table, an ARG without a value).
 */
type BaseStatus =
  | { kind: 'scratch' }
  | { kind: 'known'; ref: string; facts: BaseFacts }
  | { kind: 'unknown'; ref: string; reason: string };

export function baseStatus(final: Stage, given: BaseFacts | BaseUnresolved | undefined): BaseStatus {
  const root = chainRoot(final);
  if (isScratch(root)) return { kind: 'scratch' };
  if (root.base) return { kind: 'known', ref: root.base.ref, facts: root.base };
  if (root.imageUnknown.length > 0) {
    return { kind: 'unknown', ref: root.image, reason: `${root.imageUnknown.map((n) => `ARG ${n}`).join(', ')} has no value at lint time` };
  }
  const reason = given && 'unresolved' in given ? given.unresolved : given ? `facts given for ${given.ref}, not this base` : 'base image not resolved';
  return { kind: 'unknown', ref: root.image, reason };
}

export type Rule = (ctx: RuleContext) => Finding[];

/** What a finding may carry besides its message. */
export interface FindingExtras {
  /** how to fix it (Finding.fix: the text after "fix: ") */
  fix?: string;
  /**
   * the judged value (or its absence) is a fact about the base image: the
   * finding names the image (`base`), where the fact came from (`facts`) and
   * says so in its message. `source: 'base'` when the fact is the base's own
   * (read or from the table), not inferred from this Dockerfile.
   */
  origin?: FactOrigin | undefined;
}

export function finding(ctx: RuleContext, ruleId: string, severity: Severity, pos: Pos, message: string, extras: FindingExtras = {}): Finding {
  const { fix, origin } = extras;
  const f: Finding = { ruleId, severity, file: ctx.file, line: pos.line, column: pos.column, message: origin ? withOrigin(message, origin) : message };
  if (fix !== undefined) f.fix = fix;
  if (origin !== undefined) {
    if (origin.from !== 'dockerfile') f.source = 'base';
    f.base = origin.ref;
    f.facts = origin.from;
  }
  return f;
}

/** Where the known base's config (or file system) facts came from; undefined unless the base is known. */
export function knownOrigin(ctx: RuleContext, part: 'config' | 'fs'): FactOrigin | undefined {
  return ctx.base.kind === 'known' ? baseOrigin(ctx.base.facts, part) : undefined;
}

/** The known base's source does not know this config field (a table entry whose images differ). */
export function baseFieldUnknown(ctx: RuleContext, field: 'entrypoint' | 'workdir'): boolean {
  return ctx.base.kind === 'known' && (ctx.base.facts.unknown?.includes(field) ?? false);
}

/** A warning that exists because the base image (`ref`) could not be read: verify decides. */
export function unseenBaseFinding(ctx: RuleContext, ruleId: string, pos: Pos, message: string, ref: string, extras: { fix?: string } = {}): Finding {
  return { ...finding(ctx, ruleId, 'warning', pos, message, extras), source: 'unresolved-base', base: ref };
}

/** " (base image X could not be read: REASON; verify checks the built image)" for a rule that needs the base. */
export function unknownBaseNote(ctx: RuleContext): string {
  const b = ctx.base;
  return b.kind === 'unknown' ? `; base image ${b.ref} could not be read (${b.reason}), so lint cannot tell: verify checks the built image` : '';
}

export const stageLabel = (s: Stage) => (s.name !== undefined ? `stage "${s.name}"` : `stage #${s.index}`);

/** The stage at the start of a FROM-chain: its image is external or scratch. */
export function chainRoot(s: Stage): Stage {
  let r = s;
  while (r.parent) r = r.parent;
  return r;
}

export const isScratch = (s: Stage) => s.image.toLowerCase() === 'scratch';

/**
 * " (inherited from stage "build", line 7)" when a value was set in an
 * earlier stage; " (from base image X)" when the base image set it.
 */
export function inheritedNote(ctx: RuleContext, from: Stage, pos: Pos, base?: FactOrigin): string {
  if (base !== undefined) return ` (from base image ${base.ref})`;
  return from === ctx.final ? '' : ` (inherited from ${stageLabel(from)}, line ${pos.line})`;
}

/**
 * A note for values this file does not set: they may come from the external
 * base image. A finding that uses it on a known base passes knownOrigin, which
 * says where that absence is known from.
 */
export function baseNote(ctx: RuleContext): string {
  const b = ctx.base;
  if (b.kind === 'scratch') return '';
  if (b.kind === 'known') return ` (base image ${b.ref} does not set it either)`;
  return `; a value set by base image ${b.ref} cannot be seen here (${b.reason}; verify checks the built image)`;
}
