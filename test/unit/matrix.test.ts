import { describe, expect, it } from 'vitest';
import { buildMatrix, mergeMatrix } from '../../src/monorepo/matrix.js';
import { archOf } from '../../src/shared/platforms.js';
import { computeAffected, ownerOf } from '../../src/monorepo/affected.js';
import type { DiscoveredConnector } from '../../src/monorepo/discovery.js';
import type { ConnectorFacts } from '../../src/monorepo/facts.js';
import { BcError } from '../../src/errors.js';

const runners = { 'linux/amd64': 'ubuntu-24.04', 'linux/arm64': 'ubuntu-24.04-arm' };
const both = ['linux/amd64', 'linux/arm64'];

describe('build matrix', () => {
  const cases: [string, Parameters<typeof buildMatrix>[0], string[], [string, string, string][]][] = [
    ['1: nothing affected → empty include', [], both, []],
    [
      '2: one connector, both platforms, in input order',
      [{ connector: 'c/source-a', name: 'source-a', platforms: undefined }],
      both,
      [
        ['c/source-a', 'linux/amd64', 'ubuntu-24.04'],
        ['c/source-a', 'linux/arm64', 'ubuntu-24.04-arm'],
      ],
    ],
    [
      '3: a connector restricted to amd64',
      [
        { connector: 'c/a', name: 'a', platforms: ['linux/amd64'] },
        { connector: 'c/b', name: 'b', platforms: undefined },
      ],
      both,
      [
        ['c/a', 'linux/amd64', 'ubuntu-24.04'],
        ['c/b', 'linux/amd64', 'ubuntu-24.04'],
        ['c/b', 'linux/arm64', 'ubuntu-24.04-arm'],
      ],
    ],
    ['4: --platform linux/arm64 only', [{ connector: 'c/a', name: 'a', platforms: undefined }], ['linux/arm64'], [['c/a', 'linux/arm64', 'ubuntu-24.04-arm']]],
    ['5: a connector that supports none of the requested platforms', [{ connector: 'c/a', name: 'a', platforms: ['linux/amd64'] }], ['linux/arm64'], []],
  ];
  it.each(cases)('%s', (_n, inputs, platforms, want) => {
    const m = buildMatrix(inputs, { platforms, runners });
    expect(m.include.map((e) => [e.connector, e.platform, e.runner])).toEqual(want);
    for (const e of m.include) expect(e.arch).toBe(e.platform.split('/')[1]);
  });

  it('a platform without a runner label is bad input naming the flag', () => {
    let err: unknown;
    try {
      buildMatrix([{ connector: 'a', name: 'a', platforms: undefined }], { platforms: ['linux/s390x'], runners });
    } catch (e) {
      err = e;
    }
    expect((err as BcError).exitCode).toBe(2);
    expect((err as BcError).details[0]).toContain('--runner-s390x');
  });

  it('merge matrix: one entry per connector with its platforms; unbuildable ones dropped', () => {
    const m = mergeMatrix(
      [
        { connector: 'c/a', name: 'a', platforms: undefined },
        { connector: 'c/b', name: 'b', platforms: ['linux/s390x'] },
      ],
      { platforms: both },
    );
    expect(m).toEqual({ include: [{ connector: 'c/a', name: 'a', platforms: 'linux/amd64,linux/arm64' }] });
  });

  it('arch names are artifact-safe', () => {
    expect(archOf('linux/arm64/v8')).toBe('arm64-v8');
  });
});

describe('affected rules (pure)', () => {
  const conn = (relDir: string, hasDockerfile = false): DiscoveredConnector => ({
    dir: `/r/${relDir}`,
    relDir,
    name: relDir.split('/').pop() ?? relDir,
    metadataPath: `/r/${relDir}/metadata.yaml`,
    hasDockerfile,
  });
  const cs = [conn('c/py-a'), conn('c/py-b'), conn('c/java-a'), conn('c/custom', true), conn('c/py-a-extra')];
  const facts: Record<string, Partial<ConnectorFacts>> = {
    'c/py-a': { language: 'python', base: 'python' },
    'c/py-b': { language: 'python-slim', base: 'python-slim' },
    'c/java-a': { language: 'java', base: 'java' },
    'c/py-a-extra': { language: 'python', base: 'python' },
  };
  let loads = 0;
  const loadFacts = async (list: readonly DiscoveredConnector[]) => {
    loads++;
    return new Map(list.map((c) => [c.relDir, { custom: c.hasDockerfile, platforms: undefined, repository: undefined, version: undefined, language: undefined, base: undefined, ...facts[c.relDir] } as ConnectorFacts]));
  };
  const config = { sharedPaths: ['ci/shared/**'], ignorePaths: ['**/CHANGELOG.md'], templatesDir: 'templates', baseImagesDir: 'base-images' };
  const run = async (files: string[]) => (await computeAffected({ connectors: cs, changedFiles: files, config, loadFacts })).affected.map((a) => `${a.connector.relDir}:${a.reasons.map((r) => r.kind).join('+')}`);

  const table: [string, string[], string[]][] = [
    ['own file; a sibling with a common prefix is not hit', ['c/py-a/main.py'], ['c/py-a:own']],
    ['template of a language', ['templates/python/Dockerfile.hbs'], ['c/py-a:template', 'c/py-a-extra:template']],
    ['a partial shared by all templates', ['templates/_partials/ensure-user.hbs'], ['c/py-a:template', 'c/py-b:template', 'c/java-a:template', 'c/py-a-extra:template']],
    ['base by name (not language)', ['base-images/python-slim/base.yaml'], ['c/py-b:base']],
    ['shared path hits custom connectors too', ['ci/shared/x.sh'], ['c/py-a:shared', 'c/py-b:shared', 'c/java-a:shared', 'c/custom:shared', 'c/py-a-extra:shared']],
    ['ignored path', ['c/py-a/CHANGELOG.md'], []],
    ['never in the build context (secrets, caches)', ['c/py-a/secrets/config.json', 'c/py-b/src/__pycache__/x.pyc'], []],
    ['never in the build context: the rendered .dockerignore lines themselves (dist, nested .git)', ['c/py-a/dist/x-0.1.tar.gz', 'c/py-b/vendor/lib/.git/HEAD'], []],
    ['a secrets directory below the top is excluded too; a file named like it is not', ['c/py-a/src/secrets/k.json', 'c/py-b/secrets.py'], ['c/py-b:own']],
    ['two reasons on one connector', ['c/java-a/build.gradle', 'templates/java/x'], ['c/java-a:own+template']],
    ['unrelated files', ['README.md', '.github/workflows/ci.yml'], []],
  ];
  it.each(table)('%s', async (_n, files, want) => {
    expect(await run(files)).toEqual(want);
  });

  it('metadata is read only when a template or base changed', async () => {
    loads = 0;
    await run(['c/py-a/main.py', 'README.md']);
    expect(loads).toBe(0);
    await run(['templates/java/x']);
    expect(loads).toBe(1);
  });

  it('ownerOf finds the nearest enclosing connector', () => {
    const byDir = new Map(cs.map((c) => [c.relDir, c]));
    expect(ownerOf('c/py-a/src/x/y.py', byDir)?.relDir).toBe('c/py-a');
    expect(ownerOf('c/py-a-extra/m.py', byDir)?.relDir).toBe('c/py-a-extra');
    expect(ownerOf('c/other/m.py', byDir)).toBeUndefined();
  });
});
