/**
 * The Docker Engine API on a local unix socket, for the calls verify makes
 * by the dozen: reading a path of a container as tar (`docker cp C:PATH -`),
 * and inspect, diff and rm of its containers (src/docker/container.ts).
 * Each docker call is a new docker client process (about 12 ms of CPU before
 * the daemon sees the request); on a 2-core machine, with the emulated
 * connector running at the same time, those processes are what slows it. The
 * same request over the socket costs the daemon's work only.
 *
 * The endpoint is the docker CLI's own: DOCKER_HOST when set; the default
 * context's /var/run/docker.sock when the CLI is on that context (no
 * DOCKER_CONTEXT, no currentContext in its config.json); else what
 * `docker context inspect` says of the current context. Only a `unix://`
 * endpoint is used; TCP, TLS and SSH endpoints (and a test's fake docker)
 * keep going through the CLI, as does every call after the socket fails once.
 */
import { readFile } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DOCKER, docker, parseJson } from './cli.js';
import { debugLog } from '../exec.js';

const ContextEndpointSchema = z.object({ Host: z.string() }).loose();

let socketP: Promise<string | undefined> | undefined;
let broken = false;

/** `unix:///var/run/docker.sock` → the socket path; any other endpoint (tcp, ssh, npipe) → undefined. */
export function socketFromHost(host: string): string | undefined {
  const m = /^unix:\/\/(\/.+)$/.exec(host.trim());
  return m?.[1];
}

const CliConfigSchema = z.object({ currentContext: z.string().optional() }).loose();
/** The docker CLI's documented default endpoint on Linux (the "default" context without DOCKER_HOST). */
const DEFAULT_HOST = 'unix:///var/run/docker.sock';

/**
 * The default context's endpoint when the CLI is on it (no DOCKER_CONTEXT, no
 * currentContext in its config.json): no process needed. Anything else is
 * asked of `docker context inspect`.
 */
export async function defaultContextHost(): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  const context = process.env.DOCKER_CONTEXT;
  if (context) return context === 'default' ? DEFAULT_HOST : undefined;
  const dir = process.env.DOCKER_CONFIG || join(homedir(), '.docker');
  let text: string;
  try {
    text = await readFile(join(dir, 'config.json'), 'utf8');
  } catch {
    return DEFAULT_HOST; // no config: the default context
  }
  try {
    const parsed = CliConfigSchema.safeParse(JSON.parse(text));
    const current = parsed.success ? parsed.data.currentContext : undefined;
    return parsed.success && (current === undefined || current === '' || current === 'default') ? DEFAULT_HOST : undefined;
  } catch {
    return undefined;
  }
}

/** The engine's unix socket path, when the CLI talks to the engine through one. */
export function engineSocket(): Promise<string | undefined> {
  if (broken || process.env.BUILD_CONNECTOR_NO_ENGINE_API || DOCKER !== 'docker') return Promise.resolve(undefined);
  socketP ??= (async () => {
    let host = process.env.DOCKER_HOST || (await defaultContextHost());
    if (!host) {
      const res = await docker(['context', 'inspect', '--format', '{{json .Endpoints.docker}}'], { allowFailure: true, timeoutMs: 10_000 });
      if (res.exitCode !== 0) return undefined;
      host = parseJson(ContextEndpointSchema, res.stdout, 'docker context inspect').Host;
    }
    return socketFromHost(host);
  })().catch(() => undefined);
  return socketP;
}

/** One request on the socket: the response, or undefined when the API cannot be used (no socket, no permission, no answer). */
async function send(method: 'GET' | 'DELETE', path: string): Promise<IncomingMessage | undefined> {
  const socketPath = await engineSocket();
  if (!socketPath) return undefined;
  debugLog(`engine API ${method} ${path}`);
  return new Promise((resolve) => {
    const req = request({ socketPath, path, method, headers: { Host: 'docker' } }, resolve);
    // A daemon that stops answering: give up on the API (the CLI has its own timeout).
    req.setTimeout(120_000, () => req.destroy(new Error('engine API timed out')));
    req.on('error', () => {
      broken = true;
      resolve(undefined);
    });
    req.end();
  });
}

async function readBody(res: IncomingMessage): Promise<unknown> {
  let text = '';
  res.setEncoding('utf8');
  for await (const chunk of res) text += String(chunk);
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

type ArchiveResponse = { status: 'ok'; stream: IncomingMessage } | { status: 'missing'; message: string };

/**
 * GET /containers/NAME/archive?path=PATH: the tar stream `docker cp` would
 * print. Returns undefined when the API cannot be used (the caller falls back
 * to the CLI); a 404 for the path (not the container) is `missing`.
 */
export async function containerArchive(container: string, path: string): Promise<ArchiveResponse | undefined> {
  const res = await send('GET', `/containers/${encodeURIComponent(container)}/archive?path=${encodeURIComponent(path)}`);
  if (!res) return undefined;
  if (res.statusCode === 200) return { status: 'ok', stream: res };
  const body = await readBody(res).catch(() => undefined);
  const parsed = z.object({ message: z.string() }).loose().safeParse(body);
  const message = parsed.success ? parsed.data.message : String(body ?? '');
  return res.statusCode === 404 && !/No such container/i.test(message) ? { status: 'missing', message } : undefined;
}

/**
 * A small JSON request (inspect, changes, remove). Returns undefined when the
 * API cannot be used: the caller runs the docker CLI instead.
 */
export async function engineJson(method: 'GET' | 'DELETE', path: string): Promise<{ status: number; body: unknown } | undefined> {
  const res = await send(method, path);
  if (!res) return undefined;
  try {
    return { status: res.statusCode ?? 0, body: await readBody(res) };
  } catch {
    return undefined;
  }
}
