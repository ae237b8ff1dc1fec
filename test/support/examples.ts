/**
 * Base images for the bundled examples, built from the local root images
 * (inject('roots')) and pushed to the loopback registry. Content-addressed
 * tags make every later call (any test file, any helper) a registry lookup.
 *
 *   const bases = await ensureExampleBases(inject('roots'));
 *   bases.python  // localhost:5000/test-bases/build-connector/base-python@sha256:…
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildBase } from '../../src/render/base-image.js';
import { docker } from '../../src/docker/cli.js';
import { imagetoolsDigest } from '../../src/docker/imagetools.js';
import { REGISTRY } from './engine.js';
import { repoRoot } from './cli.js';

export interface ExampleBases {
  python: string;
  java: string | undefined;
  'manifest-only': string;
}

export const EXAMPLES_DIR = join(repoRoot, 'examples');
/** every bundled example and its language ("custom" for the hand-written Dockerfile) */
export const EXAMPLES = [
  { name: 'source-hello', language: 'python' },
  { name: 'destination-echo', language: 'python' },
  { name: 'source-manifest-hello', language: 'manifest-only' },
  { name: 'source-java-hello', language: 'java' },
  { name: 'source-custom', language: 'custom' },
] as const;

const NAMESPACE = `${REGISTRY}/test-bases`;
const PLATFORMS = ['linux/amd64', 'linux/arm64'];

/** The stand-in for source-declarative-manifest (test/fixtures/declarative-runner) FROM the python root. */
export async function ensureDeclarativeRunner(pythonRoot: string): Promise<string> {
  const dir = join(repoRoot, 'test', 'fixtures', 'declarative-runner');
  const hash = createHash('sha256')
    .update(pythonRoot)
    .update(await readFile(join(dir, 'Dockerfile')))
    .update(await readFile(join(dir, 'main.py')))
    .digest('hex')
    .slice(0, 16);
  const repo = `${NAMESPACE}/declarative-runner`;
  const tag = `${repo}:${hash}`;
  const existing = await imagetoolsDigest(tag);
  if (existing) return `${repo}@${existing}`;
  await docker(['buildx', 'build', '--platform', PLATFORMS.join(','), '--provenance=false', '--build-arg', `ROOT=${pythonRoot}`, '--push', '-t', tag, dir], {
    step: 'build the declarative runner stand-in',
    timeoutMs: 20 * 60_000,
  });
  const digest = await imagetoolsDigest(tag);
  if (!digest) throw new Error(`pushed ${tag} but the registry does not show it`);
  return `${repo}@${digest}`;
}

let cached: Promise<ExampleBases> | undefined;

export function ensureExampleBases(roots: Record<string, string>): Promise<ExampleBases> {
  cached ??= (async () => {
    const pythonRoot = roots.python;
    if (!pythonRoot) throw new Error('no python root image (global setup could not build it)');
    const python = await buildBase({ name: 'python', rootImage: pythonRoot, registry: NAMESPACE, push: true, platforms: PLATFORMS });
    const runner = await ensureDeclarativeRunner(pythonRoot);
    const manifest = await buildBase({ name: 'manifest-only', rootImage: runner, registry: NAMESPACE, push: true, platforms: PLATFORMS });
    const java = roots.java
      ? await buildBase({ name: 'java', rootImage: roots.java, registry: NAMESPACE, push: true, platforms: PLATFORMS })
      : undefined;
    return { python: python.ref, java: java?.ref, 'manifest-only': manifest.ref };
  })();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
