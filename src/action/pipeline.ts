/**
 * The Action's bridge to the core: the same functions the CLI commands call
 * (resolvePlan → buildImage (lint inside) → verifyImage; publish through
 * src/pipeline.ts), their results reduced to a ConnectorOutcome.
 *
 * Images verified here are loaded under a tag unique to the run
 * (build-connector-action/<connector>:<run>) so parallel jobs on one engine
 * never see each other's images, and are untagged afterwards.
 */
import { stat } from 'node:fs/promises';
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
import { BcError, notImplemented } from '../errors.js';
import type { BuildPlan } from '../render/types.js';
import type { ConnectorRunner, RunContext } from './run.js';
import { connectorKey } from './run.js';
import { emptyOutcome, type ConnectorOutcome } from './types.js';

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

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
  return findings.map((f) => (plan.dockerfilePath ? { ...f, file: plan.dockerfilePath } : { ...f, file: `${f.file} (rendered)` }));
}

/** Inputs for check/discover/read: the config input, else the connector's own files, as `verify DIR` does. */
async function verifyInputs(dir: string, ctx: RunContext): Promise<{ config?: string; catalog?: string }> {
  const out: { config?: string; catalog?: string } = {};
  const cfg = ctx.config.configFile ?? join(dir, 'secrets', 'config.json');
  if (await exists(cfg)) out.config = cfg;
  const catalog = join(dir, 'integration_tests', 'configured_catalog.json');
  if (await exists(catalog)) out.catalog = catalog;
  return out;
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
  if (!verify || !tag) {
    o.result = 'built';
    o.notes.push(`loaded into the engine as ${build.tags.join(', ')}`);
    return o;
  }
  try {
    const report = await verifyImage(tag, {
      platforms: build.platforms,
      connectorType: plan.connector.type,
      inputs: await verifyInputs(dir, ctx),
      secretsDir: join(dir, 'secrets'),
      // as `verify DIR` does: the labels must match metadata.yaml in either mode
      expectedLabels: { name: plan.connector.repository, version: plan.connector.version },
      onProgress: (l) => ctx.log(l),
    });
    fromVerify(o, report);
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
    throw notImplemented('build-connector action: command publish');
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
