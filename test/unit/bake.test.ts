import { describe, expect, it } from 'vitest';
import { bakeArgs, bakeTarget, targetName } from '../../src/core/flows/bake-file.js';
import { verifyBound } from '../../src/core/flows/bake-verify.js';
import { parseFields } from '../../src/core/request-fields.js';
import type { BuildPlan } from '../../src/render/types.js';
import type { Connector } from '../../src/connector/types.js';

const plan = (over: Partial<BuildPlan> = {}): BuildPlan => ({
  connector: { dir: '/r/source-a', dirName: 'source-a', repository: 'airbyte/source-a', version: '1.2.3' } as Connector,
  mode: 'rendered',
  dockerfile: 'FROM x\n',
  dockerfilePath: undefined,
  dockerignore: 'secrets\n',
  context: '/r/source-a',
  baseImage: 'x',
  entrypoint: ['/bin/a'],
  labels: { 'io.airbyte.name': 'airbyte/source-a' },
  platforms: ['linux/amd64', 'linux/arm64'],
  permittedWriteDirs: ['/airbyte'],
  ...over,
});

describe('bake file', () => {
  it('one target per plan: context, Dockerfile, platforms, the local tags build uses, labels, SOURCE_DATE_EPOCH, provenance', () => {
    expect(bakeTarget(plan(), '/w/source-a/Dockerfile', { epoch: 1700000000, provenance: 'min' })).toEqual({
      context: '/r/source-a',
      dockerfile: '/w/source-a/Dockerfile',
      platforms: ['linux/amd64', 'linux/arm64'],
      tags: ['airbyte/source-a:1.2.3', 'airbyte/source-a:dev'],
      labels: { 'io.airbyte.name': 'airbyte/source-a' },
      args: { SOURCE_DATE_EPOCH: '1700000000' },
      attest: ['type=provenance,mode=min'],
    });
  });
  it("custom-mode build args pass through; the plan's platforms (--platform decided them) and provenance=false", () => {
    const t = bakeTarget(plan({ buildArgs: { BASE_IMAGE: 'b@sha256:1' }, platforms: ['linux/amd64'] }), 'D', { epoch: 0, provenance: false });
    expect(t.args).toEqual({ BASE_IMAGE: 'b@sha256:1', SOURCE_DATE_EPOCH: '0' });
    expect(t.platforms).toEqual(['linux/amd64']);
    expect(t.attest).toBeUndefined();
  });
  it('a python install from a package index: the same secrets (by env name, never the value) and host network as build', () => {
    const t = bakeTarget(plan({ buildSecrets: [{ id: 'pip_index_url', env: 'PIP_INDEX_URL' }], buildNetwork: 'host' }), 'D', { epoch: 0, provenance: 'min' });
    expect(t.secret).toEqual(['id=pip_index_url,env=PIP_INDEX_URL']);
    expect(t.network).toBe('host');
    const plain = bakeTarget(plan({ buildSecrets: [], buildNetwork: 'default' }), 'D', { epoch: 0, provenance: 'min' });
    expect(plain.secret).toBeUndefined();
    expect(plain.network).toBeUndefined();
  });
  it('target names are bake-safe and unique', () => {
    const taken = new Set(['source-a']);
    expect(targetName('source-a', taken)).toBe('source-a_2');
    expect(targetName('source.b c', new Set())).toBe('source_b_c');
  });
  it('--base-image: REF for all, LANGUAGE=REF per language, two bare REFs refused', () => {
    const baseImages = (v: string[] | undefined) => parseFields({ baseImages: v }).baseImages;
    expect(baseImages(['r@sha256:1', 'java=j@sha256:2'])).toEqual({ all: 'r@sha256:1', byLanguage: { java: 'j@sha256:2' } });
    expect(baseImages(undefined)).toBeUndefined();
    expect(() => baseImages(['a', 'b'])).toThrow('--base-image: "b": a base for every connector was already given (a); use LANGUAGE=REF');
  });
});

describe('bake argv', () => {
  const cases: [string, Parameters<typeof bakeArgs>[3], string[]][] = [
    ['1: defaults', {}, ['buildx', 'bake', '-f', 'b.json', '--metadata-file', 'm.json', '--load', '--progress', 'plain', 't1', 't2']],
    ['2: remote builder, no cache', { builder: 'remote-bk', noCache: true }, ['buildx', 'bake', '--builder', 'remote-bk', '-f', 'b.json', '--metadata-file', 'm.json', '--load', '--progress', 'plain', '--no-cache', 't1', 't2']],
  ];
  it.each(cases)('%s', (_n, o, want) => {
    expect(bakeArgs('b.json', 'm.json', ['t1', 't2'], o)).toEqual(want);
  });
});

describe('verify concurrency bound', () => {
  const GB = 2 ** 30;
  it.each([
    // [cores, free bytes, platforms, connectors, expected]
    [2, 16 * GB, 2, 40, 4], // cores bound: 2 × 2
    [8, 2 * GB, 2, 40, 4], // memory bound: 2 GB / (256 MB × 2)
    [8, 2 * GB, 1, 40, 8], // one platform: half the memory per connector
    [2, 16 * GB, 2, 3, 3], // never more than there are connectors
    [2, 100 * 2 ** 20, 2, 40, 1], // too little memory for one: still 1
  ])('%i cores, %d bytes free, %i platforms, %i connectors → %i', (cores, freeBytes, platforms, connectors, expected) => {
    expect(verifyBound({ platforms, connectors, machine: { cores, freeBytes } }).value).toBe(expected);
  });
  it('a given number replaces the machine bound, capped by the connectors', () => {
    expect(verifyBound({ platforms: 2, connectors: 40, given: 7, machine: { cores: 1, freeBytes: GB } })).toEqual({ value: 7, why: '7 as asked' });
    expect(verifyBound({ platforms: 2, connectors: 3, given: 7 }).value).toBe(3);
  });
  it('a given number that is not a whole number ≥ 1 is bad input', () => {
    expect(() => verifyBound({ platforms: 2, connectors: 3, given: 0 })).toThrow(/whole number ≥ 1, got 0/);
    expect(() => verifyBound({ platforms: 2, connectors: 3, given: 1.5 })).toThrow(/got 1.5/);
  });
});
