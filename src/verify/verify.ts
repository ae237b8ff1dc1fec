/**
 * verifyImage: every check, for every platform, concurrently.
 *
 * Per platform: a created-not-started "probe" container gives the config and
 * the filesystem (docker cp), while the connector runs (spec twice, and
 * check/discover/read/write when inputs are given) start right away in their
 * own locked-down containers. The slowest emulated run dominates the wall
 * time, not the sum of the checks.
 */
import { rm } from 'node:fs/promises';
import type { ConnectorType } from '../connector/types.js';
import { copyFromContainer, createProbe, inspectLocalImage, resolveImage, type ImageConfig, type ImageSource, type ProbeResult } from '../docker/image.js';
import { docker } from '../docker/cli.js';
import { engineSocket } from '../docker/engine-api.js';
import { containerLayerDirs } from '../docker/rw-layer.js';
import { treeFromLayers } from '../oci/layer-tree.js';
import { withRequired } from '../shared/platforms.js';
import {
  checkAirbyteDir,
  checkEntrypointAbsolute,
  checkEntrypointEnv,
  checkLabels,
  checkNoSecrets,
  checkPlatform,
  checkUser,
  readUsers,
  shellWords,
  type SecretFile,
  withoutRuntimeAdditions,
} from './config-checks.js';
import { containerFs } from './imagefs.js';
import { launch, probeThrough, type Launched, type RunSpec } from './launch.js';
import { CATALOG_MOUNT, CONFIG_MOUNT, hashSecrets, sha256, STATE_MOUNT, stageInputs, type Staged, type VerifyOptions } from './options.js';
import { fail, skip, sortResults, type CheckId, type CheckResult, type RunRecord, type VerifyReport } from './report.js';
import { checkOperation, checkSpec, checkWrites, permittedWriteDirs, type NamedRun } from './run-checks.js';

type ReadRecord = NonNullable<VerifyReport['reads']>[number];

export { hashSecrets } from './options.js';
export type { VerifyInputs, VerifyOptions } from './options.js';
export function connectorTypeOf(labels: Record<string, string>, ref: string): ConnectorType {
  const name = labels['io.airbyte.name'] ?? ref;
  return /(^|\/)destination-/.test(name) ? 'destination' : 'source';
}

export function platformList(requested: readonly string[] | undefined): string[] {
  // linux/amd64 is required of every connector image, whatever is requested.
  return withRequired(requested);
}

interface PlatformContext {
  image: string;
  source: ImageSource;
  platform: string;
  type: ConnectorType | undefined;
  opts: VerifyOptions;
  staged: Staged;
  secrets: SecretFile[] | undefined;
  records: RunRecord[];
  reads: ReadRecord[];
  /** the spec run started before the image was even inspected (local images) */
  early?: Launched;
  /** the type this platform's labels gave (registry images) */
  detectedType?: ConnectorType;
}

/** how much of /airbyte (and WORKDIR) the no-secrets scan reads: listing only, so it can be large */
const TREE_SCAN_BYTES = 16 * 1024 * 1024 * 1024;

const RUN_CHECKS: CheckId[] = ['spec', 'check', 'discover', 'read', 'write', 'writes'];
const ALL_AFTER_PLATFORM: CheckId[] = ['entrypoint-env', 'entrypoint-absolute', 'user', 'airbyte-dir', ...RUN_CHECKS, 'no-secrets', 'labels'];

async function verifyPlatform(ctx: PlatformContext): Promise<CheckResult[]> {
  const { platform, opts, staged } = ctx;
  const tPlatform = performance.now();
  const timed = <T>(read: string, p: Promise<T>, t = performance.now(), via?: 'layers' | 'engine'): Promise<T> => {
    return p.then((v) => {
      const end = performance.now();
      ctx.reads.push({ platform, read, ms: Math.round(end - t), endMs: Math.round(end - tPlatform), ...(via ? { via } : {}) });
      return v;
    });
  };
  const timeoutMs = opts.timeoutSeconds * 1000;
  const progress = (l: string) => opts.onProgress?.(`[${platform}] ${l}`);
  let ref = ctx.image;
  if (ctx.source.kind === 'registry' && ctx.source.isIndex) {
    const pinned = ctx.source.platforms[platform];
    if (!pinned) {
      const have = Object.keys(ctx.source.platforms).join(', ') || 'none';
      return [
        fail('platform', platform, `the image index has no ${platform} manifest (it has: ${have})`, `build with --platform ${platform} (linux/amd64 is required)`),
        ...ALL_AFTER_PLATFORM.map((id) => skip(id, platform, `no ${platform} image`)),
      ];
    }
    ref = pinned;
  }
  const local = ctx.source.kind === 'local';
  const runs: Promise<NamedRun | undefined>[] = [];
  const byStep = new Map<string, Promise<NamedRun | undefined>>();
  const adopt = (step: string, launched: Promise<NamedRun>) => {
    const p = launched.then((run) => {
      const { result } = run;
      ctx.records.push({
        platform,
        step,
        command: result.command,
        exitCode: result.exitCode,
        timedOut: result.timedOut,
        durationMs: Math.round(result.durationMs),
        ...(result.phases ? { phases: result.phases } : {}),
        ...(run.validateMs !== undefined ? { validateMs: run.validateMs } : {}),
      });
      progress(`${step}: ${result.timedOut ? 'timed out' : `exit ${result.exitCode}`} in ${(result.durationMs / 1000).toFixed(1)} s`);
      return run;
    });
    runs.push(p);
    byStep.set(step, p);
  };
  const start = (step: string, type: ConnectorType, spec: RunSpec) => adopt(step, launch(ref, platform, opts, step, type, spec).run);
  const startIo = (type: ConnectorType) => {
    const m = staged.mounts;
    if (!m.config) return;
    const net = opts.ioNetwork ?? 'bridge';
    const cfg = ['--config', CONFIG_MOUNT];
    if (type === 'source') {
      start('check', type, { args: ['check', ...cfg], mounts: [m.config], network: net });
      start('discover', type, { args: ['discover', ...cfg], mounts: [m.config], network: net });
      if (m.catalog) {
        const mounts = [m.config, m.catalog, ...(m.state ? [m.state] : [])];
        start('read', type, { args: ['read', ...cfg, '--catalog', CATALOG_MOUNT, ...(m.state ? ['--state', STATE_MOUNT] : [])], mounts, network: net });
      }
    } else {
      start('check', type, { args: ['check', ...cfg], mounts: [m.config], network: net });
      if (m.catalog) start('write', type, { args: ['write', ...cfg, '--catalog', CATALOG_MOUNT], mounts: [m.config, m.catalog], network: net, input: staged.input ?? '' });
    }
  };

  // Local image (its type is known): start the connector at once, and read
  // the image through that very container while it runs, so no second
  // container competes with the emulated run for the daemon and the CPU.
  // (A registry image is pulled by a created-only probe first.)
  let type = ctx.type;
  let probeRes: ProbeResult | undefined;
  if (ctx.source.kind === 'local' && type) {
    const spec = ctx.early ?? launch(ref, platform, opts, 'spec (ENTRYPOINT)', type, { args: ['spec'] }, true);
    adopt('spec (ENTRYPOINT)', spec.run);
    startIo(type);
    probeRes = await timed('config', probeThrough(spec, ctx.source.config.workdir));
  }
  // A registry image is pulled (this platform only) by the probe; what we
  // pulled we remove afterwards, so verify leaves the image store as it was.
  const pulled = !local && !(await inspectLocalImage(ref));
  const dropPulled = async () => {
    if (pulled) await docker(['image', 'rm', ref], { allowFailure: true, timeoutMs: 120_000 });
  };
  probeRes ??= await timed('pull + config', createProbe(ref, platform, 'missing', { env: opts.registryEnv }));
  if (!probeRes.ok) {
    await Promise.allSettled(runs);
    await dropPulled();
    // Runs started optimistically against a platform that is not there say nothing more.
    for (let i = ctx.records.length - 1; i >= 0; i--) if (ctx.records[i]?.platform === platform) ctx.records.splice(i, 1);
    return [
      fail('platform', platform, `no ${platform} image: ${probeRes.reason}`, `build with --platform ${platform} (linux/amd64 is required)${local ? ' and --load it (multi-platform --load needs the containerd image store)' : ''}`),
      ...ALL_AFTER_PLATFORM.map((id) => skip(id, platform, `no ${platform} image`)),
    ];
  }
  const probe = probeRes.probe;
  try {
    const config: ImageConfig = probe.config;
    if (!type) {
      type = connectorTypeOf(config.labels, ctx.image);
      ctx.detectedType = type;
      start('spec (ENTRYPOINT)', type, { args: ['spec'] });
      startIo(type);
    }
    const envTokens = shellWords(config.env.AIRBYTE_ENTRYPOINT ?? '');
    // When AIRBYTE_ENTRYPOINT is token for token the ENTRYPOINT, both ways of
    // starting the image exec the same argv: the ENTRYPOINT run covers it,
    // and one emulated run fewer keeps verify close to a single raw `spec`.
    const sameArgv = envTokens.length === config.entrypoint.length && envTokens.every((t, i) => t === config.entrypoint[i]);
    if (envTokens.length > 0 && !sameArgv) start('spec (AIRBYTE_ENTRYPOINT)', type, { args: ['spec'], entrypoint: envTokens });
    const workdir = type === 'destination' ? '/dest' : '/source';

    const fs = containerFs(probe.name);
    const usersP = timed('passwd/group', readUsers(fs));
    const scanRoots = ['/airbyte', ...(config.workdir && config.workdir !== '/' && !config.workdir.startsWith('/airbyte') ? [config.workdir] : [])];
    // The trees are listed as they stream (a java connector's jars are
    // hundreds of MB): no content is kept, only files of a secret's size
    // are hashed on the way.
    const hashSizes = new Set((ctx.secrets ?? []).map((x) => x.size));
    // From the image's unpacked layers when this process can read them
    // (each layer once per process: oci/layer-tree.ts), else through the engine.
    const layersP = (probe.layers ?? containerLayerDirs(probe.name)).catch(() => undefined);
    const treesP = Promise.all(
      scanRoots.map(async (root) => {
        const t = performance.now();
        const layers = await layersP;
        const fromLayers = layers ? await treeFromLayers(layers.lowers, root, { hashSizes }).catch(() => undefined) : undefined;
        const c = fromLayers
          ? await timed(`tree ${root}`, Promise.resolve(fromLayers), t, 'layers')
          : await timed(`tree ${root}`, copyFromContainer(probe.name, root, { maxBytes: TREE_SCAN_BYTES, keep: () => 0, hashSizes }), t, 'engine');
        return { root, entries: c.entries, truncated: c.truncated, exists: c.exists };
      }),
    );
    const [platformRes, users, trees] = await Promise.all([timed('ELF (platform)', checkPlatform(platform, config, fs)), usersP, treesP]);
    const airbyteTree = trees[0];
    const rootEntry = airbyteTree?.exists ? airbyteTree.entries.find((e) => e.path === 'airbyte') : undefined;
    const results: CheckResult[] = [
      platformRes,
      checkEntrypointEnv(platform, config),
      checkEntrypointAbsolute(platform, config, workdir),
      await checkUser(platform, config, fs, users),
      await checkAirbyteDir(platform, rootEntry, users),
      checkLabels(platform, config, opts.expectedLabels),
    ];
    await probe.remove();

    const done = (await Promise.all(runs)).filter((r): r is NamedRun => r !== undefined);
    // The trees were read through a running connector (local images): what
    // it created meanwhile is in its diff, and is not part of the image.
    const imageTrees = withoutRuntimeAdditions(trees.filter((t) => t.exists), done.find((r) => r.result.name === probe.name)?.result.diff ?? []);
    results.push(checkNoSecrets(platform, imageTrees, ctx.secrets, sha256));
    const specRuns = done.filter((r) => r.label.startsWith('spec'));
    results.push(checkSpec(platform, specRuns, timeoutMs, sameArgv && envTokens.length > 0));
    const noConfig = 'no --config given (and no secrets/config.json in the connector directory)';
    for (const id of ['check', 'discover', 'read', 'write'] as const) {
      const applies = type === 'source' ? id !== 'write' : id === 'check' || id === 'write';
      if (!applies) {
        results.push(skip(id, platform, `not a ${type} command`));
        continue;
      }
      const run = done.find((r) => r.label === id);
      if (run) results.push(checkOperation(id, platform, run, timeoutMs, staged.catalog));
      else results.push(skip(id, platform, staged.mounts.config ? 'needs --catalog' : noConfig));
    }
    results.push(checkWrites(platform, done, permittedWriteDirs(config.labels)));
    return results;
  } finally {
    await probe.remove();
    await Promise.allSettled(runs);
    await dropPulled();
  }
}

export async function verifyImage(image: string, opts: VerifyOptions): Promise<VerifyReport> {
  const t0 = performance.now();
  const platforms = opts.exactPlatforms && opts.platforms && opts.platforms.length > 0 ? [...opts.platforms] : platformList(opts.platforms);
  const refOf = (p: string) => opts.platformImages?.[p] ?? image;
  // The emulated spec run dominates the wall time: start it before even
  // inspecting the image, with the type the name suggests. It is kept when
  // the image turns out to be local and of that type, else discarded.
  // Emulated platforms are the slow ones: start their containers first.
  const host = process.arch === 'x64' ? 'amd64' : process.arch;
  const emulatedFirst = [...platforms].sort((a, b) => Number(a.split('/')[1] === host) - Number(b.split('/')[1] === host));
  const guess = opts.connectorType ?? connectorTypeOf({}, image);
  const early = new Map(emulatedFirst.map((p) => [p, launch(refOf(p), p, opts, 'spec (ENTRYPOINT)', guess, { args: ['spec'] }, true)]));
  // where the engine API is, found while the containers are created
  void engineSocket();
  const dropEarly = async () => {
    for (const l of early.values()) l.release();
    await Promise.allSettled([...early.values()].map((l) => l.run));
  };
  let source: ImageSource;
  let staged: Staged;
  let secrets: SecretFile[] | undefined;
  try {
    source = await resolveImage(image, { env: opts.registryEnv });
    [staged, secrets] = await Promise.all([stageInputs(opts.inputs ?? {}), opts.secretsDir ? hashSecrets(opts.secretsDir) : Promise.resolve(undefined)]);
  } catch (err) {
    await dropEarly();
    throw err;
  }
  const type = opts.connectorType ?? (source.kind === 'local' ? connectorTypeOf(source.config.labels, image) : undefined);
  const keepEarly = source.kind === 'local' && type === guess;
  if (!keepEarly) await dropEarly();
  const records: RunRecord[] = [];
  const reads: ReadRecord[] = [];
  try {
    const contexts: PlatformContext[] = platforms.map((platform) => ({
      image: refOf(platform),
      source,
      platform,
      type,
      opts,
      staged,
      secrets,
      records,
      reads,
      ...(keepEarly ? { early: early.get(platform) } : {}),
    }));
    const order = emulatedFirst.map((p) => contexts.find((c) => c.platform === p) as PlatformContext);
    const done = new Map(await Promise.all(order.map(async (c) => [c, await verifyPlatform(c)] as const)));
    const perPlatform = contexts.map((c) => done.get(c) ?? []);
    const checks = sortResults(perPlatform.flat(), platforms);
    const finalType = type ?? contexts.find((c) => c.detectedType)?.detectedType ?? connectorTypeOf({}, image);
    return {
      image,
      source: source.kind,
      connectorType: finalType,
      platforms,
      ok: !checks.some((c) => c.status === 'fail'),
      checks,
      runs: records.sort((a, b) => platforms.indexOf(a.platform) - platforms.indexOf(b.platform) || a.step.localeCompare(b.step)),
      reads: reads.sort((a, b) => platforms.indexOf(a.platform) - platforms.indexOf(b.platform) || a.endMs - b.endMs),
      durationMs: Math.round(performance.now() - t0),
    };
  } finally {
    await rm(staged.dir, { recursive: true, force: true });
  }
}
