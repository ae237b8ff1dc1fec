/**
 * Tags valid before anything runs: every tag a plan would write is checked
 * against the OCI tag grammar and the 128-character limit while planning,
 * and a version that cannot be a tag is refused where it is read, naming
 * metadata.yaml:LINE (or the flag).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagProblem, MAX_TAG_LENGTH, normalizeDockerHub, splitDomain, splitImageRef } from '../../src/shared/image-ref.js';
import { tableName } from '../../src/lint/base-table.js';
import { registryLocation } from '../../src/lint/base-facts.js';
import { platformTag } from '../../src/core/strategy.js';
import { loadConnector } from '../../src/connector/metadata.js';
import { checkPlanTags, planTags, type TagPlan } from '../../src/publish/tag-plan.js';
import { resolveTarget } from '../../src/publish/target.js';
import { BcError } from '../../src/errors.js';
import { repoRoot } from '../support/cli.js';

const pre = (n: number) => `1.0.0-${'a'.repeat(n - 6)}`;

describe('tagProblem (OCI tag grammar)', () => {
  it.each([
    ['1.2.3', undefined],
    ['latest', undefined],
    ['_x', undefined],
    ['1.2.3-dev.0123456789', undefined],
    [pre(128), undefined],
    [pre(129), /is 129 characters; an image tag has at most 128/],
    ['.hidden', /not a valid image tag/],
    ['-x', /not a valid image tag/],
    ['1.2.3+build', /not a valid image tag/],
    ['a/b', /not a valid image tag/],
    ['', /not a valid image tag/],
  ])('%s', (tag, want) => {
    const p = tagProblem(tag);
    if (want === undefined) expect(p).toBeUndefined();
    else expect(p).toMatch(want);
  });
  it('the limit is 128', () => expect(MAX_TAG_LENGTH).toBe(128));
});

describe('planTags refuses a tag it would write', () => {
  it('a 129-character pre-release, naming where the version came from', () => {
    expect(() => planTags({ latest: 'auto', repository: 'r/x', version: pre(129), existingTags: [], versionSource: 'metadata.yaml:7:19 data.dockerImageTag' })).toThrow(
      /^metadata\.yaml:7:19 data\.dockerImageTag: .*129 characters/,
    );
  });
  it('128 characters pass', () => {
    expect(planTags({ latest: 'auto', repository: 'r/x', version: pre(128), existingTags: [] }).tags.map((t) => t.tag)).toEqual([pre(128)]);
  });
  it('every tag of the plan is checked, moving tags too (dev fix line when dev)', () => {
    const plan: TagPlan = {
      repository: 'r/x',
      version: '1.0.0',
      kind: 'dev',
      tags: [
        { tag: '1.0.0', reason: 'the version', exists: false },
        { tag: 'bad tag', reason: 'an alias', exists: false },
      ],
      skipped: [],
      existingStable: [],
    };
    const err = (() => {
      try {
        checkPlanTags(plan, 'src');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(BcError);
    expect((err as BcError).exitCode).toBe(2);
    expect((err as BcError).message).toMatch(/^src: tag "bad tag" is not a valid image tag .*\(an alias\)/);
    expect((err as BcError).details.join('\n')).toMatch(/-dev\.<10-char sha>/);
  });
});

describe('versions that cannot be tags are refused where they are read', () => {
  let dir: string;
  let meta: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bc-tag-grammar-'));
    await cp(join(repoRoot, 'examples', 'source-hello'), join(dir, 'c'), { recursive: true });
    meta = await readFile(join(dir, 'c', 'metadata.yaml'), 'utf8');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('data.dockerImageTag of 129 characters: metadata.yaml:LINE (render, tags and publish all load it)', async () => {
    const text = meta.replace(/dockerImageTag: .*/, `dockerImageTag: "${pre(129)}"`);
    await writeFile(join(dir, 'c', 'metadata.yaml'), text);
    const err = await loadConnector(join(dir, 'c')).catch((e: unknown) => e);
    expect((err as BcError).exitCode).toBe(2);
    expect((err as BcError).message).toMatch(new RegExp(`metadata\\.yaml:${lineOf(text, 'dockerImageTag')}:\\d+: data\\.dockerImageTag: the version is the image tag: .*129 characters`));
  });

  it('registryOverrides.cloud.dockerImageTag too long: the line of the override', async () => {
    const text = meta.replace(/^data:\n/m, `data:\n  registryOverrides:\n    cloud:\n      dockerImageTag: "${pre(140)}"\n`);
    await writeFile(join(dir, 'c', 'metadata.yaml'), text);
    const err = await loadConnector(join(dir, 'c')).catch((e: unknown) => e);
    expect((err as BcError).message).toMatch(new RegExp(`metadata\\.yaml:${lineOf(text, 'aaaa')}:\\d+: data\\.registryOverrides\\.cloud\\.dockerImageTag: .*140 characters`));
  });

  it('--release-version is checked by resolveTarget', async () => {
    await writeFile(join(dir, 'c', 'metadata.yaml'), meta);
    const c = await loadConnector(join(dir, 'c'));
    expect(() => resolveTarget(c, { registry: 'localhost:5000', version: pre(200) })).toThrow(/^--release-version: the version is the image tag: .*200 characters/);
    expect(resolveTarget(c, { registry: 'localhost:5000', version: pre(128) }).version).toBe(pre(128));
  });
});

describe('image reference grammar (shared/image-ref): the split every caller uses', () => {
  it('a first component is a registry only with ".", ":" or as localhost', () => {
    expect(splitDomain('localhost/a')).toEqual({ domain: 'localhost', path: 'a' });
    expect(splitDomain('localhost:5000/a/b')).toEqual({ domain: 'localhost:5000', path: 'a/b' });
    expect(splitDomain('ghcr.io/acme/x')).toEqual({ domain: 'ghcr.io', path: 'acme/x' });
    expect(splitDomain('airbyte/source-x')).toEqual({ domain: undefined, path: 'airbyte/source-x' });
    expect(splitDomain('python')).toEqual({ domain: undefined, path: 'python' });
  });
  it('Docker Hub names normalise to docker.io/library/NAME', () => {
    expect(normalizeDockerHub(undefined, 'python')).toEqual({ domain: 'docker.io', path: 'library/python' });
    expect(normalizeDockerHub('index.docker.io', 'python')).toEqual({ domain: 'docker.io', path: 'library/python' });
    expect(normalizeDockerHub('registry-1.docker.io', 'airbyte/x')).toEqual({ domain: 'docker.io', path: 'airbyte/x' });
    expect(normalizeDockerHub('localhost:5000', 'python')).toEqual({ domain: 'localhost:5000', path: 'python' });
  });
  it('splits tag and digest without taking a port for a tag', () => {
    expect(splitImageRef('localhost:5000/a')).toEqual({ name: 'localhost:5000/a', tag: undefined, digest: undefined });
    expect(splitImageRef('a/b:1@sha256:x')).toEqual({ name: 'a/b', tag: '1', digest: 'sha256:x' });
  });
  it('the lint base table and the registry lookup read Hub names alike', () => {
    expect(tableName('index.docker.io/python')).toBe('docker.io/library/python');
    expect(registryLocation('index.docker.io/python:3.11')).toEqual({ registry: 'docker.io', repository: 'library/python', reference: '3.11' });
    expect(registryLocation('registry-1.docker.io/python')).toEqual({ registry: 'docker.io', repository: 'library/python', reference: 'latest' });
  });
  it('a per-platform local tag keeps the tag and drops the digest', () => {
    expect(platformTag('localhost:5000/a:1.0@sha256:x', 'linux/arm64')).toBe('localhost:5000/a:1.0-arm64');
    expect(platformTag('localhost:5000/a', 'linux/arm64')).toBe('localhost:5000/a:arm64');
  });
});
