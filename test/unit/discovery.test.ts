import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { discoverConnectors } from '../../src/monorepo/discovery.js';
import { parseConnectorFacts, readAllFacts, scanFacts, FactsError } from '../../src/monorepo/facts.js';
import { parse as parseYaml } from 'yaml';
import { readFileSync, readdirSync } from 'node:fs';
import { repoRoot } from '../support/cli.js';
import { compileGlob, compileGlobs } from '../../src/monorepo/glob.js';
import { parseRepoConfig } from '../../src/monorepo/repo-config.js';
import { BcError } from '../../src/errors.js';
import { generateMonorepo, metadataYaml, type GeneratedRepo } from '../support/monorepo.js';

describe('discovery', () => {
  let repo: GeneratedRepo;
  beforeAll(async () => {
    repo = await generateMonorepo({ count: 30 });
    // noise that must be skipped: build outputs and hidden directories anywhere
    for (const p of ['build/x/metadata.yaml', 'dist/y/metadata.yaml', 'target/z/metadata.yaml', 'tools/.hidden/c/metadata.yaml']) {
      await repo.write(p, 'data: {}\n');
    }
    // a nested metadata.yaml inside a connector is not a second connector
    await repo.write(`${repo.connectors[0]?.dir}/integration_tests/metadata.yaml`, 'data: {}\n');
  });
  afterAll(() => repo.cleanup());

  it('finds exactly the connector directories, sorted, relative to the base', async () => {
    const found = await discoverConnectors({ base: repo.root });
    expect(found.map((c) => c.relDir)).toEqual(repo.connectors.map((c) => c.dir).sort());
    expect(found[0]?.metadataPath).toBe(join(repo.root, found[0]?.relDir ?? '', 'metadata.yaml'));
  });

  it('searches only the given roots', async () => {
    const one = repo.connectors[3];
    const found = await discoverConnectors({ base: repo.root, roots: [one?.dir ?? ''] });
    expect(found.map((c) => c.relDir)).toEqual([one?.dir]);
  });

  it('marks custom (Dockerfile) connectors', async () => {
    const c = repo.connectors[5];
    await repo.write(`${c?.dir}/Dockerfile`, 'FROM scratch\n');
    const found = await discoverConnectors({ base: repo.root });
    expect(found.filter((f) => f.hasDockerfile).map((f) => f.relDir)).toEqual([c?.dir]);
  });

  it('a missing root is bad input (exit 2) naming it', async () => {
    const err = await discoverConnectors({ base: repo.root, roots: ['nope'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BcError);
    expect((err as BcError).exitCode).toBe(2);
    expect((err as BcError).message).toContain('nope');
  });
});

describe('metadata facts', () => {
  it('reads language, base, repository, version from real-shape metadata', () => {
    const f = parseConnectorFacts(metadataYaml('source-x', 'java', 4), 'metadata.yaml', false);
    expect(f).toMatchObject({ language: 'java', base: 'java', repository: 'airbyte/source-x', version: '2.4.0', platforms: undefined });
  });

  it('data.buildConnector.platforms restricts the platforms; the base is the language', () => {
    const text = metadataYaml('source-x', 'python', 1, '  buildConnector:\n    platforms: [linux/amd64]\n');
    const f = parseConnectorFacts(text, 'm.yaml', false);
    expect(f.base).toBe('python');
    expect(f.platforms).toEqual(['linux/amd64']);
  });

  const bad: [string, string, number, RegExp][] = [
    ['bad YAML', 'data:\n  name: x\n  name2: a: b\n', 3, /invalid YAML/],
    ['no data', 'metadataSpecVersion: "1.0"\n', 1, /data: expected a mapping/],
    ['no language tag', 'data:\n  name: X\n  tags:\n    - cdk:python\n', 4, /no "language:/],
    ['two language tags', 'data:\n  tags:\n    - language:python\n    - language:java\n', 3, /more than one language/],
    ['bad platforms', 'data:\n  tags: [language:python]\n  buildConnector:\n    platforms: amd64\n', 4, /platforms/],
  ];
  it.each(bad)('%s → file:line and message', (_n, text, line, re) => {
    let err: unknown;
    try {
      parseConnectorFacts(text, '/r/c/metadata.yaml', false);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FactsError);
    expect((err as FactsError).message).toMatch(new RegExp(`^/r/c/metadata.yaml:${line}:\\d+: `));
    expect((err as FactsError).message).toMatch(re);
  });

  it('a custom connector may have no language tag', () => {
    expect(parseConnectorFacts('data:\n  name: X\n', 'm.yaml', true).language).toBeUndefined();
  });

  it('readAllFacts reports every bad file at once as exit 2', async () => {
    const repo = await generateMonorepo({ count: 3 });
    try {
      await writeFile(join(repo.root, repo.connectors[1]?.dir ?? '', 'metadata.yaml'), 'data:\n  tags: [x\n');
      const found = await discoverConnectors({ base: repo.root });
      const err = await readAllFacts(found).catch((e: unknown) => e);
      expect((err as BcError).exitCode).toBe(2);
      expect((err as BcError).details.join('\n')).toContain(`${repo.connectors[1]?.dir}/metadata.yaml:`);
    } finally {
      await repo.cleanup();
    }
  });
});

describe('metadata line scanner (fast path)', () => {
  const viaYaml = (text: string) => {
    const data = (parseYaml(text) as { data: Record<string, unknown> }).data;
    const lang = (data.tags as string[]).find((t) => t.startsWith('language:'))?.slice(9);
    return { language: lang, base: lang, repository: data.dockerRepository, version: String(data.dockerImageTag), platforms: undefined, custom: false };
  };
  it('agrees with the YAML parser on every generated and bundled metadata.yaml', () => {
    const texts = [0, 1, 2, 7, 13].map((i) => metadataYaml(`source-g${i}`, (['python', 'java', 'manifest-only'] as const)[i % 3] ?? 'python', i));
    for (const d of readdirSync(join(repoRoot, 'examples'))) texts.push(readFileSync(join(repoRoot, 'examples', d, 'metadata.yaml'), 'utf8'));
    for (const t of texts) {
      const quick = scanFacts(t, false);
      if (quick === undefined) continue; // the custom example may fall back; the parser handles it
      expect(quick).toEqual(viaYaml(t));
    }
    expect(texts.filter((t) => scanFacts(t, false) !== undefined).length).toBeGreaterThanOrEqual(8);
  });
  const fallbacks: [string, string][] = [
    ['flow-style tags', 'data:\n  tags: [language:python]\n'],
    ['an anchor', 'data:\n  tags: &t\n    - language:python\n'],
    ['buildConnector options', 'data:\n  tags:\n    - language:python\n  buildConnector:\n    platforms: [linux/amd64]\n'],
    ['two language tags', 'data:\n  tags:\n    - language:python\n    - language:java\n'],
    ['no language tag', 'data:\n  tags:\n    - cdk:python\n'],
    ['a tab', 'data:\n\ttags: []\n'],
    ['two documents', 'data:\n  tags:\n    - language:python\n---\ndata: {}\n'],
    ['a quoted key', 'data:\n  "tags":\n    - language:python\n'],
  ];
  it.each(fallbacks)('%s → falls back to the parser', (_n, text) => {
    expect(scanFacts(text, false)).toBeUndefined();
  });
  it('reads the same-indent list form and quoted items, stops at the next key', () => {
    expect(scanFacts('data:\n  tags:\n  - "language:java"\n  - cdk:java # comment\n  dockerImageTag: "1.0.0"\nother: x\n', false)).toMatchObject({ language: 'java', version: '1.0.0' });
  });
});

describe('globs', () => {
  const cases: [string, string, boolean][] = [
    ['*.md', 'README.md', true],
    ['*.md', 'a/b/README.md', true],
    ['**/*.md', 'README.md', true],
    ['docs/**', 'docs/a/b.md', true],
    ['docs/', 'docs/a.md', true],
    ['docs/**', 'src/docs/a.md', false],
    ['tools/ci/shared/**', 'tools/ci/shared/x.sh', true],
    ['tools/ci/*.sh', 'tools/ci/a/b.sh', false],
    ['poetry.lock', 'poetry.lock', true],
    ['poetry.lock', 'x/poetry.lock', true],
    ['./poetry.lock', 'x/poetry.lock', false],
    ['{a,b}/x', 'b/x', true],
    ['a?c', 'abc', true],
    ['a.c', 'abc', false],
    ['.github/**', '.github/workflows/ci.yml', true],
    ['*.yml', '.github/workflows/ci.yml', true],
    ['!x', '!x', true],
    ['!x', 'y', false],
    ['[ab].md', 'b.md', true],
  ];
  it.each(cases)('%s vs %s → %s', (g, p, want) => {
    expect(compileGlob(g)(p)).toBe(want);
  });
  it('a list matches when one pattern does', () => {
    const m = compileGlobs(['docs/', ' ', './poetry.lock']);
    expect([m('docs/a.md'), m('poetry.lock'), m('x/poetry.lock'), m('src/a.ts')]).toEqual([true, true, false, false]);
  });
  it('an empty list matches nothing', () => {
    expect(compileGlobs([])('x')).toBe(false);
  });
});

describe('build-connector.yaml', () => {
  it('defaults fill what is absent', () => {
    const c = parseRepoConfig('sharedPaths: [poetry.lock]\n', 'build-connector.yaml');
    expect(c.sharedPaths).toEqual(['poetry.lock']);
    expect(c.templatesDir).toBe('templates');
    expect(c.runners).toEqual({ 'linux/amd64': 'ubuntu-24.04', 'linux/arm64': 'ubuntu-24.04-arm' });
  });
  it('a wrong type names file:line and the key', () => {
    let err: unknown;
    try {
      parseRepoConfig('roots:\n  - connectors\nsharedPaths: poetry.lock\n', 'build-connector.yaml');
    } catch (e) {
      err = e;
    }
    expect((err as BcError).exitCode).toBe(2);
    expect((err as BcError).details[0]).toMatch(/^build-connector.yaml:3:\d+: sharedPaths: /);
  });
  it('a path escaping the repository is refused', () => {
    expect(() => parseRepoConfig('templatesDir: ../x\n', 'b.yaml')).toThrow(/invalid configuration/);
  });
});

// keep mkdir imported for future fixtures
void mkdir;
