/**
 * `build-connector build` on the real engine (docker driver, containerd
 * store), both platforms (arm64 through qemu), from the local python root.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { BuildResultSchema, type BuildResult } from '../../src/core/images/result.js';
import { describeEngine } from '../support/engine.js';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';

const ID = `c2it${process.pid}`;
const EXAMPLE = join(repoRoot, 'examples', 'source-hello');

describeEngine('build (real engine, both platforms)', () => {
  let root: string;
  let work: string;
  const images: string[] = [];

  beforeAll(async () => {
    root = inject('roots').python ?? '';
    expect(root, 'global setup provides the python root image').toMatch(/@sha256:[0-9a-f]{64}$/);
    work = await mkdtemp(join(tmpdir(), 'bc-build-it-'));
  });

  afterAll(async () => {
    if (images.length > 0) await execa('docker', ['image', 'rm', '-f', ...images], { reject: false });
    await rm(work, { recursive: true, force: true });
  });

  const parse = (stdout: string): BuildResult => BuildResultSchema.parse(JSON.parse(stdout));
  const indexJsonDigest = async (tar: string) => {
    const { stdout } = await execa('tar', ['-xOf', tar, 'index.json']);
    return (JSON.parse(stdout) as { manifests: { digest: string }[] }).manifests[0]?.digest;
  };

  /** A custom-mode connector (its own Dockerfile) in a temp dir. */
  async function customConnector(name: string, dockerfile: string): Promise<string> {
    const dir = join(work, name);
    await mkdir(dir, { recursive: true });
    const meta = (await readFile(join(EXAMPLE, 'metadata.yaml'), 'utf8')).replace('dockerRepository: airbyte/source-hello', `dockerRepository: ${ID}/${name}`);
    await writeFile(join(dir, 'metadata.yaml'), meta);
    await writeFile(join(dir, 'Dockerfile'), dockerfile);
    images.push(`${ID}/${name}:0.1.0`, `${ID}/${name}:dev`); // whatever a build left behind
    return dir;
  }
  const compliant = (extra: string) =>
    [
      `FROM ${root}`,
      'RUN groupadd --gid 1000 airbyte && useradd --uid 1000 --gid 1000 --home-dir /home/airbyte --create-home airbyte && mkdir -p /airbyte && chown 1000:1000 /airbyte',
      extra,
      'ENV AIRBYTE_ENTRYPOINT="/bin/true"',
      'ENTRYPOINT ["/bin/true"]',
      'USER airbyte',
      '',
    ].join('\n');

  it('loads a rendered connector for both platforms; it runs on both; secrets/ stays out (Dockerfile.dockerignore)', async () => {
    const dir = join(work, 'source-hello');
    await cp(EXAMPLE, dir, { recursive: true });
    await mkdir(join(dir, 'secrets'));
    await writeFile(join(dir, 'secrets', 'config.json'), '{"token":"do-not-ship"}');
    const tag = `${ID}/source-hello:load`;
    images.push(tag);
    const r = await runCli(['--json', 'build', dir, '--base-image', root, '--tag', tag, '--progress', 'plain']);
    expect(r.exitCode, r.stderr).toBe(0);
    const res = parse(r.stdout);
    expect(res.output).toBe('load');
    expect(res.imageRef).toBe(tag);
    expect(res.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(res.sourceDateEpochFrom).toBe('default'); // a temp copy is outside git
    expect(res.sourceDateEpoch).toBe(0);
    expect(res.reproducible.index).toBe(false);
    expect(res.lint.ran).toBe(true);
    // the digest comes from the metadata file and is what the engine stored
    expect(res.digest).toBe(res.buildxMetadata['containerimage.digest']);
    const id = (await execa('docker', ['image', 'inspect', tag, '--format', '{{.Id}}'])).stdout.trim();
    expect(id).toBe(res.digest);
    // progress lines carry elapsed time and the platform
    expect(r.stderr).toMatch(/^\s+\d+\.\ds linux\/arm64 #\d+ \[linux\/arm64 /m);
    for (const [platform, machine] of [
      ['linux/amd64', 'x86_64'],
      ['linux/arm64', 'aarch64'],
    ] as const) {
      const spec = await execa('docker', ['run', '--rm', '--network', 'none', '--platform', platform, tag, 'spec']);
      expect(JSON.parse(spec.stdout.split('\n')[0] ?? '')).toMatchObject({ type: 'SPEC' });
      const ls = await execa('docker', ['run', '--rm', '--network', 'none', '--platform', platform, '--entrypoint', '/bin/sh', tag, '-c', 'uname -m; ls -A /airbyte/integration_code']);
      const [arch, ...files] = ls.stdout.split('\n');
      expect(arch).toBe(machine);
      expect(files).toContain('metadata.yaml');
      expect(files).not.toContain('secrets');
    }
  });

  it('writes an OCI archive of the rendered example: metadata digest = index.json digest, manifests per platform', async () => {
    const a = join(work, 'a.tar');
    const r = await runCli(['--json', 'build', EXAMPLE, '--base-image', root, '--output', `oci=${a}`, '--progress', 'quiet']);
    expect(r.exitCode, r.stderr).toBe(0);
    const res = parse(r.stdout);
    expect(res.output).toBe('oci');
    expect(res.ociArchive).toBe(a);
    expect(res.imageRef).toBeNull();
    expect(res.sourceDateEpochFrom).toBe('git'); // the example is committed in this repository
    expect(await indexJsonDigest(a)).toBe(res.digest);
    expect(res.buildxMetadata['containerimage.digest']).toBe(res.digest);
    expect(res.manifests.map((m) => m.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(res.attestations).toBe(2); // provenance on: one attestation manifest per platform
    expect(res.reproducible).toMatchObject({ index: false, manifests: true });
  });

  it('same SOURCE_DATE_EPOCH, no cache, OCI + rewrite-timestamp → the same digests, both platforms', async () => {
    // ARG SOURCE_DATE_EPOCH reaches RUN steps: python then writes hash-based .pyc files (no mtimes inside)
    const dir = await customConnector(
      'repro',
      compliant(
        [
          'ARG SOURCE_DATE_EPOCH',
          'COPY metadata.yaml /airbyte/integration_code/',
          'RUN mkdir -p /opt/x && printf "print(1)\\n" > /opt/x/m.py && python3 -m compileall -q /opt/x && uname -m > /opt/x/arch',
        ].join('\n'),
      ),
    );
    const common = ['--json', 'build', dir, '--no-cache', '--source-date-epoch', '1700000000', '--progress', 'quiet'];
    const b = join(work, 'b.tar');
    const c = join(work, 'c.tar');
    const d = join(work, 'd.tar');
    const rb = await runCli([...common, '--provenance', 'false', '--output', `oci=${b}`]);
    expect(rb.exitCode, rb.stderr).toBe(0);
    const rc = await runCli([...common, '--provenance', 'false', '--output', `oci=${c}`]);
    expect(rc.exitCode, rc.stderr).toBe(0);
    const resB = parse(rb.stdout);
    const resC = parse(rc.stdout);
    expect(resB.sourceDateEpoch).toBe(1_700_000_000);
    expect(resB.sourceDateEpochFrom).toBe('flag');
    expect(resB.reproducible).toMatchObject({ index: true, manifests: true });
    expect(resB.digest).toBe(resC.digest);
    expect(await indexJsonDigest(c)).toBe(resC.digest);
    expect(resB.attestations).toBe(0);
    expect(resB.manifests.map((m) => m.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    // with provenance the index differs (build id, times) but the per-platform images do not
    const rd = await runCli([...common.filter((a) => a !== '--no-cache'), '--output', `oci=${d}`]);
    expect(rd.exitCode, rd.stderr).toBe(0);
    const resD = parse(rd.stdout);
    expect(resD.reproducible).toMatchObject({ index: false, manifests: true });
    expect(resD.manifests).toEqual(resB.manifests);
    expect(resD.digest).not.toBe(resB.digest);
  });

  it('a lint error stops the build with exit 1 before buildx runs', async () => {
    const dir = await customConnector('lint-root', compliant('').replace('USER airbyte', 'USER root'));
    const r = await runCli(['--debug', 'build', dir, '--platform', 'linux/amd64']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/lint: \d+ error\(s\)/);
    expect(r.stderr).toMatch(/Dockerfile:\d+:\d+ error \[user-root\]/);
    expect(r.stderr).not.toMatch(/\[exec\] docker buildx/);
    expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
  });

  it('an unsupported platform exits 3 before building, naming what the builder can build', async () => {
    const t0 = Date.now();
    const r = await runCli(['--debug', 'build', EXAMPLE, '--base-image', root, '--platform', 'linux/amd64,linux/s390x']);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toMatch(/cannot build linux\/s390x/);
    expect(r.stderr).toMatch(/it can build: .*linux\/arm64/);
    expect(r.stderr).toMatch(/\[exec\] docker buildx ls/);
    expect(r.stderr).not.toMatch(/\[exec\] docker buildx build/);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });

  it('a failing RUN exits 1 naming the step and its output', async () => {
    const dir = await customConnector('run-fails', compliant(`RUN echo "${ID}-boom" >&2 && exit 3`));
    const r = await runCli(['build', dir, '--platform', 'linux/arm64', '--progress', 'quiet']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/build failed at step \[.*RUN echo/);
    expect(r.stderr).toContain(`${ID}-boom`);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('SIGINT during a build exits 130 and leaves no buildx client and no build step running', async () => {
    const marker = `${ID}-sigint`;
    const dir = await customConnector('sigint', compliant(`RUN sh -c 'sleep 300; echo ${marker}'`));
    const child = execa(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'cli.ts'), 'build', dir, '--platform', 'linux/amd64', '--no-cache', '--progress', 'plain'], {
      cwd: repoRoot,
      reject: false,
      env: { FORCE_COLOR: '0' },
    });
    let seen = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the slow step never started:\n${seen}`)), 120_000);
      child.stderr?.on('data', (d: Buffer) => {
        seen += d.toString();
        if (seen.includes(`RUN sh -c 'sleep 300`)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    // the step is running inside BuildKit
    await new Promise((r) => setTimeout(r, 1500));
    expect((await execa('pgrep', ['-f', marker], { reject: false })).stdout.trim()).not.toBe('');
    const t0 = Date.now();
    child.kill('SIGINT');
    const res = await child;
    expect(res.exitCode).toBe(130);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(String(res.stderr)).toMatch(/SIGINT received, cleaning up/);
    // BuildKit cancels the step once the client is gone
    let left = 'x';
    for (let i = 0; i < 20 && left !== ''; i++) {
      await new Promise((r) => setTimeout(r, 500));
      left = (await execa('pgrep', ['-f', marker], { reject: false })).stdout.trim();
    }
    expect(left).toBe('');
    expect((await execa('pgrep', ['-f', `docker-buildx buildx build .* ${dir}$`], { reject: false })).stdout.trim()).toBe('');
  });
});
