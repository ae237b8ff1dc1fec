/** What every rule gets, and small helpers for positions and "inherited" notes. */
import type { Finding, Severity } from './types.js';
import type { Model, Pos, Stage } from './model.js';

export const DEFAULT_PERMITTED_WRITE_DIRS = ['/airbyte', '/tmp', '/secrets', '/config', '/custom_cache'];

export interface RuleContext {
  file: string;
  model: Model;
  final: Stage;
  permittedWriteDirs: string[];
  dockerignore: string | null | undefined;
}

export type Rule = (ctx: RuleContext) => Finding[];

export function finding(ctx: RuleContext, ruleId: string, severity: Severity, pos: Pos, message: string): Finding {
  return { ruleId, severity, file: ctx.file, line: pos.line, column: pos.column, message };
}

export const stageLabel = (s: Stage) => (s.name !== undefined ? `stage "${s.name}"` : `stage #${s.index}`);

/** The stage at the start of a FROM-chain: its image is external or scratch. */
export function chainRoot(s: Stage): Stage {
  let r = s;
  while (r.parent) r = r.parent;
  return r;
}

export const isScratch = (s: Stage) => s.image.toLowerCase() === 'scratch';

/** " (inherited from stage "build", line 7)" when a value was set in an earlier stage. */
export function inheritedNote(ctx: RuleContext, from: Stage, pos: Pos): string {
  return from === ctx.final ? '' : ` (inherited from ${stageLabel(from)}, line ${pos.line})`;
}

/** A note for values this file does not set: they may come from the external base image. */
export function baseNote(ctx: RuleContext): string {
  const root = chainRoot(ctx.final);
  if (isScratch(root)) return '';
  return `; a value set by base image ${root.image} cannot be seen here (inherited from base image, verify checks the built image)`;
}
