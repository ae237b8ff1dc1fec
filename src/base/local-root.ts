/**
 * Root images made from local root filesystem tarballs (mmdebstrap output),
 * for machines that cannot pull from the internet (CI here, air-gapped
 * users). The image is `FROM scratch` + `ADD rootfs-${TARGETARCH}.tar /`,
 * built for every platform at once and pushed to a (loopback) registry.
 * It stands where, for real use, an upstream image pinned by digest stands.
 */
import { createHash } from 'node:crypto';
import { link, mkdtemp, readlink, rm, stat, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, dirname, resolve } from 'node:path';
import { docker } from '../docker/cli.js';
import { badInput, envMissing } from '../errors.js';
import { imagetoolsDigest } from '../docker/imagetools.js';
import { archOf, DEFAULT_PLATFORMS } from '../shared/platforms.js';

const DEFAULT_CACHE = process.env.BUILD_CONNECTOR_CACHE ?? '/var/cache/build-connector';

export interface LocalRootOptions {
  name: string;
  /** directory holding NAME-amd64.tar and NAME-arm64.tar (default: CACHE/rootfs) */
  rootfsDir?: string;
  registry: string;
  platforms?: string[];
}

export interface LocalRoot {
  /** repository:key */
  tag: string;
  /** repository@sha256:... — what templates take as their root image */
  ref: string;
  digest: string;
  built: boolean;
}


async function resolveTar(dir: string, name: string, arch: string): Promise<string> {
  const p = join(dir, `${name}-${arch}.tar`);
  try {
    await stat(p);
  } catch {
    throw envMissing(`root filesystem ${p} is missing`, ['fix: run scripts/setup-engine.sh (it builds the root filesystems with mmdebstrap)']);
  }
  try {
    return resolve(dirname(p), await readlink(p));
  } catch {
    return p;
  }
}

export async function ensureLocalRoot(opts: LocalRootOptions): Promise<LocalRoot> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(opts.name)) throw badInput(`invalid root name "${opts.name}"`);
  const dir = opts.rootfsDir ?? join(DEFAULT_CACHE, 'rootfs');
  const platforms = opts.platforms ?? [...DEFAULT_PLATFORMS];
  const tars = await Promise.all(platforms.map(async (p) => ({ arch: archOf(p), path: await resolveTar(dir, opts.name, archOf(p)) })));
  // The tar names carry a hash of their inputs (setup-engine.sh); key the image on them.
  const key = createHash('sha256')
    .update(tars.map((t) => `${t.arch}=${basename(t.path)}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const repo = `${opts.registry}/build-connector/root-${opts.name}`;
  const tag = `${repo}:${key}`;
  const existing = await imagetoolsDigest(tag);
  if (existing) return { tag, ref: `${repo}@${existing}`, digest: existing, built: false };

  const ctx = await mkdtemp(join(tmpdir(), 'bc-root-'));
  try {
    for (const t of tars) {
      const dest = join(ctx, `rootfs-${t.arch}.tar`);
      await link(t.path, dest).catch(() => copyFile(t.path, dest));
    }
    await writeFile(join(ctx, 'Dockerfile'), 'FROM scratch\nARG TARGETARCH\nADD rootfs-${TARGETARCH}.tar /\nCMD ["/bin/sh"]\n');
    await docker(['buildx', 'build', '--platform', platforms.join(','), '--provenance=false', '--push', '-t', tag, ctx], {
      step: `build root image ${opts.name}`,
      timeoutMs: 20 * 60_000,
    });
  } finally {
    await rm(ctx, { recursive: true, force: true });
  }
  const digest = await imagetoolsDigest(tag);
  if (!digest) throw envMissing(`pushed ${tag} but the registry does not show it`);
  return { tag, ref: `${repo}@${digest}`, digest, built: true };
}
