/**
 * The build-input key: one sha256 over everything a publish's build is made
 * from, recorded as an annotation of the index it pushes, so a re-publish
 * can see — before building anything — that the version tag already holds
 * what this build would produce (issue 24: the no-op republish).
 *
 * What goes in: build-connector's version, the rendered Dockerfile and
 * .dockerignore, every file of the context the .dockerignore lets through
 * (path, mode, content digest), the build args, platforms, labels and
 * annotations (git revision, SOURCE_DATE_EPOCH), secrets' ids, the network
 * mode, provenance, and every external FROM image resolved to its digest in
 * its registry (a base tag that moved changes the key).
 *
 * What cannot be known here makes the key absent (the publish builds): a
 * FROM that depends on an unknown ARG, an image whose digest the registry
 * will not tell, a python install from a package index (the index may
 * serve newer versions under the same requirement).
 */
import { createHash } from 'node:crypto';
import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { VERSION } from '../version.js';
import { compileDockerignore } from '../shared/dockerignore.js';
import { buildModel } from '../lint/model.js';
import { registryLocation } from '../lint/base-facts.js';
import { RegistryClient } from '../registry/client.js';
import { storedCredentials } from '../registry/credentials.js';
import { retryPolicy } from '../registry/retry.js';
import { isDigest, sha256Digest } from '../shared/digest.js';
import { splitImageRef } from '../shared/image-ref.js';
import type { BuildPlan } from '../render/types.js';

/** The index annotation holding the key (a publish writes it; nothing else reads it). */
export const INPUTS_ANNOTATION = 'io.airbyte.build-connector.inputs';

export interface KeyRequest {
  plan: BuildPlan;
  /** the build args the build passes (the plan's under the user's) */
  buildArgs: Record<string, string>;
  provenance: string;
  epoch: number;
  /** digest of an image reference (tag), undefined when unknown; default: its registry */
  resolveImage?: (ref: string) => Promise<string | undefined>;
}

export type InputKey = { key: string; images: Record<string, string> } | { key: undefined; why: string };

/** The digest a registry gives for `ref` (pull access, credentials from the docker config only: never the publish login). */
async function registryDigest(ref: string): Promise<string | undefined> {
  const loc = registryLocation(ref);
  if (!loc) return undefined;
  if (isDigest(loc.reference)) return loc.reference;
  const client = new RegistryClient(loc.registry, { credentials: await storedCredentials(loc.registry), retry: retryPolicy(2), timeoutMs: 10_000 });
  return (await client.headManifest(loc.repository, loc.reference))?.digest;
}

/** The external images the Dockerfile's stages start FROM (expanded with the build args). */
function fromImages(plan: BuildPlan, buildArgs: Record<string, string>): string[] | { why: string } {
  const model = buildModel(plan.dockerfile, 'Dockerfile', { buildArgs });
  const out = new Set<string>();
  for (const s of model.stages) {
    if (s.parent) continue;
    if (s.imageUnknown.length > 0) return { why: `FROM ${s.image} depends on ${s.imageUnknown.join(', ')}` };
    if (s.image.toLowerCase() !== 'scratch') out.add(s.image);
  }
  return [...out].sort();
}

/** Every file the build context sends, sorted: "path mode sha256" (a symlink: its target). */
export async function contextFiles(dir: string, dockerignore: string): Promise<string[]> {
  const matcher = compileDockerignore(dockerignore);
  // with a `!` line an excluded directory may still send files: walk it all
  const prune = !matcher.hasNegation;
  const excluded = (rel: string) => matcher.excluded(rel);
  const lines: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const r = rel === '' ? e.name : posix.join(rel, e.name);
      const abs = join(dir, r);
      if (e.isDirectory()) {
        if (!(prune && excluded(r))) await walk(r);
        continue;
      }
      if (excluded(r)) continue;
      const st = await lstat(abs);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) lines.push(`${r} link ${await readlink(abs)}`);
      else if (st.isFile()) lines.push(`${r} ${mode} ${createHash('sha256').update(await readFile(abs)).digest('hex')}`);
      else lines.push(`${r} special ${mode}`);
    }
  };
  await walk('');
  return lines.sort();
}

/** The key of a publish's build inputs, or why there is none. */
export async function inputKey(req: KeyRequest): Promise<InputKey> {
  const { plan } = req;
  if (plan.pythonInstall && !plan.pythonInstall.offline) return { key: undefined, why: 'python packages come from an index at build time' };
  const froms = fromImages(plan, req.buildArgs);
  if (!Array.isArray(froms)) return { key: undefined, why: froms.why };
  const resolve = req.resolveImage ?? registryDigest;
  const images: Record<string, string> = {};
  for (const ref of froms) {
    const given = splitImageRef(ref).digest;
    const pinned = given !== undefined && isDigest(given) ? given : undefined;
    const digest = pinned ?? (await resolve(ref).catch(() => undefined));
    if (!digest) return { key: undefined, why: `the digest of ${ref} is unknown` };
    images[ref] = digest;
  }
  const files = await contextFiles(plan.context, plan.dockerignore);
  const doc = {
    v: 1,
    tool: VERSION,
    mode: plan.mode,
    dockerfile: plan.dockerfile,
    dockerignore: plan.dockerignore,
    files,
    buildArgs: Object.entries(req.buildArgs).sort(([a], [b]) => (a < b ? -1 : 1)),
    platforms: [...plan.platforms],
    labels: Object.entries(plan.labels).sort(([a], [b]) => (a < b ? -1 : 1)),
    annotations: [...(plan.annotations ?? [])].sort(),
    secrets: (plan.buildSecrets ?? []).map((s) => s.id).sort(),
    network: plan.buildNetwork ?? 'default',
    provenance: req.provenance,
    epoch: req.epoch,
    images,
  };
  return { key: sha256Digest(JSON.stringify(doc)), images };
}
