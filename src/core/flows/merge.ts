/**
 * `merge DIR --digests FILE…`: the last job of a distributed build.
 *
 *   1. records → check: every requested platform present exactly once, for
 *      this connector and version, and verified (else exit 1, nothing written);
 *   2. check each record's reference in the registry (it exists and holds
 *      that platform's manifest);
 *   3. create the multi-platform index SERVER SIDE with
 *      `docker buildx imagetools create`, pushed BY DIGEST (no tag): the
 *      index bytes come from `--dry-run`, their sha256 is the digest, and
 *      `-t REPO@sha256:…` stores exactly those bytes;
 *   4. read it back (publish's readBack: digest and platforms);
 *   5. the publish tag plan: immutability (same version with another image →
 *      exit 4 unless --force; with the same image → "already published"),
 *      latest/alias rules, retried tag writes.
 * No release tag exists before step 5, and step 5 runs only when 1-4 passed.
 */
import { docker } from '../../docker/cli.js';
import { connectorPlatforms } from '../../shared/platforms.js';
import { imagetoolsInspect, indexFacts } from '../../docker/imagetools.js';
import { BcError, badInput, failed, refused } from '../../errors.js';
import { loadConnector } from '../../connector/metadata.js';
import { resolveTarget } from '../../publish/target.js';
import { RegistryClient, registryPreflight } from '../../registry/client.js';
import { registryAccess, type RegistryLogin } from '../../registry/credentials.js';
import { newRetryStats, retryPolicy, withRetry, type RetryStats } from '../../registry/retry.js';
import { planTags, type TagPlan } from '../../publish/tag-plan.js';
import type { LatestMode } from '../../shared/modes.js';
import { applyTags, compareImages, indexFactsFromBytes, readBack, type ApplyContext, type ImageFacts, type TagOutcome } from '../../publish/apply.js';
import { readDigestRecord, type DigestRecord } from '../../monorepo/digest-record.js';
import { Pipeline, StepFailure, done, type StepHooks, type StepName } from '../pipeline.js';
import { defaultLog } from '../request.js';
import { sha256Digest } from '../../shared/digest.js';

export interface MergeOptions {
  digests: string[];
  /** default: data.buildConnector.platforms, else linux/amd64,linux/arm64 */
  platforms?: string[];
  registry?: string;
  repository?: string;
  aliases?: boolean;
  latest: LatestMode;
  force?: boolean;
  dryRun?: boolean;
  retries: number;
  /** the registry login given to the command (else BUILD_CONNECTOR_USERNAME/PASSWORD, else the docker config) */
  login?: RegistryLogin;
  log?: (line: string) => void;
  onStep?: StepHooks['onStep'];
}

export type MergeResult =
  | { status: 'published'; repository: string; digest: string; platforms: Record<string, string>; tags: TagOutcome[]; plan: TagPlan; retries: RetryStats }
  | { status: 'already-published'; repository: string; digest: string; version: string; how: string }
  | { status: 'dry-run'; repository: string; digest: string; platforms: Record<string, string>; plan: TagPlan };


/** Pick the records of this connector and check them (pure). Throws BcError; exit 1 for missing/unverified. */
export function selectRecords(
  records: readonly { file: string; record: DigestRecord }[],
  want: { dirName: string; repository: string; version: string; platforms: readonly string[] },
): { byPlatform: Map<string, DigestRecord>; ignored: string[] } {
  const ignored: string[] = [];
  const byPlatform = new Map<string, { file: string; record: DigestRecord }>();
  for (const r of records) {
    const c = r.record.connector;
    if (c.dirName !== want.dirName || c.repository !== want.repository) {
      ignored.push(`${r.file}: another connector (${c.dirName})`);
      continue;
    }
    if (c.version !== want.version) {
      throw badInput(`${r.file}: record of ${c.dirName} ${c.version}, but metadata.yaml says ${want.version}`, [
        'fix: merge the records of the same commit the per-platform jobs built',
      ]);
    }
    if (!want.platforms.includes(r.record.platform)) {
      ignored.push(`${r.file}: ${r.record.platform} was not requested`);
      continue;
    }
    const prev = byPlatform.get(r.record.platform);
    if (prev && prev.record.digest !== r.record.digest) {
      throw badInput(`two different ${r.record.platform} records: ${prev.file} (${prev.record.digest}) and ${r.file} (${r.record.digest})`);
    }
    byPlatform.set(r.record.platform, r);
  }
  const missing = want.platforms.filter((p) => !byPlatform.has(p));
  const unverified = [...byPlatform.values()].filter((r) => !r.record.verify.ok);
  if (missing.length > 0 || unverified.length > 0) {
    const details = [
      ...missing.map((p) => `${p}: no digest record (did its job fail, or was its artifact not downloaded?)`),
      ...unverified.flatMap((r) => [
        `${r.record.platform}: failed verification (${r.file})`,
        ...r.record.verify.failed.map((f) => `  ${f.id}: ${f.message}${f.fix ? ` — fix: ${f.fix}` : ''}`),
      ]),
      'nothing was tagged',
    ];
    const what = [missing.length ? `missing ${missing.join(', ')}` : '', unverified.length ? `unverified ${unverified.map((r) => r.record.platform).join(', ')}` : '']
      .filter(Boolean)
      .join('; ');
    throw failed(`merge refused: ${what}`, details, 'merge');
  }
  return { byPlatform: new Map([...byPlatform].map(([p, r]) => [p, r.record])), ignored };
}

/** The index digest of the bytes `imagetools create --dry-run` prints (minus its trailing newline). */
export function dryRunIndex(stdout: string): { bytes: Buffer; digest: string } {
  const text = stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout;
  const bytes = Buffer.from(text, 'utf8');
  return { bytes, digest: sha256Digest(bytes) };
}

export function imagetoolsCreateArgs(target: string | undefined, sources: readonly string[]): string[] {
  return ['buildx', 'imagetools', 'create', ...(target ? ['-t', target] : ['--dry-run']), ...sources];
}

export const MERGE_STEPS: readonly StepName[] = ['resolve', 'verify', 'push', 'tag'];

export async function mergeConnector(dir: string, opts: MergeOptions): Promise<MergeResult> {
  const log = opts.log ?? defaultLog;
  const run = new Pipeline(MERGE_STEPS, { onStep: opts.onStep });
  try {
    return await mergeSteps(dir, opts, log, run);
  } catch (err) {
    // the shells report the step's own error (exit code, message, details)
    if (err instanceof StepFailure) throw err.error;
    throw err;
  }
}

async function mergeSteps(dir: string, opts: MergeOptions, log: (l: string) => void, run: Pipeline): Promise<MergeResult> {
  // 1. the records: every requested platform present once, for this connector and version, verified;
  //    then the registry preflight (reachable, credentials accepted) before any docker call
  const stats = newRetryStats();
  const { target, platforms, byPlatform, access, client } = await run.step('resolve', async () => {
    if (opts.digests.length === 0) throw badInput('--digests: give at least one digest record file');
    const c = await loadConnector(dir);
    const target = resolveTarget(c, { registry: opts.registry, repository: opts.repository });
    const platforms = connectorPlatforms(opts.platforms, c.options.platforms);
    const records = await Promise.all(opts.digests.map(async (file) => ({ file, record: await readDigestRecord(file) })));
    const { byPlatform, ignored } = selectRecords(records, { dirName: c.dirName, repository: c.repository, version: target.version, platforms });
    for (const i of ignored) log(`ignored ${i}`);
    const access = await registryAccess(target.registry, opts.login);
    const client = new RegistryClient(target.registry, { credentials: access.credentials, retry: retryPolicy(opts.retries), stats, onRetry: log });
    await registryPreflight(client);
    return done(
      { target, platforms, byPlatform, access, client },
      `${byPlatform.size} verified platform record(s) for ${target.reference}:${target.version}${access.credentials ? `; credentials from ${access.credentials.source}` : ''}`,
    );
  });
  const toolEnv = access.tools ? { env: access.tools.env } : {};

  // 2. each record's image is in the registry and is the platform it claims
  const sources = await run.step('verify', async () => {
    const sources: string[] = [];
    for (const [platform, r] of byPlatform) {
      const raw = await imagetoolsInspect(r.ref, toolEnv);
      if (!raw) throw failed(`${platform}: ${r.ref} is not in the registry`, ['fix: re-run that platform job (the push by digest did not land)', 'nothing was tagged'], 'merge');
      const facts = indexFacts(raw);
      const has = raw.manifest.manifests ? facts.manifests.find((m) => m.platform === platform)?.digest : raw.manifest.digest;
      if (has !== r.manifest) {
        throw failed(`${platform}: ${r.ref} holds ${has ?? 'no such platform'}, the record says ${r.manifest}`, ['nothing was tagged'], 'merge');
      }
      sources.push(r.ref);
    }
    return done(sources, `${sources.length} platform image(s) in the registry as recorded`);
  });
  // 3. the index, by digest (its bytes from --dry-run), the tag plan and immutability
  type Prepared =
    | { kind: 'already'; digest: string; how: 'index digest' | 'platform images' }
    | { kind: 'dry-run' | 'pushed'; index: { bytes: Buffer; digest: string }; expected: ImageFacts; plan: TagPlan; ctx: ApplyContext };
  const prepared = await run.step<Prepared>('push', async () => {
    const dry = await docker(imagetoolsCreateArgs(undefined, sources), { step: 'merge: imagetools create --dry-run', timeoutMs: 5 * 60_000, ...toolEnv });
    const index = dryRunIndex(dry.stdout);
    const expected = indexFactsFromBytes(index.digest, index.bytes);
    if (!expected) throw failed('imagetools create --dry-run did not print an image index', [dry.stdout.slice(0, 300)], 'merge');
    for (const [p, r] of byPlatform) {
      if (expected.platforms[p] !== r.manifest) throw failed(`the merged index has ${expected.platforms[p] ?? 'no'} ${p} image, expected ${r.manifest}`, [], 'merge');
    }
    const ctx: ApplyContext = { client, registry: target.registry, repo: target.repo, retry: retryPolicy(opts.retries), stats, log };

    // 5a. the tag plan and immutability, before anything is written
    const existingTags = await client.listTags(target.repo);
    const plan = planTags({ repository: target.reference, version: target.version, existingTags, aliases: opts.aliases, latest: opts.latest, versionSource: target.versionSource, versionAt: target.versionAt });
    const current = await client.getManifest(target.repo, target.version);
    if (current) {
      const same = compareImages(indexFactsFromBytes(current.digest, current.bytes), current.digest, expected);
      if (same.same) {
        log(`${target.reference}:${target.version} is already this image (${same.how}); nothing to do`);
        return done({ kind: 'already' as const, digest: current.digest, how: same.how }, 'already published');
      }
      if (!opts.force) {
        throw refused(`version ${target.version} already published as ${current.digest} (${same.why})`, [
          `fix: bump data.dockerImageTag in metadata.yaml, or force the overwrite of ${target.reference}:${target.version}`,
          'nothing was tagged',
        ]);
      }
      log(`WARNING: force: ${target.reference}:${target.version} (${current.digest}) will be overwritten`);
    }
    if (opts.dryRun) return done({ kind: 'dry-run' as const, index, expected, plan, ctx }, 'dry run: nothing written');

    const byDigest = `${target.reference}@${index.digest}`;
    log(`create index (no tag): ${byDigest}`);
    await withRetry(
      async () => {
        const res = await docker(imagetoolsCreateArgs(byDigest, sources), { allowFailure: true, step: 'merge: imagetools create', timeoutMs: 5 * 60_000, ...toolEnv });
        if (res.exitCode !== 0) {
          throw new BcError('environment', `imagetools create ${byDigest} failed (exit ${res.exitCode})`, {
            step: 'merge',
            details: [...res.stderr.trim().split('\n').slice(-5), 'nothing was tagged'],
          });
        }
      },
      { what: 'imagetools create', policy: retryPolicy(opts.retries), stats, onRetry: (i) => log(`retry imagetools create (${i.fault.reason}) in ${i.delayMs} ms`) },
    );

    return done({ kind: 'pushed' as const, index, expected, plan, ctx }, `index ${index.digest} pushed by digest (no tag)`);
  });
  if (prepared.kind === 'already') {
    run.finish('already published');
    return { status: 'already-published', repository: target.reference, digest: prepared.digest, version: target.version, how: prepared.how };
  }
  if (prepared.kind === 'dry-run') {
    run.finish('dry run');
    return { status: 'dry-run', repository: target.reference, digest: prepared.index.digest, platforms: prepared.expected.platforms, plan: prepared.plan };
  }
  // 4. read back, then 5b. tags
  const { expected, plan, ctx } = prepared;
  const tags = await run.step('tag', async () => {
    const manifest = await readBack(ctx, expected, platforms);
    const out = await applyTags(ctx, plan, manifest);
    return done(out, out.map((t) => `${t.tag} ${t.action}`).join(', '));
  });
  return { status: 'published', repository: target.reference, digest: expected.digest, platforms: expected.platforms, tags, plan, retries: stats };
}
