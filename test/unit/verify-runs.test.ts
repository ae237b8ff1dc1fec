import { describe, expect, it } from 'vitest';
import type { ContainerRunResult } from '../../src/docker/container.js';
import { checkOperation, checkSpec, checkWrites, offendingWrites, permittedWriteDirs, type NamedRun } from '../../src/verify/run-checks.js';
import { connectorTypeOf, platformList } from '../../src/verify/verify.js';
import { digestLines } from '../../src/protocol/parse.js';

const P = 'linux/amd64';
const SPEC = JSON.stringify({ type: 'SPEC', spec: { connectionSpecification: { type: 'object' } } });
const result = (over: Partial<ContainerRunResult> = {}): ContainerRunResult => ({
  name: 'c',
  command: 'docker run --name c img spec',
  exitCode: 0,
  stdoutLines: [SPEC],
  stderrTail: [],
  stdoutBytes: 0,
  stderrBytes: 0,
  timedOut: false,
  oomKilled: false,
  diff: [],
  durationMs: 10,
  ...over,
});
const run = (label: string, over: Partial<ContainerRunResult> = {}): NamedRun => {
  const r = result(over);
  return { label, workdir: '/source', result: r, messages: digestLines(r.stdoutLines) };
};

describe('writes', () => {
  it('reads permitted dirs from the label, else Airbyte defaults', () => {
    expect(permittedWriteDirs({})).toEqual({ dirs: ['/airbyte', '/tmp', '/secrets', '/config', '/custom_cache'], from: 'defaults' });
    expect(permittedWriteDirs({ 'io.airbyte.permitted-write-dirs': '/airbyte,/tmp, /data/' })).toEqual({ dirs: ['/airbyte', '/tmp', '/data'], from: 'label' });
  });
  it('reports leaf writes outside the permitted dirs, not parents, not the -w dir', () => {
    const diff = [
      { kind: 'A' as const, path: '/source' },
      { kind: 'C' as const, path: '/usr' },
      { kind: 'C' as const, path: '/usr/local' },
      { kind: 'A' as const, path: '/usr/local/state.txt' },
      { kind: 'C' as const, path: '/tmp' },
      { kind: 'A' as const, path: '/tmp/x' },
      { kind: 'A' as const, path: '/airbytex' },
      { kind: 'D' as const, path: '/etc/motd' },
    ];
    expect(offendingWrites(diff, ['/airbyte', '/tmp'], '/source').map((d) => `${d.kind} ${d.path}`)).toEqual(['A /usr/local/state.txt', 'A /airbytex', 'D /etc/motd']);
    expect(offendingWrites([{ kind: 'A', path: '/source/out.txt' }, { kind: 'C', path: '/source' }], ['/tmp'], '/source').map((d) => d.path)).toEqual(['/source/out.txt']);
  });
  it('names the runs that wrote each path', () => {
    const r = checkWrites(P, [run('spec (ENTRYPOINT)', { diff: [{ kind: 'A', path: '/home/airbyte/.cache' }] }), run('check', { diff: [{ kind: 'A', path: '/home/airbyte/.cache' }] })], permittedWriteDirs({}));
    expect(r.status).toBe('fail');
    expect(r.details).toEqual(['A /home/airbyte/.cache   during spec (ENTRYPOINT), check']);
  });
});

describe('spec', () => {
  it('passes with exit 0 and a SPEC through both entrypoints', () => {
    const r = checkSpec(P, [run('spec (ENTRYPOINT)'), run('spec (AIRBYTE_ENTRYPOINT)')], 120_000);
    expect(r).toMatchObject({ status: 'pass', message: 'spec (ENTRYPOINT) and spec (AIRBYTE_ENTRYPOINT): exit 0, 2 SPEC messages, every line valid' });
  });
  it.each([
    ['a non-JSON line', { stdoutLines: ['Starting...', SPEC] }, /spec \(ENTRYPOINT\): stdout line 1 is not JSON: "Starting\.\.\."/, /only AirbyteMessage JSON lines/],
    ['no SPEC', { stdoutLines: [] }, /printed no SPEC message/, /must exit 0 with a SPEC/],
    ['a non-zero exit', { exitCode: 3, stderrTail: ['Traceback'] }, /exited with code 3/, /must exit 0/],
    ['a timeout', { timedOut: true, exitCode: 137, stdoutLines: [] }, /did not finish within 120 s: the container was killed/, /make the command return/],
    [
      'a line past the per-line limit',
      { outputStop: { limit: 'line' as const, bytes: 20 * 1024 * 1024, line: 1 }, exitCode: 137, stdoutLines: [] },
      /^spec \(ENTRYPOINT\): stdout line 1 grew past the per-line limit of 20 MiB \(no newline\): the container was stopped$/,
      /one AirbyteMessage per line/,
    ],
    [
      'stdout past the total limit',
      { outputStop: { limit: 'total' as const, bytes: 64 * 1024 * 1024, line: 9001 }, exitCode: 137, timedOut: true },
      /^spec \(ENTRYPOINT\): printed more than the stdout limit of 64 MiB \(stopped at line 9001\): the container was stopped$/,
      /one AirbyteMessage per line/,
    ],
    ['no connectionSpecification', { stdoutLines: ['{"type":"SPEC","spec":{}}'] }, /not a valid SPEC message: spec\.connectionSpecification/, /needs spec\.connectionSpecification/],
  ])('fails on %s', (_n, over, message, fix) => {
    const r = checkSpec(P, [run('spec (ENTRYPOINT)', over)], 120_000);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(message);
    expect(r.fix).toMatch(fix);
  });
});

describe('junk on stdout', () => {
  it('judges the first 1000 invalid lines, then says the rest were not judged', () => {
    const r = checkSpec(P, [run('spec (ENTRYPOINT)', { stdoutLines: [...Array(1500).fill('y'), SPEC] })], 120_000);
    expect(r.status).toBe('fail');
    expect(r.message).toBe('spec (ENTRYPOINT): stdout line 1 is not JSON: "y"');
    expect(r.details).toContain('spec (ENTRYPOINT): ... and 995 more invalid lines; the lines after line 1000 were not judged');
  });
});

describe('stderr is logs', () => {
  it('a run with 300 MiB of stderr and a SPEC passes; the tail is not shown', () => {
    const r = checkSpec(P, [run('spec (ENTRYPOINT)', { stderrBytes: 300 * 1024 * 1024, stderrTail: ['INFO lots'] })], 120_000);
    expect(r.status).toBe('pass');
    expect(r.details).toBeUndefined();
  });
  it('a failing run shows the size of stderr and its last lines, quoted and cut', () => {
    const r = checkSpec(P, [run('spec (ENTRYPOINT)', { exitCode: 1, stderrBytes: 5 * 1024 * 1024, stderrTail: ['a', 'b', 'c', 'd', 'e', 'f', `Trace\tback ${'z'.repeat(400)}`] })], 120_000);
    expect(r.status).toBe('fail');
    const details = r.details ?? [];
    const at = details.indexOf('stderr: 5 MiB, the last 5 lines:');
    expect(at).toBeGreaterThan(0);
    expect(details.slice(at + 1, at + 5)).toEqual(['stderr: c', 'stderr: d', 'stderr: e', 'stderr: f']);
    expect(details[at + 5]).toMatch(/^stderr: Trace\\tback z+… \(411 chars\)$/);
  });
});

describe('check/discover/read', () => {
  const line = (m: unknown) => JSON.stringify(m);
  it('check needs CONNECTION_STATUS SUCCEEDED', () => {
    expect(checkOperation('check', P, run('check', { stdoutLines: [line({ type: 'CONNECTION_STATUS', connectionStatus: { status: 'SUCCEEDED' } })] }), 1000).status).toBe('pass');
    const f = checkOperation('check', P, run('check', { stdoutLines: [line({ type: 'CONNECTION_STATUS', connectionStatus: { status: 'FAILED', message: 'bad key' } })] }), 1000);
    expect(f.message).toBe('check: CONNECTION_STATUS is FAILED: bad key');
  });
  it('discover needs a CATALOG with a stream', () => {
    expect(checkOperation('discover', P, run('discover', { stdoutLines: [line({ type: 'CATALOG', catalog: { streams: [] } })] }), 1000).message).toBe('discover: the CATALOG has no streams');
  });
  it('read: RECORDs only for configured streams', () => {
    const rec = (stream: string) => line({ type: 'RECORD', record: { stream, data: {}, emitted_at: 1 } });
    const catalog = { streams: [{ stream: { name: 'a' } }] };
    expect(checkOperation('read', P, run('read', { stdoutLines: [rec('a'), rec('a')] }), 1000, catalog).message).toBe('exit 0, 2 RECORDs, 0 STATE');
    expect(checkOperation('read', P, run('read', { stdoutLines: [rec('a'), rec('zzz')] }), 1000, catalog).message).toBe('read: RECORDs for streams not in the configured catalog: zzz');
  });
});

describe('report', () => {
  it('always includes linux/amd64, and infers the type from the name label', () => {
    expect(platformList(['linux/arm64'])).toEqual(['linux/amd64', 'linux/arm64']);
    expect(platformList(undefined)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(connectorTypeOf({ 'io.airbyte.name': 'airbyte/destination-x' }, 'img')).toBe('destination');
    expect(connectorTypeOf({}, 'localhost:5000/airbyte/source-x:1')).toBe('source');
  });
});
