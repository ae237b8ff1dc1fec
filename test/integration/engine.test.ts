import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, inject, it } from 'vitest';
import { DoctorReportSchema } from '../../src/core/doctor.js';
import { describeEngine } from '../support/engine.js';
import { runCli } from '../support/cli.js';

describeEngine('engine (real docker, buildx, qemu)', () => {
  it('doctor --json validates and reports arm64 emulation working', async () => {
    const r = await runCli(['--json', 'doctor', '--registry', 'localhost:5000']);
    expect(r.stderr).toBe('');
    const report = DoctorReportSchema.parse(JSON.parse(r.stdout));
    expect(r.exitCode).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.facts.arm64Emulation).toBe(true);
    expect(report.facts.containerdStore).toBe(true);
    expect(report.facts.builder?.platforms).toContain('linux/arm64');
    expect(report.items.find((i) => i.id === 'registry')?.status).toBe('ok');
  });

  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('builds a multi-arch image from the local root and runs it on both platforms', async () => {
    const root = inject('roots').python;
    expect(root, 'global setup provides the python root image').toMatch(/@sha256:[0-9a-f]{64}$/);
    const dir = await mkdtemp(join(tmpdir(), 'bc-it-'));
    dirs.push(dir);
    await writeFile(join(dir, 'Dockerfile'), `FROM ${root}\nRUN uname -m > /arch && python3 -c "import platform; print(platform.machine())" >> /arch\n`);
    const tag = `bc-it/multiarch:${process.pid}`;
    await execa('docker', ['buildx', 'build', '--platform', 'linux/amd64,linux/arm64', '--provenance=false', '--load', '-t', tag, dir]);
    try {
      for (const [platform, machine] of [
        ['linux/amd64', 'x86_64'],
        ['linux/arm64', 'aarch64'],
      ] as const) {
        const r = await execa('docker', ['run', '--rm', '--network', 'none', '--platform', platform, tag, 'cat', '/arch']);
        expect(r.stdout.split('\n')).toEqual([machine, machine]);
      }
    } finally {
      await execa('docker', ['image', 'rm', '-f', tag], { reject: false });
    }
  });
});
