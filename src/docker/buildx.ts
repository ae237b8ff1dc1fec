/**
 * `docker buildx build`: a pure argv builder (BuildRequest → string[]), the
 * runner, and the metadata file parser. The digest of a build always comes
 * from `--metadata-file` (validated with zod), never from scraped output.
 * What the current builder can do is decided in buildx-capabilities.ts.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { docker } from './cli.js';
import { BcError } from '../errors.js';
import { lastLines } from '../exec.js';
import { DigestSchema } from '../shared/digest.js';
import type { Provenance } from '../shared/modes.js';



type Progress = 'plain' | 'tty' | 'quiet' | 'auto';

type BuildOutput =
  /** into the engine's image store (`--load`) */
  | { type: 'load' }
  /** an OCI image layout tarball */
  | { type: 'oci'; dest: string; rewriteTimestamp?: boolean; /** false: a layout directory at dest */ tar?: boolean }
  /** straight to a registry; `names` are repositories (push-by-digest) or full tags */
  | { type: 'push'; names: string[]; pushByDigest?: boolean; rewriteTimestamp?: boolean; insecure?: boolean }
  /** build only, result stays in the build cache */
  | { type: 'cacheonly' };

export interface BuildRequest {
  context: string;
  /** -f; default: buildx's own (CONTEXT/Dockerfile) */
  dockerfile?: string;
  /** default linux/amd64,linux/arm64 */
  /** decided once, by the plan (render/plan.ts resolvePlan) */
  platforms: readonly string[];
  /** -t (for load / oci: the image names the result gets) */
  tags?: readonly string[];
  labels?: Readonly<Record<string, string>>;
  /** `index:KEY=VALUE` / `manifest:KEY=VALUE`: passed for OCI and image outputs only (a load keeps no index) */
  annotations?: readonly string[];
  buildArgs?: Readonly<Record<string, string>>;
  metadataFile: string;
  provenance: Provenance;
  cacheFrom?: readonly string[];
  cacheTo?: readonly string[];
  /** default plain */
  progress?: Progress;
  output: BuildOutput;
  builder?: string;
  noCache?: boolean;
  /** --network: 'host' lets RUN steps reach this machine's loopback (a package index on 127.0.0.1) */
  network?: 'host' | 'default';
  /** --secret id=ID,env=ENV: BuildKit secrets read by buildx from its environment (never in argv) */
  secrets?: readonly { id: string; env: string }[];
}

/**
 * One `--output` value. buildx reads it as a CSV record, so a field holding a
 * comma or a quote (a path, several names) is quoted the CSV way.
 */
export function outputSpec(fields: readonly (readonly [string, string])[]): string {
  return fields
    .map(([k, v]) => {
      const f = `${k}=${v}`;
      return /[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
    })
    .join(',');
}

function outputArgs(o: BuildOutput): string[] {
  switch (o.type) {
    case 'load':
      return ['--load'];
    case 'cacheonly':
      return ['--output', 'type=cacheonly'];
    case 'oci': {
      const f: [string, string][] = [
        ['type', 'oci'],
        ['dest', o.dest],
      ];
      if (o.tar === false) f.push(['tar', 'false']);
      if (o.rewriteTimestamp) f.push(['rewrite-timestamp', 'true']);
      return ['--output', outputSpec(f)];
    }
    case 'push': {
      if (o.names.length === 0) throw new BcError('badInput', 'push output needs at least one image name');
      const f: [string, string][] = [
        ['type', 'image'],
        ['name', o.names.join(',')],
        ['push', 'true'],
      ];
      if (o.pushByDigest) f.push(['push-by-digest', 'true']);
      if (o.rewriteTimestamp) f.push(['rewrite-timestamp', 'true']);
      if (o.insecure) f.push(['registry.insecure', 'true']);
      return ['--output', outputSpec(f)];
    }
  }
}

const sortedEntries = (r: Readonly<Record<string, string>> | undefined) =>
  Object.entries(r ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The exact argv after `docker` for a build request (pure; tested as a table). */
export function buildxArgs(req: BuildRequest): string[] {
  const args = ['buildx', 'build'];
  if (req.builder) args.push('--builder', req.builder);
  args.push('--progress', req.progress ?? 'plain');
  if (req.platforms.length === 0) throw new BcError('failed', 'internal error: a build request without platforms', { step: 'build' });
  args.push('--platform', req.platforms.join(','));
  if (req.dockerfile) args.push('-f', req.dockerfile);
  args.push('--metadata-file', req.metadataFile);
  args.push(`--provenance=${req.provenance === false ? 'false' : `mode=${req.provenance}`}`);
  for (const [k, v] of sortedEntries(req.labels)) args.push('--label', `${k}=${v}`);
  if (req.output.type === 'oci' || req.output.type === 'push') for (const a of req.annotations ?? []) args.push('--annotation', a);
  for (const t of req.tags ?? []) args.push('-t', t);
  for (const [k, v] of sortedEntries(req.buildArgs)) args.push('--build-arg', `${k}=${v}`);
  for (const c of req.cacheFrom ?? []) args.push('--cache-from', c);
  for (const c of req.cacheTo ?? []) args.push('--cache-to', c);
  if (req.noCache) args.push('--no-cache');
  if (req.network === 'host') args.push('--network', 'host');
  for (const x of req.secrets ?? []) args.push('--secret', `id=${x.id},env=${x.env}`);
  args.push(...outputArgs(req.output));
  args.push(req.context);
  return args;
}

// ---------------------------------------------------------------- metadata


const BuildMetadataSchema = z
  .object({
    'containerimage.digest': DigestSchema.optional(),
    'containerimage.config.digest': DigestSchema.optional(),
    'containerimage.descriptor': z
      .object({
        mediaType: z.string(),
        digest: DigestSchema,
        size: z.number(),
        annotations: z.record(z.string(), z.string()).optional(),
      })
      .loose()
      .optional(),
    'image.name': z.string().optional(),
    'buildx.build.ref': z.string().optional(),
  })
  .loose();
type BuildMetadata = z.infer<typeof BuildMetadataSchema>;

interface ParsedMetadata {
  /** index digest (multi-platform) or manifest digest (single platform) */
  digest: string | undefined;
  mediaType: string | undefined;
  imageNames: string[];
  buildRef: string | undefined;
  raw: BuildMetadata;
}

/** Parse the metadata file text; `expectDigest` makes a missing digest an error. */
export function parseBuildMetadata(text: string, opts: { expectDigest: boolean; file?: string }): ParsedMetadata {
  const where = opts.file ?? 'buildx metadata file';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BcError('failed', `${where}: not JSON`, { step: 'build', details: [text.slice(0, 200)] });
  }
  const parsed = BuildMetadataSchema.safeParse(json);
  if (!parsed.success) {
    throw new BcError('failed', `${where}: unexpected shape`, {
      step: 'build',
      details: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    });
  }
  const m = parsed.data;
  const digest = m['containerimage.digest'] ?? m['containerimage.descriptor']?.digest;
  if (m['containerimage.digest'] && m['containerimage.descriptor'] && m['containerimage.digest'] !== m['containerimage.descriptor'].digest) {
    throw new BcError('failed', `${where}: containerimage.digest and containerimage.descriptor disagree`, { step: 'build' });
  }
  if (opts.expectDigest && !digest) {
    throw new BcError('failed', 'the build finished but buildx reported no image digest', {
      step: 'build',
      details: [`${where} has no containerimage.digest`, 'fix: check that the output mode produces an image (load, oci or push)'],
    });
  }
  return {
    digest,
    mediaType: m['containerimage.descriptor']?.mediaType,
    imageNames: (m['image.name'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    buildRef: m['buildx.build.ref'],
    raw: m,
  };
}

async function readBuildMetadata(file: string, opts: { expectDigest: boolean }): Promise<ParsedMetadata> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    if (!opts.expectDigest) return { digest: undefined, mediaType: undefined, imageNames: [], buildRef: undefined, raw: {} };
    throw new BcError('failed', 'the build finished but buildx wrote no metadata file', { step: 'build', details: [file] });
  }
  return parseBuildMetadata(text, { ...opts, file });
}

// ---------------------------------------------------------------- running

interface RunBuildxOptions {
  env?: Record<string, string | undefined>;
  /** each progress line as it arrives (buildx writes progress on stderr) */
  onLine?: (line: string) => void;
}

interface BuildxRun {
  metadata: ParsedMetadata;
  durationMs: number;
  command: string;
}

/** Run the build; failures become BcErrors naming the failing step with its last lines. */
export async function runBuildx(req: BuildRequest, opts: RunBuildxOptions = {}): Promise<BuildxRun> {
  const lines: string[] = [];
  const keep = (l: string) => {
    lines.push(l);
    if (lines.length > 4000) lines.splice(0, 2000);
    opts.onLine?.(l);
  };
  const res = await docker(buildxArgs(req), {
    env: opts.env,
    allowFailure: true,
    step: 'build',
    onStderrLine: keep,
    onStdoutLine: keep,
  });
  if (res.exitCode !== 0) throw buildFailure(lines, res.exitCode, res.command);
  const metadata = await readBuildMetadata(req.metadataFile, { expectDigest: req.output.type !== 'cacheonly' });
  return { metadata, durationMs: res.durationMs, command: res.command };
}

/**
 * Turn buildx's plain output of a failed build into an error a person can act
 * on: the failing step (from the " > [linux/arm64 3/4] RUN ..." summary), its
 * last output lines, and buildx's final ERROR line.
 */
export function buildFailure(lines: readonly string[], exitCode: number, command: string): BcError {
  const errorLine = [...lines].reverse().find((l) => /^(ERROR|error):/.test(l.trim()))?.trim();
  const stepLine = [...lines].reverse().find((l) => /^\s*> \[.*\]/.test(l));
  const step = stepLine?.trim().replace(/^> /, '').replace(/:$/, '');
  // the step's own output sits between the "------" markers of the summary
  let excerpt: string[] = [];
  const end = lines.lastIndexOf('------');
  const start = end > 0 ? lines.lastIndexOf('------', end - 1) : -1;
  if (start >= 0) excerpt = lines.slice(start + 1, end).filter((l) => !/^\s*> \[/.test(l));
  if (excerpt.length === 0) excerpt = lastLines(lines.join('\n'), 12);
  const text = lines.join('\n');
  const env = environmentProblem(text);
  const message = step ? `build failed at step ${step}` : `docker buildx build exited with code ${exitCode}`;
  return new BcError(env ? 'environment' : 'failed', env ? `${message}: ${env.what}` : message, {
    step: 'build',
    details: [...excerpt.slice(-15).map((l) => `  ${l}`), ...(errorLine ? [errorLine] : []), ...(env ? [`fix: ${env.fix}`] : []), `command: ${command}`],
  });
}

/** Failures that are the machine's fault, not the connector's (exit 3). */
function environmentProblem(text: string): { what: string; fix: string } | undefined {
  if (/exec format error/i.test(text)) {
    return { what: 'the engine cannot run binaries of the target platform', fix: 'enable emulation: update-binfmts --enable qemu-aarch64 (or install qemu-user-static), then build-connector doctor' };
  }
  if (/Multi-platform build is not supported for the docker driver|docker exporter does not currently support exporting manifest lists/i.test(text)) {
    return {
      what: 'this engine cannot hold a multi-platform image',
      fix: 'enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json), or use --output oci=FILE',
    };
  }
  if (/Cannot connect to the Docker daemon|error during connect/i.test(text)) {
    return { what: 'no docker engine answers', fix: 'start dockerd (scripts/setup-engine.sh), then build-connector doctor' };
  }
  return undefined;
}
