import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { layerFactsCache, treeFromLayers } from '../../src/oci/layer-tree.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

it.runIf(process.getuid?.() === 0)('merges layers top-down: a whiteout deletes, a file replaces a directory, files of a secret size are hashed once', async () => {
  const top = await mkdtemp(join(tmpdir(), 'bc-layers-'));
  dirs.push(top);
  const [l0, l1, l2] = ['l0', 'l1', 'l2'].map((n) => join(top, n)) as [string, string, string];
  // bottom layer: /airbyte with a tree
  await mkdir(join(l0, 'airbyte/old/deep'), { recursive: true });
  await writeFile(join(l0, 'airbyte/old/deep/x'), 'x');
  await writeFile(join(l0, 'airbyte/gone.txt'), 'gone');
  await writeFile(join(l0, 'airbyte/keep.txt'), 'keep');
  // middle: deletes gone.txt (whiteout), replaces old/ by a file
  await mkdir(join(l1, 'airbyte'), { recursive: true });
  execFileSync('mknod', [join(l1, 'airbyte/gone.txt'), 'c', '0', '0']);
  await writeFile(join(l1, 'airbyte/old'), 'now a file');
  // top: a secret-sized file and a symlink; a layer without /airbyte at all
  await mkdir(join(l2, 'airbyte/sub'), { recursive: true });
  await writeFile(join(l2, 'airbyte/sub/s.json'), '{"k":1}');
  await symlink('keep.txt', join(l2, 'airbyte/link'));
  const none = join(top, 'none');
  await mkdir(join(none, 'etc'), { recursive: true });
  layerFactsCache.clear();
  const lowers = [l2, l1, none, l0];
  const tree = await treeFromLayers(lowers, '/airbyte', { hashSizes: new Set([7]) });
  expect(tree?.exists).toBe(true);
  expect(tree?.entries.map((e) => `${e.path} ${e.type}${e.linkname ? ` ${e.linkname}` : ''}`)).toEqual([
    'airbyte dir',
    'airbyte/keep.txt file',
    'airbyte/link symlink keep.txt',
    'airbyte/old file',
    'airbyte/sub dir',
    'airbyte/sub/s.json file',
  ]);
  expect(tree?.entries.find((e) => e.path === 'airbyte/sub/s.json')?.sha256).toBe(createHash('sha256').update('{"k":1}').digest('hex'));
  expect(tree?.entries.find((e) => e.path === 'airbyte/keep.txt')?.sha256).toBeUndefined();
  expect(layerFactsCache.stats()).toMatchObject({ hits: 0, misses: 4 });
  // a second image on the same layers (another platform's verify, a bake): nothing read again
  await treeFromLayers([l1, l0], '/airbyte');
  expect(layerFactsCache.stats()).toMatchObject({ hits: 2, misses: 4 });
  expect((await treeFromLayers(lowers, '/missing'))?.exists).toBe(false);
});
