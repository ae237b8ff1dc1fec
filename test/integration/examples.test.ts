/**
 * Every bundled example renders, builds for linux/amd64 + linux/arm64 on the
 * bases built from the local roots, answers `spec` on both platforms, and
 * passes every `verify` check on both (with real check/discover/read or
 * check/write runs from its integration_tests inputs). Also: secrets/ and .git
 * never reach an image, and metadata values with quotes, backslashes and `$`
 * arrive in labels unchanged.
 */
import { cp, mkdtemp, mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { execa } from 'execa';
import { describeEngine } from '../support/engine.js';
import { runCli } from '../support/cli.js';
import { EXAMPLES, EXAMPLES_DIR, ensureExampleBases, type ExampleBases } from '../support/examples.js';

const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const TAG_PREFIX = 'bc-test-examples';

async function dockerRun(args: string[], timeout = 5 * 60_000) {
  return execa('docker', args, { reject: false, timeout });
}

describeEngine('bundled examples build for both platforms and pass verify', () => {
  let bases: ExampleBases;
  let work: string;
  const images: string[] = [];

  beforeAll(async () => {
    bases = await ensureExampleBases(inject('roots'));
    work = await mkdtemp(join(tmpdir(), 'bc-examples-'));
  });

  afterAll(async () => {
    if (images.length) await dockerRun(['image', 'rm', '-f', ...images]);
    if (work) await rm(work, { recursive: true, force: true });
  });

  const baseFor = (language: string): string | undefined =>
    language === 'custom' ? bases.python : bases[language as keyof ExampleBases];

  /** Copy an example and plant things that must never enter an image. */
  async function copyWithSecrets(name: string): Promise<string> {
    const dir = join(work, name);
    await cp(join(EXAMPLES_DIR, name), dir, { recursive: true });
    await mkdir(join(dir, 'secrets'), { recursive: true });
    await writeFile(join(dir, 'secrets', 'config.json'), '{"api_key":"do-not-ship"}\n');
    await mkdir(join(dir, '.git'), { recursive: true });
    await writeFile(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    await mkdir(join(dir, '__pycache__'), { recursive: true });
    await writeFile(join(dir, '__pycache__', 'x.pyc'), 'cache');
    return dir;
  }

  async function renderAndBuild(dir: string, base: string, tag: string, platforms: string[]) {
    const out = join(dir, '..', `${tag.replace(/[/:]/g, '_')}.Dockerfile`);
    const r = await runCli(['--json', 'render', dir, '--base-image', base, '--out', out]);
    expect(r.exitCode, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { entrypoint: string[]; buildArgs: Record<string, string>; dockerfilePath: string | null; mode: string };
    const dockerfile = plan.mode === 'custom' ? (plan.dockerfilePath ?? '') : out;
    if (plan.mode === 'custom') await writeFile(`${dockerfile}.dockerignore`, await readFile(`${out}.dockerignore`, 'utf8'));
    const buildArgs = Object.entries(plan.buildArgs).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]);
    const b = await dockerRun(['buildx', 'build', '--platform', platforms.join(','), '--provenance=false', '-f', dockerfile, ...buildArgs, '-t', tag, '--load', dir], 15 * 60_000);
    expect(b.exitCode, `${b.stderr}`.split('\n').slice(-25).join('\n')).toBe(0);
    images.push(tag);
    return plan;
  }

  for (const ex of EXAMPLES) {
    it(`${ex.name} (${ex.language}) builds for ${PLATFORMS.join(' + ')}, answers spec and passes every verify check`, async () => {
      const base = baseFor(ex.language);
      if (!base) throw new Error(`no base for ${ex.language}: the ${ex.language} root image is missing (run scripts/setup-engine.sh)`);
      const dir = await copyWithSecrets(ex.name);
      const tag = `${TAG_PREFIX}/${ex.name}:test`;
      const plan = await renderAndBuild(dir, base, tag, PLATFORMS);

      const inspect = await dockerRun(['image', 'inspect', '--format', '{{json .Config}}', tag]);
      expect(inspect.exitCode).toBe(0);
      const config = JSON.parse(inspect.stdout) as { User: string; Entrypoint: string[]; Env: string[]; Labels: Record<string, string> | null };
      expect(config.User).toBe('airbyte');
      expect(config.Entrypoint).toEqual(plan.entrypoint);
      expect(config.Env).toContain(`AIRBYTE_ENTRYPOINT=${plan.entrypoint.join(' ')}`);
      if (ex.language !== 'custom') {
        expect(config.Labels?.['io.airbyte.version']).toBe('0.1.0');
        expect(config.Labels?.['io.airbyte.permitted-write-dirs']).toContain('/airbyte');
      }

      for (const platform of PLATFORMS) {
        const run = await dockerRun(['run', '--rm', '--platform', platform, tag, 'spec']);
        expect(run.exitCode, `${platform}: ${run.stderr}`).toBe(0);
        const spec = run.stdout
          .split('\n')
          .filter((l) => l.trim().startsWith('{'))
          .map((l) => JSON.parse(l) as { type: string; spec?: { connectionSpecification?: unknown } })
          .find((m) => m.type === 'SPEC');
        expect(spec?.spec?.connectionSpecification, `${platform} stdout: ${run.stdout}`).toBeTypeOf('object');
      }

      // nothing from secrets/, .git or caches in the image; /airbyte owned by airbyte (uid 1000)
      const cpOut = await execa('sh', ['-c', `id=$(docker create ${tag}) && docker cp "$id":/airbyte - | tar -tv --numeric-owner; docker rm -f "$id" >/dev/null`], { reject: false });
      expect(cpOut.stdout).not.toMatch(/secrets\/config\.json|\.git\/HEAD|__pycache__\/x\.pyc/);
      const airbyteDir = cpOut.stdout.split('\n').find((l) => / airbyte\/$/.test(l));
      expect(airbyteDir, cpOut.stdout.slice(0, 400)).toMatch(/ 1000\/1000 /);

      // the whole verification on both platforms: every check passes, including
      // real check/discover/read (sources) or check/write (destinations) runs
      const inputs = join(dir, 'integration_tests');
      const io = ['--config', join(inputs, 'sample_config.json'), '--catalog', join(inputs, 'configured_catalog.json')];
      if (ex.name.startsWith('destination-')) io.push('--input', join(inputs, 'messages.jsonl'));
      const v = await runCli(['--json', 'verify', dir, '--image', tag, '--platform', PLATFORMS.join(','), ...io]);
      const report = JSON.parse(v.stdout) as { ok: boolean; platforms: string[]; checks: { id: string; platform: string; status: string; message: string }[] };
      const failedChecks = report.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}@${c.platform}: ${c.message}`);
      expect(failedChecks, v.stderr.slice(-2000)).toEqual([]);
      expect(v.exitCode).toBe(0);
      expect(report.platforms).toEqual(PLATFORMS);
      const ran = (id: string) => PLATFORMS.every((p) => report.checks.some((c) => c.id === id && c.platform === p && c.status === 'pass'));
      for (const id of ['platform', 'entrypoint-env', 'user', 'airbyte-dir', 'spec', 'check', 'writes', 'no-secrets', 'labels']) expect(ran(id), id).toBe(true);
      for (const id of ex.name.startsWith('destination-') ? ['write'] : ['discover', 'read']) expect(ran(id), id).toBe(true);
    });
  }

  it('quotes, backslashes and $ in data.name reach the label unchanged (no injection)', async () => {
    const dir = join(work, 'nasty');
    await cp(join(EXAMPLES_DIR, 'destination-echo'), dir, { recursive: true });
    const name = 'Echo "quoted" \\ back $HOME ${PATH} it\'s';
    const meta = (await readFile(join(dir, 'metadata.yaml'), 'utf8')).replace('name: Echo', `name: ${JSON.stringify(name)}`);
    await writeFile(join(dir, 'metadata.yaml'), meta);
    const tag = `${TAG_PREFIX}/nasty:test`;
    await renderAndBuild(dir, bases.python, tag, ['linux/amd64']);
    const inspect = await dockerRun(['image', 'inspect', '--format', '{{json .Config.Labels}}', tag]);
    const labels = JSON.parse(inspect.stdout) as Record<string, string>;
    expect(labels['org.opencontainers.image.title']).toBe(name);
    expect(Object.keys(labels).filter((k) => !/^(io\.airbyte|org\.opencontainers)\./.test(k))).toEqual([]);
  });
});
