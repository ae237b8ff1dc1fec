import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOverlayMount, upperDirChanges } from '../../src/docker/rw-layer.js';

describe('parseOverlayMount (ctr snapshots mounts)', () => {
  const cases: [string, ReturnType<typeof parseOverlayMount>][] = [
    ['mount -t overlay overlay / -o index=off,workdir=/s/2/work,upperdir=/s/2/fs,lowerdir=/s/1/fs:/s/0/fs\n', { upper: '/s/2/fs', lowers: ['/s/1/fs', '/s/0/fs'] }],
    ['mount -t overlay overlay / -o upperdir=/u,lowerdir=/l', { upper: '/u', lowers: ['/l'] }],
    // a bind mount (a view, or a first layer): no upper dir
    ['mount -t bind /s/1/fs / -o ro,rbind', undefined],
    ['mount -t overlay overlay / -o lowerdir=/a:/b', undefined],
    ['mount -t overlay overlay / -o upperdir=relative,lowerdir=/l', undefined],
    ['', undefined],
  ];
  it.each(cases.map((c, i) => [i + 1, ...c] as const))('%i', (_n, text, want) => {
    expect(parseOverlayMount(text)).toEqual(want);
  });
});

describe('upperDirChanges', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  const isRoot = process.getuid?.() === 0;

  it.runIf(isRoot)('lists added, changed and deleted paths the way docker diff does; a mere copy-up is no change', async () => {
    const top = await mkdtemp(join(tmpdir(), 'bc-rw-'));
    dirs.push(top);
    const lower = join(top, 'lower');
    const upper = join(top, 'upper');
    const old = new Date('2020-01-01T00:00:00Z');
    for (const d of [lower, upper]) {
      await mkdir(join(d, 'etc'), { recursive: true });
      await mkdir(join(d, 'usr/lib'), { recursive: true });
    }
    await writeFile(join(lower, 'etc/hosts'), 'x');
    await writeFile(join(lower, 'etc/passwd'), 'root');
    await writeFile(join(lower, 'etc/gone'), 'g');
    // copied up, unchanged: same content and times
    await writeFile(join(upper, 'etc/hosts'), 'x');
    // changed
    await writeFile(join(upper, 'etc/passwd'), 'root\nairbyte');
    // added, with a new directory
    await mkdir(join(upper, 'opt/new'), { recursive: true });
    await writeFile(join(upper, 'opt/new/f'), 'n');
    // deleted: a 0/0 character device
    execFileSync('mknod', [join(upper, 'etc/gone'), 'c', '0', '0']);
    for (const [p, t] of [['etc/hosts', old], ['etc/passwd', old], ['usr/lib', old], ['usr', old]] as const) {
      await utimes(join(lower, p), t, t);
      await utimes(join(upper, p), t, t);
    }
    await utimes(join(upper, 'etc/passwd'), new Date(), new Date());
    const changes = await upperDirChanges({ upper, lowers: [lower] });
    expect(changes).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'D', path: '/etc/gone' },
      { kind: 'C', path: '/etc/passwd' },
      { kind: 'A', path: '/opt' },
      { kind: 'A', path: '/opt/new' },
      { kind: 'A', path: '/opt/new/f' },
    ]);
  });
});
