/**
 * Base images: render base-images/<name>/Dockerfile.hbs for a root image and
 * build it for every platform with `docker buildx`. The image is tagged by a
 * hash of its rendered Dockerfile (which holds the root's digest), so a base
 * already in the registry is reused, never rebuilt.
 *
 * Also: the facts a template relies on about a base it is rendered FROM
 * (entrypoint, user), read from the base's own image config — the local
 * engine first, then its registry — with base.yaml as the fallback.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { docker, parseJson } from '../docker/cli.js';
import { imagetoolsDigest } from '../docker/imagetools.js';
import { BcError } from '../errors.js';
import { checkImageFlag, parseImageRef } from '../shared/image-ref.js';
import { WRITE_DIRS_LABEL, baseDockerfileTemplate, loadBaseDefinition, type BaseDefinition } from './base-def.js';
import { createEnv, findTemplate, renderTemplate } from './template.js';
import { DEFAULT_PLATFORMS } from '../shared/platforms.js';
import { DigestSchema } from '../shared/digest.js';

export interface RenderedBase {
  definition: BaseDefinition;
  root: string;
  dockerfile: string;
  labels: Record<string, string>;
}

export async function renderBase(name: string, rootImage?: string): Promise<RenderedBase> {
  const def = await loadBaseDefinition(name);
  const root = rootImage === undefined ? def.root.image : checkImageFlag(rootImage, '--root-image');
  const labels: Record<string, string> = {
    [WRITE_DIRS_LABEL]: def.permittedWriteDirs.join(','),
    'org.opencontainers.image.title': `build-connector base ${def.name}`,
    'org.opencontainers.image.description': def.description,
    'org.opencontainers.image.base.name': root,
  };
  const digest = parseImageRef(root)?.digest;
  if (digest) labels['org.opencontainers.image.base.digest'] = digest;
  // the shared partials (ensure-user) live with the connector templates
  const partials = (await findTemplate('python'))?.partials ?? {};
  const tpl = await baseDockerfileTemplate(def.name);
  const dockerfile = renderTemplate(
    createEnv(partials),
    tpl.text,
    {
      name: def.name,
      root,
      user: def.user,
      writeDirs: def.permittedWriteDirs,
      ownedDirs: def.permittedWriteDirs.filter((d) => d !== '/tmp'),
      createDirs: ['/airbyte'],
      labels: Object.entries(labels).map(([key, value]) => ({ key, value })),
    },
    `base-images/${def.name}/Dockerfile.hbs`,
  );
  return { definition: def, root, dockerfile, labels };
}

export interface BaseBuildOptions {
  name: string;
  rootImage: string;
  /** registry host[:port] (and optional path) to tag under; default a local name */
  registry?: string;
  push?: boolean;
  platforms?: string[];
  /** the base already rendered (renderBase(name, rootImage)); rendered here when not given */
  rendered?: RenderedBase;
}

export interface BaseBuildResult {
  name: string;
  tag: string;
  /** repository@sha256:… */
  ref: string;
  digest: string;
  built: boolean;
  pushed: boolean;
  platforms: string[];
}

const MetadataSchema = z.object({ 'containerimage.digest': DigestSchema }).loose();

export function baseTag(name: string, dockerfile: string, platforms: string[], registry?: string): string {
  const key = createHash('sha256').update(`${platforms.join(',')}\n${dockerfile}`).digest('hex').slice(0, 16);
  const prefix = registry ? `${registry.replace(/\/+$/, '')}/` : '';
  return `${prefix}build-connector/base-${name}:${key}`;
}

export async function buildBase(opts: BaseBuildOptions): Promise<BaseBuildResult> {
  const rendered = opts.rendered ?? (await renderBase(opts.name, opts.rootImage));
  const platforms = opts.platforms ?? [...DEFAULT_PLATFORMS];
  const tag = baseTag(rendered.definition.name, rendered.dockerfile, platforms, opts.registry);
  const parsedTag = parseImageRef(tag);
  if (parsedTag === undefined) throw new BcError('badInput', `--registry ${JSON.stringify(opts.registry)}: not a valid registry (host[:port][/path])`);
  const repo = parsedTag.repository;
  if (opts.push) {
    const existing = await imagetoolsDigest(tag);
    if (existing) return { name: opts.name, tag, ref: `${repo}@${existing}`, digest: existing, built: false, pushed: true, platforms };
  }
  const ctx = await mkdtemp(join(tmpdir(), 'bc-base-'));
  try {
    await writeFile(join(ctx, 'Dockerfile'), rendered.dockerfile);
    const meta = join(ctx, 'metadata.json');
    await docker(
      ['buildx', 'build', '--platform', platforms.join(','), '--provenance=false', '--metadata-file', meta, '-t', tag, opts.push ? '--push' : '--load', ctx],
      { step: `build base ${opts.name}`, timeoutMs: 30 * 60_000 },
    );
    const { 'containerimage.digest': digest } = parseJson(MetadataSchema, await readFile(meta, 'utf8'), 'buildx metadata file');
    return { name: opts.name, tag, ref: `${repo}@${digest}`, digest, built: true, pushed: opts.push === true, platforms };
  } finally {
    await rm(ctx, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------ base facts

const ImageConfigSchema = z
  .object({
    User: z.string().optional(),
    Entrypoint: z.array(z.string()).nullable().optional(),
    Env: z.array(z.string()).nullable().optional(),
    WorkingDir: z.string().optional(),
  })
  .loose();
type ImageConfig = z.infer<typeof ImageConfigSchema>;
const PlatformImagesSchema = z.union([
  z.object({ config: ImageConfigSchema.optional() }).loose(),
  z.record(z.string(), z.object({ config: ImageConfigSchema.optional() }).loose()),
]);

/** What the render used about its base, and where it came from. */
interface BaseFacts {
  source: 'engine' | 'registry';
  /** the base's ENTRYPOINT (exec form), else its AIRBYTE_ENTRYPOINT split on spaces, else null */
  entrypoint: string[] | null;
  /** the base's USER ("" = root), null when unknown */
  user: string | null;
}

/** The config of `ref` for `platform`: the local engine's image, else the registry's; undefined when neither answers. */
async function readBaseConfig(ref: string, platform = 'linux/amd64'): Promise<{ source: 'engine' | 'registry'; config: ImageConfig } | undefined> {
  const local = await docker(['image', 'inspect', '--format', '{{json .Config}}', ref], { allowFailure: true, timeoutMs: 5_000 }).catch(() => undefined);
  if (local?.exitCode === 0) {
    const parsed = ImageConfigSchema.safeParse(JSON.parse(local.stdout.trim() || 'null'));
    if (parsed.success) return { source: 'engine', config: parsed.data };
  }
  const remote = await docker(['buildx', 'imagetools', 'inspect', '--format', '{{json .Image}}', ref], { allowFailure: true, timeoutMs: 5_000 }).catch(() => undefined);
  if (remote?.exitCode !== 0 || !remote.stdout.trim()) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(remote.stdout);
  } catch {
    return undefined;
  }
  const images = PlatformImagesSchema.safeParse(json);
  if (!images.success) return undefined;
  const v = images.data;
  // an index gives one image per platform; a single manifest gives the image itself
  const one = 'config' in v && !(platform in v) ? v : (v as Record<string, { config?: ImageConfig }>)[platform];
  const config = (one as { config?: ImageConfig } | undefined)?.config;
  return config ? { source: 'registry', config } : undefined;
}

/** The entrypoint a base's config declares (exec ENTRYPOINT, else AIRBYTE_ENTRYPOINT). */
export function configEntrypoint(config: ImageConfig): string[] | null {
  if (config.Entrypoint && config.Entrypoint.length > 0) return config.Entrypoint;
  const env = (config.Env ?? []).find((e) => e.startsWith('AIRBYTE_ENTRYPOINT='))?.slice('AIRBYTE_ENTRYPOINT='.length).trim();
  return env ? env.split(/\s+/) : null;
}

const factsCache = new Map<string, Promise<BaseFacts | undefined>>();

/** Facts about `ref` from its image config, cached per reference; undefined when it cannot be resolved. */
export function baseFacts(ref: string, platform?: string): Promise<BaseFacts | undefined> {
  const key = `${ref}|${platform ?? ''}`;
  let p = factsCache.get(key);
  if (!p) {
    p = readBaseConfig(ref, platform).then((r) => (r ? { source: r.source, entrypoint: configEntrypoint(r.config), user: r.config.User ?? '' } : undefined));
    factsCache.set(key, p);
  }
  return p;
}
