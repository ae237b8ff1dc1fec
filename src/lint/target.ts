/**
 * lintTarget: what `lint DIR|DOCKERFILE` (and the pipeline's lint step) runs.
 *  - a Dockerfile path: linted with the .dockerignore a plain `docker build`
 *    of its directory would use (`<file>.dockerignore`, else `.dockerignore`
 *    next to it);
 *  - a connector directory: its plan (src/render/plan.ts) decides. Rendered
 *    mode lints the rendered Dockerfile with the rendered .dockerignore the
 *    build sends; custom mode lints the connector's Dockerfile with the
 *    connector's own .dockerignore on disk (build-connector adds secrets/ to
 *    its build, but a plain `docker build` of that directory would not).
 *    metadata.yaml errors become fatal findings (exit 2) at their position.
 *  - a directory with a Dockerfile but no metadata.yaml: that Dockerfile.
 */
import { stat } from 'node:fs/promises';
import { optionalInputFile, readBoundedFile } from '../fs-util.js';
import { basename, dirname, join, resolve } from 'node:path';
import { BcError, badInput, displayPath } from '../errors.js';
import { resolvePlan } from '../render/plan.js';
import type { BaseFacts, BaseUnresolved, Finding, LintOptions } from './types.js';
import { baseFactsFor, lintDockerfile, sortFindings } from './lint.js';
import type { ResolveBaseOptions } from './base-facts.js';

export interface LintTargetOptions extends LintOptions {
  /** rendered mode: same flags as `render` */
  baseImage?: string;
  templatesDir?: string;
  /** read the final stage's base image (default true; `lint --no-resolve` sets false) */
  resolveBase?: boolean;
  resolve?: ResolveBaseOptions;
}

export interface LintTargetResult {
  findings: Finding[];
  /** the files the findings refer to (for the summary line) */
  files: string[];
  mode: 'dockerfile' | 'custom' | 'rendered' | 'metadata';
  /** the final stage's base image as lint saw it (absent: scratch, or nothing to resolve) */
  base?: BaseFacts | BaseUnresolved;
}

async function kindOf(p: string): Promise<'file' | 'dir' | undefined> {
  try {
    const s = await stat(p);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

async function readOptional(p: string): Promise<string | null> {
  return (await optionalInputFile(p, { kind: '.dockerignore' })) === 'file' ? readBoundedFile(p, { kind: '.dockerignore' }) : null;
}

async function readDockerfile(path: string): Promise<string> {
  return readBoundedFile(path, { kind: 'Dockerfile', fix: 'fix: pass a readable Dockerfile (a regular file) or connector directory' });
}

/** The .dockerignore BuildKit applies to a build of `dockerfile` with context `contextDir`. */
async function dockerignoreFor(dockerfile: string, contextDir: string): Promise<string | null> {
  return (await readOptional(`${dockerfile}.dockerignore`)) ?? readOptional(join(contextDir, '.dockerignore'));
}

async function lintFile(path: string, opts: LintTargetOptions): Promise<LintTargetResult> {
  const text = await readDockerfile(path);
  const file = displayPath(path);
  const dockerignore = opts.dockerignore !== undefined ? opts.dockerignore : await dockerignoreFor(path, dirname(path));
  const baseFacts = await baseFactsFor(text, file, opts);
  return { findings: lintDockerfile(text, file, { ...opts, dockerignore, baseFacts }), files: [file], mode: 'dockerfile', base: baseFacts };
}

/**
 * Custom mode: the verdict matches what `build` lints (the .dockerignore
 * build-connector sends, which always excludes secrets/). A whole-context
 * COPY that only that file makes safe is still a warning: a plain
 * `docker build` of the directory uses the connector's own .dockerignore.
 */
async function lintCustom(path: string, text: string, buildIgnore: string, opts: LintTargetOptions): Promise<LintTargetResult> {
  const file = displayPath(path);
  const dockerignore = opts.dockerignore !== undefined ? opts.dockerignore : buildIgnore;
  const baseFacts = await baseFactsFor(text, file, opts);
  const findings = lintDockerfile(text, file, { ...opts, dockerignore, baseFacts });
  if (opts.dockerignore === undefined) {
    const own = await dockerignoreFor(path, dirname(path));
    for (const f of lintDockerfile(text, file, { ...opts, dockerignore: own, baseFacts })) {
      if (f.ruleId !== 'secrets-context-copy' || findings.some((g) => g.ruleId === f.ruleId && g.line === f.line && g.column === f.column)) continue;
      findings.push({
        ...f,
        severity: 'warning',
        message: `${f.message} when built with plain docker build (build-connector excludes secrets/ from its own builds)`,
        fix: `add a line "secrets/" to ${own === null ? 'a new ' : ''}.dockerignore`,
      });
    }
  }
  return { findings: sortFindings(findings), files: [file], mode: 'custom', base: baseFacts };
}

/** The fix an error names in its details ("fix: …"), without the prefix. */
export function fixOf(err: BcError): string | undefined {
  return err.details.find((d) => d.startsWith('fix: '))?.slice('fix: '.length);
}

/**
 * An error the connector's files have at a position (metadata.yaml,
 * pyproject.toml) → a fatal finding there. A key of metadata.yaml names the
 * rule; otherwise the file does (`metadata-yaml`, `pyproject-toml`).
 */
function metadataFinding(err: BcError): Finding | undefined {
  const at = err.at;
  if (!at) return undefined;
  const keyRule = at.key !== undefined && /^(?:data|metadataSpecVersion)(?:\.[\w-]+)*$/.test(at.key);
  const message = keyRule || at.key === undefined ? at.problem : `${at.key}: ${at.problem}`;
  const fix = fixOf(err);
  return {
    ruleId: keyRule ? (at.key as string) : basename(at.file).replace(/\./g, '-'),
    severity: 'error',
    file: displayPath(at.file),
    line: at.line,
    column: at.column ?? 1,
    message,
    ...(fix !== undefined ? { fix } : {}),
    fatal: true,
  };
}

export async function lintTarget(target: string, opts: LintTargetOptions = {}): Promise<LintTargetResult> {
  const abs = resolve(target);
  const kind = await kindOf(abs);
  if (kind === undefined) {
    throw badInput(`${target}: no such file or directory`, ['fix: pass a connector directory (with metadata.yaml) or a Dockerfile']);
  }
  if (kind === 'file') return lintFile(abs, opts);

  const hasMetadata = (await kindOf(join(abs, 'metadata.yaml'))) === 'file';
  const hasDockerfile = (await kindOf(join(abs, 'Dockerfile'))) === 'file';
  if (!hasMetadata) {
    if (hasDockerfile) return lintFile(join(abs, 'Dockerfile'), opts);
    throw badInput(`${displayPath(abs)}: neither metadata.yaml nor Dockerfile found`, ['fix: pass a connector directory (with metadata.yaml) or a Dockerfile']);
  }

  let plan;
  try {
    plan = await resolvePlan(abs, { baseImage: opts.baseImage, templatesDir: opts.templatesDir });
  } catch (err) {
    if (err instanceof BcError && err.kind === 'badInput') {
      const f = metadataFinding(err);
      if (f) return { findings: [f], files: [f.file], mode: 'metadata' };
    }
    throw err;
  }
  const permittedWriteDirs = opts.permittedWriteDirs ?? plan.permittedWriteDirs;
  if (plan.mode === 'custom' && plan.dockerfilePath) {
    return lintCustom(plan.dockerfilePath, plan.dockerfile, plan.dockerignore, { ...opts, permittedWriteDirs });
  }
  const file = `${displayPath(abs)}/Dockerfile.rendered`;
  const dockerignore = opts.dockerignore !== undefined ? opts.dockerignore : plan.dockerignore;
  const baseFacts = await baseFactsFor(plan.dockerfile, file, opts);
  const findings = lintDockerfile(plan.dockerfile, file, { ...opts, permittedWriteDirs, dockerignore, baseFacts }).map((f): Finding => ({ ...f, rendered: true }));
  return { findings, files: [file], mode: 'rendered', base: baseFacts };
}
