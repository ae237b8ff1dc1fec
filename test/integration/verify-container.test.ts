/**
 * The locked-down container runner on the real engine: timeout kills the
 * container by name (PID 1 ignores SIGTERM), a flood is capped, stdin is fed,
 * docker diff is read, and nothing is left behind.
 */
import { execa } from 'execa';
import { beforeAll, expect, inject, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { CONTAINER_LABEL, runContainer, startContainer } from '../../src/docker/container.js';
import { copyFromContainer } from '../../src/docker/image.js';

describeEngine('container runner (real engine)', () => {
  let image = '';
  const P = 'linux/amd64';
  const leftovers = async () =>
    (await execa('docker', ['ps', '-a', '--filter', `label=${CONTAINER_LABEL}`, '--filter', `name=bc-verify-${process.pid}-`, '--format', '{{.Names}}'])).stdout.trim();

  beforeAll(async () => {
    image = inject('roots').python ?? '';
    expect(image).toMatch(/@sha256:/);
    await execa('docker', ['pull', '--platform', P, image]);
  });

  it('kills a PID-1 process that ignores SIGTERM at the timeout, by name, and removes it', async () => {
    const t0 = Date.now();
    const r = await runContainer({ image, platform: P, entrypoint: ['sleep'], args: ['600'], timeoutMs: 2000 });
    const elapsed = Date.now() - t0;
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBe(137);
    expect(elapsed).toBeLessThan(20_000);
    expect(await leftovers()).toBe('');
  });

  it('stops a connector flooding stdout at the cap and records where', async () => {
    const r = await runContainer({ image, platform: P, entrypoint: ['yes'], args: ['{"type":"LOG"}'], timeoutMs: 60_000, maxOutputBytes: 1024 * 1024 });
    expect(r.outputStop).toMatchObject({ limit: 'total', bytes: 1024 * 1024 });
    expect(r.timedOut).toBe(false);
    const kept = r.stdoutLines.reduce((n, l) => n + l.length + 1, 0);
    expect(kept).toBeLessThanOrEqual(1024 * 1024);
    expect(await leftovers()).toBe('');
  });

  it('stops a line that never ends at the per-line limit, and keeps only a tail of an endless stderr', async () => {
    const line = await runContainer({ image, platform: P, entrypoint: ['sh'], args: ['-c', 'echo first; exec tr "\\0" x < /dev/zero'], timeoutMs: 60_000, maxLineBytes: 256 * 1024 });
    expect(line.outputStop).toEqual({ limit: 'line', bytes: 256 * 1024, line: 2 });
    expect(line.stdoutLines).toEqual(['first']);
    const err = await runContainer({ image, platform: P, entrypoint: ['sh'], args: ['-c', 'head -c 50000000 /dev/zero | tr "\\0" e >&2; printf "\\ndone\\n" >&2; echo out'], timeoutMs: 60_000 });
    expect(err.outputStop).toBeUndefined();
    expect(err.exitCode).toBe(0);
    expect(err.stdoutLines).toEqual(['out']);
    expect(err.stderrBytes).toBe(50_000_006);
    expect(err.stderrTail).toEqual([`${'e'.repeat(2048)}… (${50_000_000 - 2048} more bytes on this line)`, 'done']);
    expect(await leftovers()).toBe('');
  });

  it('keeps a held container for reads: no diff or removal before the reads end, and the reads leave no trace in the diff', async () => {
    const c = startContainer({ image, platform: P, workdir: '/source', entrypoint: ['sh'], args: ['-c', 'touch /tmp/mine'], timeoutMs: 60_000 });
    expect(await c.created).toEqual({ ok: true });
    let release = () => {};
    c.hold(new Promise<void>((r) => (release = r)));
    let settled = false;
    void c.result.then(() => (settled = true));
    // The connector exits at once; reads through docker cp go on after it,
    // each one a pivot into the container's root on the daemon side.
    const reads = [];
    for (let i = 0; i < 6; i++) reads.push((await copyFromContainer(c.name, i % 2 === 0 ? '/etc/passwd' : '/airbyte')).exists);
    await new Promise((r) => setTimeout(r, 500));
    expect(settled).toBe(false);
    expect((await execa('docker', ['ps', '-a', '--filter', `name=${c.name}`, '--format', '{{.Names}}'])).stdout.trim()).toBe(c.name);
    release();
    const r = await c.result;
    expect(reads[0]).toBe(true);
    expect(r.exitCode).toBe(0);
    expect(r.diff.map((d) => `${d.kind} ${d.path}`).sort()).toEqual(['A /source', 'A /tmp/mine', 'C /tmp']);
    expect(await leftovers()).toBe('');
  });

  it('reports a container docker refuses to create (no such platform) through `created`, and leaves nothing', async () => {
    const c = startContainer({ image, platform: 'linux/s390x', args: ['spec'], timeoutMs: 60_000 });
    const made = await c.created;
    expect(made.ok).toBe(false);
    expect(made.ok ? '' : made.reason).toMatch(/No such image|s390x|platform|manifest/i);
    expect((await c.result).exitCode).toBe(125);
    expect(await leftovers()).toBe('');
  });

  it('feeds stdin, runs with no network, reports docker diff and the exit code', async () => {
    const r = await runContainer({
      image,
      platform: P,
      workdir: '/dest',
      entrypoint: ['sh'],
      args: ['-c', 'cat; touch /usr/local/x /tmp/y; cat /sys/class/net/*/operstate | wc -l >&2; exit 3'],
      input: 'line one\nline two\n',
      timeoutMs: 60_000,
    });
    expect(r.exitCode).toBe(3);
    expect(r.stdoutLines).toEqual(['line one', 'line two']);
    // only the loopback interface exists with --network none
    expect(r.stderrTail).toEqual(['1']);
    expect(r.diff).toEqual(expect.arrayContaining([{ kind: 'A', path: '/dest' }, { kind: 'A', path: '/usr/local/x' }, { kind: 'A', path: '/tmp/y' }]));
    expect(await leftovers()).toBe('');
  });
});
