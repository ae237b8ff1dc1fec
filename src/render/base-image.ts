/**
 * Base images: render base-images/<name>/Dockerfile.hbs for a root image and
 * build it for every platform with `docker buildx`. The image is tagged by a
 * hash of its rendered Dockerfile (which holds the root's digest), so a base
 * already in the registry is reused, never rebuilt.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { docker, parseJson } from '../docker/cli.js';
import { imagetoolsDigest } from '../docker/imagetools.js';
import { BcError } from '../errors.js';
import { parseImageRef } from '../connector/reference.js';
import { WRITE_DIRS_LABEL, baseDockerfileTemplate, loadBaseDefinition, type BaseDefinition } from './base-def.js';
import { createEnv, findTemplate, renderTemplate } from './template.js';
import { checkImageFlag } from './plan.js';
import { DEFAULT_PLATFORMS } from '../shared/platforms.js';

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

const MetadataSchema = z.object({ 'containerimage.digest': z.string().regex(/^sha256:[a-f0-9]{64}$/) }).loose();

export function baseTag(name: string, dockerfile: string, platforms: string[], registry?: string): string {
  const key = createHash('sha256').update(`${platforms.join(',')}\n${dockerfile}`).digest('hex').slice(0, 16);
  const prefix = registry ? `${registry.replace(/\/+$/, '')}/` : '';
  return `${prefix}build-connector/base-${name}:${key}`;
}

export async function buildBase(opts: BaseBuildOptions): Promise<BaseBuildResult> {
  const rendered = await renderBase(opts.name, opts.rootImage);
  const platforms = opts.platforms ?? [...DEFAULT_PLATFORMS];
  const tag = baseTag(rendered.definition.name, rendered.dockerfile, platforms, opts.registry);
  if (parseImageRef(tag) === undefined) throw new BcError('badInput', `--registry ${JSON.stringify(opts.registry)}: not a valid registry (host[:port][/path])`);
  const repo = tag.slice(0, tag.lastIndexOf(':'));
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
