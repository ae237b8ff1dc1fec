import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, isScalar, parseDocument, type Node } from 'yaml';
import { loadConnector, parseMetadataText, serializeMetadata, validateMetadata } from '../../src/connector/metadata.js';
import { isDigestPinned, isRepository, parseImageRef } from '../../src/shared/image-ref.js';
import { BcError } from '../../src/errors.js';
import { repoRoot } from '../support/cli.js';

const FIXTURES = join(repoRoot, 'test', 'fixtures', 'metadata');
const NAMES = ['source-weather-api', 'source-shop-declarative', 'destination-warehouse', 'source-crm', 'source-legacy-db'];

/** every key path in a YAML document (a.b.0.c) */
function keyPaths(node: unknown, prefix = ''): string[] {
  if (isMap(node)) {
    return node.items.flatMap((p) => {
      const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
      const path = prefix ? `${prefix}.${k}` : k;
      return [path, ...keyPaths(p.value as Node, path)];
    });
  }
  if (isSeq(node)) return node.items.flatMap((item, i) => keyPaths(item as Node, `${prefix}.${i}`));
  return [];
}

function error(fn: () => unknown): BcError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BcError) return e;
    throw e;
  }
  throw new Error('expected a BcError');
}

describe('metadata.yaml fixtures in the shape Airbyte publishes', () => {
  for (const name of NAMES) {
    it(`${name}: validates and re-serialises without losing a key, a value or a comment`, async () => {
      const file = join(FIXTURES, name, 'metadata.yaml');
      const text = await readFile(file, 'utf8');
      const parsed = parseMetadataText(text, file);
      validateMetadata(parsed);
      const out = serializeMetadata(parsed);
      const again = parseDocument(out);
      expect(again.errors).toEqual([]);
      expect(again.toJS()).toEqual(parseDocument(text).toJS());
      const before = keyPaths(parseDocument(text).contents);
      expect(before.length).toBeGreaterThan(30);
      expect(keyPaths(again.contents)).toEqual(before);
      expect(out).toContain("# Written for build-connector's tests");
    });
  }

  it('loadConnector reads the keys we use and keeps overrides', async () => {
    const crm = await loadConnector(join(FIXTURES, 'source-crm'));
    expect(crm).toMatchObject({
      name: 'CRM',
      type: 'source',
      repository: 'airbyte/source-crm',
      version: '4.2.0-rc.1',
      language: 'python',
      definitionId: '4f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8',
      customDockerfile: undefined,
      options: { extraWriteDirs: ['/var/cache/crm'], platforms: ['linux/amd64', 'linux/arm64'] },
      registryOverrides: { cloud: { dockerImageTag: '4.1.3' }, oss: {} },
    });
    expect(crm.baseImage).toMatch(/^docker\.io\/airbyte\/python-connector-base:4\.0\.2@sha256:/);
    const wh = await loadConnector(join(FIXTURES, 'destination-warehouse'));
    expect(wh).toMatchObject({ type: 'destination', language: 'java', registryOverrides: { cloud: { dockerRepository: 'airbyte/destination-warehouse-strict-encrypt' } } });
    const legacy = await loadConnector(join(FIXTURES, 'source-legacy-db'));
    expect(legacy.version).toBe('0.9.0');
    expect(legacy.baseImage).toBeUndefined();
    const shop = await loadConnector(join(FIXTURES, 'source-shop-declarative'));
    expect(shop.language).toBe('manifest-only');
    expect(shop.languagePath).toBe('data.tags.1');
  });

  it('positionOf names the line and column of a key or value', async () => {
    const c = await loadConnector(join(FIXTURES, 'source-crm'));
    const lines = (await readFile(c.metadataPath, 'utf8')).split('\n');
    const tagLine = lines.findIndex((l) => l.includes('dockerImageTag: 4.2.0-rc.1')) + 1;
    expect(c.positionOf('data.dockerImageTag')).toMatchObject({ line: tagLine, column: lines[tagLine - 1]!.indexOf('4.2.0') + 1 });
    const mapLine = lines.findIndex((l) => l.trim() === 'registryOverrides:') + 1;
    expect(c.positionOf('data.registryOverrides')).toMatchObject({ line: mapLine, column: 3 });
    expect(c.positionOf('data.tags.0')?.line).toBe(lines.findIndex((l) => l.includes('- language:python')) + 1);
    // a missing key: where it belongs (its parent key)
    expect(c.positionOf('data.registryOverrides.cloud.nope')?.line).toBe(lines.findIndex((l) => l.trim() === 'cloud:') + 1);
  });
});

describe('loadConnector on the bundled examples', () => {
  it('detects custom mode by a Dockerfile in the directory', async () => {
    const custom = await loadConnector(join(repoRoot, 'examples', 'source-custom'));
    expect(custom.customDockerfile).toBe(join(repoRoot, 'examples', 'source-custom', 'Dockerfile'));
    const hello = await loadConnector(join(repoRoot, 'examples', 'source-hello'));
    expect(hello.customDockerfile).toBeUndefined();
    expect(hello.dirName).toBe('source-hello');
  });

  it('a directory without metadata.yaml is bad input', async () => {
    await expect(loadConnector(join(repoRoot, 'test'))).rejects.toMatchObject({ kind: 'badInput', message: expect.stringContaining('metadata.yaml: not found') });
  });
});

describe('metadata errors name file:line:col, the key path and what was expected', () => {
  const base = (extra: string) => `data:\n  name: X\n  connectorType: source\n  dockerRepository: airbyte/source-x\n  dockerImageTag: 0.1.0\n${extra}`;
  const table: [string, string, string][] = [
    [base('  tags: [language:python, 7]\n'), 'metadata.yaml:6:', 'data.tags.1: expected a string tag, got number 7'],
    [base('  buildConnector:\n    offline: "yes"\n'), 'metadata.yaml:7:14', 'data.buildConnector.offline: expected true or false'],
    [base('  buildConnector:\n    entrypoint: []\n'), 'metadata.yaml:7:', 'data.buildConnector.entrypoint: expected at least one element'],
    [base('  buildConnector:\n    entrypoint: "/bin/x"\n'), 'metadata.yaml:7:17', 'data.buildConnector.entrypoint: expected an exec-form list'],
    [base('  connectorBuildOptions:\n    baseImage: Python:3.11\n'), 'metadata.yaml:7:16', 'data.connectorBuildOptions.baseImage'],
    ['data:\n  name: [a]\n', 'metadata.yaml:2:3', 'data.name: expected the connector name (a string), got a list'],
    ['data: 5\n', 'metadata.yaml:1:7', 'data: Invalid input'],
    ['', 'metadata.yaml:1:1', '(root): expected a mapping'],
    ['data:\n\tname: tab\n', 'metadata.yaml:2:', 'invalid YAML'],
  ];
  it.each(table)('%#', (text, where, what) => {
    const e = error(() => validateMetadata(parseMetadataText(text, '/x/metadata.yaml')));
    expect(e.kind).toBe('badInput');
    expect(e.message).toContain(where);
    expect(e.message).toContain(what);
  });

  it('lists further problems as details', () => {
    const e = error(() => validateMetadata(parseMetadataText('data:\n  name: X\n', '/x/metadata.yaml')));
    expect(e.message).toContain('data.connectorType: required key is missing');
    expect(e.details.join('\n')).toContain('data.dockerRepository: required key is missing');
    expect(e.details.join('\n')).toContain('data.dockerImageTag: required key is missing');
  });
});

describe('docker references', () => {
  it.each([
    ['airbyte/source-hello', true],
    ['ghcr.io/acme/source-x', true],
    ['localhost:5000/a/b', true],
    ['a__b/c-d.e', true],
    ['Airbyte/source', false],
    ['airbyte/source hello', false],
    ['airbyte/source-"x', false],
    ['airbyte/$x', false],
    ['airbyte//x', false],
    ['-airbyte/x', false],
  ])('isRepository(%j) = %s', (s, ok) => expect(isRepository(s)).toBe(ok));

  it('parses tags and digests', () => {
    const d = `sha256:${'a'.repeat(64)}`;
    expect(parseImageRef(`docker.io/airbyte/x:1.2.3@${d}`)).toEqual({ repository: 'docker.io/airbyte/x', tag: '1.2.3', digest: d });
    expect(parseImageRef('localhost:5000/x')).toEqual({ repository: 'localhost:5000/x', tag: undefined, digest: undefined });
    expect(parseImageRef('x@sha256:123')).toBeUndefined();
    expect(parseImageRef('x:1\nRUN id')).toBeUndefined();
    expect(isDigestPinned(`x@${d}`)).toBe(true);
    expect(isDigestPinned('x:1')).toBe(false);
  });
});
