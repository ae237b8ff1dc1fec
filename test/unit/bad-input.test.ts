/**
 * The bad-input corpus: hostile or broken inputs across every command, each
 * run through the real CLI (or the Action entry) the way a user meets them.
 * Every case asserts the exit code, that the first error line names the file,
 * flag, input or step at fault, that no stack trace is printed, and — for
 * cases that reach a registry (a fake distribution server behind the loopback
 * fault proxy) — that nothing was pushed or tagged.
 *
 * BC_TEST_DIST=1 runs dist/cli.js and dist/index.js (build them first).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, open, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface Setup {
  args: string[];
  env?: Record<string, string>;
  input?: string;
}

interface Case {
  n: number;
  area: 'metadata' | 'code files' | 'Dockerfile' | 'flags' | 'action inputs' | 'check/read inputs' | 'records & repo config' | 'registry';
  name: string;
  exit: number;
  /** the first error line must match: it names the file, flag, input or step */
  names: RegExp;
  /** a fake registry (behind the fault proxy) the case talks to; its host is passed to setup */
  registry?: Handler;
  /** refused before any request reaches the registry */
  beforeRegistry?: true;
  /** run the Action entry (setup gives INPUT_* variables) instead of the CLI */
  action?: boolean;
  setup: (dir: string, registry: string) => Promise<Setup>;
}

// ------------------------------------------------------------------ fixtures

const EX = join(repoRoot, 'examples');
async function conn(dir: string, example = 'source-hello'): Promise<string> {
  const d = join(dir, example);
  await cp(join(EX, example), d, { recursive: true });
  return d;
}
async function patchMeta(d: string, fn: (text: string) => string): Promise<void> {
  const p = join(d, 'metadata.yaml');
  await writeFile(p, fn(await readFile(p, 'utf8')));
}
const fifo = (p: string) => execFileSync('mkfifo', [p]);
async function sparse(p: string, size: number): Promise<void> {
  const fh = await open(p, 'w');
  await fh.truncate(size);
  await fh.close();
}
async function replaceWith(p: string, how: 'fifo' | 'devzero' | 'dir' | 'dangling' | { sparse: number }): Promise<void> {
  await rm(p, { recursive: true, force: true });
  if (how === 'fifo') fifo(p);
  else if (how === 'devzero') await symlink('/dev/zero', p);
  else if (how === 'dir') await mkdir(p);
  else if (how === 'dangling') await symlink(`${p}.nowhere`, p);
  else await sparse(p, how.sparse);
}
async function gitRepo(d: string): Promise<void> {
  await execa('git', ['init', '-q'], { cwd: d });
  await execa('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'init'], { cwd: d });
}
const sockets: net.Server[] = [];
async function socketAt(p: string): Promise<void> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(p, r));
  sockets.push(s);
}
const aliasBomb = () => {
  let b = 'bomb:\n  x0: &a0 [lol]\n';
  for (let i = 1; i < 10; i++) b += `  x${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  return b;
};
const long = (n: number) => `1.0.0-${'a'.repeat(n - 6)}`;
const MiB = 1024 * 1024;

// registry answers
const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
/** an open registry with no repository yet */
const emptyRegistry: Handler = (req, res) => {
  if (req.url === '/v2/') return json(res, 200, {});
  if (req.url?.includes('/tags/list')) return json(res, 404, { errors: [{ code: 'NAME_UNKNOWN' }] });
  json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] });
};
const tagsAnswer =
  (status: number, body: string, headers: Record<string, string> = {}): Handler =>
  (req, res) => {
    if (req.url === '/v2/') return json(res, 200, {});
    if (req.url?.includes('/tags/list')) return json(res, status, body, headers);
    json(res, 404, {});
  };
const basicRegistry: Handler = (req, res) => {
  if (req.headers.authorization !== `Basic ${Buffer.from('u:right').toString('base64')}`) return json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': 'Basic realm="fake"' });
  emptyRegistry(req, res);
};
const tokenRegistry =
  (tokenBody: string): Handler =>
  (req, res) => {
    if (req.url?.startsWith('/token')) return json(res, 200, tokenBody);
    if (!req.headers.authorization) return json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="fake"` });
    emptyRegistry(req, res);
  };

const ACTION_ENV = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/1/merge', GITHUB_SHA: '0'.repeat(40) };
const actionCase = (inputs: Record<string, string>): Setup => ({
  args: [],
  env: { ...ACTION_ENV, ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])) },
});

// --------------------------------------------------------------------- cases

const cases: Case[] = [
  // metadata.yaml
  { n: 1, area: 'metadata', name: 'alias bomb (nested anchors)', exit: 2, names: /metadata\.yaml:\d+:\d+: YAML aliases expand too far/, setup: async (d) => {
    const c = await conn(d);
    await patchMeta(c, (t) => `${t}\n${aliasBomb()}`);
    return { args: ['render', c] };
  } },
  { n: 2, area: 'metadata', name: 'symlink to /dev/zero', exit: 2, names: /metadata\.yaml: is a symlink to \/dev\/zero, which is a character device/, setup: async (d) => {
    const c = await conn(d);
    await replaceWith(join(c, 'metadata.yaml'), 'devzero');
    return { args: ['render', c] };
  } },
  { n: 3, area: 'metadata', name: 'a FIFO (never blocks)', exit: 2, names: /metadata\.yaml: is a FIFO/, setup: async (d) => {
    const c = await conn(d);
    await replaceWith(join(c, 'metadata.yaml'), 'fifo');
    return { args: ['render', c] };
  } },
  { n: 4, area: 'metadata', name: 'a directory', exit: 2, names: /metadata\.yaml: is a directory/, setup: async (d) => {
    const c = await conn(d);
    await replaceWith(join(c, 'metadata.yaml'), 'dir');
    return { args: ['render', c] };
  } },
  { n: 5, area: 'metadata', name: '2 GiB (sparse)', exit: 2, names: /metadata\.yaml: 2048 MiB is more than the 1 MiB limit/, setup: async (d) => {
    const c = await conn(d);
    await replaceWith(join(c, 'metadata.yaml'), { sparse: 2048 * MiB });
    return { args: ['render', c] };
  } },
  { n: 6, area: 'metadata', name: 'nesting 20 000 deep', exit: 2, names: /metadata\.yaml:\d+:\d+: invalid YAML/, setup: async (d) => {
    const c = await conn(d);
    await patchMeta(c, (t) => `${t}\ndeep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    return { args: ['render', c] };
  } },
  { n: 7, area: 'metadata', name: 'missing', exit: 2, names: /metadata\.yaml: not found/, setup: async (d) => {
    const c = await conn(d);
    await rm(join(c, 'metadata.yaml'));
    return { args: ['render', c] };
  } },
  { n: 8, area: 'metadata', name: 'dangling symlink', exit: 2, names: /metadata\.yaml: is a symlink to a file that does not exist/, setup: async (d) => {
    const c = await conn(d);
    await replaceWith(join(c, 'metadata.yaml'), 'dangling');
    return { args: ['render', c] };
  } },
  { n: 9, area: 'metadata', name: 'binary garbage', exit: 2, names: /metadata\.yaml:\d+:\d+: /, setup: async (d) => {
    const c = await conn(d);
    await writeFile(join(c, 'metadata.yaml'), Buffer.from([0x00, 0xff, 0x3a, 0x5b, 0x7b, 0x0a, 0x00]));
    return { args: ['render', c] };
  } },
  { n: 10, area: 'metadata', name: 'dockerImageTag of 129 characters (render)', exit: 2, names: /metadata\.yaml:9:\d+: data\.dockerImageTag: the version is the image tag: .*129 characters/, setup: async (d) => {
    const c = await conn(d);
    await patchMeta(c, (t) => t.replace(/dockerImageTag: .*/, `dockerImageTag: "${long(129)}"`));
    return { args: ['render', c] };
  } },
  { n: 11, area: 'metadata', name: 'registryOverrides.oss.dockerImageTag of 140 characters', exit: 2, names: /metadata\.yaml:\d+:\d+: data\.registryOverrides\.oss\.dockerImageTag: .*140 characters/, setup: async (d) => {
    const c = await conn(d);
    await patchMeta(c, (t) => t.replace(/^data:\n/m, `data:\n  registryOverrides:\n    oss:\n      dockerImageTag: "${long(140)}"\n`));
    return { args: ['render', c] };
  } },
  { n: 12, area: 'metadata', name: 'dockerImageTag with build metadata (+) (lint)', exit: 2, names: /metadata\.yaml:9:\d+ error data\.dockerImageTag expected a semver version/, setup: async (d) => {
    const c = await conn(d);
    await patchMeta(c, (t) => t.replace(/dockerImageTag: .*/, 'dockerImageTag: "1.2.3+build.5"'));
    return { args: ['lint', c] };
  } },
  { n: 13, area: 'metadata', name: 'alias bomb (lint)', exit: 2, names: /metadata\.yaml:\d+:\d+ error metadata-yaml YAML aliases expand too far/, setup: async (d) => {
    const c = await conn(d);
    await patchMeta(c, (t) => `${t}\n${aliasBomb()}`);
    return { args: ['lint', c] };
  } },
  { n: 14, area: 'metadata', name: 'a FIFO metadata.yaml (verify DIR)', exit: 2, names: /metadata\.yaml: is a FIFO/, setup: async (d) => {
    const c = await conn(d);
    await replaceWith(join(c, 'metadata.yaml'), 'fifo');
    return { args: ['verify', c] };
  } },
  { n: 15, area: 'metadata', name: 'alias bomb (tags; no registry contacted)', exit: 2, names: /metadata\.yaml:\d+:\d+: YAML aliases/, registry: emptyRegistry, beforeRegistry: true, setup: async (d, reg) => {
    const c = await conn(d);
    await patchMeta(c, (t) => `${t}\n${aliasBomb()}`);
    return { args: ['tags', c, '--registry', reg] };
  } },
  { n: 16, area: 'metadata', name: 'dockerImageTag of 129 characters (publish: refused in resolve, before any build)', exit: 2, names: /metadata\.yaml:9:\d+: data\.dockerImageTag: .*129 characters/, registry: emptyRegistry, beforeRegistry: true, setup: async (d, reg) => {
    const c = await conn(d);
    await patchMeta(c, (t) => t.replace(/dockerImageTag: .*/, `dockerImageTag: "${long(129)}"`));
    return { args: ['publish', c, '--registry', reg] };
  } },
  { n: 17, area: 'metadata', name: 'a YAML list, not a mapping (build)', exit: 2, names: /metadata\.yaml:1:1: \(root\): expected a mapping/, setup: async (d) => {
    const c = await conn(d);
    await writeFile(join(c, 'metadata.yaml'), '- a\n- b\n');
    return { args: ['build', c] };
  } },

  // manifest.yaml, components.py, pyproject.toml
  { n: 18, area: 'code files', name: 'manifest.yaml is a FIFO', exit: 2, names: /manifest\.yaml: is a FIFO/, setup: async (d) => {
    const c = await conn(d, 'source-manifest-hello');
    await replaceWith(join(c, 'manifest.yaml'), 'fifo');
    return { args: ['render', c] };
  } },
  { n: 19, area: 'code files', name: 'manifest.yaml of 17 MiB', exit: 2, names: /manifest\.yaml: 17 MiB is more than the 16 MiB limit for a manifest\.yaml/, setup: async (d) => {
    const c = await conn(d, 'source-manifest-hello');
    await replaceWith(join(c, 'manifest.yaml'), { sparse: 17 * MiB });
    return { args: ['render', c] };
  } },
  { n: 20, area: 'code files', name: 'manifest.yaml missing', exit: 2, names: /a manifest-only connector needs manifest\.yaml/, setup: async (d) => {
    const c = await conn(d, 'source-manifest-hello');
    await rm(join(c, 'manifest.yaml'));
    return { args: ['render', c] };
  } },
  { n: 21, area: 'code files', name: 'manifest.yaml a dangling symlink', exit: 2, names: /manifest\.yaml: is a symlink to a file that does not exist/, setup: async (d) => {
    const c = await conn(d, 'source-manifest-hello');
    await replaceWith(join(c, 'manifest.yaml'), 'dangling');
    return { args: ['render', c] };
  } },
  { n: 22, area: 'code files', name: 'components.py → /dev/zero', exit: 2, names: /components\.py: is a symlink to \/dev\/zero/, setup: async (d) => {
    const c = await conn(d, 'source-manifest-hello');
    await replaceWith(join(c, 'components.py'), 'devzero');
    return { args: ['render', c] };
  } },
  { n: 23, area: 'code files', name: 'components.py is a directory', exit: 2, names: /components\.py: is a directory/, setup: async (d) => {
    const c = await conn(d, 'source-manifest-hello');
    await replaceWith(join(c, 'components.py'), 'dir');
    return { args: ['render', c] };
  } },
  { n: 24, area: 'code files', name: 'components.py of 5 MiB', exit: 2, names: /components\.py: 5 MiB is more than the 4 MiB limit/, setup: async (d) => {
    const c = await conn(d, 'source-manifest-hello');
    await replaceWith(join(c, 'components.py'), { sparse: 5 * MiB });
    return { args: ['render', c] };
  } },
  { n: 25, area: 'code files', name: 'pyproject.toml is a FIFO', exit: 2, names: /pyproject\.toml: is a FIFO/, setup: async (d) => {
    const c = await conn(d);
    await replaceWith(join(c, 'pyproject.toml'), 'fifo');
    return { args: ['render', c] };
  } },
  { n: 26, area: 'code files', name: 'pyproject.toml of 2 MiB', exit: 2, names: /pyproject\.toml: 2 MiB is more than the 1 MiB limit/, setup: async (d) => {
    const c = await conn(d);
    await replaceWith(join(c, 'pyproject.toml'), { sparse: 2 * MiB });
    return { args: ['render', c] };
  } },
  { n: 27, area: 'code files', name: 'pyproject.toml console script with a quote', exit: 2, names: /pyproject\.toml:\d+: console script name/, setup: async (d) => {
    const c = await conn(d);
    const p = join(c, 'pyproject.toml');
    await writeFile(p, (await readFile(p, 'utf8')).replace(/^\[project\.scripts\]\n\S+/m, '[project.scripts]\n"a$b"'));
    return { args: ['render', c] };
  } },
  { n: 28, area: 'code files', name: 'python connector with neither pyproject.toml nor main.py', exit: 2, names: /needs pyproject\.toml or main\.py/, setup: async (d) => {
    const c = await conn(d);
    await rm(join(c, 'pyproject.toml'));
    return { args: ['render', c] };
  } },

  // Dockerfiles
  { n: 29, area: 'Dockerfile', name: 'custom Dockerfile is a FIFO (render)', exit: 2, names: /Dockerfile: is a FIFO/, setup: async (d) => {
    const c = await conn(d, 'source-custom');
    await replaceWith(join(c, 'Dockerfile'), 'fifo');
    return { args: ['render', c] };
  } },
  { n: 30, area: 'Dockerfile', name: 'Dockerfile → /dev/zero (lint FILE)', exit: 2, names: /Dockerfile: is a symlink to \/dev\/zero/, setup: async (d) => {
    await symlink('/dev/zero', join(d, 'Dockerfile'));
    return { args: ['lint', join(d, 'Dockerfile')] };
  } },
  { n: 31, area: 'Dockerfile', name: 'Dockerfile of 3 MiB (lint)', exit: 2, names: /Dockerfile: 3 MiB is more than the 1 MiB limit for a Dockerfile/, setup: async (d) => {
    await sparse(join(d, 'Dockerfile'), 3 * MiB);
    return { args: ['lint', join(d, 'Dockerfile')] };
  } },
  { n: 32, area: 'Dockerfile', name: 'custom Dockerfile a dangling symlink (build)', exit: 2, names: /Dockerfile: is a symlink to a file that does not exist/, setup: async (d) => {
    const c = await conn(d, 'source-custom');
    await replaceWith(join(c, 'Dockerfile'), 'dangling');
    return { args: ['build', c] };
  } },
  { n: 33, area: 'Dockerfile', name: '.dockerignore is a FIFO (render)', exit: 2, names: /\.dockerignore: is a FIFO/, setup: async (d) => {
    const c = await conn(d);
    fifo(join(c, '.dockerignore'));
    return { args: ['render', c] };
  } },
  { n: 34, area: 'Dockerfile', name: 'lint a path that does not exist', exit: 2, names: /nope/, setup: async (d) => ({ args: ['lint', join(d, 'nope')] }) },
  { n: 35, area: 'Dockerfile', name: 'Dockerfile.hbs template is a FIFO (render --templates)', exit: 2, names: /Dockerfile\.hbs: is a FIFO/, setup: async (d) => {
    const c = await conn(d);
    await mkdir(join(d, 'tpl', 'python'), { recursive: true });
    fifo(join(d, 'tpl', 'python', 'Dockerfile.hbs'));
    return { args: ['render', c, '--templates', join(d, 'tpl')] };
  } },

  // flags
  { n: 36, area: 'flags', name: 'verify --platform arm64 (no os)', exit: 2, names: /--platform: "arm64" is not a linux platform/, setup: async () => ({ args: ['verify', 'img:1', '--platform', 'arm64'] }) },
  { n: 37, area: 'flags', name: 'render --base-image with a space', exit: 2, names: /--base-image/, setup: async (d) => ({ args: ['render', await conn(d), '--base-image', 'a b'] }) },
  { n: 38, area: 'flags', name: 'tags --latest always', exit: 2, names: /--latest: expected auto, true or false, got "always"/, registry: emptyRegistry, setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg, '--latest', 'always'] }) },
  { n: 39, area: 'flags', name: 'tags --target mars', exit: 2, names: /--target: expected cloud or oss, got "mars"/, registry: emptyRegistry, setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg, '--target', 'mars'] }) },
  { n: 40, area: 'flags', name: 'tags --retries 0', exit: 2, names: /--retries: expected a whole number 1\.\.20, got "0"/, registry: emptyRegistry, setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg, '--retries', '0'] }) },
  { n: 41, area: 'flags', name: 'tags --release-version of 200 characters (refused before the registry)', exit: 2, names: /--release-version: the version is the image tag: .*200 characters/, registry: emptyRegistry, beforeRegistry: true, setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg, '--release-version', long(200)] }) },
  { n: 42, area: 'flags', name: 'publish --retries 99', exit: 2, names: /--retries: expected a whole number 1\.\.20, got "99"/, registry: emptyRegistry, setup: async (d, reg) => ({ args: ['publish', await conn(d), '--registry', reg, '--retries', '99'] }) },
  { n: 43, area: 'flags', name: 'publish --sign-key that does not exist', exit: 2, names: /(--sign-key|signing key) .*nokey: file not found/, registry: emptyRegistry, setup: async (d, reg) => ({ args: ['publish', await conn(d), '--registry', reg, '--sign-key', join(d, 'nokey')] }) },
  { n: 44, area: 'flags', name: 'publish --release-version v1.2.3', exit: 2, names: /--release-version: "v1\.2\.3" is not a valid semantic version/, registry: emptyRegistry, setup: async (d, reg) => ({ args: ['publish', await conn(d), '--registry', reg, '--release-version', 'v1.2.3'] }) },
  { n: 45, area: 'flags', name: 'verify --timeout -1', exit: 2, names: /--timeout: expected a positive number of seconds, got "-1"/, setup: async () => ({ args: ['verify', 'img:1', '--timeout', '-1'] }) },
  { n: 46, area: 'flags', name: 'verify --type sink', exit: 2, names: /--type: expected source or destination, got "sink"/, setup: async () => ({ args: ['verify', 'img:1', '--type', 'sink'] }) },
  { n: 47, area: 'flags', name: 'an unknown flag', exit: 2, names: /unknown option '--frobnicate'/, setup: async (d) => ({ args: ['render', await conn(d), '--frobnicate'] }) },
  { n: 48, area: 'flags', name: 'an unknown command', exit: 2, names: /unknown command 'frobnicate'/, setup: async () => ({ args: ['frobnicate'] }) },
  { n: 49, area: 'flags', name: 'lint --format xml', exit: 2, names: /--format/, setup: async (d) => ({ args: ['lint', await conn(d), '--format', 'xml'] }) },

  // Action inputs
  { n: 50, area: 'action inputs', name: 'command: render', exit: 2, names: /input "command": expected build, verify, publish or changed, got "render"/, action: true, setup: async () => actionCase({ command: 'render' }) },
  { n: 51, area: 'action inputs', name: 'dry-run: maybe', exit: 2, names: /input "dry-run": expected true or false/, action: true, setup: async (d) => actionCase({ command: 'publish', connectors: await conn(d), 'dry-run': 'maybe' }) },
  { n: 52, area: 'action inputs', name: 'platforms: linux/amd64,arm64', exit: 2, names: /input "platforms": "arm64" is not a (linux )?platform/, action: true, setup: async (d) => actionCase({ command: 'build', connectors: await conn(d), platforms: 'linux/amd64,arm64' }) },
  { n: 53, area: 'action inputs', name: 'latest: always', exit: 2, names: /input "latest"/, action: true, setup: async (d) => actionCase({ command: 'publish', connectors: await conn(d), latest: 'always' }) },
  { n: 54, area: 'action inputs', name: 'registry: http://x', exit: 2, names: /input "registry": "http:\/\/x" is not a registry/, action: true, setup: async (d) => actionCase({ command: 'publish', connectors: await conn(d), registry: 'http://x' }) },
  { n: 55, area: 'action inputs', name: 'build-args: NOEQUALS', exit: 2, names: /input "build-args": "NOEQUALS" is not KEY=VALUE/, action: true, setup: async (d) => actionCase({ command: 'build', connectors: await conn(d), 'build-args': 'NOEQUALS' }) },
  { n: 56, area: 'action inputs', name: 'connectors: a metadata.yaml that is an alias bomb (build)', exit: 2, names: /metadata\.yaml:\d+:\d+: YAML aliases/, action: true, setup: async (d) => {
    const c = await conn(d);
    await patchMeta(c, (t) => `${t}\n${aliasBomb()}`);
    return actionCase({ command: 'build', connectors: c });
  } },

  // config / catalog / state / input files for check, discover, read, write
  { n: 57, area: 'check/read inputs', name: '--config /dev/zero', exit: 2, names: /\/dev\/zero: is a character device/, setup: async () => ({ args: ['verify', 'img:1', '--config', '/dev/zero'] }) },
  { n: 58, area: 'check/read inputs', name: '--config a FIFO (never blocks)', exit: 2, names: /config\.json: is a FIFO/, setup: async (d) => {
    fifo(join(d, 'config.json'));
    return { args: ['verify', 'img:1', '--config', join(d, 'config.json')] };
  } },
  { n: 59, area: 'check/read inputs', name: '--catalog a directory', exit: 2, names: /catalog: is a directory/, setup: async (d) => {
    await mkdir(join(d, 'catalog'));
    return { args: ['verify', 'img:1', '--catalog', join(d, 'catalog')] };
  } },
  { n: 60, area: 'check/read inputs', name: '--state missing', exit: 2, names: /state\.json: not found/, setup: async (d) => ({ args: ['verify', 'img:1', '--state', join(d, 'state.json')] }) },
  { n: 61, area: 'check/read inputs', name: '--input a socket', exit: 2, names: /messages: is a socket/, setup: async (d) => {
    await socketAt(join(d, 'messages'));
    return { args: ['verify', 'img:1', '--input', join(d, 'messages')] };
  } },
  { n: 62, area: 'check/read inputs', name: '--catalog of 100 MiB', exit: 2, names: /catalog\.json: 100 MiB is more than the 64 MiB limit for a catalog JSON/, setup: async (d) => {
    await sparse(join(d, 'catalog.json'), 100 * MiB);
    return { args: ['verify', 'img:1', '--catalog', join(d, 'catalog.json')] };
  } },
  { n: 63, area: 'check/read inputs', name: 'DIR default secrets/config.json is a FIFO', exit: 2, names: /secrets\/config\.json: is a FIFO/, setup: async (d) => {
    const c = await conn(d);
    await mkdir(join(c, 'secrets'));
    fifo(join(c, 'secrets', 'config.json'));
    return { args: ['verify', c, '--image', 'img:1'] };
  } },
  { n: 64, area: 'check/read inputs', name: 'DIR default integration_tests/configured_catalog.json → /dev/zero', exit: 2, names: /configured_catalog\.json: is a symlink to \/dev\/zero/, setup: async (d) => {
    const c = await conn(d);
    await replaceWith(join(c, 'integration_tests', 'configured_catalog.json'), 'devzero');
    return { args: ['verify', c, '--image', 'img:1'] };
  } },

  // registry answers (a fake registry behind the fault proxy); nothing may be pushed
  { n: 65, area: 'registry', name: 'tags/list answers HTML', exit: 3, names: /list tags of .*answered something that is not a tag list/, registry: tagsAnswer(200, '<html>hello</html>'), setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg] }) },
  { n: 66, area: 'registry', name: 'tags/list answers {"tags":"x"}', exit: 3, names: /not a tag list/, registry: tagsAnswer(200, '{"tags":"x"}'), setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg] }) },
  { n: 67, area: 'registry', name: 'tags/list paginates to itself forever', exit: 3, names: /keeps paginating/, registry: tagsAnswer(200, '{"tags":["1.0.0"]}', { link: '</v2/airbyte/source-hello/tags/list?n=1000>; rel="next"' }), setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg] }) },
  { n: 68, area: 'registry', name: 'always 503', exit: 3, names: /failed after 2 attempts \(last fault: HTTP 503\)/, registry: (_req, res) => json(res, 503, { errors: [{ code: 'UNAVAILABLE' }] }), setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg, '--retries', '2'] }) },
  { n: 69, area: 'registry', name: '401 and no credentials', exit: 3, names: /requires a login and no credentials were found/, registry: basicRegistry, setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg], env: { DOCKER_CONFIG: join(d, 'nodocker') } }) },
  { n: 70, area: 'registry', name: '403 DENIED on tags/list', exit: 3, names: /refused the credentials \(HTTP 403 DENIED\)/, registry: tagsAnswer(403, '{"errors":[{"code":"DENIED"}]}'), setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg] }) },
  { n: 71, area: 'registry', name: 'an authentication scheme we do not speak', exit: 3, names: /unsupported authentication scheme "negotiate"/, registry: (_req, res) => json(res, 401, {}, { 'www-authenticate': 'Negotiate' }), setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg] }) },
  { n: 72, area: 'registry', name: 'token service answers HTML', exit: 3, names: /token endpoint of .* returned no token/, registry: tokenRegistry('<html>'), setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg] }) },
  { n: 73, area: 'registry', name: 'token service answers {} (no token)', exit: 3, names: /returned no token/, registry: tokenRegistry('{}'), setup: async (d, reg) => ({ args: ['tags', await conn(d), '--registry', reg] }) },
  { n: 74, area: 'registry', name: 'nothing listens on the port', exit: 3, names: /127\.0\.0\.1:1/, setup: async (d) => ({ args: ['tags', await conn(d), '--registry', '127.0.0.1:1', '--retries', '1'] }) },
  { n: 75, area: 'registry', name: 'publish: wrong password (resolve, exit 3, nothing pushed)', exit: 3, names: /refused the credentials|login .* failed/, registry: basicRegistry, setup: async (d, reg) => ({ args: ['publish', await conn(d), '--registry', reg, '--username', 'u', '--password-stdin'], input: 'wrong\n' }) },
  { n: 76, area: 'registry', name: 'publish: tags/list is not a tag list (resolve, nothing pushed)', exit: 3, names: /not a tag list/, registry: tagsAnswer(200, '[1,2,3]'), setup: async (d, reg) => ({ args: ['publish', await conn(d), '--registry', reg] }) },

  // records
  { n: 77, area: 'records & repo config', name: 'merge --digests a FIFO', exit: 2, names: /rec\.json: is a FIFO/, setup: async (d) => {
    fifo(join(d, 'rec.json'));
    return { args: ['merge', await conn(d), '--digests', join(d, 'rec.json'), '--registry', '127.0.0.1:1', '--dry-run'] };
  } },
  { n: 78, area: 'records & repo config', name: 'build-connector.yaml alias bomb (changed)', exit: 2, names: /build-connector\.yaml:\d+:\d+: YAML aliases expand too far/, setup: async (d) => {
    await gitRepo(d);
    await writeFile(join(d, 'build-connector.yaml'), `roots: [x]\n${aliasBomb()}`);
    return { args: ['changed', '-C', d, '--since', 'HEAD'] };
  } },
  { n: 79, area: 'records & repo config', name: 'build-connector.yaml is a FIFO (changed)', exit: 2, names: /build-connector\.yaml: is a FIFO/, setup: async (d) => {
    await gitRepo(d);
    fifo(join(d, 'build-connector.yaml'));
    return { args: ['changed', '-C', d, '--since', 'HEAD'] };
  } },
  { n: 80, area: 'check/read inputs', name: 'publish --config /dev/zero (refused in resolve, before any build)', exit: 2, names: /\/dev\/zero: is a character device/, registry: emptyRegistry, beforeRegistry: true, setup: async (d, reg) => ({ args: ['publish', await conn(d), '--registry', reg, '--config', '/dev/zero'] }) },
  { n: 81, area: 'flags', name: 'publish --platform linux/arm64 (refused before the build: amd64 is required)', exit: 2, names: /linux\/amd64 is required of every published connector image .*the platforms are linux\/arm64/, registry: emptyRegistry, setup: async (d, reg) => ({ args: ['publish', await conn(d), '--registry', reg, '--platform', 'linux/arm64'] }) },
];

// -------------------------------------------------------------------- runner

const ACTION_ENTRY = process.env.BC_TEST_DIST === '1' ? [`${repoRoot}dist/index.js`] : ['--import', 'tsx', `${repoRoot}src/action.ts`];
let root = '';
beforeAll(async () => {
  root = await import('node:fs/promises').then((fs) => fs.mkdtemp(join(tmpdir(), 'bc-bad-input-')));
});
afterAll(async () => {
  for (const s of sockets.splice(0)) await new Promise<void>((r) => s.close(() => r()));
  if (root) await rm(root, { recursive: true, force: true });
});

async function fakeRegistry(handler: Handler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('bad-input corpus', () => {
  it('has at least 60 cases, numbered uniquely, across every area', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.n)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => c.area)).size).toBe(8);
  });

  describe.concurrent.each(cases.map((c) => [`${c.n}. [${c.area}] ${c.name}`, c] as const))('%s', (_title, c) => {
    it(`exit ${c.exit}, names the file/flag/step, no stack trace${c.registry ? ', nothing pushed' : ''}`, async () => {
      const dir = join(root, String(c.n));
      await mkdir(dir, { recursive: true });
      const upstream = c.registry ? await fakeRegistry(c.registry) : undefined;
      let proxy: FaultProxy | undefined;
      try {
        if (upstream) proxy = await startFaultProxy({ target: upstream.url });
        const s = await c.setup(dir, proxy?.host ?? '');
        const env = { BUILD_CONNECTOR_RETRY_BASE_MS: '5', BUILD_CONNECTOR_USERNAME: '', BUILD_CONNECTOR_PASSWORD: '', ...s.env };
        const r = c.action
          ? await execa(process.execPath, ACTION_ENTRY, { cwd: repoRoot, env: { ...env, GITHUB_WORKSPACE: dir, FORCE_COLOR: '0' }, reject: false, timeout: 30_000 }).then((x) => ({
              exitCode: x.exitCode ?? -1,
              stdout: String(x.stdout),
              stderr: String(x.stderr),
            }))
          : await runCli(s.args, { cwd: repoRoot, env, ...(s.input !== undefined ? { input: s.input } : {}), timeoutMs: 30_000 });
        const out = `${r.stdout}\n${r.stderr}`;
        const firstError = out.split('\n').find((l) => /^error: |^::error/.test(l)) ?? out;
        expect(r.exitCode, out.slice(-1500)).toBe(c.exit);
        expect(firstError, out.slice(-1500)).toMatch(c.names);
        expect(hasStackTrace(out)).toBe(false);
        expect(out).not.toMatch(/internal error/);
        if (proxy) {
          expect(proxy.counts.blobUploads, 'no blob upload').toBe(0);
          expect(proxy.counts.manifestPuts, 'no manifest written or tagged').toBe(0);
          if (c.beforeRegistry) expect(proxy.counts.requests, 'refused before the registry was asked').toBe(0);
        }
      } finally {
        await proxy?.close();
        await upstream?.close();
      }
    });
  });
});
