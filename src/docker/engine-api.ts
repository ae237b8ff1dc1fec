/**
 * The Docker Engine API on a local unix socket, for the one call verify makes
 * by the dozen: reading a path of a container as tar (`docker cp C:PATH -`).
 * Each `docker cp` is a new docker client process (about 12 ms of CPU before
 * the daemon sees the request); on a 2-core machine, with the emulated
 * connector running at the same time, those processes are what slows it. The
 * same request over the socket costs the daemon's work only.
 *
 * The endpoint is the docker CLI's own, never guessed: DOCKER_HOST when set,
 * else `docker context inspect` of the current context. Only a `unix://`
 * endpoint is used; TCP, TLS and SSH endpoints (and a test's fake docker)
 * keep going through the CLI, as does every call after the socket fails once.
 */
import { request, type IncomingMessage } from 'node:http';
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

/** The engine's unix socket path, when the CLI talks to the engine through one. */
export function engineSocket(): Promise<string | undefined> {
  if (broken || process.env.BUILD_CONNECTOR_NO_ENGINE_API || DOCKER !== 'docker') return Promise.resolve(undefined);
  socketP ??= (async () => {
    const fromEnv = process.env.DOCKER_HOST;
    let host = fromEnv;
    if (!host) {
      const res = await docker(['context', 'inspect', '--format', '{{json .Endpoints.docker}}'], { allowFailure: true, timeoutMs: 10_000 });
      if (res.exitCode !== 0) return undefined;
      host = parseJson(ContextEndpointSchema, res.stdout, 'docker context inspect').Host;
    }
    return socketFromHost(host);
  })().catch(() => undefined);
  return socketP;
}

export type ArchiveResponse = { status: 'ok'; stream: IncomingMessage } | { status: 'missing'; message: string };

/**
 * GET /containers/NAME/archive?path=PATH: the tar stream `docker cp` would
 * print. Returns undefined when the API cannot be used (the caller falls back
 * to the CLI); a 404 (no such path) is `missing`.
 */
export async function containerArchive(container: string, path: string): Promise<ArchiveResponse | undefined> {
  const socketPath = await engineSocket();
  if (!socketPath) return undefined;
  const url = `/containers/${encodeURIComponent(container)}/archive?path=${encodeURIComponent(path)}`;
  debugLog(`engine API GET ${url}`);
  return new Promise((resolve) => {
    const req = request({ socketPath, path: url, method: 'GET', headers: { Host: 'docker' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status === 200) {
        resolve({ status: 'ok', stream: res });
        return;
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        const message = (() => {
          try {
            return z.object({ message: z.string() }).parse(JSON.parse(body)).message;
          } catch {
            return body.trim();
          }
        })();
        if (status === 404 && !/No such container/i.test(message)) resolve({ status: 'missing', message });
        else resolve(undefined);
      });
    });
    // A daemon that stops answering: give up on the API (the CLI has its own timeout).
    req.setTimeout(120_000, () => req.destroy(new Error('engine API timed out')));
    req.on('error', () => {
      // No permission on the socket, or no engine behind it: the CLI says why.
      broken = true;
      resolve(undefined);
    });
    req.end();
  });
}

/**
 * A small JSON request (inspect, changes, remove). Returns undefined when the
 * API cannot be used: the caller runs the docker CLI instead.
 */
export async function engineJson(method: 'GET' | 'DELETE', path: string): Promise<{ status: number; body: unknown } | undefined> {
  const socketPath = await engineSocket();
  if (!socketPath) return undefined;
  debugLog(`engine API ${method} ${path}`);
  return new Promise((resolve) => {
    const req = request({ socketPath, path, method, headers: { Host: 'docker' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          // not JSON: kept as text
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
      res.on('error', () => resolve(undefined));
    });
    req.setTimeout(120_000, () => req.destroy(new Error('engine API timed out')));
    req.on('error', () => {
      broken = true;
      resolve(undefined);
    });
    req.end();
  });
}
