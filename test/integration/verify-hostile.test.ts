/**
 * Hostile connectors (issue 14): images whose `spec` attacks the runner —
 * a 300 MiB stdout line, 300 MiB of stderr before a valid SPEC, a fork bomb,
 * a memory hog, a PID 1 that ignores SIGTERM and never returns. Each verify
 * ends within its timeout with the right result, and leaves no container.
 * (Peak memory of the tool under these is measured by bench/verify.mjs, not
 * asserted here.) Built for linux/amd64 only from test/fixtures/hostile.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { hasStackTrace, repoRoot } from '../support/cli.js';
import { VerifyReportSchema, type CheckResult, type VerifyReport } from '../../src/verify/index.js';
import { CONTAINER_LABEL } from '../../src/docker/container.js';

const P = 'linux/amd64';
const TARGETS = ['flood', 'stderr-flood', 'fork-bomb', 'memory-hog', 'never-exits'] as const;
const TAG = (t: string) => `c14-verify-hostile/${t}:${process.pid}`;
const TIMEOUT = 25;

describeEngine('verify: hostile connectors end in time with the right result and leave nothing', () => {
  let ctx = '';
  const built: string[] = [];

  beforeAll(async () => {
    const root = inject('roots').python;
    expect(root, 'global setup provides the python root image').toMatch(/@sha256:/);
    ctx = await mkdtemp(join(tmpdir(), 'c14-verify-hostile-'));
    await cp(join(repoRoot, 'test/fixtures/hostile'), ctx, { recursive: true });
    const bake = {
      group: { default: { targets: [...TARGETS] } },
      target: Object.fromEntries(TARGETS.map((t) => [t, { context: ctx, dockerfile: 'Dockerfile', target: t, args: { ROOT: root }, platforms: [P], tags: [TAG(t)] }])),
    };
    await writeFile(join(ctx, 'bake.json'), JSON.stringify(bake));
    await execa('docker', ['buildx', 'bake', '-f', join(ctx, 'bake.json'), '--load'], { env: { BUILDX_NO_DEFAULT_ATTESTATIONS: '1' }, cwd: ctx });
    built.push(...TARGETS.map(TAG));
  });

  afterAll(async () => {
    if (built.length > 0) await execa('docker', ['image', 'rm', '-f', ...built], { reject: false });
    if (ctx) await rm(ctx, { recursive: true, force: true });
  });

  /** verify one hostile image through the CLI; the report, the wall time, and what it left behind */
  const verify = async (target: string, extra: string[] = [], timeout = TIMEOUT) => {
    const t0 = Date.now();
    const child = execa(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli.ts'), '--json', 'verify', TAG(target), '--platform', P, '--timeout', String(timeout), ...extra], {
      cwd: repoRoot,
      reject: false,
      env: { FORCE_COLOR: '0' },
    });
    const res = await child;
    const seconds = (Date.now() - t0) / 1000;
    if (hasStackTrace(String(res.stdout) + String(res.stderr))) throw new Error(`stack trace in output:\n${String(res.stderr)}`);
    const report: VerifyReport = VerifyReportSchema.parse(JSON.parse(String(res.stdout)));
    const left = (await execa('docker', ['ps', '-a', '--filter', `label=${CONTAINER_LABEL}`, '--filter', `name=-${child.pid}-`, '--format', '{{.Names}}'])).stdout.trim();
    const spec = report.checks.find((c) => c.id === 'spec' && c.platform === P) as CheckResult;
    const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    return { exitCode: res.exitCode, report, spec, failed, seconds, left };
  };

  it('flood: 300 MiB on stdout without a newline fails at the per-line limit, long before the timeout', async () => {
    const r = await verify('flood');
    expect(r.exitCode).toBe(1);
    expect(r.failed).toEqual(['spec']);
    expect(r.spec.message).toBe('spec (ENTRYPOINT): stdout line 1 grew past the per-line limit of 20 MiB (no newline): the container was stopped');
    expect(r.spec.fix).toMatch(/one AirbyteMessage per line/);
    // stopped at 20 MiB, not read to the end nor left to time out
    expect(r.seconds).toBeLessThan(TIMEOUT);
    expect(r.left).toBe('');
  });

  it('stderr-flood: 300 MiB of logs on stderr then a valid SPEC passes', async () => {
    // moving 300 MiB through the engine takes its time on a loaded machine: the default timeout
    const r = await verify('stderr-flood', [], 120);
    expect(r.failed).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.spec.status).toBe('pass');
    expect(r.spec.message).toMatch(/exit 0, 1 SPEC message, every line valid/);
    expect(r.left).toBe('');
  });

  it('fork bomb: held by the pids limit, fails and is gone', async () => {
    const r = await verify('fork-bomb', ['--pids-limit', '64']);
    expect(r.exitCode).toBe(1);
    expect(r.failed).toEqual(['spec']);
    // bash gives up once its forks keep being refused; if it did not, the timeout kills it
    expect(r.spec.message).toMatch(/spec \(ENTRYPOINT\): (exited with code [1-9]\d*|did not finish within 25 s)/);
    expect(r.spec.details?.some((d) => /^stderr: .*fork: .*Resource temporarily unavailable/.test(d))).toBe(true);
    expect(r.report.runs.find((x) => x.step === 'spec (ENTRYPOINT)')?.command).toMatch(/--pids-limit 64/);
    expect(r.seconds).toBeLessThan(TIMEOUT + 30);
    expect(r.left).toBe('');
  });

  it('memory hog: killed by the memory limit and reported as OOM', async () => {
    const r = await verify('memory-hog', ['--memory', '128m']);
    expect(r.exitCode).toBe(1);
    expect(r.failed).toEqual(['spec']);
    expect(r.spec.message).toBe('spec (ENTRYPOINT): was killed by the memory limit (OOM)');
    expect(r.seconds).toBeLessThan(TIMEOUT);
    expect(r.left).toBe('');
  });

  it('never exits (PID 1 ignores SIGTERM): killed at the timeout, by name', async () => {
    const r = await verify('never-exits');
    expect(r.exitCode).toBe(1);
    expect(r.failed).toEqual(['spec']);
    expect(r.spec.message).toBe(`spec (ENTRYPOINT): did not finish within ${TIMEOUT} s: the container was killed (a hung connector)`);
    expect(r.seconds).toBeGreaterThanOrEqual(TIMEOUT);
    expect(r.seconds).toBeLessThan(TIMEOUT + 30);
    expect(r.left).toBe('');
  });
});
