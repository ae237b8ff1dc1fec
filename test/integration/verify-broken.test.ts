/**
 * Acceptance of `verify` (issue 5): broken connector images, built here for
 * both platforms from the local python root, each fail exactly the expected
 * check on every platform, with a message naming the fix; a good image
 * passes every check on both platforms. All images come from one
 * `docker buildx bake` of test/fixtures/broken/Dockerfile (shared layers).
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';
import { VerifyReportSchema, type CheckId, type VerifyReport } from '../../src/verify/index.js';
import { CONTAINER_LABEL } from '../../src/docker/container.js';
import { amd64SpecElf } from '../fixtures/broken/elf.js';

const BOTH = ['linux/amd64', 'linux/arm64'];
const FIXTURE = join(repoRoot, 'test/fixtures/broken');
const TAG = (c: string) => `c1-verify-broken/${c}:${process.pid}`;

interface Case {
  target: string;
  /** the check that must fail (and no other) on every verified platform */
  fails: CheckId;
  message: RegExp;
  fix: RegExp;
  platforms?: string[];
}

const CASES: Case[] = [
  { target: 'relative-entrypoint', fails: 'entrypoint-absolute', message: /relative path.*\.\.\/airbyte\/integration_code\/main\.py/, fix: /absolute paths/ },
  { target: 'entrypoint-mismatch', fails: 'entrypoint-env', message: /AIRBYTE_ENTRYPOINT .*differs from ENTRYPOINT/, fix: /same command/ },
  { target: 'root-user', fails: 'user', message: /runs as root/, fix: /USER airbyte/ },
  { target: 'airbyte-dir-root', fails: 'airbyte-dir', message: /\/airbyte is owned by uid 0, not by airbyte \(uid 1000\)/, fix: /chown -R airbyte:airbyte \/airbyte/ },
  { target: 'home-nonexistent', fails: 'user', message: /HOME of airbyte is \/nonexistent, which does not exist/, fix: /--create-home/ },
  { target: 'writes-usr-local', fails: 'writes', message: /outside the permitted write dirs/, fix: /write only under \/airbyte, \/tmp/ },
  { target: 'non-json', fails: 'spec', message: /stdout line 1 is not JSON: "Starting connector \(debug build\)\.\.\."/, fix: /only AirbyteMessage JSON lines/ },
  { target: 'no-connection-spec', fails: 'spec', message: /not a valid SPEC message: spec\.connectionSpecification/, fix: /connectionSpecification/ },
  { target: 'secrets-copied', fails: 'no-secrets', message: /secrets are in the image/, fix: /\.dockerignore/ },
];

describeEngine('verify: broken and good images on both platforms', () => {
  let ctx = '';
  const built: string[] = [];

  beforeAll(async () => {
    const root = inject('roots').python;
    expect(root, 'global setup provides the python root image').toMatch(/@sha256:/);
    ctx = await mkdtemp(join(tmpdir(), 'c1-verify-broken-'));
    await cp(FIXTURE, ctx, { recursive: true });
    await mkdir(join(ctx, 'scratch/airbyte/integration_code'), { recursive: true });
    await writeFile(join(ctx, 'scratch/airbyte/integration_code/spec'), amd64SpecElf(), { mode: 0o755 });
    const targets = ['good', 'destination', 'spec-hang', 'secrets-renamed', 'runtime-secrets', ...CASES.map((c) => c.target), 'elf-mismatch'];
    const bake = {
      group: { default: { targets } },
      target: Object.fromEntries(
        targets.map((t) => [
          t,
          {
            context: ctx,
            dockerfile: 'Dockerfile',
            target: t,
            args: { ROOT: root },
            platforms: t === 'elf-mismatch' ? ['linux/arm64'] : BOTH,
            tags: [TAG(t)],
          },
        ]),
      ),
    };
    await writeFile(join(ctx, 'bake.json'), JSON.stringify(bake));
    await execa('docker', ['buildx', 'bake', '-f', join(ctx, 'bake.json'), '--load'], {
      env: { BUILDX_NO_DEFAULT_ATTESTATIONS: '1' },
      cwd: ctx,
    });
    built.push(...targets.map(TAG));
  });

  const pushed: string[] = [];
  afterAll(async () => {
    // distribution deletes manifests by digest (storage.delete.enabled on the loopback registry)
    for (const ref of pushed) {
      const [name, digest] = ref.replace(/^localhost:5000\//, '').split('@');
      await fetch(`http://localhost:5000/v2/${name}/manifests/${digest}`, { method: 'DELETE' }).catch(() => undefined);
    }
    if (built.length > 0) await execa('docker', ['image', 'rm', '-f', ...built], { reject: false });
    if (ctx) await rm(ctx, { recursive: true, force: true });
  });

  const verify = async (args: string[], env?: Record<string, string>): Promise<{ exitCode: number; report: VerifyReport; stderr: string }> => {
    const r = await runCli(['--json', 'verify', ...args], { env });
    if (hasStackTrace(r.stdout + r.stderr)) throw new Error(`stack trace in output:\n${r.stderr}`);
    return { exitCode: r.exitCode, report: VerifyReportSchema.parse(JSON.parse(r.stdout)), stderr: r.stderr };
  };
  const failed = (r: VerifyReport, platform: string) =>
    r.checks.filter((c) => c.platform === platform && c.status === 'fail').map((c) => c.id);

  it('a good image passes every check on both platforms, including check/discover/read', async () => {
    const { exitCode, report } = await verify([
      TAG('good'),
      '--config',
      join(FIXTURE, 'inputs/config.json'),
      '--catalog',
      join(FIXTURE, 'inputs/configured_catalog.json'),
    ]);
    expect(report.platforms).toEqual(BOTH);
    expect(report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}/${c.platform}: ${c.message}`)).toEqual([
      'write/linux/amd64: not a source command',
      'write/linux/arm64: not a source command',
    ]);
    expect(exitCode).toBe(0);
    expect(report.ok).toBe(true);
    const read = report.checks.find((c) => c.id === 'read' && c.platform === 'linux/arm64');
    expect(read?.message).toMatch(/3 RECORDs, 1 STATE/);
    // AIRBYTE_ENTRYPOINT is the ENTRYPOINT token for token: one spec run per platform covers both
    expect(report.runs.filter((r) => r.step.startsWith('spec')).map((r) => `${r.platform} ${r.step}`).sort()).toEqual([
      'linux/amd64 spec (ENTRYPOINT)',
      'linux/arm64 spec (ENTRYPOINT)',
    ]);
    expect(report.checks.find((c) => c.id === 'spec' && c.platform === 'linux/arm64')?.message).toMatch(/AIRBYTE_ENTRYPOINT is the same argv: this run covers it/);
    expect(report.runs.every((r) => r.command.includes('--network') && r.command.includes('--memory') && r.command.includes('--pids-limit'))).toBe(true);
    expect(report.runs.find((r) => r.step === 'spec (ENTRYPOINT)')?.command).toMatch(/--network none .*-w \/source/);
    // where the time went, per run and per image read (bench/verify.mjs prints it)
    for (const r of report.runs) {
      expect(r.phases, r.step).toBeDefined();
      const p = r.phases!;
      expect(p.createMs + p.runMs, r.step).toBeLessThanOrEqual(r.durationMs + 2);
      expect(r.validateMs ?? -1, r.step).toBeGreaterThanOrEqual(0);
      expect(r.validateMs ?? 0, r.step).toBeLessThanOrEqual(p.runMs + 1);
    }
    for (const p of BOTH) expect(report.reads?.filter((x) => x.platform === p).map((x) => x.read).sort()).toEqual(['ELF (platform)', 'config', 'passwd/group', 'tree /airbyte']);
  });

  it('a good destination: check and write (messages on stdin) pass, runs use -w /dest', async () => {
    const { exitCode, report } = await verify([
      TAG('destination'),
      '--config',
      join(FIXTURE, 'inputs/config.json'),
      '--catalog',
      join(FIXTURE, 'inputs/configured_catalog.json'),
      '--input',
      join(FIXTURE, 'inputs/messages.jsonl'),
    ]);
    expect(report.connectorType).toBe('destination');
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(exitCode).toBe(0);
    expect(report.checks.filter((c) => c.id === 'write').map((c) => [c.status, c.message])).toEqual([
      ['pass', 'exit 0, 1 STATE message(s) echoed'],
      ['pass', 'exit 0, 1 STATE message(s) echoed'],
    ]);
    expect(report.checks.filter((c) => c.id === 'discover' || c.id === 'read').every((c) => c.status === 'skip')).toBe(true);
    expect(report.runs.find((r) => r.step === 'write')?.command).toMatch(/-w \/dest .*-i .* write --config \/airbyte\/config\.json --catalog \/airbyte\/catalog\.json$/);
  });

  it('verifies a registry reference (not in the local store) per platform, and leaves no pulled image behind', async () => {
    const ref = `localhost:5000/c1-verify-broken/good:${process.pid}`;
    await execa('docker', ['tag', TAG('good'), ref]);
    await execa('docker', ['push', '-q', ref]);
    await execa('docker', ['image', 'rm', ref]);
    const digest = (await execa('docker', ['buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest.Digest}}', ref])).stdout.replace(/"/g, '');
    pushed.push(`localhost:5000/c1-verify-broken/good@${digest}`);
    const { exitCode, report } = await verify([ref]);
    expect(report.source).toBe('registry');
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(exitCode).toBe(0);
    expect(report.checks.filter((c) => c.id === 'spec').map((c) => c.status)).toEqual(['pass', 'pass']);
    const left = await execa('docker', ['image', 'ls', '--format', '{{.Repository}}', 'localhost:5000/c1-verify-broken/good']);
    expect(left.stdout.trim()).toBe('');
  });

  it('verify DIR --image: labels from metadata.yaml, default inputs from secrets/ and integration_tests/', async () => {
    const dir = join(FIXTURE, 'connector-dir');
    const { exitCode, report } = await verify([dir, '--image', TAG('good')]);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(exitCode).toBe(0);
    expect(report.checks.find((c) => c.id === 'labels' && c.platform === 'linux/arm64')?.message).toMatch(/match metadata\.yaml/);
    expect(report.checks.filter((c) => c.id === 'check' || c.id === 'discover' || c.id === 'read').map((c) => c.status)).toEqual(Array(6).fill('pass'));
  });

  it('verify DIR finds a secrets file copied under another name (content hash) and stale labels', async () => {
    const dir = join(FIXTURE, 'connector-dir');
    const renamed = await verify([dir, '--image', TAG('secrets-renamed')]);
    expect(renamed.exitCode).toBe(1);
    for (const p of BOTH) {
      expect(failed(renamed.report, p)).toEqual(['no-secrets']);
      expect(renamed.report.checks.find((c) => c.id === 'no-secrets' && c.platform === p)?.details).toEqual([
        '/airbyte/integration_code/settings.json (same content as secrets/config.json)',
      ]);
    }
    // the same image verified as IMAGE cannot know the connector's secrets: it passes
    const asImage = await verify([TAG('secrets-renamed')]);
    expect(asImage.exitCode).toBe(0);

    const bumped = join(ctx, 'connector-bumped');
    await cp(dir, bumped, { recursive: true });
    const meta = join(bumped, 'metadata.yaml');
    await writeFile(meta, (await readFile(meta, 'utf8')).replace('dockerImageTag: 0.1.0', 'dockerImageTag: 0.2.0'));
    const stale = await verify([bumped, '--image', TAG('good')]);
    expect(stale.exitCode).toBe(1);
    for (const p of BOTH) {
      expect(failed(stale.report, p)).toEqual(['labels']);
      const l = stale.report.checks.find((c) => c.id === 'labels' && c.platform === p);
      expect(l?.message).toBe('io.airbyte.version is "0.1.0", metadata.yaml dockerImageTag is "0.2.0"');
      expect(l?.fix).toMatch(/rebuild with the current metadata\.yaml/);
    }
  });

  it('a secrets/ path the connector creates under /airbyte while it runs is a permitted write, not a secret in the image', async () => {
    const { exitCode, report } = await verify([TAG('runtime-secrets')]);
    for (const p of BOTH) {
      expect(failed(report, p)).toEqual([]);
      expect(report.checks.find((c) => c.id === 'no-secrets' && c.platform === p)?.status).toBe('pass');
    }
    expect(exitCode).toBe(0);
  });

  it('reads through the docker CLI when the engine API is not used: the same report, to the message', async () => {
    const dir = join(FIXTURE, 'connector-dir');
    const strip = (r: VerifyReport) => r.checks.map((c) => `${c.id}/${c.platform}/${c.status}: ${c.message} ${JSON.stringify(c.details ?? [])}`);
    for (const args of [[dir, '--image', TAG('secrets-renamed')], [TAG('writes-usr-local')]]) {
      const api = await verify(args);
      const cli = await verify([...args, '--debug'], { BUILD_CONNECTOR_NO_ENGINE_API: '1' });
      expect(cli.stderr).toMatch(/docker cp \S+:\/etc\/passwd -/);
      expect(cli.stderr).not.toMatch(/engine API/);
      expect(cli.exitCode).toBe(api.exitCode);
      expect(strip(cli.report)).toEqual(strip(api.report));
    }
  });

  it('the text output is a check × platform table; exit 1 with the fix under each failure', async () => {
    const r = await runCli(['verify', TAG('airbyte-dir-root')]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/check\s+linux\/amd64\s+linux\/arm64/);
    expect(r.stdout).toMatch(/airbyte-dir\s+✗\s+✗/);
    expect(r.stdout).toMatch(/spec\s+✓\s+✓/);
    expect(r.stdout).toMatch(/✗ airbyte-dir \[linux\/arm64\]: \/airbyte is owned by uid 0[^\n]*\n\s+fix: /);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });

  // Each case is one verify of a distinct image: run them a few at a time.
  for (const c of CASES) {
    it.concurrent(`${c.target}: fails only "${c.fails}" on both platforms, naming the fix`, async ({ expect }) => {
      const { exitCode, report } = await verify([TAG(c.target)]);
      expect(exitCode).toBe(1);
      for (const p of BOTH) {
        expect(failed(report, p), p).toEqual([c.fails]);
        const f = report.checks.find((x) => x.id === c.fails && x.platform === p);
        expect(f?.message).toMatch(c.message);
        expect(f?.fix).toMatch(c.fix);
      }
      if (c.target === 'entrypoint-mismatch') {
        // different argv: spec ran both ways, and both passed
        expect(report.runs.filter((r) => r.step.startsWith('spec')).map((r) => `${r.platform} ${r.step}`).sort()).toEqual([
          'linux/amd64 spec (AIRBYTE_ENTRYPOINT)',
          'linux/amd64 spec (ENTRYPOINT)',
          'linux/arm64 spec (AIRBYTE_ENTRYPOINT)',
          'linux/arm64 spec (ENTRYPOINT)',
        ]);
        expect(report.runs.find((r) => r.step === 'spec (AIRBYTE_ENTRYPOINT)')?.command).toMatch(/--entrypoint \/usr\/bin\/python3 .* \/airbyte\/integration_code\/main\.py spec$/);
      }
      if (c.target === 'writes-usr-local') {
        const w = report.checks.find((x) => x.id === 'writes' && x.platform === 'linux/arm64');
        expect(w?.details?.join('\n')).toMatch(/A \/usr\/local\/state\.txt\s+during spec \(ENTRYPOINT\)/);
        expect(w?.details?.join('\n')).not.toMatch(/\/source/);
      }
    });
  }

  it('an amd64 binary labelled arm64 fails the platform check on arm64 (and amd64 is reported missing)', async () => {
    const { exitCode, report } = await verify([TAG('elf-mismatch'), '--platform', 'linux/arm64']);
    expect(exitCode).toBe(1);
    expect(failed(report, 'linux/arm64')).toEqual(['platform']);
    const arm = report.checks.find((x) => x.id === 'platform' && x.platform === 'linux/arm64');
    expect(arm?.message).toBe('labelled linux/arm64 but /airbyte/integration_code/spec is an amd64 executable');
    expect(arm?.fix).toMatch(/for arm64/);
    const amd = report.checks.find((x) => x.id === 'platform' && x.platform === 'linux/amd64');
    expect(amd?.status).toBe('fail');
    expect(amd?.message).toMatch(/no linux\/amd64 image/);
    expect(report.checks.filter((x) => x.platform === 'linux/amd64' && x.id !== 'platform').every((x) => x.status === 'skip')).toBe(true);
  });

  it('a spec that never returns fails "spec" within timeout + margin and leaves no container', async () => {
    const timeout = 8;
    const t0 = Date.now();
    const child = execa(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli.ts'), '--json', 'verify', TAG('spec-hang'), '--timeout', String(timeout)], {
      cwd: repoRoot,
      reject: false,
    });
    const res = await child;
    const elapsed = (Date.now() - t0) / 1000;
    expect(res.exitCode).toBe(1);
    const report = VerifyReportSchema.parse(JSON.parse(String(res.stdout)));
    for (const p of BOTH) {
      expect(failed(report, p)).toEqual(['spec']);
      const f = report.checks.find((x) => x.id === 'spec' && x.platform === p);
      expect(f?.message).toMatch(/did not finish within 8 s: the container was killed/);
      expect(f?.fix).toMatch(/make the command return/);
    }
    expect(elapsed).toBeLessThan(timeout + 30);
    const left = await execa('docker', ['ps', '-a', '--filter', `label=${CONTAINER_LABEL}`, '--filter', `name=-${child.pid}-`, '--format', '{{.Names}}']);
    expect(left.stdout.trim()).toBe('');
  });

  it('Ctrl-C during a hung spec removes every container and exits 130', async () => {
    const child = execa(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli.ts'), 'verify', TAG('spec-hang'), '--timeout', '300'], {
      cwd: repoRoot,
      reject: false,
    });
    const mine = async () =>
      (await execa('docker', ['ps', '-a', '--filter', `label=${CONTAINER_LABEL}`, '--filter', `name=-${child.pid}-`, '--format', '{{.Names}} {{.Status}}'])).stdout.trim();
    let running = '';
    for (let i = 0; i < 120 && !/bc-verify-\S+ Up/.test(running); i++) {
      await new Promise((r) => setTimeout(r, 250));
      running = await mine();
    }
    expect(running).toMatch(/bc-verify-\S+ Up/);
    child.kill('SIGINT');
    const res = await child;
    expect(res.exitCode).toBe(130);
    expect(await mine()).toBe('');
  });

  it('a reader that goes away (`verify ... | head -1`) gets every container removed, exit 141, not a crash', async () => {
    // --debug writes a line per docker call, so the closed pipe is met while containers run.
    const child = execa(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli.ts'), '--debug', 'verify', TAG('spec-hang'), '--timeout', '300'], {
      cwd: repoRoot,
      reject: false,
      stdout: 'pipe',
      stderr: 'pipe',
    });
    const mine = async () =>
      (await execa('docker', ['ps', '-a', '--filter', `label=${CONTAINER_LABEL}`, '--filter', `name=-${child.pid}-`, '--format', '{{.Names}} {{.Status}}'])).stdout.trim();
    // like `| head -1`: the first line is read, then the pipe is closed
    await new Promise<void>((resolve) => child.stderr?.once('data', () => resolve()));
    child.stdout?.destroy();
    child.stderr?.destroy();
    const res = await Promise.race([child, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 60_000))]);
    if (res === 'hung') child.kill('SIGKILL');
    expect(res === 'hung' ? 'hung' : res.exitCode).toBe(141);
    expect(await mine()).toBe('');
  });
});
