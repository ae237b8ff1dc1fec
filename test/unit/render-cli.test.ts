import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';

const BASE = `registry.example.com/golden/base:1.0.0@sha256:${'0123456789abcdef'.repeat(4)}`;
const hello = join(repoRoot, 'examples', 'source-hello');
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('build-connector render (CLI)', () => {
  it('prints the Dockerfile (the golden one)', async () => {
    const r = await runCli(['render', hello, '--base-image', BASE]);
    expect(r.exitCode, r.stderr).toBe(0);
    // (runCli strips the final newline)
    expect(r.stdout.trimEnd()).toBe((await readFile(join(repoRoot, 'test', 'golden', 'source-hello.Dockerfile'), 'utf8')).trimEnd());
    expect(r.stderr).toBe('');
  });

  it('--out writes the Dockerfile and FILE.dockerignore; --json prints the plan', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bc-render-cli-'));
    dirs.push(dir);
    const out = join(dir, 'Dockerfile');
    const r = await runCli(['--json', 'render', hello, '--base-image', BASE, '--out', out]);
    expect(r.exitCode, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(plan).toMatchObject({
      mode: 'rendered',
      baseImage: BASE,
      entrypoint: ['/usr/local/bin/source-hello'],
      airbyteEntrypoint: '/usr/local/bin/source-hello',
      context: hello,
      platforms: ['linux/amd64', 'linux/arm64'],
      permittedWriteDirs: ['/airbyte', '/tmp', '/secrets', '/config', '/custom_cache'],
      labels: { 'io.airbyte.name': 'airbyte/source-hello', 'io.airbyte.version': '0.1.0' },
    });
    expect(await readFile(out, 'utf8')).toBe(plan.dockerfile);
    expect(await readFile(`${out}.dockerignore`, 'utf8')).toContain('\nsecrets\n');
  });

  it('an unpinned base is a warning on stderr, not an error', async () => {
    const r = await runCli(['render', hello, '--base-image', 'localhost:5000/x:1']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('warning: base image localhost:5000/x:1 is not pinned by digest');
  });

  it('a directory without metadata.yaml exits 2 without a stack trace', async () => {
    const r = await runCli(['render', join(repoRoot, 'src')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('metadata.yaml: not found');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
