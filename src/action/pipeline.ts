/**
 * The Action's bridge to the core: the same functions the CLI commands call
 * (resolvePlan → buildImage (lint inside) → verifyImage; publish through
 * src/pipeline.ts), their results reduced to a ConnectorOutcome.
 *
 * Images verified here are loaded under a tag unique to the run
 * (build-connector-action/<connector>:<run>) so parallel jobs on one engine
 * never see each other's images, and are untagged afterwards.
 */
import { join } from 'node:path';
import { resolvePlan } from '../render/plan.js';
import { buildImage } from '../build/build.js';
import type { BuildOptions, BuildResult } from '../build/result.js';
import { lintDockerfile } from '../lint/lint.js';
import type { Finding } from '../lint/types.js';
import { verifyImage, type VerifyReport } from '../verify/index.js';
import { resolveRelease } from '../publish/release-plan.js';
import { findChanged, reasonText } from '../monorepo/changed.js';
import { docker } from '../docker/cli.js';
import { BcError, ExitCode } from '../errors.js';
import { runPublish, type PublishHooks, type PublishRequest } from '../pipeline.js';
import { publishRequestOf } from '../config.js';
import { connectorVerifyDefaults } from '../verify/defaults.js';
import type { PublishResult } from '../publish/result.js';
import { positionIn } from './annotations.js';
import type { BuildPlan } from '../render/types.js';
import type { ConnectorRunner, RunContext } from './run.js';
import type { CheckRow } from './types.js';
import { connectorKey } from './run.js';
import { emptyOutcome, type ConnectorOutcome } from './types.js';

/** The build options every command shares, from the validated config. */
function buildOptions(ctx: RunContext, findings: Finding[], plan: BuildPlan, extra: Partial<BuildOptions> = {}): BuildOptions {
  const c = ctx.config;
  return {
    platforms: plan.platforms,
    buildArgs: c.buildArgs,
    cacheFrom: c.cacheFrom,
    cacheTo: c.cacheTo,
    progress: 'plain',
    write: (s) => {
      for (const line of s.split('\n')) if (line.trim() !== '') ctx.log(line);
    },
    // The same lint the CLI's build runs, with the findings kept for annotations.
    lint: (text, file) => {
      const f = lintDockerfile(text, file, { permittedWriteDirs: plan.permittedWriteDirs, dockerignore: plan.dockerignore, buildArgs: c.buildArgs });
      findings.push(...f);
      return f;
    },
    ...extra,
  };
}

/** Lint findings: a custom Dockerfile is a real file (annotate at it); a rendered one is not. */
function placeFindings(findings: Finding[], plan: BuildPlan): Finding[] {
  return findings.map((f) => (plan.dockerfilePath ? { ...f, file: plan.dockerfilePath } : f.file.endsWith('(rendered)') ? f : { ...f, file: `${f.file} (rendered)` }));
}

function runTag(ctx: RunContext, key: string): string {
  const run = (ctx.github.sha || '').slice(0, 12) || 'local';
  const id = `${process.env.GITHUB_RUN_ID ?? process.pid}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  return `build-connector-action/${key}:${run}-${id}`.toLowerCase().replace(/[^a-z0-9_./:-]/g, '-');
}

function fromBuild(o: ConnectorOutcome, plan: BuildPlan, b: BuildResult): void {
  o.repository = plan.connector.repository;
  o.version = plan.connector.version;
  o.digest = b.digest;
  o.platforms = b.platforms;
  for (const m of b.manifests) o.platformDigests[m.platform] = m.digest;
  o.durations.build = b.durationMs;
  if (!b.reproducible.index) o.notes.push(`digest not reproducible with this builder: ${b.reproducible.reason}`);
}

function fromVerify(o: ConnectorOutcome, r: VerifyReport): void {
  o.checks = r.checks.map((c) => ({ id: c.id, platform: c.platform, status: c.status, message: c.message, ...(c.fix ? { fix: c.fix } : {}) }));
  o.durations.verify = r.durationMs;
}

async function buildOnly(dir: string, ctx: RunContext, verify: boolean): Promise<ConnectorOutcome> {
  const key = connectorKey(dir, ctx.github.workspace);
  const o = emptyOutcome(key, dir, ctx.command);
  const plan = await resolvePlan(dir, { baseImage: ctx.config.baseImage, platforms: ctx.config.platforms });
  o.metadataPath = plan.connector.metadataPath;
  const findings: Finding[] = [];
  // build: the image is the product, loaded under the CLI's tags (REPO:VERSION, REPO:dev)
  // for later steps; verify: a run-unique tag, removed after the checks.
  const tag = verify ? runTag(ctx, key) : undefined;
  let build: BuildResult;
  try {
    build = await buildImage(plan, buildOptions(ctx, findings, plan, { output: { type: 'load' }, ...(tag ? { tags: [tag] } : {}) }));
  } catch (err) {
    o.findings = placeFindings(findings, plan);
    if (err instanceof BcError) {
      o.error = { message: err.message, details: err.details, step: err.step ?? 'build', exitCode: err.exitCode };
      return o;
    }
    throw err;
  }
  o.findings = placeFindings(findings.filter((f) => f.severity === 'warning'), plan);
  fromBuild(o, plan, build);
  o.raw = { build };
  if (!verify || !tag) {
    o.result = 'built';
    o.notes.push(`loaded into the engine as ${build.tags.join(', ')}`);
    return o;
  }
  try {
    const report = await verifyImage(tag, {
      // as `verify DIR` does (inputs, secrets/, type; labels must match metadata.yaml in either mode)
      ...(await connectorVerifyDefaults(plan.connector, { config: ctx.config.configFile })),
      platforms: build.platforms,
      onProgress: (l) => ctx.log(l),
    });
    fromVerify(o, report);
    o.raw = { build, verify: report };
    o.result = report.ok ? 'verified' : 'failed';
    if (!report.ok) {
      const n = report.checks.filter((c) => c.status === 'fail').length;
      o.error = { message: `${n} check(s) failed`, details: [], step: 'verify', exitCode: 1 };
    }
  } finally {
    // Untag only: layers stay cached for the next build.
    await docker(['image', 'rm', tag], { allowFailure: true });
  }
  return o;
}

/** The validated config → the publish pipeline's request (src/config.ts, shared with the CLI). */
export function publishRequest(dir: string, ctx: RunContext): PublishRequest {
  // the release tag's version (resolveRelease already checked it equals metadata.yaml);
  // on a runner a created git tag is only useful once pushed (publishRequestOf pushes it)
  return publishRequestOf(dir, ctx.config, { version: ctx.releaseVersion });
}

/** `${platform} ${id}: ${message} (fix: ${fix})` — how the pipeline lists failed checks in its error details. */
export function checksFromDetails(details: string[]): CheckRow[] {
  const rows: CheckRow[] = [];
  for (const d of details) {
    const m = /^([a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?) ([a-z-]+): ([\s\S]*?)(?: \(fix: ([\s\S]*)\))?$/.exec(d);
    if (m) rows.push({ id: m[2] as string, platform: m[1] as string, status: 'fail', message: m[3] as string, ...(m[4] ? { fix: m[4] } : {}) });
  }
  return rows;
}

/** `${file}:${line}:${col} ${severity} [${ruleId}] ${message}` — formatFindings' lines back to findings. */
export function findingsFromDetails(details: string[]): Finding[] {
  const out: Finding[] = [];
  for (const d of details) {
    const m = /^(.+):(\d+):(\d+) (error|warning) \[([^\]]+)\] ([\s\S]*)$/.exec(d);
    if (m) out.push({ file: m[1] as string, line: Number(m[2]), column: Number(m[3]), severity: m[4] as 'error' | 'warning', ruleId: m[5] as string, message: m[6] as string });
  }
  return out;
}

/** Hooks the pipeline may offer for structured results; used when present (see report: requested from publish). */
type RichHooks = PublishHooks & {
  onVerifyReport?: (report: VerifyReport) => void;
  onLintFindings?: (findings: Finding[]) => void;
};

export function outcomeOfPublish(key: string, dir: string, r: PublishResult, extra: { report?: VerifyReport; findings?: Finding[] }): ConnectorOutcome {
  const o = emptyOutcome(key, dir, 'publish');
  o.metadataPath = join(dir, 'metadata.yaml');
  o.repository = r.repository || undefined;
  o.version = r.version || undefined;
  // steps that ran, in pipeline order (a skipped step's 0 ms says nothing)
  o.durations = Object.fromEntries(r.steps.filter((st) => st.status !== 'skipped').map((st) => [st.step, Math.round(st.durationMs)]));
  o.notes = [...r.notes];
  if (extra.report) fromVerify(o, extra.report);
  if (extra.findings) o.findings = extra.findings;
  const verified = r.steps.find((st) => st.step === 'verify' && st.status === 'done');
  if (verified?.reason && o.checks.length === 0 && /check/.test(verified.reason)) o.notes.push(`verify: ${verified.reason}`);
  switch (r.result) {
    case 'published':
      o.result = 'published';
      o.digest = r.digest;
      o.platforms = r.platforms;
      o.platformDigests = { ...r.platformDigests };
      o.tags = r.tags.map((t) => t.ref);
      o.skippedTags = r.skippedTags.map((t) => ({ tag: t.tag, reason: t.reason }));
      if (r.forced) o.notes.push('--force: an existing version tag was overwritten');
      if (r.signed) o.notes.push('signed with cosign (index digest)');
      if (r.gitTag) o.notes.push(`git tag ${r.gitTag.name} ${r.gitTag.created ? 'created' : 'already there'}${r.gitTag.pushed ? ' and pushed' : ''}`);
      break;
    case 'already-published':
      o.result = 'already-published';
      o.digest = r.digest;
      o.notes.push(`${r.repository}:${r.version} is already ${r.digest} (same ${r.sameBy}); nothing pushed`);
      break;
    case 'dry-run':
      o.result = 'verified';
      o.digest = r.digest;
      o.platforms = r.platforms;
      o.skippedTags = r.plan.skipped.map((t) => ({ tag: t.tag, reason: t.reason }));
      o.notes.push(`dry run: nothing pushed or tagged; a real run would be: ${r.wouldBe}`, ...r.plan.tags.map((t) => `would tag ${r.repository}:${t.tag} — ${t.reason}`));
      break;
    case 'refused':
      o.error = { message: r.reason, details: [`existing ${r.existingDigest}`, `built ${r.builtDigest}`], step: 'publish', exitCode: ExitCode.refused };
      break;
    case 'failed': {
      o.error = { message: r.reason, details: r.details, step: r.step, exitCode: r.exitCode };
      if (r.step === 'verify' && o.checks.length === 0) o.checks = checksFromDetails(r.details);
      if (r.step === 'lint' && o.findings.length === 0) o.findings = findingsFromDetails(r.details);
      o.errorAt = positionIn([r.reason, ...r.details], process.cwd());
      break;
    }
  }
  if (r.faults.total > 0) o.notes.push(`registry faults retried: ${r.faults.total}`);
  return o;
}

async function publish(dir: string, ctx: RunContext): Promise<ConnectorOutcome> {
  const key = connectorKey(dir, ctx.github.workspace);
  const extra: { report?: VerifyReport; findings?: Finding[] } = {};
  const hooks: RichHooks = {
    log: (l) => ctx.log(l),
    onStep: (step, status, reason) => {
      if (status !== 'start') ctx.log(`${status === 'done' ? '✓' : status === 'skipped' ? '-' : '✗'} ${step}${reason ? `: ${reason}` : ''}`);
    },
    onVerifyReport: (r) => {
      extra.report = r;
    },
    onLintFindings: (f) => {
      extra.findings = f;
    },
  };
  const result = await runPublish(publishRequest(dir, ctx), hooks);
  const o = outcomeOfPublish(key, dir, result, extra);
  o.raw = { publish: result, ...(extra.report ? { verify: extra.report } : {}) };
  return o;
}

export const coreRunner: ConnectorRunner = {
  async changed(since, roots, ctx) {
    const res = await findChanged({ cwd: ctx.github.workspace, since, roots, platforms: ctx.platforms });
    return {
      connectors: res.connectors.map((c) => ({ connector: c.connector, name: c.name, platforms: c.platforms, why: reasonText(c) })),
      matrix: JSON.stringify(res.mergeMatrix),
      platformMatrix: JSON.stringify(res.matrix),
    };
  },

  async run(dir, ctx) {
    if (ctx.command === 'build') return buildOnly(dir, ctx, false);
    if (ctx.command === 'verify') return buildOnly(dir, ctx, true);
    return publish(dir, ctx);
  },

  async releasePlan(tag, roots, ctx) {
    // The tag names a connector directory; look in each root (first match wins).
    let lastNotFound: unknown;
    for (const root of roots.length > 0 ? roots : [ctx.github.workspace]) {
      try {
        const plan = await resolveRelease(`refs/tags/${tag}`, { root });
        return { dir: plan.dir, version: plan.version };
      } catch (err) {
        if (err instanceof BcError && /no connector directory named/.test(err.message)) {
          lastNotFound = err;
          continue;
        }
        throw err;
      }
    }
    throw lastNotFound instanceof Error ? lastNotFound : new BcError('badInput', `release tag ${tag}: no connector found`);
  },
};
