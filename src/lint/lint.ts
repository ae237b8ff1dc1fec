/**
 * lintDockerfile: Dockerfile text → findings. Pure (no I/O) and fast: the
 * monorepo helper runs it over hundreds of connectors.
 */
import type { Finding, LintOptions, Severity } from './types.js';
import { buildModel } from './model.js';
import { DEFAULT_PERMITTED_WRITE_DIRS, type Rule, type RuleContext } from './rule-context.js';
import { entrypointRules } from './rules-entrypoint.js';
import { airbyteDirRules, baseImageRules, userRules, writeDirRules } from './rules-image.js';
import { secretsRules } from './rules-secrets.js';

export interface RuleInfo {
  id: string;
  severity: Severity | 'error/warning';
  summary: string;
}

/** Every rule id lint can report; the README table is generated from the same words. */
export const RULES: RuleInfo[] = [
  { id: 'syntax-no-from', severity: 'error', summary: 'no FROM (or not a Dockerfile): exit 2' },
  { id: 'syntax-unknown-instruction', severity: 'error', summary: 'an instruction Docker does not know: exit 2' },
  { id: 'syntax-before-from', severity: 'error', summary: 'an instruction other than ARG before the first FROM: exit 2' },
  { id: 'syntax-from-image', severity: 'error', summary: 'FROM without an image: exit 2' },
  { id: 'syntax-target', severity: 'error', summary: '--target names no stage: exit 2' },
  { id: 'entrypoint-missing', severity: 'error/warning', summary: 'no ENTRYPOINT in the final image (warning when neither it nor AIRBYTE_ENTRYPOINT is set and the base is an external image that may set both)' },
  { id: 'airbyte-entrypoint-missing', severity: 'error', summary: 'ENTRYPOINT set but no ENV AIRBYTE_ENTRYPOINT' },
  { id: 'entrypoint-shell-form', severity: 'error', summary: 'ENTRYPOINT in shell form (or broken JSON, which Docker runs as shell form)' },
  { id: 'entrypoint-mismatch', severity: 'error', summary: 'shell-split AIRBYTE_ENTRYPOINT differs from the exec-form ENTRYPOINT' },
  { id: 'entrypoint-relative-path', severity: 'error', summary: 'a relative path in ENTRYPOINT or AIRBYTE_ENTRYPOINT' },
  { id: 'entrypoint-control-chars', severity: 'error', summary: 'a newline or other control character inside an ENTRYPOINT element' },
  { id: 'airbyte-entrypoint-shell-syntax', severity: 'error/warning', summary: 'AIRBYTE_ENTRYPOINT holds something a shell acts on: ; & | > $(...) `...` $VAR newline # (error); glob or ~ (warning)' },
  { id: 'airbyte-entrypoint-unresolved', severity: 'warning', summary: 'AIRBYTE_ENTRYPOINT uses an ARG with no value at lint time' },
  { id: 'user-missing', severity: 'error', summary: 'no USER in the final image: runs as root' },
  { id: 'user-root', severity: 'error', summary: 'final USER is root / 0' },
  { id: 'user-not-airbyte', severity: 'error', summary: 'final USER is another account' },
  { id: 'user-numeric', severity: 'warning', summary: 'final USER is 1000 (the airbyte uid) rather than the name' },
  { id: 'user-unresolved', severity: 'warning', summary: 'final USER uses an ARG with no value at lint time' },
  { id: 'airbyte-dir-not-owned', severity: 'error', summary: '/airbyte is not created and chowned to airbyte' },
  { id: 'base-image-unpinned', severity: 'warning', summary: 'an external FROM image without @sha256 digest' },
  { id: 'base-image-latest', severity: 'warning', summary: 'an external FROM image with the latest tag or no tag (and no digest)' },
  { id: 'workdir-outside-write-dirs', severity: 'warning', summary: 'final WORKDIR outside the permitted write dirs' },
  { id: 'volume-outside-write-dirs', severity: 'warning', summary: 'a VOLUME outside the permitted write dirs' },
  { id: 'home-outside-write-dirs', severity: 'warning', summary: 'ENV HOME outside the permitted write dirs' },
  { id: 'secrets-copied', severity: 'error', summary: 'COPY/ADD of secrets/ from the build context' },
  { id: 'secrets-context-copy', severity: 'error/warning', summary: 'COPY . (whole context) while .dockerignore does not exclude secrets/ (warning when the .dockerignore is unknown)' },
];

const RULE_FUNCTIONS: Rule[] = [entrypointRules, userRules, airbyteDirRules, baseImageRules, writeDirRules, secretsRules];

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

export function lintDockerfile(text: string, file: string, opts: LintOptions = {}): Finding[] {
  const model = buildModel(text, file, { buildArgs: opts.buildArgs, target: opts.target });
  if (model.fatal.length > 0 || !model.final) return sortFindings(model.fatal);
  const ctx: RuleContext = {
    file,
    model,
    final: model.final,
    permittedWriteDirs: opts.permittedWriteDirs ?? DEFAULT_PERMITTED_WRITE_DIRS,
    dockerignore: opts.dockerignore,
  };
  return sortFindings(RULE_FUNCTIONS.flatMap((rule) => rule(ctx)));
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
