import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  onCleanup,
  run
} from "./chunk-TVMRY7EN.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  badInput
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/registry/credentials.ts
init_define_BC_HELP();
import { chmod, lstat, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
var DockerConfigSchema = external_exports.object({
  auths: external_exports.record(external_exports.string(), external_exports.object({ auth: external_exports.string().optional(), username: external_exports.string().optional(), password: external_exports.string().optional() }).loose()).optional(),
  credHelpers: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  credsStore: external_exports.string().optional()
}).loose();
function dockerConfigDir(env = process.env) {
  return env.DOCKER_CONFIG || join(homedir(), ".docker");
}
function dockerConfigPath(env = process.env) {
  return join(dockerConfigDir(env), "config.json");
}
var isDockerHub = (registry) => registry === "docker.io" || registry === "index.docker.io" || registry === "registry-1.docker.io";
function configKeys(registry) {
  if (isDockerHub(registry)) {
    return ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io"];
  }
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`];
}
function decodeAuth(auth) {
  const text = Buffer.from(auth, "base64").toString("utf8");
  const i = text.indexOf(":");
  if (i <= 0) return void 0;
  return { username: text.slice(0, i), password: text.slice(i + 1) };
}
function credentialsFromConfig(text, registry) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return void 0;
  }
  const cfg = DockerConfigSchema.safeParse(raw);
  if (!cfg.success) return void 0;
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
      if (d) return { ...d, source: "docker config" };
    }
    if (a.username && a.password) return { username: a.username, password: a.password, source: "docker config" };
  }
  if (cfg.data.credsStore) return { helper: cfg.data.credsStore };
  return void 0;
}
var HelperAnswer = external_exports.object({ Username: external_exports.string(), Secret: external_exports.string() }).loose();
async function fromHelper(helper, registry) {
  if (!/^[A-Za-z0-9_.-]+$/.test(helper)) return void 0;
  for (const key of configKeys(registry)) {
    const res = await run(`docker-credential-${helper}`, ["get"], { input: key, allowFailure: true, timeoutMs: 3e4 }).catch(() => void 0);
    if (!res || res.exitCode !== 0) continue;
    const parsed = HelperAnswer.safeParse(JSON.parse(res.stdout || "null"));
    if (parsed.success && parsed.data.Secret) return { username: parsed.data.Username, password: parsed.data.Secret, source: `docker-credential-${helper}` };
  }
  return void 0;
}
var USERNAME_FIX = "fix: give the username too (CLI: --username or BUILD_CONNECTOR_USERNAME; Action: the username input)";
var PASSWORD_FIX = 'fix: give the password too (CLI: printf %s "$PASSWORD" | build-connector COMMAND --username U --password-stdin, or BUILD_CONNECTOR_PASSWORD; Action: the password input)';
function explicitCredentials(input = {}) {
  const env = input.env ?? process.env;
  const username = input.username ?? (env.BUILD_CONNECTOR_USERNAME || void 0);
  const password = input.password ?? (env.BUILD_CONNECTOR_PASSWORD || void 0);
  if (input.password !== void 0 && !username) throw badInput("a password was given without a username", [USERNAME_FIX]);
  if (username && password) return { username, password, source: input.password !== void 0 ? "the given password" : "BUILD_CONNECTOR_PASSWORD" };
  if (input.username && !password) throw badInput(`username ${input.username} given without a password`, [PASSWORD_FIX]);
  return void 0;
}
async function resolveCredentials(registry, input = {}) {
  return explicitCredentials(input) ?? await storedCredentials(registry, input.env ?? process.env);
}
async function storedCredentials(registry, env = process.env) {
  let text;
  try {
    text = await readFile(dockerConfigPath(env), "utf8");
  } catch {
    return void 0;
  }
  const found = credentialsFromConfig(text, registry);
  if (!found) return void 0;
  if ("helper" in found) return fromHelper(found.helper, registry);
  return found;
}
async function readStdinPassword(stream = process.stdin) {
  const chunks = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  const text = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  if (text === "") throw badInput("--password-stdin: nothing was given on stdin");
  return text;
}
var CREDENTIAL_KEYS = /* @__PURE__ */ new Set(["auths", "credHelpers", "credsStore"]);
function privateConfigJson(userConfigText, registry, creds) {
  let settings = {};
  try {
    const parsed = external_exports.record(external_exports.string(), external_exports.unknown()).safeParse(JSON.parse(userConfigText ?? "{}"));
    if (parsed.success) settings = Object.fromEntries(Object.entries(parsed.data).filter(([k]) => !CREDENTIAL_KEYS.has(k)));
  } catch {
  }
  const auth = Buffer.from(`${creds.username}:${creds.password}`).toString("base64");
  const keys = isDockerHub(registry) ? configKeys(registry) : [registry];
  return JSON.stringify({ ...settings, auths: Object.fromEntries(keys.map((k) => [k, { auth }])) });
}
async function toolAuth(registry, creds, env = process.env) {
  if (!creds) return void 0;
  const user = dockerConfigDir(env);
  const dir = await mkdtemp(join(tmpdir(), "bc-auth-"));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  await chmod(dir, 448);
  const userText = await readFile(join(user, "config.json"), "utf8").catch(() => void 0);
  await writeFile(join(dir, "config.json"), privateConfigJson(userText, registry, creds), { mode: 384 });
  for (const sub of ["contexts", "cli-plugins"]) {
    if (await lstat(join(user, sub)).then(() => true, () => false)) await symlink(join(user, sub), join(dir, sub));
  }
  return { dir, env: { DOCKER_CONFIG: dir, BUILDX_CONFIG: env.BUILDX_CONFIG || join(user, "buildx") } };
}
async function registryAccess(registry, login = {}, env = process.env) {
  const explicit = explicitCredentials({ ...login, env });
  if (explicit) return { registry, credentials: explicit, tools: await toolAuth(registry, explicit, env) };
  const credentials = await storedCredentials(registry, env);
  return { registry, ...credentials ? { credentials } : {} };
}

export {
  dockerConfigDir,
  dockerConfigPath,
  configKeys,
  decodeAuth,
  credentialsFromConfig,
  explicitCredentials,
  resolveCredentials,
  storedCredentials,
  readStdinPassword,
  privateConfigJson,
  toolAuth,
  registryAccess
};
