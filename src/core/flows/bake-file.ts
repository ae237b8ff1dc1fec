/**
 * The bake file of `bake` (pure where it can be): one target per connector
 * (or one per platform where the image store keeps one platform per tag),
 * the `docker buildx bake` argv, the metadata file it writes, and the
 * targets whose `network` this buildx's bake drops (`bake --print`).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { docker, parseJson } from '../../docker/cli.js';
import { BcError } from '../../errors.js';
import { lastLines } from '../../exec.js';
import type { BuildPlan } from '../../render/types.js';
import type { VerifyReport } from '../../verify/index.js';
import { defaultTags } from '../images/prepare.js';
import type { Provenance } from '../../shared/modes.js';

export type BakeStatus = 'verified' | 'built' | 'plan-failed' | 'lint-failed' | 'build-failed' | 'verify-failed';

export interface BakeConnectorResult {
  dir: string;
  connector: string;
  target: string | null;
  image: string | null;
  status: BakeStatus;
  digest: string | null;
  platforms: string[];
  /** what failed: lint findings, the build's last lines, or a verify that could not run */
  problems: string[];
  /** the verify report, once verify ran (its failed checks: failedChecks(report)) */
  report?: VerifyReport;
  /** platform → local image, where the image store keeps one platform per tag */
  platformImages?: Record<string, string>;
}

/** One connector on its way through the bake flow. */
export interface Prepared {
  dir: string;
  plan?: BuildPlan;
  /** what bake is asked to build for this connector (a target, or a group of per-platform targets) */
  target?: string;
  /** the bake targets whose digests say it was built: platform → target */
  targets?: Record<string, string>;
  /** SOURCE_DATE_EPOCH the render step resolved (for a connector built alone) */
  epoch?: number;
  result: BakeConnectorResult;
}

export interface BakeTarget {
  context: string;
  dockerfile: string;
  platforms: string[];
  tags: string[];
  labels: Record<string, string>;
  args: Record<string, string>;
  attest?: string[];
  /** `id=ID,env=ENV`: BuildKit secrets buildx reads from its environment (a python index URL with credentials) */
  secret?: string[];
  /** 'host' for a python install from a package index on this machine's loopback */
  network?: 'host';
}

export interface BakeFile {
  /** `default`, and one group per connector whose platforms are separate targets */
  group: Record<string, { targets: string[] }>;
  target: Record<string, BakeTarget>;
}

/** A bake target name from a directory name: [a-zA-Z0-9_-], unique. */
export function targetName(dirName: string, taken: ReadonlySet<string>): string {
  const base = dirName.replace(/[^a-zA-Z0-9_-]/g, '_') || 'connector';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

/** The bake target of one plan (pure). */
export function bakeTarget(plan: BuildPlan, dockerfile: string, opts: { epoch: number; provenance: Provenance }): BakeTarget {
  const { provenance } = opts;
  return {
    context: plan.context,
    dockerfile,
    platforms: plan.platforms,
    // the same local names `build` loads, so `verify DIR` finds them too
    tags: defaultTags(plan, 'load'),
    labels: plan.labels,
    args: { ...(plan.buildArgs ?? {}), SOURCE_DATE_EPOCH: String(opts.epoch) },
    ...(provenance === false ? {} : { attest: [`type=provenance,mode=${provenance}`] }),
    // the same secrets and network as `build` (core/images/prepare.ts): never the values, only where buildx finds them
    ...(plan.buildSecrets && plan.buildSecrets.length > 0 ? { secret: plan.buildSecrets.map((x) => `id=${x.id},env=${x.env}`) } : {}),
    ...(plan.buildNetwork === 'host' ? { network: 'host' as const } : {}),
  };
}

const MetadataSchema = z.record(z.string(), z.object({ 'containerimage.digest': z.string().optional() }).loose());

export function bakeArgs(file: string, metadata: string, targets: readonly string[], o: { noCache?: boolean; builder?: string } = {}): string[] {
  return [
    'buildx',
    'bake',
    ...(o.builder ? ['--builder', o.builder] : []),
    '-f',
    file,
    '--metadata-file',
    metadata,
    '--load',
    '--progress',
    'plain',
    ...(o.noCache ? ['--no-cache'] : []),
    ...targets,
  ];
}

export async function readMetadata(file: string): Promise<Record<string, string | undefined>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return {};
  }
  const m = parseJson(MetadataSchema, text, 'buildx bake metadata file');
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v['containerimage.digest']]));
}

/**
 * The targets whose `network` this buildx's bake drops (it keeps only the
 * attributes it knows; `--print` shows what it will build): the connectors
 * that need the host network (a package index on 127.0.0.1) are then built
 * alone, as `build` builds them, instead of failing inside the bake.
 */
export async function networkDropped(file: string, bakeFile: BakeFile, targets: readonly string[], opts: { builder?: string }): Promise<Set<string>> {
  const wanted = targets.filter((t) => bakeFile.target[t]?.network === 'host');
  if (wanted.length === 0) return new Set();
  const res = await docker(['buildx', 'bake', ...(opts.builder ? ['--builder', opts.builder] : []), '-f', file, '--print', ...wanted], { allowFailure: true, step: 'bake --print', timeoutMs: 60_000 });
  // an answer that is not the printed definition keeps every target in the bake (its own error says why)
  let printed: z.infer<typeof PrintedSchema> | undefined;
  try {
    printed = parseJson(PrintedSchema, res.stdout, 'bake --print');
  } catch {
    return new Set();
  }
  const kept = (t: string) => printed?.target[t]?.network === 'host';
  return new Set(wanted.filter((t) => !kept(t)));
}

const PrintedSchema = z.object({ target: z.record(z.string(), z.object({ network: z.string().optional() }).loose()) }).loose();

/** The engine itself missing is not a connector's failure: exit 3 for all. */
export function environmentCheck(exitCode: number, stderr: string): void {
  if (exitCode === 0) return;
  if (/Cannot connect to the Docker daemon|is the docker daemon running|unknown command "bake"|'bake' is not a docker command/i.test(stderr)) {
    throw new BcError('environment', 'docker buildx bake is not available', {
      step: 'bake',
      details: [...lastLines(stderr, 3), 'fix: start the engine and install buildx ≥ 0.10 (scripts/setup-engine.sh), then build-connector doctor'],
    });
  }
}
