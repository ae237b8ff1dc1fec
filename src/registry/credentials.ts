/**
 * Registry credentials, from (in order): the user's explicit username plus a
 * password given on stdin (Action: the password input) or in
 * BUILD_CONNECTOR_PASSWORD (never argv), then the docker config the user's
 * `docker login` wrote (auths, credHelpers, credsStore). Every command that
 * talks to a registry resolves them here, for the one registry it talks to.
 * Tools that need them (docker, buildx, cosign) get a private DOCKER_CONFIG
 * whose config.json (0600) holds only these credentials and which is deleted
 * when the run ends; the user's docker config is read, never modified.
 */
import { chmod, lstat, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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

/** The user's docker config directory ($DOCKER_CONFIG, else ~/.docker). */
export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || join(homedir(), '.docker');
}

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dockerConfigDir(env), 'config.json');
}

const isDockerHub = (registry: string) => registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io';

/** The keys docker uses for a registry in config.json (Docker Hub has a legacy URL key). */
export function configKeys(registry: string): string[] {
  if (isDockerHub(registry)) {
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

/**
 * A registry login as the user gave it (CLI: --username and the password
 * read from stdin; Action: the username and password inputs): what every
 * command that talks to a registry passes down to its flow.
 */
export interface RegistryLogin {
  username?: string;
  /** the password given with the login (stdin, or the Action's input). Never argv, never logged. */
  password?: string;
}

export interface CredentialInput extends RegistryLogin {
  env?: NodeJS.ProcessEnv;
}

const USERNAME_FIX = 'fix: give the username too (CLI: --username or BUILD_CONNECTOR_USERNAME; Action: the username input)';
const PASSWORD_FIX =
  'fix: give the password too (CLI: printf %s "$PASSWORD" | build-connector COMMAND --username U --password-stdin, or BUILD_CONNECTOR_PASSWORD; Action: the password input)';

/**
 * The explicitly given credentials (pure): the login plus
 * BUILD_CONNECTOR_USERNAME / BUILD_CONNECTOR_PASSWORD; undefined when none
 * were given. A password without a username, or a username given without
 * any password, is bad input (exit 2) — checked by every shell before any
 * work starts, and again by the flows.
 */
export function explicitCredentials(input: CredentialInput = {}): Credentials | undefined {
  const env = input.env ?? process.env;
  const username = input.username ?? (env.BUILD_CONNECTOR_USERNAME || undefined);
  const password = input.password ?? (env.BUILD_CONNECTOR_PASSWORD || undefined);
  if (input.password !== undefined && !username) throw badInput('a password was given without a username', [USERNAME_FIX]);
  if (username && password) return { username, password, source: input.password !== undefined ? 'the given password' : 'BUILD_CONNECTOR_PASSWORD' };
  if (input.username && !password) throw badInput(`username ${input.username} given without a password`, [PASSWORD_FIX]);
  return undefined;
}

/** Resolve credentials for a registry; undefined = anonymous. */
export async function resolveCredentials(registry: string, input: CredentialInput = {}): Promise<Credentials | undefined> {
  return explicitCredentials(input) ?? (await storedCredentials(registry, input.env ?? process.env));
}

/**
 * What `docker login` left for this registry in the user's docker config
 * (read only), and nothing else: for a registry that is not the one the
 * user logged in for (a base image's), so the given login
 * (BUILD_CONNECTOR_USERNAME / _PASSWORD, --password-stdin) never travels
 * to another registry.
 */
export async function storedCredentials(registry: string, env: NodeJS.ProcessEnv = process.env): Promise<Credentials | undefined> {
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

/** The docker config keys that hold credentials: a private config copies everything else. */
const CREDENTIAL_KEYS = new Set(['auths', 'credHelpers', 'credsStore']);

/**
 * The private config.json (pure): the user's settings (current context,
 * proxies, plugin settings…) without any of their credentials, plus these
 * credentials for this registry only (under every key docker uses for it).
 */
export function privateConfigJson(userConfigText: string | undefined, registry: string, creds: Credentials): string {
  let settings: Record<string, unknown> = {};
  try {
    const parsed = z.record(z.string(), z.unknown()).safeParse(JSON.parse(userConfigText ?? '{}'));
    if (parsed.success) settings = Object.fromEntries(Object.entries(parsed.data).filter(([k]) => !CREDENTIAL_KEYS.has(k)));
  } catch {
    // an unreadable user config: the tools get our credentials alone
  }
  const auth = Buffer.from(`${creds.username}:${creds.password}`).toString('base64');
  const keys = isDockerHub(registry) ? configKeys(registry) : [registry];
  return JSON.stringify({ ...settings, auths: Object.fromEntries(keys.map((k) => [k, { auth }])) });
}

export interface ToolAuth {
  /** the private DOCKER_CONFIG directory (0700, its config.json 0600), removed when the run ends */
  dir: string;
  /** the environment that points docker, buildx and cosign at it */
  env: Record<string, string>;
}

/**
 * A private DOCKER_CONFIG for the tools that talk to this registry (docker
 * create --pull, buildx imagetools, cosign), holding only these
 * credentials; undefined without credentials (the tools then read the
 * user's config as they always do). The tools still find the same engine
 * and plugins: the user's contexts/ and cli-plugins/ are linked (read only
 * by these calls) and BUILDX_CONFIG keeps buildx on the user's builders.
 */
export async function toolAuth(registry: string, creds: Credentials | undefined, env: NodeJS.ProcessEnv = process.env): Promise<ToolAuth | undefined> {
  if (!creds) return undefined;
  const user = dockerConfigDir(env);
  const dir = await mkdtemp(join(tmpdir(), 'bc-auth-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  await chmod(dir, 0o700);
  const userText = await readFile(join(user, 'config.json'), 'utf8').catch(() => undefined);
  await writeFile(join(dir, 'config.json'), privateConfigJson(userText, registry, creds), { mode: 0o600 });
  for (const sub of ['contexts', 'cli-plugins']) {
    if (await lstat(join(user, sub)).then(() => true, () => false)) await symlink(join(user, sub), join(dir, sub));
  }
  return { dir, env: { DOCKER_CONFIG: dir, BUILDX_CONFIG: env.BUILDX_CONFIG || join(user, 'buildx') } };
}

/** How a flow talks to one registry: the credentials for its RegistryClient, and the tools' private config. */
export interface RegistryAccess {
  registry: string;
  credentials?: Credentials;
  /**
   * set when the credentials were given explicitly (login or
   * BUILD_CONNECTOR_*): docker and buildx calls on this registry run with
   * it. Credentials from the docker config need none: the tools read that
   * config themselves, as they always did.
   */
  tools?: ToolAuth;
}

export async function registryAccess(registry: string, login: RegistryLogin = {}, env: NodeJS.ProcessEnv = process.env): Promise<RegistryAccess> {
  const explicit = explicitCredentials({ ...login, env });
  if (explicit) return { registry, credentials: explicit, tools: await toolAuth(registry, explicit, env) };
  const credentials = await storedCredentials(registry, env);
  return { registry, ...(credentials ? { credentials } : {}) };
}
