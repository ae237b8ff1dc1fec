/**
 * metadata-action's OCI labels: source (git remote as https), revision (the
 * connector's last commit), created (SOURCE_DATE_EPOCH as ISO-8601), licenses
 * (metadata.yaml license), url/documentation (documentationUrl). Pure parts as
 * tables; the real CLI (`render --json`) in a temp git repository.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCommitSha, normaliseRemoteUrl, remoteUrl } from '../../src/git.js';
import { annotationsOf, metadataLabels } from '../../src/render/oci-labels.js';
import { repoRoot, runCli } from '../support/cli.js';

const gitEnv = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.invalid',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: '/nonexistent-home-for-git-test',
};
const g = (cwd: string, args: string[], date?: number) =>
  execa('git', args, { cwd, env: date ? { ...gitEnv, GIT_AUTHOR_DATE: `@${date} +0000`, GIT_COMMITTER_DATE: `@${date} +0000` } : gitEnv });

describe('normaliseRemoteUrl: the remote as a browsable https URL', () => {
  it.each([
    ['1 scp-like ssh', 'git@github.com:o/r.git', 'https://github.com/o/r'],
    ['2 scp-like without .git', 'git@github.com:o/r', 'https://github.com/o/r'],
    ['3 ssh:// with port (not the web port)', 'ssh://git@github.com:22/o/r.git', 'https://github.com/o/r'],
    ['4 https with a token: credentials dropped', 'https://x-access-token:ghs_secret@github.com/o/r.git', 'https://github.com/o/r'],
    ['5 https kept as is', 'https://github.com/o/r', 'https://github.com/o/r'],
    ['6 http becomes https', 'http://gitlab.example.com/group/sub/r.git', 'https://gitlab.example.com/group/sub/r'],
    ['7 https port kept', 'https://git.example.com:8443/o/r.git/', 'https://git.example.com:8443/o/r'],
    ['8 git://', 'git://example.com/o/r.git', 'https://example.com/o/r'],
    ['9 host lowercased, trailing newline', 'git@GitHub.com:O/R.git\n', 'https://github.com/O/R'],
    ['10 local path: no public address', '/srv/git/r.git', undefined],
    ['11 file://', 'file:///srv/git/r.git', undefined],
    ['12 relative path', '../r.git', undefined],
    ['13 empty', '', undefined],
    ['14 dot segments resolved as a URL', 'https://example.com/o/../r', 'https://example.com/r'],
    ['15 scp-like with dot segments', 'git@example.com:o/../r', undefined],
  ])('%s: %j → %j', (_n, url, want) => {
    expect(normaliseRemoteUrl(url)).toBe(want);
  });
});

describe('metadataLabels / annotationsOf', () => {
  it('maps every input to its label, created as ISO-8601 of SOURCE_DATE_EPOCH', () => {
    const labels = metadataLabels(
      { license: 'MIT', documentationUrl: 'https://docs.airbyte.com/integrations/sources/hello' },
      { source: 'https://github.com/o/r', revision: 'a'.repeat(40), created: 1_700_000_000 },
    );
    expect(labels).toEqual({
      'org.opencontainers.image.source': 'https://github.com/o/r',
      'org.opencontainers.image.revision': 'a'.repeat(40),
      'org.opencontainers.image.created': '2023-11-14T22:13:20.000Z',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.url': 'https://docs.airbyte.com/integrations/sources/hello',
      'org.opencontainers.image.documentation': 'https://docs.airbyte.com/integrations/sources/hello',
    });
  });

  it('created 0 is 1970-01-01 (SOURCE_DATE_EPOCH outside git); unknown values leave their label out', () => {
    expect(metadataLabels({}, { created: 0 })).toEqual({ 'org.opencontainers.image.created': '1970-01-01T00:00:00.000Z' });
    expect(metadataLabels({}, {})).toEqual({});
  });

  it('annotations: the OCI keys at index and manifest level, io.airbyte.* labels not', () => {
    expect(annotationsOf({ 'io.airbyte.name': 'x', 'org.opencontainers.image.source': 'https://github.com/o/r' })).toEqual([
      'index:org.opencontainers.image.source=https://github.com/o/r',
      'manifest:org.opencontainers.image.source=https://github.com/o/r',
    ]);
  });
});

describe('in a git repository (real git, the real CLI)', () => {
  let root: string;
  let conn: string;
  let first: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bc-labels-'));
    conn = join(root, 'connectors', 'source-hello');
    await cp(join(repoRoot, 'examples', 'source-hello'), conn, { recursive: true });
    await g(root, ['init', '-q', '-b', 'main']);
    await g(root, ['remote', 'add', 'origin', 'git@github.com:acme/connectors.git']);
    await g(root, ['add', '.']);
    await g(root, ['commit', '-q', '-m', 'connector'], 1_700_000_000);
    first = (await g(root, ['rev-parse', 'HEAD'])).stdout.trim();
    // a later commit elsewhere: the connector's revision and created stay
    await writeFile(join(root, 'README.md'), '# repo\n');
    await g(root, ['add', '.']);
    await g(root, ['commit', '-q', '-m', 'readme'], 1_800_000_000);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('remoteUrl and lastCommitSha read the remote and the connector directory\'s last commit', async () => {
    expect(await remoteUrl(conn)).toBe('https://github.com/acme/connectors');
    expect(await lastCommitSha(conn)).toBe(first);
    expect(await remoteUrl(tmpdir())).toBeUndefined();
  });

  it('render --json lists the labels build applies; the rendered Dockerfile does not carry them', async () => {
    const r = await runCli(['--json', 'render', conn], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.exitCode, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { labels: Record<string, string>; annotations: string[]; dockerfile: string };
    expect(await readFile(join(conn, 'metadata.yaml'), 'utf8')).toContain('license: MIT');
    expect(plan.labels).toMatchObject({
      'org.opencontainers.image.source': 'https://github.com/acme/connectors',
      'org.opencontainers.image.revision': first,
      'org.opencontainers.image.created': '2023-11-14T22:13:20.000Z',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.url': 'https://docs.airbyte.com/integrations/sources/hello',
    });
    expect(plan.annotations).toContain(`index:org.opencontainers.image.revision=${first}`);
    expect(plan.dockerfile).not.toContain(first);
    expect(plan.dockerfile).not.toContain('image.created');
  });

  it('SOURCE_DATE_EPOCH sets created, as it sets the build\'s timestamps', async () => {
    const r = await runCli(['--json', 'render', conn], { env: { SOURCE_DATE_EPOCH: '1600000000' } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { labels: Record<string, string> }).labels['org.opencontainers.image.created']).toBe('2020-09-13T12:26:40.000Z');
  });
});
