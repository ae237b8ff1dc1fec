/**
 * Bounded input files: only regular files are read, within a size limit per
 * kind; devices, FIFOs, sockets and directories are refused at once (exit 2,
 * the file and the reason); YAML resource attacks are exit 2 with FILE:LINE.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_LIMITS, checkInputFile, optionalInputFile, readBoundedFile } from '../../src/fs-util.js';
import { loadMetadata } from '../../src/connector/metadata.js';
import { BcError } from '../../src/errors.js';
import { repoRoot } from '../support/cli.js';

let dir: string;
let server: net.Server;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bc-input-files-'));
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  await symlink('/dev/zero', join(dir, 'zero'));
  await symlink(join(dir, 'fifo'), join(dir, 'to-fifo'));
  await symlink(join(dir, 'nowhere'), join(dir, 'dangling'));
  await writeFile(join(dir, 'ok.yaml'), 'a: 1\n');
  await symlink(join(dir, 'ok.yaml'), join(dir, 'to-ok'));
  await mkdir(join(dir, 'adir'));
  await writeFile(join(dir, 'big'), Buffer.alloc(INPUT_LIMITS['metadata.yaml'] + 1, 0x61));
  server = net.createServer();
  await new Promise<void>((r) => server.listen(join(dir, 'sock'), r));
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await rm(dir, { recursive: true, force: true });
});

async function refusal(p: Promise<unknown>): Promise<BcError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BcError);
  expect((err as BcError).exitCode).toBe(2);
  return err as BcError;
}

describe('readBoundedFile', () => {
  it('reads a regular file, and one behind a symlink', async () => {
    expect(await readBoundedFile(join(dir, 'ok.yaml'), { kind: 'metadata.yaml' })).toBe('a: 1\n');
    expect(await readBoundedFile(join(dir, 'to-ok'), { kind: 'metadata.yaml' })).toBe('a: 1\n');
  });

  it.each([
    ['zero', /zero: is a symlink to \/dev\/zero, which is a character device; only regular files are read/],
    ['fifo', /fifo: is a FIFO \(named pipe\)/],
    ['to-fifo', /to-fifo: is a symlink to .*fifo, which is a FIFO/],
    ['adir', /adir: is a directory/],
    ['sock', /sock: is a socket/],
    ['dangling', /dangling: is a symlink to a file that does not exist/],
    ['missing', /missing: not found/],
    ['big', /big: 1\.0 MiB is more than the 1 MiB limit for a metadata\.yaml/],
  ])('%s is refused at once with the file and the reason', async (name, re) => {
    const t0 = Date.now();
    const err = await refusal(readBoundedFile(join(dir, name), { kind: 'metadata.yaml' }));
    expect(err.message).toMatch(re);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('a smaller limit applies to what is actually read', async () => {
    const err = await refusal(readBoundedFile(join(dir, 'ok.yaml'), { kind: 'metadata.yaml', maxBytes: 3 }));
    expect(err.message).toMatch(/more than the 3 bytes limit/);
  });

  it('checkInputFile and optionalInputFile: missing is normal only for optionalInputFile', async () => {
    expect(await optionalInputFile(join(dir, 'missing'), { kind: 'Dockerfile' })).toBe('missing');
    expect(await optionalInputFile(join(dir, 'ok.yaml'), { kind: 'Dockerfile' })).toBe('file');
    await refusal(optionalInputFile(join(dir, 'fifo'), { kind: 'Dockerfile' }));
    await refusal(optionalInputFile(join(dir, 'dangling'), { kind: 'Dockerfile' }));
    expect(await checkInputFile(join(dir, 'ok.yaml'), { kind: 'config JSON' })).toBe(5);
    await refusal(checkInputFile(join(dir, 'zero'), { kind: 'config JSON' }));
  });
});

describe('metadata.yaml resource attacks', () => {
  const good = () => readFile(join(repoRoot, 'examples', 'source-hello', 'metadata.yaml'), 'utf8');

  it('an alias bomb is exit 2 naming metadata.yaml and the line of the first alias', async () => {
    const d = join(dir, 'bomb');
    await mkdir(d);
    let bomb = 'bomb:\n  x0: &a0 [lol]\n';
    for (let i = 1; i < 10; i++) bomb += `  x${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const text = `${await good()}\n${bomb}`;
    await writeFile(join(d, 'metadata.yaml'), text);
    const line = text.split('\n').findIndex((l) => l.includes('*a0')) + 1;
    const err = await refusal(loadMetadata(d));
    expect(err.message).toMatch(new RegExp(`metadata\\.yaml:${line}:\\d+: YAML aliases expand too far`));
  });

  it('deep nesting is exit 2 with the line', async () => {
    const d = join(dir, 'deep');
    await mkdir(d);
    await writeFile(join(d, 'metadata.yaml'), `data:\n  x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    const err = await refusal(loadMetadata(d));
    expect(err.message).toMatch(/metadata\.yaml:2:\d+: invalid YAML/);
  });

  it('a metadata.yaml symlinked to /dev/zero is refused at once', async () => {
    const d = join(dir, 'devzero');
    await mkdir(d);
    await symlink('/dev/zero', join(d, 'metadata.yaml'));
    const err = await refusal(loadMetadata(d));
    expect(err.message).toMatch(/metadata\.yaml: is a symlink to \/dev\/zero, which is a character device/);
  });
});
