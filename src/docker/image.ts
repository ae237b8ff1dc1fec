/**
 * Reading an image per platform without running anything in it.
 *
 * Engine 26 (API 1.45) has no `docker image inspect --platform` (API 1.49),
 * so the per-platform config comes from a container that is created, never
 * started: `docker create --platform P` selects that platform's manifest,
 * `docker inspect` shows its config, and `docker cp CONTAINER:PATH -` streams
 * files as tar (parsed in Node: no shell needed in the image).
 *
 * Images are either in the local store (a multi-platform index in the
 * containerd store) or only in a registry; for a registry reference each
 * platform's manifest is pinned by digest from the index, then pulled.
 */
import { z } from 'zod';
import { DOCKER, docker, parseJson } from './cli.js';
import { run } from '../exec.js';
import { containerArchive, engineJson } from './engine-api.js';
import { BcError } from '../errors.js';
import { containerName, guardContainer, removeContainer, CONTAINER_LABEL } from './container.js';
import type { LayerDirs } from './rw-layer.js';
import { imagetoolsInspect, indexFacts, type RegistryCallOptions } from './imagetools.js';
import { TarReader, type TarEntry, type TarReadOptions } from '../oci/tar.js';
import { splitImageRef } from '../shared/image-ref.js';

export const ImageConfigSchema = z
  .object({
    User: z.string().nullish(),
    Env: z.array(z.string()).nullish(),
    Entrypoint: z.array(z.string()).nullish(),
    Cmd: z.array(z.string()).nullish(),
    WorkingDir: z.string().nullish(),
    Labels: z.record(z.string(), z.string()).nullish(),
  })
  .loose();

const LocalImageSchema = z.object({ Id: z.string(), Config: ImageConfigSchema.nullish() }).loose();

export interface ImageConfig {
  user: string;
  env: Record<string, string>;
  entrypoint: string[];
  workdir: string;
  labels: Record<string, string>;
}

export function normalizeConfig(c: z.infer<typeof ImageConfigSchema> | null | undefined): ImageConfig {
  const env: Record<string, string> = {};
  for (const kv of c?.Env ?? []) {
    const i = kv.indexOf('=');
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return {
    user: c?.User ?? '',
    env,
    entrypoint: c?.Entrypoint ?? [],
    workdir: c?.WorkingDir ?? '',
    labels: c?.Labels ?? {},
  };
}

export type ImageSource =
  | { kind: 'local'; ref: string; id: string; config: ImageConfig }
  | {
      kind: 'registry';
      ref: string;
      digest: string;
      /** platform → pinned single-platform reference (absent: not in the index) */
      platforms: Record<string, string>;
      /** the index listed platforms (false for a single manifest) */
      isIndex: boolean;
    };

export async function inspectLocalImage(ref: string): Promise<{ id: string; config: ImageConfig } | undefined> {
  const res = await docker(['image', 'inspect', '--format', '{{json .}}', ref], { allowFailure: true, timeoutMs: 30_000 });
  if (res.exitCode !== 0) {
    if (/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect/i.test(res.stderr)) {
      throw new BcError('environment', 'the docker engine is not reachable', {
        details: [res.stderr.trim().split('\n').pop() ?? '', 'fix: start the engine (scripts/setup-engine.sh), then run build-connector doctor'],
      });
    }
    return undefined;
  }
  const img = parseJson(LocalImageSchema, res.stdout, `docker image inspect ${ref}`);
  return { id: img.Id, config: normalizeConfig(img.Config) };
}

/** Find the image: the local store first, then its registry (read with `registry`'s credentials, when given). */
export async function resolveImage(ref: string, registry: RegistryCallOptions = {}): Promise<ImageSource> {
  const local = await inspectLocalImage(ref);
  if (local) return { kind: 'local', ref, id: local.id, config: local.config };
  const raw = await imagetoolsInspect(ref, registry);
  if (!raw) {
    throw new BcError('badInput', `image ${ref} is neither in the local image store nor in its registry`, {
      details: ['fix: build it first (build-connector build DIR), or give a reference that exists (docker image ls)'],
    });
  }
  const facts = indexFacts(raw);
  const repo = splitImageRef(ref).name;
  const platforms: Record<string, string> = {};
  for (const m of facts.manifests) platforms[m.platform] ??= `${repo}@${m.digest}`;
  return { kind: 'registry', ref, digest: facts.digest, platforms, isIndex: (raw.manifest.manifests ?? []).length > 0 };
}

export interface Probe {
  name: string;
  config: ImageConfig;
  remove(): Promise<void>;
  /** the container's overlay dirs, when already being found (a run's own container) */
  layers?: Promise<LayerDirs | undefined>;
}

const ContainerInspectSchema = z.object({ Config: ImageConfigSchema }).loose();

/**
 * The config of one platform of a local image, read from a connector run's
 * own container (created, maybe already running): the run set the working
 * directory (-w) and added our label, so those two are taken back; the rest
 * (ENTRYPOINT, ENV, USER, labels) is that platform's config as the image has it.
 */
export async function runContainerConfig(name: string, imageWorkdir: string): Promise<ImageConfig> {
  const api = await engineJson('GET', `/containers/${encodeURIComponent(name)}/json`);
  const viaApi = api?.status === 200 ? ContainerInspectSchema.safeParse(api.body) : undefined;
  const inspected = viaApi?.success
    ? viaApi.data
    : parseJson(ContainerInspectSchema, (await docker(['inspect', '--format', '{{json .}}', name], { timeoutMs: 30_000, step: 'inspect the connector container' })).stdout, 'docker inspect');
  const config = normalizeConfig(inspected.Config);
  const { [CONTAINER_LABEL]: _ours, ...labels } = config.labels;
  return { ...config, workdir: imageWorkdir, labels };
}

export type ProbeResult = { ok: true; probe: Probe } | { ok: false; reason: string };

/**
 * Create (never start) a container of one platform of the image. Failure to
 * create it for a platform means the image has no such platform locally.
 */
export async function createProbe(ref: string, platform: string, pull: 'never' | 'missing', registry: RegistryCallOptions = {}): Promise<ProbeResult> {
  const name = containerName('bc-probe');
  let removed: Promise<unknown> | undefined;
  const remove = async () => {
    removed ??= removeContainer(name);
    await removed;
  };
  const guard = guardContainer(name);
  const creating = docker(['create', '--name', name, '--label', CONTAINER_LABEL, '--pull', pull, '--platform', platform, ref], {
    allowFailure: true,
    timeoutMs: 10 * 60_000,
    // a pull needs the registry's credentials; nothing else of this call does
    ...(pull === 'missing' && registry.env ? { env: registry.env } : {}),
  });
  guard.clientDone(creating);
  const created = await creating;
  if (created.exitCode !== 0) {
    guard.unregister();
    await remove();
    const why = created.stderr.trim().split('\n').pop() ?? `exit ${created.exitCode}`;
    return { ok: false, reason: why.replace(/^Error response from daemon: /, '') };
  }
  const res = await docker(['inspect', '--format', '{{json .}}', name], { timeoutMs: 30_000, step: 'inspect probe container' });
  const c = parseJson(ContainerInspectSchema, res.stdout, 'docker inspect');
  return {
    ok: true,
    probe: {
      name,
      config: normalizeConfig(c.Config),
      remove: async () => {
        await remove();
        guard.unregister();
      },
    },
  };
}

export interface CopiedPath {
  exists: boolean;
  entries: TarEntry[];
  /** the tar went over maxBytes; entries are the ones read so far */
  truncated: boolean;
}

export interface CopyOptions extends TarReadOptions {
  /** stop reading (and say `truncated`) beyond this many bytes of tar */
  maxBytes?: number;
}

/**
 * `docker cp CONTAINER:PATH -` as tar entries (no shell needed in the image),
 * read as the stream arrives: with `keep` and `hashSizes` a large tree is
 * listed and hashed without holding its content.
 */
export async function copyFromContainer(container: string, path: string, opts: CopyOptions = {}): Promise<CopiedPath> {
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const reader = new TarReader(opts);
  let bytes = 0;
  let truncated = false;
  const take = (chunk: Buffer, stop: () => void) => {
    if (truncated) return;
    const room = maxBytes - bytes;
    bytes += chunk.length;
    reader.push(room < chunk.length ? chunk.subarray(0, room) : chunk);
    // A malformed archive: nothing more is read (finish() below says why).
    if (reader.error) {
      truncated = true;
      stop();
    } else if (bytes >= maxBytes && !reader.ended) {
      // Enough read: stop the copy.
      truncated = true;
      stop();
    }
  };
  const api = await containerArchive(container, path);
  if (api?.status === 'missing') return { exists: false, entries: [], truncated: false };
  if (api) {
    const stream = api.stream;
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => take(chunk, () => stream.destroy()));
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', (err) => (truncated ? resolve() : reject(new BcError('failed', `could not read ${path} from the image: ${err.message}`))));
    });
    return { exists: true, entries: finish(reader, path), truncated };
  }
  const res = await run(DOCKER, ['cp', `${container}:${path}`, '-'], { allowFailure: true, timeoutMs: 300_000, onStdoutData: take });
  if (res.exitCode !== 0 && !truncated) {
    if (/Could not find the file|No such container:path|not found|no such file/i.test(res.stderr)) return { exists: false, entries: [], truncated: false };
    throw new BcError('failed', `could not read ${path} from the image`, { details: res.stderr.trim().split('\n').slice(-3) });
  }
  return { exists: true, entries: finish(reader, path), truncated };
}

function finish(reader: TarReader, path: string): TarEntry[] {
  if (reader.error) throw new BcError('failed', `could not read ${path} from the image: ${reader.error.message}`);
  return reader.finish();
}
