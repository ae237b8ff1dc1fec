/**
 * The Action's bridge to the core: the same flows the CLI runs
 * (core/flows/build.ts for `build` and `verify` — verify is build + every
 * check, the CLI's `build --verify` —, core/flows/publish.ts for `publish`),
 * their structured results reduced to a ConnectorOutcome. Nothing here reads
 * a message back: findings and checks come as data.
 *
 * Images verified here are loaded under a tag unique to the run
 * (build-connector-action/<connector>:<run>) so parallel jobs on one engine
 * never see each other's images, and are untagged afterwards.
 */
import { join } from 'node:path';
import { runChanged, reasonText } from '../core/flows/changed.js';
import { runRelease } from '../core/flows/release.js';
import { ExitCode } from '../core/index.js';
import { runBuild, type BuildFlowResult } from '../core/flows/build.js';
import { runPublish } from '../core/flows/publish.js';
import type { FlowHooks, PublishRequest } from '../core/request.js';
import { buildRequestOf, publishRequestOf } from '../core/request-schema.js';
import type { PublishResult, BuildFacts } from '../core/result.js';
import type { CheckResult, Finding } from '../core/index.js';
import type { ConnectorRunner, RunContext } from './run.js';
import { connectorKey } from './run.js';
import { emptyOutcome, type ConnectorOutcome } from './types.js';

function runTag(ctx: RunContext, key: string): string {
  const run = (ctx.github.sha || '').slice(0, 12) || 'local';
  const id = `${process.env.GITHUB_RUN_ID ?? process.pid}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  return `build-connector-action/${key}:${run}-${id}`.toLowerCase().replace(/[^a-z0-9_./:-]/g, '-');
}

function checkRows(checks: readonly CheckResult[]): ConnectorOutcome['checks'] {
  return checks.map((c) => ({ id: c.id, platform: c.platform, status: c.status, message: c.message, ...(c.fix ? { fix: c.fix } : {}) }));
}

function strategyNotes(s: BuildFacts | undefined): string[] {
  if (!s) return [];
  return [
    `built with the ${s.strategy} strategy on builder ${s.builder} (${s.driver} driver, ${s.store} store): ${s.why}`,
    ...s.unavailable.map((u) => `unavailable here: ${u.what} — ${u.why}${u.fix ? ` (fix: ${u.fix})` : ''}`),
  ];
}

function outcomeOfBuild(key: string, dir: string, command: 'build' | 'verify', r: BuildFlowResult): ConnectorOutcome {
  const o = emptyOutcome(key, dir, command);
  o.metadataPath = join(dir, 'metadata.yaml');
  o.findings = r.findings;
  o.durations = r.durations;
  if (r.labels) o.labels = r.labels;
  if (r.annotations) o.annotations = r.annotations;
  const b = r.build;
  if (b) {
    o.repository = b.connector.repository;
    o.version = b.connector.version;
    o.digest = b.digest;
    o.platforms = b.platforms;
    for (const m of b.manifests) o.platformDigests[m.platform] = m.digest;
    if (command === 'build') o.tags = [...b.tags];
  }
  o.notes.push(...strategyNotes(r.strategy));
  if (r.report) o.checks = checkRows(r.report.checks);
  // the core's own results, whole, in the JSON report: the build, the verify report, the steps
  o.raw = { ...(r.build ? { build: r.build } : {}), ...(r.report ? { verify: r.report } : {}), steps: r.steps };
  if (r.result === 'failed') {
    o.error = { message: r.reason, details: r.details, step: r.step, exitCode: r.exitCode, ...(r.at ? { at: r.at } : {}) };
    return o;
  }
  o.notes.push(...r.notes);
  o.result = r.result;
  if (r.result === 'built' && b) o.notes.push(`loaded into the engine as ${b.tags.join(', ')}`);
  return o;
}

async function buildOrVerify(dir: string, ctx: RunContext, verify: boolean): Promise<ConnectorOutcome> {
  const key = connectorKey(dir, ctx.github.workspace);
  const c = ctx.config;
  // build: the image is the product, loaded under the CLI's tags (REPO:VERSION, REPO:dev)
  // for later steps; verify: a run-unique tag, removed after the checks.
  const r = await runBuild(
    {
      ...buildRequestOf(dir, c),
      progress: 'plain',
      write: (s) => {
        for (const line of s.split('\n')) if (line.trim() !== '') ctx.log(line);
      },
      ...(verify ? { tags: [runTag(ctx, key)], verify: { configFile: c.configFile, timeoutSeconds: c.timeout, untagAfter: true } } : {}),
    },
    { log: (l) => ctx.log(l), onStep: stepLogger(ctx) },
  );
  return outcomeOfBuild(key, dir, verify ? 'verify' : 'build', r);
}

function stepLogger(ctx: RunContext): FlowHooks['onStep'] {
  return (step, status, reason) => {
    if (status !== 'start') ctx.log(`${status === 'done' ? '✓' : status === 'skipped' ? '-' : '✗'} ${step}${reason ? `: ${reason}` : ''}`);
  };
}

/** The validated config → the publish pipeline's request (src/core/request-schema.ts, shared with the CLI). */
export function publishRequest(dir: string, ctx: RunContext): PublishRequest {
  // the release tag's version (resolveRelease already checked it equals metadata.yaml)
  return publishRequestOf(dir, { ...ctx.config, ...(ctx.releaseVersion !== undefined ? { version: ctx.releaseVersion } : {}) });
}

/** The image a publish result names, as outputs: its digest, platforms and per-platform digests. */
function imageOutputs(r: { digest: string; platforms: string[]; platformDigests: Record<string, string> }): Pick<ConnectorOutcome, 'digest' | 'platforms' | 'platformDigests'> {
  return { digest: r.digest, platforms: r.platforms, platformDigests: { ...r.platformDigests } };
}

export function outcomeOfPublish(key: string, dir: string, r: PublishResult): ConnectorOutcome {
  const o = emptyOutcome(key, dir, 'publish');
  o.metadataPath = join(dir, 'metadata.yaml');
  o.repository = r.repository || undefined;
  o.version = r.version || undefined;
  // steps that ran, in pipeline order (a skipped step's 0 ms says nothing)
  o.durations = Object.fromEntries(r.steps.filter((st) => st.status !== 'skipped').map((st) => [st.step, Math.round(st.durationMs)]));
  o.notes = [...strategyNotes(r.build), ...r.notes];
  if (r.labels) o.labels = r.labels;
  if (r.annotations) o.annotations = r.annotations;
  if (r.sbom) o.sbom = Object.fromEntries(Object.entries(r.sbom.platforms).map(([p, s]) => [p, { components: s.components, ...(s.referrer ? { ref: s.referrer.ref } : {}) }]));
  // every check, also behind a verify failure: the result's report
  if (r.report) o.checks = checkRows(r.report.checks);
  const verified = r.steps.find((st) => st.step === 'verify' && st.status === 'done');
  if (verified?.reason && !r.report) o.notes.push(`verify: ${verified.reason}`);
  switch (r.result) {
    case 'published':
      o.result = 'published';
      Object.assign(o, imageOutputs(r));
      o.tags = r.tags.map((t) => t.ref);
      o.skippedTags = r.skippedTags.map((t) => ({ tag: t.tag, reason: t.reason }));
      if (r.forced) o.notes.push('force: an existing version tag was overwritten');
      if (r.signed) o.notes.push('signed with cosign (index digest)');
      if (r.gitTag) o.notes.push(`git tag ${r.gitTag.name} ${r.gitTag.created ? 'created' : 'already there'}${r.gitTag.pushed ? ' and pushed' : ''}`);
      break;
    case 'already-published':
      o.result = 'already-published';
      // the same outputs a real publish gives: the digest, its platforms, the tags that hold it
      Object.assign(o, imageOutputs(r));
      o.tags = r.tags.map((t) => t.ref);
      o.notes.push(`${r.repository}:${r.version} is already ${r.digest} (same ${r.sameBy}); nothing pushed`);
      break;
    case 'dry-run':
      o.result = 'verified';
      Object.assign(o, imageOutputs(r));
      o.skippedTags = r.plan.skipped.map((t) => ({ tag: t.tag, reason: t.reason }));
      o.notes.push(`dry run: nothing pushed or tagged; a real run would be: ${r.wouldBe}`, ...r.plan.tags.map((t) => `would tag ${r.repository}:${t.tag} — ${t.reason}`));
      break;
    case 'refused':
      o.error = { message: r.reason, details: [`existing ${r.existingDigest}`, `built ${r.builtDigest}`], step: 'push', exitCode: ExitCode.refused };
      break;
    case 'failed': {
      o.error = { message: r.reason, details: r.details, step: r.step, exitCode: r.exitCode, ...(r.at ? { at: r.at } : {}) };
      if (r.findings) o.findings = r.findings;
      break;
    }
  }
  if (r.faults.total > 0) o.notes.push(`registry faults retried: ${r.faults.total}`);
  return o;
}

async function publish(dir: string, ctx: RunContext): Promise<ConnectorOutcome> {
  const key = connectorKey(dir, ctx.github.workspace);
  let warnings: Finding[] = [];
  const result = await runPublish(publishRequest(dir, ctx), {
    log: (l) => ctx.log(l),
    onStep: stepLogger(ctx),
    onLintFindings: (f) => {
      warnings = f;
    },
  });
  const o = outcomeOfPublish(key, dir, result);
  if (o.findings.length === 0) o.findings = warnings;
  // the report JSON keeps its keys: the publish result, and its verify report once, as `verify`
  const { report, ...publish } = result;
  o.raw = { publish, ...(report ? { verify: report } : {}) };
  return o;
}

export const coreRunner: ConnectorRunner = {
  async changed(since, roots, ctx) {
    const { changed: res } = await runChanged({ cwd: ctx.github.workspace, since, roots, platforms: ctx.platforms });
    return {
      connectors: res.connectors.map((c) => ({ connector: c.connector, name: c.name, platforms: c.platforms, why: reasonText(c) })),
      matrix: JSON.stringify(res.mergeMatrix),
      platformMatrix: JSON.stringify(res.matrix),
    };
  },

  async run(dir, ctx) {
    if (ctx.command === 'build') return buildOrVerify(dir, ctx, false);
    if (ctx.command === 'verify') return buildOrVerify(dir, ctx, true);
    return publish(dir, ctx);
  },

  async releasePlan(tag, roots, ctx) {
    // The tag names a connector directory: the first root that has it answers.
    const { plan } = await runRelease({ gitRef: `refs/tags/${tag}`, format: ctx.config.gitTagFormat, searchRoots: roots.length > 0 ? roots : [ctx.github.workspace] });
    return { dir: plan.dir, version: plan.version };
  },
};
