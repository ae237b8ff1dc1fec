/**
 * bake's build phase: one `docker buildx bake` of every good target. A
 * target this buildx's bake cannot build as asked (it drops the `network`
 * a package index on loopback needs) is built alone, as `build` builds it;
 * when the bake fails, each target left without a digest is baked again
 * alone, so the healthy ones come from the cache and the broken one shows
 * its own error. Results are written into each connector's `result`.
 */
import { join } from 'node:path';
import { docker } from '../../docker/cli.js';
import { toBcError } from '../../errors.js';
import { buildFailure } from '../../docker/buildx.js';
import type { BuildPlan } from '../../render/types.js';
import { buildStep } from '../steps.js';
import { defaultTags } from '../images/prepare.js';
import { bakeArgs, environmentCheck, networkDropped, readMetadata, type BakeFile, type Prepared } from './bake-file.js';
import type { Provenance } from '../../shared/modes.js';

interface BakeBuildOptions {
  provenance: Provenance;
  noCache?: boolean;
  builder?: string;
}

/** A connector bake cannot build as asked: the build step, as `build` runs it, with the same tags. */
async function buildAlone(p: Prepared, opts: BakeBuildOptions, log: (l: string) => void): Promise<void> {
  const plan = p.plan as BuildPlan;
  try {
    const built = await buildStep(plan, {
      platforms: p.result.platforms,
      goal: 'load',
      tags: defaultTags(plan, 'load'),
      ...(opts.builder ? { builder: opts.builder } : {}),
      ...(opts.noCache ? { noCache: true } : {}),
      provenance: opts.provenance,
      ...(p.epoch !== undefined ? { sourceDateEpoch: p.epoch } : {}),
      progress: 'plain',
      write: () => undefined,
    });
    p.result.digest = built.value.digest;
    if (built.value.strategy.loadAs === 'per-platform') p.result.platformImages = { ...built.value.local };
  } catch (err) {
    const e = toBcError(err);
    p.result.status = 'build-failed';
    p.result.problems = [e.message, ...e.details];
    log(`bake: ${p.result.connector} failed to build`);
  }
}

export async function runBake(work: string, file: string, bakeFile: BakeFile, all: Prepared[], opts: BakeBuildOptions, log: (l: string) => void): Promise<void> {
  const metaFile = join(work, 'metadata.json');
  const dropped = await networkDropped(file, bakeFile, Object.keys(bakeFile.target), opts);
  const aloneOf = (p: Prepared) => Object.values(p.targets ?? {}).some((t) => dropped.has(t));
  const alone = all.filter(aloneOf);
  for (const p of alone) {
    log(`bake: ${p.result.connector} is built alone: this buildx's bake drops the target's network setting, which its package index on this machine's loopback needs`);
    await buildAlone(p, opts, log);
  }
  const buildable = all.filter((p) => !aloneOf(p));
  if (buildable.length === 0) return;
  log(`bake: ${buildable.length} connector(s) in one buildx bake`);
  const res = await docker(bakeArgs(file, metaFile, buildable.map((p) => p.target as string), opts), {
    allowFailure: true,
    step: 'bake',
    timeoutMs: 60 * 60_000,
  });
  environmentCheck(res.exitCode, res.stderr);
  const digests = await readMetadata(metaFile);
  const digestOf = (p: Prepared, d: Record<string, string | undefined>) => {
    const ts = Object.values(p.targets ?? {});
    if (ts.length === 0 || ts.some((t) => !d[t])) return null;
    return d[p.targets?.['linux/amd64'] ?? ts[0] ?? ''] ?? null;
  };
  const missing = buildable.filter((p) => !digestOf(p, digests));
  for (const p of buildable) p.result.digest = digestOf(p, digests);
  if (res.exitCode === 0 && missing.length === 0) return;

  // One failure cancels the whole bake. Build each unfinished target alone:
  // the healthy ones come from the cache, the broken one shows its own error.
  log(`bake failed; building ${missing.length} target(s) one at a time to find which`);
  for (const p of missing) {
    const one = join(work, `metadata-${p.target}.json`);
    const r = await docker(bakeArgs(file, one, [p.target as string], opts), { allowFailure: true, step: `bake ${p.target}`, timeoutMs: 30 * 60_000 });
    environmentCheck(r.exitCode, r.stderr);
    const d = digestOf(p, await readMetadata(one));
    if (r.exitCode === 0 && d) {
      p.result.digest = d;
    } else {
      p.result.status = 'build-failed';
      // the failed step's own output (pip's error, a compiler's), not only buildx's last lines
      const f = buildFailure(r.stderr.split('\n'), r.exitCode, `docker ${bakeArgs(file, one, [p.target as string], opts).join(' ')}`);
      p.result.problems = [f.message, ...f.details];
      log(`bake: ${p.result.connector} failed to build`);
    }
  }
}
