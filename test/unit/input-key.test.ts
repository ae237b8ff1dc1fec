/**
 * The build-input key (src/publish/input-key.ts): what changes it and what
 * does not. The integration tests (publish-noop) prove the publish acts on it.
 */
import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFiles, inputKey, type KeyRequest } from '../../src/publish/input-key.js';
import type { BuildPlan } from '../../src/render/types.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bc-input-key-'));
  await cp(join(__dirname, '../fixtures/publish-source'), dir, { recursive: true });
  await mkdir(join(dir, 'secrets'));
  await writeFile(join(dir, 'secrets/config.json'), '{"token":"x"}');
  await mkdir(join(dir, 'docs'));
  await writeFile(join(dir, 'docs/notes.md'), 'ignored');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function plan(over: Partial<BuildPlan> = {}): BuildPlan {
  return {
    connector: {} as BuildPlan['connector'],
    mode: 'custom',
    dockerfile: 'ARG BASE=127.0.0.1:5000/base:1\nFROM ${BASE} AS b\nFROM b\nCOPY main.py /airbyte/\n',
    dockerfilePath: undefined,
    dockerignore: 'secrets\ndocs\n',
    context: dir,
    baseImage: '127.0.0.1:5000/base:1',
    entrypoint: ['python', '/airbyte/main.py'],
    labels: { 'org.opencontainers.image.revision': 'abc' },
    annotations: [],
    platforms: ['linux/amd64', 'linux/arm64'],
    permittedWriteDirs: [],
    ...over,
  };
}

const bases: Record<string, string> = { '127.0.0.1:5000/base:1': D1, '127.0.0.1:5000/base:2': D1 };
const req = (over: Partial<KeyRequest> = {}): KeyRequest => ({ plan: plan(), buildArgs: {}, provenance: 'min', epoch: 1, resolveImage: async (ref) => bases[ref], ...over });
const keyOf = async (over: Partial<KeyRequest> = {}) => {
  const k = await inputKey(req(over));
  if (k.key === undefined) throw new Error(`no key: ${k.why}`);
  return k.key;
};

describe('input key', () => {
  it('1. the context sent is what .dockerignore lets through, with modes and digests', async () => {
    const files = await contextFiles(dir, 'secrets\ndocs\n');
    expect(files.map((l) => l.split(' ')[0])).toEqual(['main.py', 'metadata.yaml']);
    expect(files[0]).toMatch(/^main\.py [0-7]+ [0-9a-f]{64}$/);
    // a `!` line re-includes below an excluded directory
    expect((await contextFiles(dir, 'docs\n!docs/notes.md\nsecrets\n')).map((l) => l.split(' ')[0])).toContain('docs/notes.md');
  });

  it('2. same inputs, same key; the FROM is resolved to its digest (a tag moved → another key)', async () => {
    const a = await keyOf();
    expect(await keyOf()).toBe(a);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    const moved = await keyOf({ resolveImage: async () => D2 });
    expect(moved).not.toBe(a);
    const k = await inputKey(req());
    expect(k.key !== undefined && k.images).toEqual({ '127.0.0.1:5000/base:1': D1 });
  });

  it('3. a changed file, mode, build arg, platform, label, provenance or epoch changes the key; an ignored file does not', async () => {
    const a = await keyOf();
    await writeFile(join(dir, 'docs/notes.md'), 'still ignored');
    await writeFile(join(dir, 'secrets/config.json'), '{"token":"y"}');
    expect(await keyOf()).toBe(a);
    const keys = [
      await keyOf({ buildArgs: { X: '1' } }),
      await keyOf({ plan: plan({ platforms: ['linux/amd64'] }) }),
      await keyOf({ plan: plan({ labels: { 'org.opencontainers.image.revision': 'def' } }) }),
      await keyOf({ provenance: 'max' }),
      await keyOf({ epoch: 2 }),
      // the ARG the FROM uses: another base reference (same digest, but another Dockerfile input)
      await keyOf({ buildArgs: { BASE: '127.0.0.1:5000/base:2' } }),
    ];
    for (const k of keys) expect(k).not.toBe(a);
    expect(new Set(keys).size).toBe(keys.length);
    await writeFile(join(dir, 'main.py'), '# changed\n', { flag: 'a' });
    const changed = await keyOf();
    expect(changed).not.toBe(a);
    await chmod(join(dir, 'main.py'), 0o755);
    expect(await keyOf()).not.toBe(changed);
  });

  it('4. no key when the inputs cannot be known: unknown base digest, ARG-dependent FROM, python from an index', async () => {
    expect(await inputKey(req({ resolveImage: async () => undefined }))).toEqual({ key: undefined, why: 'the digest of 127.0.0.1:5000/base:1 is unknown' });
    const byArch = await inputKey(req({ plan: plan({ dockerfile: 'FROM base-${TARGETARCH}\n' }) }));
    expect(byArch.key).toBeUndefined();
    const index = await inputKey(req({ plan: plan({ pythonInstall: { offline: false, why: 'deps', dependencies: ['x'], buildBackend: null, index: 'pypi' } }) }));
    expect(index).toEqual({ key: undefined, why: 'python packages come from an index at build time' });
  });
});
