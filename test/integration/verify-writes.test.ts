/**
 * The writes check read from the container's overlay upper dir
 * (src/docker/rw-layer.ts) finds what the engine's diff API finds, on both
 * image stores: the containerd store (the main engine, the dir found through
 * containerd's snapshot) and the classic store (overlay2, the dir from the
 * container's GraphDriver). BUILD_CONNECTOR_NO_UPPERDIR=1 forces the diff
 * API, the path taken for remote engines, other drivers or unreadable dirs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { hasStackTrace, runCli } from '../support/cli.js';
import { VerifyReportSchema, type VerifyReport } from '../../src/verify/index.js';

// the classic engine scripts/setup-engine.sh starts (as in classic-engine.test.ts)
const CLASSIC_HOST = process.env.BUILD_CONNECTOR_CLASSIC_HOST ?? `unix://${process.env.BUILD_CONNECTOR_CLASSIC_DIR ?? '/run/build-connector-classic'}/docker.sock`;
const TAG = `c1-verify-writes/source-writer:${process.pid}`;

// As root, so every kind of change is possible: added, changed, deleted,
// a directory replaced, a file created then removed, and a permitted write.
const SCRIPT = [
  'echo added > /etc/bc-added',
  'echo more >> /etc/bc-existing',
  'rm /etc/bc-gone',
  'mkdir -p /opt/bc/a/b && echo x > /opt/bc/a/b/f',
  'rm -rf /srv/bc-dir && mkdir /srv/bc-dir',
  'echo ok > /tmp/ok',
  'echo \'{"type":"SPEC","spec":{"connectionSpecification":{"type":"object"}}}\'',
].join('; ');

const DOCKERFILE = (root: string) => `FROM ${root}
RUN echo old > /etc/bc-existing && echo old > /etc/bc-gone && mkdir -p /srv/bc-dir && echo y > /srv/bc-dir/old
RUN useradd --uid 1000 --create-home airbyte && mkdir -p /airbyte/sub && echo a > /airbyte/a.txt && echo g > /airbyte/gone.txt && ln -s a.txt /airbyte/link && rm /etc/issue.net
RUN rm /airbyte/gone.txt && echo b > /airbyte/sub/b.txt && chmod 750 /airbyte/sub && chown -R 1000:1000 /airbyte
RUN printf '#!/bin/sh\\n%s\\n' '${SCRIPT.replace(/'/g, `'"'"'`)}' > /entry.sh && chmod 755 /entry.sh
ENV AIRBYTE_ENTRYPOINT=/entry.sh
ENTRYPOINT ["/entry.sh"]
LABEL io.airbyte.name=airbyte/source-writer io.airbyte.version=0.1.0
`;

const ENGINES = { containerd: {}, classic: { DOCKER_HOST: CLASSIC_HOST } } as const;

describeEngine('writes check: overlay upper dir vs engine diff API', () => {
  let ctx = '';
  let classicOk = false;
  beforeAll(async () => {
    const root = inject('roots').python ?? '';
    ctx = await mkdtemp(join(tmpdir(), 'bc-writes-'));
    await writeFile(join(ctx, 'Dockerfile'), DOCKERFILE(root));
    await execa('docker', ['build', '--platform', 'linux/amd64', '-t', TAG, ctx], { env: { BUILDX_NO_DEFAULT_ATTESTATIONS: '1' } });
    const classic = await execa('docker', ['build', '--platform', 'linux/amd64', '-t', TAG, ctx], { env: { ...process.env, DOCKER_HOST: CLASSIC_HOST }, reject: false });
    classicOk = classic.exitCode === 0;
    if (!classicOk && process.env.CI === 'true') throw new Error(`the classic engine could not build: ${classic.stderr}`);
  }, 300_000);
  afterAll(async () => {
    await execa('docker', ['image', 'rm', '-f', TAG], { reject: false });
    await execa('docker', ['image', 'rm', '-f', TAG], { env: { ...process.env, DOCKER_HOST: CLASSIC_HOST }, reject: false });
    if (ctx) await rm(ctx, { recursive: true, force: true });
  });

  const verify = async (env: Record<string, string>): Promise<VerifyReport> => {
    const r = await runCli(['--json', 'verify', TAG, '--platform', 'linux/amd64'], { env });
    if (hasStackTrace(r.stdout + r.stderr)) throw new Error(`stack trace in output:\n${r.stderr}`);
    expect(r.exitCode).toBe(1);
    return VerifyReportSchema.parse(JSON.parse(r.stdout));
  };
  const writes = (r: VerifyReport) => r.checks.find((c) => c.id === 'writes' && c.platform === 'linux/amd64');

  for (const [engine, env] of Object.entries(ENGINES)) {
    it(`${engine} store: the upper dir and the diff API give the same finding`, async (t) => {
      if (engine === 'classic' && !classicOk) t.skip();
      const fast = await verify(env);
      const api = await verify({ ...env, BUILD_CONNECTOR_NO_UPPERDIR: '1' });
      expect(fast.runs.map((x) => x.phases?.diffVia)).toEqual(['upper-dir']);
      expect(api.runs.map((x) => x.phases?.diffVia)).toEqual(['engine']);
      const w = writes(fast);
      expect(w?.status).toBe('fail');
      expect(w?.message).toMatch(/outside the permitted write dirs/);
      const paths = (w?.details ?? []).map((d) => d.replace(/\s+during.*$/, ''));
      for (const p of ['A /etc/bc-added', 'C /etc/bc-existing', 'D /etc/bc-gone', 'A /opt/bc', 'A /opt/bc/a/b/f']) expect(paths).toContain(p);
      expect(paths.some((p) => p.includes('/srv/bc-dir'))).toBe(true);
      expect(paths.some((p) => p.includes('/tmp'))).toBe(false);
      // every write the engine reports, the upper dir reports too
      const apiPaths = (writes(api)?.details ?? []).map((d) => d.replace(/\s+during.*$/, ''));
      expect(apiPaths.filter((p) => !paths.includes(p) && !p.includes('/srv/bc-dir'))).toEqual([]);
      expect(writes(api)?.status).toBe('fail');
      // the image's own trees (read from its layers, or through the engine) give the same findings
      const others = (r: VerifyReport) => r.checks.filter((c) => c.id !== 'writes').map((c) => `${c.id} ${c.status} ${c.message}`);
      expect(others(fast)).toEqual(others(api));
      expect(fast.checks.find((c) => c.id === 'airbyte-dir')?.message).toMatch(/owned by airbyte \(uid 1000\)/);
      expect(fast.reads?.find((x) => x.read === 'tree /airbyte')?.via).toBe('layers');
      expect(api.reads?.find((x) => x.read === 'tree /airbyte')?.via).toBe('engine');
    }, 120_000);
  }

  it('the /airbyte and /etc trees read from the layer dirs are the ones docker cp lists (whiteouts applied)', async () => {
    const { startContainer } = await import('../../src/docker/container.js');
    const { copyFromContainer } = await import('../../src/docker/image.js');
    const { treeFromLayers, layerFactsCache } = await import('../../src/oci/layer-tree.js');
    const c = startContainer({ image: TAG, platform: 'linux/amd64', args: [], entrypoint: ['/bin/true'], timeoutMs: 60_000 });
    let release = () => {};
    c.hold(new Promise<void>((r) => (release = r)));
    try {
      expect((await c.created).ok).toBe(true);
      const layers = await c.layers;
      expect(layers?.lowers.length).toBeGreaterThan(1);
      const shape = (es: { path: string; type: string; mode: number; uid: number; gid: number; size: number; linkname: string }[]) =>
        es.map((e) => `${e.path} ${e.type} ${e.mode.toString(8)} ${e.uid}:${e.gid} ${e.type === 'file' ? e.size : ''} ${e.linkname}`).sort();
      for (const root of ['/airbyte', '/etc']) {
        const fromLayers = await treeFromLayers(layers?.lowers ?? [], root);
        const viaEngine = await copyFromContainer(c.name, root, { keep: () => 0, maxBytes: 1024 ** 3 });
        // the engine's own files (hosts, hostname, resolv.conf, mtab) are in its init layer, below the container: a lower too
        const engineFiles = new Set(['etc/hosts', 'etc/hostname', 'etc/resolv.conf']);
        const mine = (es: Parameters<typeof shape>[0]) => shape(es.filter((e) => !engineFiles.has(e.path)));
        expect(mine(fromLayers?.entries ?? [])).toEqual(mine(viaEngine.entries));
        expect(viaEngine.entries.length).toBeGreaterThan(root === '/etc' ? 50 : 4);
      }
      expect(shape((await treeFromLayers(layers?.lowers ?? [], '/airbyte'))?.entries ?? []).some((l) => l.startsWith('airbyte/gone.txt'))).toBe(false);
      expect(layerFactsCache.stats().hits).toBeGreaterThan(0);
    } finally {
      release();
      await c.result;
    }
  });
});
