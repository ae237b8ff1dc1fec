/**
 * Registry credentials, from (in order): the user's explicit username plus a
 * password given on stdin or in BUILD_CONNECTOR_PASSWORD (never argv), then
 * the docker config the user's `docker login` wrote (auths, credHelpers,
 * credsStore). Tools that need them get a private 0600 auth file that is
 * deleted when the run ends; the user's docker config is never modified.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { run } from '../exec.js';
import { onCleanup } from '../cleanup.js';
import { badInput } from '../errors.js';

export interface Credentials {
  username: string;
  password: string;
  /** where they came from, for messages ("--password-stdin", "docker config") */
  source: string;
}

const DockerConfigSchema = z
  .object({
    auths: z.record(z.string(), z.object({ auth: z.string().optional(), username: z.string().optional(), password: z.string().optional() }).loose()).optional(),
    credHelpers: z.record(z.string(), z.string()).optional(),
    credsStore: z.string().optional(),
  })
  .loose();

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
}

/** The keys docker uses for a registry in config.json (Docker Hub has a legacy URL key). */
export function configKeys(registry: string): string[] {
  if (registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io') {
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  }
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`];
}

export function decodeAuth(auth: string): { username: string; password: string } | undefined {
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const i = text.indexOf(':');
  if (i <= 0) return undefined;
  return { username: text.slice(0, i), password: text.slice(i + 1) };
}

/** Credentials for `registry` from a docker config text (pure part, unit-tested). */
export function credentialsFromConfig(text: string, registry: string): Credentials | { helper: string } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const cfg = DockerConfigSchema.safeParse(raw);
  if (!cfg.success) return undefined;
  const keys = configKeys(registry);
  for (const k of keys) {
    const helper = cfg.data.credHelpers?.[k];
    if (helper) return { helper };
  }
  for (const k of keys) {
    const a = cfg.data.auths?.[k];
    if (!a) continue;
    if (a.auth) {
      const d = decodeAuth(a.auth);
      if (d) return { ...d, source: 'docker config' };
    }
    if (a.username && a.password) return { username: a.username, password: a.password, source: 'docker config' };
  }
  if (cfg.data.credsStore) return { helper: cfg.data.credsStore };
  return undefined;
}

const HelperAnswer = z.object({ Username: z.string(), Secret: z.string() }).loose();

async function fromHelper(helper: string, registry: string): Promise<Credentials | undefined> {
  if (!/^[A-Za-z0-9_.-]+$/.test(helper)) return undefined;
  for (const key of configKeys(registry)) {
    const res = await run(`docker-credential-${helper}`, ['get'], { input: key, allowFailure: true, timeoutMs: 30_000 }).catch(() => undefined);
    if (!res || res.exitCode !== 0) continue;
    const parsed = HelperAnswer.safeParse(JSON.parse(res.stdout || 'null'));
    if (parsed.success && parsed.data.Secret) return { username: parsed.data.Username, password: parsed.data.Secret, source: `docker-credential-${helper}` };
  }
  return undefined;
}

export interface CredentialInput {
  username?: string;
  /** the password read from stdin (--password-stdin) */
  passwordStdin?: string;
  env?: NodeJS.ProcessEnv;
}

/** Resolve credentials for a registry; undefined = anonymous. */
export async function resolveCredentials(registry: string, input: CredentialInput = {}): Promise<Credentials | undefined> {
  const env = input.env ?? process.env;
  const username = input.username ?? env.BUILD_CONNECTOR_USERNAME;
  const password = input.passwordStdin ?? env.BUILD_CONNECTOR_PASSWORD;
  if (input.passwordStdin !== undefined && !username) throw badInput('a password was given without a username', ['fix: give the username too (CLI: --username or BUILD_CONNECTOR_USERNAME; Action: the username input)']);
  if (username && password) return { username, password, source: input.passwordStdin !== undefined ? 'the given password' : 'BUILD_CONNECTOR_PASSWORD' };
  if (input.username && !password) {
    throw badInput(`username ${input.username} given without a password`, ['fix: give the password too (CLI: printf %s "$PASSWORD" | build-connector publish --username U --password-stdin, or BUILD_CONNECTOR_PASSWORD; Action: the password input)']);
  }
  let text: string;
  try {
    text = await readFile(dockerConfigPath(env), 'utf8');
  } catch {
    return undefined;
  }
  const found = credentialsFromConfig(text, registry);
  if (!found) return undefined;
  if ('helper' in found) return fromHelper(found.helper, registry);
  return found;
}

/** Read all of stdin (for --password-stdin); a trailing newline is dropped, as docker login does. */
export async function readStdinPassword(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (text === '') throw badInput('--password-stdin: nothing was given on stdin');
  return text;
}

/**
 * A private auth file (containers-auth.json format, which skopeo and cosign's
 * DOCKER_CONFIG both read) holding only this registry's credentials.
 * Returns its directory and path; both are removed at the end of the run.
 */
export async function privateAuthFile(registry: string, creds: Credentials): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'bc-auth-'));
  await chmod(dir, 0o700);
  const file = join(dir, 'config.json');
  const auth = Buffer.from(`${creds.username}:${creds.password}`).toString('base64');
  await writeFile(file, JSON.stringify({ auths: { [registry]: { auth } } }), { mode: 0o600 });
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return { dir, file };
}
