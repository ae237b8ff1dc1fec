/**
 * lintDockerfile: Dockerfile text (+ the base image's facts, when known) →
 * findings. Pure (no I/O) and fast: the monorepo helper runs it over
 * hundreds of connectors. lintWithBase reads the base image first.
 */
import type { BaseFacts, BaseUnresolved, Finding, LintOptions, Severity } from './types.js';
import { buildModel } from './model.js';
import type { Model } from './model-types.js';
import { baseStatus, chainRoot, DEFAULT_PERMITTED_WRITE_DIRS, isScratch, type Rule, type RuleContext } from './rule-context.js';
import { hostPlatform, isResolved, resolveBaseFacts, withTable, type ResolveBaseOptions } from './base-facts.js';
import { entrypointRules } from './rules-entrypoint.js';
import { airbyteDirRules, baseImageRules, userRules, writeDirRules } from './rules-image.js';
import { secretsRules } from './rules-secrets.js';

interface RuleInfo {
  id: string;
  severity: Severity | 'error/warning';
  /** can the judged value come from the base image (src/lint/base-facts.ts)? and what happens when the base is unseen */
  fromBase: string;
  summary: string;
}

const NO = 'no';
/** Every rule id lint can report; docs/lint.md's table says the same. */
export const RULES: RuleInfo[] = [
  { id: 'syntax-no-from', severity: 'error', fromBase: NO, summary: 'no FROM (or not a Dockerfile): exit 2' },
  { id: 'syntax-unknown-instruction', severity: 'error', fromBase: NO, summary: 'an instruction Docker does not know: exit 2' },
  { id: 'syntax-before-from', severity: 'error', fromBase: NO, summary: 'an instruction other than ARG before the first FROM: exit 2' },
  { id: 'syntax-from-image', severity: 'error', fromBase: NO, summary: 'FROM without an image: exit 2' },
  { id: 'syntax-target', severity: 'error', fromBase: NO, summary: '--target names no stage: exit 2' },
  { id: 'entrypoint-missing', severity: 'error/warning', fromBase: 'yes; unseen base and neither set: warning', summary: 'no ENTRYPOINT in the final image' },
  { id: 'airbyte-entrypoint-missing', severity: 'error', fromBase: 'yes (ENTRYPOINT from the base); unseen base: still an error', summary: 'ENTRYPOINT set but no ENV AIRBYTE_ENTRYPOINT' },
  { id: 'entrypoint-shell-form', severity: 'error', fromBase: 'yes', summary: 'ENTRYPOINT in shell form (or broken JSON, which Docker runs as shell form)' },
  { id: 'entrypoint-mismatch', severity: 'error', fromBase: 'yes', summary: 'shell-split AIRBYTE_ENTRYPOINT differs from the exec-form ENTRYPOINT' },
  { id: 'entrypoint-relative-path', severity: 'error', fromBase: 'yes', summary: 'a relative path in ENTRYPOINT or AIRBYTE_ENTRYPOINT' },
  { id: 'entrypoint-control-chars', severity: 'error', fromBase: 'yes', summary: 'a newline or other control character inside an ENTRYPOINT element' },
  { id: 'airbyte-entrypoint-shell-syntax', severity: 'error/warning', fromBase: 'yes', summary: 'AIRBYTE_ENTRYPOINT holds something a shell acts on: ; & | > $(...) `...` $VAR newline # (error); glob or ~ (warning)' },
  { id: 'airbyte-entrypoint-unresolved', severity: 'warning', fromBase: NO, summary: 'AIRBYTE_ENTRYPOINT uses an ARG with no value at lint time' },
  { id: 'user-missing', severity: 'error', fromBase: 'yes (USER from the base); unseen base: still an error', summary: 'no USER in the final image: runs as root' },
  { id: 'user-root', severity: 'error', fromBase: 'yes', summary: 'final USER is root / 0' },
  { id: 'user-not-airbyte', severity: 'error', fromBase: 'yes', summary: 'final USER is another account' },
  { id: 'user-numeric', severity: 'warning', fromBase: 'yes', summary: 'final USER is 1000 (the airbyte uid) rather than the name' },
  { id: 'user-unresolved', severity: 'warning', fromBase: NO, summary: 'final USER uses an ARG with no value at lint time' },
  { id: 'user-account-missing', severity: 'error', fromBase: 'only from the base (its /etc/passwd, or the bundled table); unseen base: not reported', summary: 'USER airbyte, but the base has no airbyte user and the file does not create one' },
  { id: 'user-home-unusable', severity: 'warning', fromBase: 'only from the base; unseen base: not reported', summary: "the base's airbyte user has a home that does not exist or it cannot write" },
  { id: 'airbyte-dir-not-owned', severity: 'error/warning', fromBase: 'yes; unseen base: warning, unless the Dockerfile creates the airbyte user itself (error)', summary: '/airbyte is not created and chowned to airbyte' },
  { id: 'base-image-unpinned', severity: 'warning', fromBase: NO, summary: 'an external FROM image without @sha256 digest' },
  { id: 'base-image-latest', severity: 'warning', fromBase: NO, summary: 'an external FROM image with the latest tag or no tag (and no digest)' },
  { id: 'workdir-outside-write-dirs', severity: 'warning', fromBase: 'yes', summary: 'final WORKDIR outside the permitted write dirs' },
  { id: 'volume-outside-write-dirs', severity: 'warning', fromBase: NO, summary: 'a VOLUME outside the permitted write dirs' },
  { id: 'home-outside-write-dirs', severity: 'warning', fromBase: 'yes', summary: 'ENV HOME outside the permitted write dirs' },
  { id: 'secrets-copied', severity: 'error', fromBase: NO, summary: 'COPY/ADD of secrets/ from the build context' },
  { id: 'target-unlintable', severity: 'error', fromBase: NO, summary: 'several targets: a connector that could not be linted at all (exit 2)' },
  { id: 'secrets-context-copy', severity: 'error/warning', fromBase: NO, summary: 'COPY . (whole context) while .dockerignore does not exclude secrets/ (warning when the .dockerignore is unknown, or when the files stay in a builder stage)' },
];

const RULE_FUNCTIONS: Rule[] = [entrypointRules, userRules, airbyteDirRules, baseImageRules, writeDirRules, secretsRules];

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

/**
 * Synchronous: callers that already hold the base facts (or chose not to
 * resolve them) pass `opts.baseFacts`; lintWithBase resolves them first.
 */
export function lintDockerfile(text: string, file: string, opts: LintOptions = {}): Finding[] {
  const facts = isResolved(opts.baseFacts) ? opts.baseFacts : undefined;
  const model = facts ? buildModel(text, file, { buildArgs: opts.buildArgs, target: opts.target, base: facts }) : plainModel(text, file, opts);
  if (model.fatal.length > 0 || !model.final) return sortFindings(model.fatal);
  const base = baseStatus(model.final, opts.baseFacts);
  const label = base.kind === 'known' ? listLabel(base.facts.labels[WRITE_DIRS_LABEL]) : undefined;
  const ctx: RuleContext = {
    file,
    model,
    final: model.final,
    permittedWriteDirs: opts.permittedWriteDirs ?? label ?? DEFAULT_PERMITTED_WRITE_DIRS,
    dockerignore: opts.dockerignore,
    base,
  };
  return sortFindings(RULE_FUNCTIONS.flatMap((rule) => rule(ctx)));
}

const WRITE_DIRS_LABEL = 'io.airbyte.permitted-write-dirs';

function listLabel(v: string | undefined): string[] | undefined {
  const dirs = v?.split(',').map((d) => d.trim()).filter((d) => d.startsWith('/'));
  return dirs && dirs.length > 0 ? dirs : undefined;
}

/**
 * Models built without base facts, kept for a moment: lintWithBase parses a
 * file to find its base, and when the base stays unseen (the usual offline
 * case) lint uses the same model instead of parsing it again. Rules only
 * read models. Bounded: a whole-repository lint holds at most the files in
 * flight.
 */
const plainModels = new Map<string, Model>();
const PLAIN_MODELS_MAX = 64;

function plainModel(text: string, file: string, opts: Pick<LintOptions, 'buildArgs' | 'target'>): Model {
  const key = `${file}\u0000${opts.target ?? ''}\u0000${JSON.stringify(opts.buildArgs ?? {})}\u0000${text}`;
  const hit = plainModels.get(key);
  if (hit) return hit;
  const model = buildModel(text, file, { buildArgs: opts.buildArgs, target: opts.target });
  plainModels.set(key, model);
  if (plainModels.size > PLAIN_MODELS_MAX) plainModels.delete(plainModels.keys().next().value as string);
  return model;
}

type FinalBase = { kind: 'none' } | { kind: 'ref'; ref: string } | { kind: 'unresolvable'; unresolved: string; ref: string };

/**
 * The external image the final stage is built on, after ARG expansion:
 * what lintWithBase resolves. `none`: scratch, or a file that cannot be analysed.
 */
export function finalBase(text: string, file: string, opts: Pick<LintOptions, 'buildArgs' | 'target'> = {}): FinalBase {
  const model = plainModel(text, file, opts);
  if (model.fatal.length > 0 || !model.final) return { kind: 'none' };
  const root = chainRoot(model.final);
  if (isScratch(root)) return { kind: 'none' };
  if (root.imageUnknown.length > 0) {
    return { kind: 'unresolvable', ref: root.image, unresolved: `${root.imageUnknown.map((n) => `ARG ${n}`).join(', ')} has no value at lint time` };
  }
  return { kind: 'ref', ref: root.image };
}

/**
 * The base facts for `text`'s final stage: read (unless `resolveBase` is
 * false), else from the bundled table, else why they are unknown.
 */
export async function baseFactsFor(text: string, file: string, opts: LintOptions & { resolveBase?: boolean; resolve?: ResolveBaseOptions } = {}): Promise<BaseFacts | BaseUnresolved | undefined> {
  if (opts.baseFacts !== undefined) return opts.baseFacts;
  const b = finalBase(text, file, opts);
  if (b.kind === 'none') return undefined;
  if (b.kind === 'unresolvable') return { unresolved: b.unresolved, ref: b.ref };
  // --no-resolve reads nothing, but the bundled table is data, not a read: it still applies.
  if (opts.resolveBase === false) {
    const off: BaseUnresolved = { unresolved: 'resolution turned off (--no-resolve)', ref: b.ref };
    return opts.resolve?.table === false ? off : withTable(off, b.ref, opts.resolve?.platform ?? hostPlatform());
  }
  return resolveBaseFacts(b.ref, opts.resolve);
}

/** lintDockerfile after reading the final stage's base image (engine, then registry, cached per digest; else the bundled table). */
export async function lintWithBase(text: string, file: string, opts: LintOptions & { resolveBase?: boolean; resolve?: ResolveBaseOptions } = {}): Promise<Finding[]> {
  const baseFacts = await baseFactsFor(text, file, opts);
  return lintDockerfile(text, file, { ...opts, baseFacts });
}

export interface LintSummary {
  errors: number;
  warnings: number;
  fatal: boolean;
}

export function summarize(findings: Finding[]): LintSummary {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    fatal: findings.some((f) => f.fatal === true),
  };
}
