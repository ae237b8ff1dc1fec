import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAnnotatedTag,
  headSha,
  isRepo,
  lastCommitTime,
  listChangedFiles,
  listTags,
  pushTag,
  repoRoot,
  tagTarget,
} from '../../src/git.js';
import { BcError } from '../../src/errors.js';

// Real git in temp repositories: git is a local tool, not the engine.
const env = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.invalid',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: '/nonexistent-home-for-git-test',
};
const g = (cwd: string, args: string[], date?: number) =>
  execa('git', args, { cwd, env: date ? { ...env, GIT_AUTHOR_DATE: `@${date} +0000`, GIT_COMMITTER_DATE: `@${date} +0000` } : env });

let root: string;
let repo: string;
let bare: string;
let outside: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bc-git-'));
  repo = join(root, 'repo');
  bare = join(root, 'remote.git');
  outside = join(root, 'outside');
  await mkdir(join(repo, 'connectors', 'source-a'), { recursive: true });
  await mkdir(join(repo, 'connectors', 'source-b'), { recursive: true });
  await mkdir(outside);
  await g(root, ['init', '-q', '-b', 'main', repo]);
  await writeFile(join(repo, 'connectors', 'source-a', 'metadata.yaml'), 'a: 1\n');
  await g(repo, ['add', '.']);
  await g(repo, ['commit', '-q', '-m', 'a'], 1_700_000_000);
  await writeFile(join(repo, 'connectors', 'source-b', 'metadata.yaml'), 'b: 1\n');
  await g(repo, ['add', '.']);
  await g(repo, ['commit', '-q', '-m', 'b'], 1_700_000_500);
  await g(root, ['init', '-q', '--bare', bare]);
  await g(repo, ['remote', 'add', 'origin', bare]);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('git wrapper', () => {
  it('1. isRepo / repoRoot inside and outside a work tree', async () => {
    expect(await isRepo(join(repo, 'connectors'))).toBe(true);
    expect(await isRepo(outside)).toBe(false);
    expect(await isRepo(join(root, 'does-not-exist'))).toBe(false);
    expect(await repoRoot(join(repo, 'connectors', 'source-a'))).toBe(repo);
    await expect(repoRoot(outside)).rejects.toThrow(/not inside a git work tree/);
  });

  it('2. lastCommitTime is per path (directory or file), undefined outside git', async () => {
    expect(await lastCommitTime(join(repo, 'connectors', 'source-a'))).toBe(1_700_000_000);
    expect(await lastCommitTime(join(repo, 'connectors', 'source-b'))).toBe(1_700_000_500);
    expect(await lastCommitTime(join(repo, 'connectors', 'source-a', 'metadata.yaml'))).toBe(1_700_000_000);
    expect(await lastCommitTime(repo)).toBe(1_700_000_500);
    expect(await lastCommitTime(outside)).toBeUndefined();
  });

  it('3. headSha is the full sha; outside git it is a badInput error', async () => {
    const sha = (await g(repo, ['rev-parse', 'HEAD'])).stdout.trim();
    expect(await headSha(repo)).toBe(sha);
    const err = await headSha(outside).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BcError);
    expect((err as BcError).exitCode).toBe(2);
  });

  it('4. createAnnotatedTag: created, then exists on the same commit, refused on another', async () => {
    const head = await headSha(repo);
    const first = (await g(repo, ['rev-list', '--max-parents=0', 'HEAD'])).stdout.trim();
    expect(await createAnnotatedTag(repo, 'source-b/v1.0.0', 'source-b 1.0.0')).toBe('created');
    expect((await g(repo, ['cat-file', '-t', 'source-b/v1.0.0'])).stdout.trim()).toBe('tag'); // annotated, not lightweight
    expect(await tagTarget(repo, 'source-b/v1.0.0')).toBe(head);
    expect(await createAnnotatedTag(repo, 'source-b/v1.0.0', 'again')).toBe('exists');
    const err = await createAnnotatedTag(repo, 'source-b/v1.0.0', 'moved', { sha: first }).catch((e: unknown) => e);
    expect((err as BcError).exitCode).toBe(4);
    expect((err as BcError).message).toMatch(/already exists/);
    expect(await listTags(repo)).toEqual(['source-b/v1.0.0']);
    expect(await listTags(repo, 'source-a/*')).toEqual([]);
    expect(await tagTarget(repo, 'nope')).toBeUndefined();
    await expect(createAnnotatedTag(repo, 'bad..name', 'x')).rejects.toThrow(/invalid git tag name/);
  });

  it('5. pushTag pushes; a different commit under the same tag on the remote is refused', async () => {
    await pushTag(repo, 'source-b/v1.0.0');
    const remoteTags = (await g(bare, ['tag', '--list'])).stdout.trim();
    expect(remoteTags).toBe('source-b/v1.0.0');
    await pushTag(repo, 'source-b/v1.0.0'); // idempotent
    // move the tag locally (behind the wrapper's back) and push: the remote refuses
    const first = (await g(repo, ['rev-list', '--max-parents=0', 'HEAD'])).stdout.trim();
    await g(repo, ['tag', '-f', '-a', 'source-b/v1.0.0', '-m', 'moved', first]);
    const err = await pushTag(repo, 'source-b/v1.0.0').catch((e: unknown) => e);
    expect((err as BcError).exitCode).toBe(4);
    const missing = await pushTag(repo, 'source-b/v1.0.0', 'no-such-remote').catch((e: unknown) => e);
    expect((missing as BcError).exitCode).toBe(3);
  });

  it('6. listChangedFiles since a ref, with and without uncommitted files', async () => {
    const first = (await g(repo, ['rev-list', '--max-parents=0', 'HEAD'])).stdout.trim();
    expect(await listChangedFiles(repo, first)).toEqual(['connectors/source-b/metadata.yaml']);
    expect(await listChangedFiles(repo, 'HEAD')).toEqual([]);
    await writeFile(join(repo, 'connectors', 'source-a', 'metadata.yaml'), 'a: 2\n');
    await writeFile(join(repo, 'connectors', 'source-a', 'new.txt'), 'x\n');
    expect(await listChangedFiles(repo, 'HEAD')).toEqual([]);
    expect(await listChangedFiles(join(repo, 'connectors'), 'HEAD', { includeUncommitted: true })).toEqual([
      'connectors/source-a/metadata.yaml',
      'connectors/source-a/new.txt',
    ]);
    await expect(listChangedFiles(repo, 'no-such-ref')).rejects.toThrow(/cannot compare/);
  });
});
