/**
 * Every command that talks to a registry takes the same login flags, with
 * the same meaning and the same errors: --username, and --password-stdin
 * (there is no --password: a password never is an argument). Run through the
 * real CLI, against a local fake registry (Basic auth) where a request is
 * needed. docker is a fake that records its calls: a wrong or incomplete
 * login must fail before any build, pull or container.
 */
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, runCli, type CliResult } from '../support/cli.js';
import { writeDigestRecord } from '../../src/monorepo/digest-record.js';

const USER = 'alice';
const RIGHT = 'right-pass-91c4';
const WRONG = 'wrong-pass-7f3a9c';
const DIGEST = `sha256:${'a'.repeat(64)}`;

let work = '';
let dir = '';
let registry = '';
let calls = 0;
let dockerConfig = '';
let records: string[] = [];
let server: http.Server;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'bc-credential-flags-'));
  dir = join(work, 'source-hello');
  await cp(join(repoRoot, 'examples', 'source-hello'), dir, { recursive: true });
  // docker: records every call (in the file each run names) and has no image, so nothing here can reach an engine
  const docker = join(work, 'docker');
  await writeFile(docker, '#!/bin/sh\necho "$*" >> "$BC_TEST_DOCKER_LOG"\necho "Error response from daemon: No such image: $*" >&2\nexit 1\n');
  await chmod(docker, 0o755);
  // the user's docker config: no credentials, and it must stay as it is
  dockerConfig = join(work, 'docker-config');
  await mkdir(dockerConfig);
  await writeFile(join(dockerConfig, 'config.json'), '{"auths":{}}\n');

  server = http.createServer((req, res) => {
    req.resume();
    if (req.headers.authorization !== `Basic ${Buffer.from(`${USER}:${RIGHT}`).toString('base64')}`) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="fake"', 'content-type': 'application/json' }).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      return;
    }
    if (req.url === '/v2/') res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    else if (req.url?.startsWith('/v2/airbyte/source-hello/tags/list')) res.writeHead(200, { 'content-type': 'application/json' }).end('{"name":"airbyte/source-hello","tags":["0.0.9"]}');
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"code":"NAME_UNKNOWN"}]}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  registry = `127.0.0.1:${(server.address() as AddressInfo).port}`;

  // two verified platform records, as the per-platform jobs write them
  records = [];
  for (const [platform, c] of [['linux/amd64', 'b'], ['linux/arm64', 'c']] as const) {
    const digest = `sha256:${c.repeat(64)}`;
    const file = join(work, `digest-${platform.split('/')[1]}.json`);
    await writeDigestRecord(file, {
      connector: { dirName: 'source-hello', name: 'Hello', repository: 'airbyte/source-hello', version: '0.1.0' },
      platform,
      repository: `${registry}/airbyte/source-hello`,
      digest,
      manifest: `sha256:${'d'.repeat(64)}`,
      ref: `${registry}/airbyte/source-hello@${digest}`,
      verify: { ok: true, checks: 13, failed: [] },
    });
    records.push(file);
  }
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await rm(work, { recursive: true, force: true });
});

/** Each command that talks to a registry, with the arguments it needs to get that far. */
const COMMANDS: { name: string; args: () => string[] }[] = [
  { name: 'publish', args: () => ['publish', dir, '--registry', registry] },
  { name: 'tags', args: () => ['tags', dir, '--registry', registry] },
  { name: 'merge', args: () => ['merge', dir, '--digests', ...records, '--registry', registry, '--retries', '1'] },
  { name: 'digest-record', args: () => ['digest-record', dir, '--platform', 'linux/amd64', '--registry', registry, '--retries', '1', '--out', join(work, 'never.json')] },
  { name: 'verify REF', args: () => ['verify', `${registry}/airbyte/source-hello@${DIGEST}`] },
  { name: 'verify REF --sbom', args: () => ['verify', `${registry}/airbyte/source-hello@${DIGEST}`, '--sbom'] },
];

async function cli(args: string[], o: { input?: string; env?: Record<string, string> } = {}): Promise<CliResult & { dockerCalls: string[] }> {
  // the tests run concurrently: each run has its own log of docker calls
  const dockerLog = join(work, `docker-${++calls}.log`);
  const r = await runCli(args, {
    cwd: work,
    env: {
      BUILD_CONNECTOR_DOCKER: join(work, 'docker'),
      BC_TEST_DOCKER_LOG: dockerLog,
      BUILD_CONNECTOR_USERNAME: '',
      BUILD_CONNECTOR_PASSWORD: '',
      BUILD_CONNECTOR_RETRY_BASE_MS: '5',
      DOCKER_CONFIG: dockerConfig,
      ...o.env,
    },
    ...(o.input !== undefined ? { input: o.input } : {}),
    timeoutMs: 60_000,
  });
  const dockerCalls = (await readFile(dockerLog, 'utf8').catch(() => '')).split('\n').filter((l) => l !== '');
  expect(hasStackTrace(r.stdout + r.stderr), r.stderr).toBe(false);
  return { ...r, dockerCalls };
}

const firstError = (r: CliResult) => r.stderr.split('\n').find((l) => l.startsWith('error: ')) ?? r.stderr;
/**
 * docker calls other than read-only lookups (is it a local image? what can
 * the engine and builder do? — publish probes those while it resolves):
 * none may happen before the login is accepted (no build, pull, container).
 */
const beyondLookups = (calls: string[]) => calls.filter((c) => !/^(image inspect|info|version|buildx (ls|version|inspect)|context (inspect|ls)) /.test(`${c} `));

describe.concurrent('the same login flags on every registry command', () => {
  it.each([...COMMANDS.filter((c) => !c.name.includes('--sbom')).map((c) => c.name.split(' ')[0] as string), 'doctor'])('%s --help: --username <user> and --password-stdin, worded alike; no --password', async (name) => {
    const r = await cli([name, '--help']);
    expect(r.exitCode).toBe(0);
    // commander wraps descriptions at 80 columns: one line per option again
    const help = r.stdout.replace(/\n {20,}/g, ' ');
    expect(help).toMatch(/^ {2}--username <user> +registry user \(else BUILD_CONNECTOR_USERNAME; with neither, the docker login credentials of that registry\)$/m);
    expect(help).toMatch(/^ {2}--password-stdin +read the registry password from stdin \(else BUILD_CONNECTOR_PASSWORD; never a flag\)$/m);
    expect(help).not.toMatch(/--password[ =<]/);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s --password VALUE: unknown option, exit 2, the value never echoed', async (_n, c) => {
    const r = await cli([...c.args(), '--username', USER, '--password', RIGHT]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("unknown option '--password'");
    expect(r.stdout + r.stderr).not.toContain(RIGHT);
    expect(r.dockerCalls).toEqual([]);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s --password-stdin without --username: exit 2 naming both flags, before any docker call', async (_n, c) => {
    const r = await cli([...c.args(), '--password-stdin'], { input: `${RIGHT}\n` });
    expect(r.exitCode).toBe(2);
    expect(firstError(r)).toBe('error: --password-stdin: a password was given without a username');
    expect(r.stderr).toMatch(/--username U, or BUILD_CONNECTOR_USERNAME/);
    expect(r.stdout + r.stderr).not.toContain(RIGHT);
    expect(r.dockerCalls).toEqual([]);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s --username without a password: exit 2 saying how to give one, before any docker call', async (_n, c) => {
    const r = await cli([...c.args(), '--username', USER]);
    expect(r.exitCode).toBe(2);
    expect(firstError(r)).toBe(`error: username ${USER} given without a password`);
    expect(r.stderr).toMatch(/--password-stdin/);
    expect(r.dockerCalls).toEqual([]);
  });

  it('--password-stdin with nothing on stdin: exit 2 (one helper reads it for every command)', async () => {
    const r = await cli(['merge', dir, '--digests', ...records, '--registry', registry, '--username', USER, '--password-stdin'], { input: '' });
    expect(r.exitCode).toBe(2);
    expect(firstError(r)).toBe('error: --password-stdin: nothing was given on stdin');
    expect(r.dockerCalls).toEqual([]);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s with a wrong password: exit 3, the login refused, the password never printed, nothing built or pulled', async (_n, c) => {
    const r = await cli([...c.args(), '--username', USER, '--password-stdin'], { input: `${WRONG}\n` });
    expect(r.exitCode, r.stderr).toBe(3);
    expect(firstError(r)).toMatch(/refused the credentials \(HTTP 401|login to .* failed: credentials were refused/);
    expect(r.stdout + r.stderr).not.toContain(WRONG);
    expect(beyondLookups(r.dockerCalls)).toEqual([]);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: BUILD_CONNECTOR_USERNAME/PASSWORD are the same login (wrong → exit 3)', async (_n, c) => {
    const r = await cli(c.args(), { env: { BUILD_CONNECTOR_USERNAME: USER, BUILD_CONNECTOR_PASSWORD: WRONG } });
    expect(r.exitCode, r.stderr).toBe(3);
    expect(firstError(r)).toMatch(/refused the credentials \(HTTP 401|credentials were refused/);
    expect(r.stdout + r.stderr).not.toContain(WRONG);
    expect(beyondLookups(r.dockerCalls)).toEqual([]);
  });

  it('tags with the right password reads the registry: the plan sees the published 0.0.9', async () => {
    const r = await cli(['--json', 'tags', dir, '--registry', registry, '--username', USER, '--password-stdin'], { input: RIGHT });
    expect(r.exitCode, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { tags: { tag: string }[] };
    expect(plan.tags.map((t) => t.tag)).toEqual(['0.1.0', 'latest']);
    expect(r.stdout + r.stderr).not.toContain(RIGHT);
  });

  it('doctor --registry: a wrong password is a refused login item; the right one is accepted; the docker config is untouched', async () => {
    const before = await readFile(join(dockerConfig, 'config.json'), 'utf8');
    const listing = await readdir(dockerConfig);
    const item = async (input: string) => {
      const r = await cli(['--json', 'doctor', '--registry', registry, '--platform', 'linux/amd64', '--username', USER, '--password-stdin'], { input });
      expect(r.stdout + r.stderr).not.toContain(input);
      const report = JSON.parse(r.stdout) as { items: { id: string; status: string; detail: string; fix?: string }[] };
      return report.items.find((i) => i.id === 'registry-login');
    };
    expect(await item(WRONG)).toMatchObject({ status: 'missing', detail: `${registry} refused ${USER} (credentials from the given password) (HTTP 401)` });
    expect(await item(RIGHT)).toMatchObject({ status: 'ok', detail: `${registry} accepts ${USER} (credentials from the given password)` });
    expect(await readFile(join(dockerConfig, 'config.json'), 'utf8')).toBe(before);
    expect(await readdir(dockerConfig)).toEqual(listing);
  });

  it('doctor: a login without --registry is exit 2 naming the flag', async () => {
    const r = await cli(['doctor', '--username', USER, '--password-stdin'], { input: RIGHT });
    expect(r.exitCode).toBe(2);
    expect(firstError(r)).toBe('error: --username: a login is checked at a registry; give --registry HOST[:PORT] too');
    expect(r.dockerCalls).toEqual([]);
  });
});
