import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  run
} from "./chunk-ZBE7Q2QI.js";
import {
  onCleanup
} from "./chunk-3LX63W6I.js";
import {
  badInput
} from "./chunk-5R7AJT4B.js";
import {
  external_exports
} from "./chunk-JCCP3NW4.js";
import {
  init_define_BC_HELP
} from "./chunk-F65AD7ZE.js";

// src/publish/credentials.ts
init_define_BC_HELP();
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
var DockerConfigSchema = external_exports.object({
  auths: external_exports.record(external_exports.string(), external_exports.object({ auth: external_exports.string().optional(), username: external_exports.string().optional(), password: external_exports.string().optional() }).loose()).optional(),
  credHelpers: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  credsStore: external_exports.string().optional()
}).loose();
function dockerConfigPath(env = process.env) {
  return join(env.DOCKER_CONFIG ?? join(homedir(), ".docker"), "config.json");
}
function configKeys(registry) {
  if (registry === "docker.io" || registry === "index.docker.io" || registry === "registry-1.docker.io") {
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
async function resolveCredentials(registry, input = {}) {
  const env = input.env ?? process.env;
  const username = input.username ?? env.BUILD_CONNECTOR_USERNAME;
  const password = input.passwordStdin ?? env.BUILD_CONNECTOR_PASSWORD;
  if (input.passwordStdin !== void 0 && !username) throw badInput("a password was given without a username", ["fix: give the username too (CLI: --username or BUILD_CONNECTOR_USERNAME; Action: the username input)"]);
  if (username && password) return { username, password, source: input.passwordStdin !== void 0 ? "the given password" : "BUILD_CONNECTOR_PASSWORD" };
  if (input.username && !password) {
    throw badInput(`username ${input.username} given without a password`, ['fix: give the password too (CLI: printf %s "$PASSWORD" | build-connector publish --username U --password-stdin, or BUILD_CONNECTOR_PASSWORD; Action: the password input)']);
  }
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
async function privateAuthFile(registry, creds) {
  const dir = await mkdtemp(join(tmpdir(), "bc-auth-"));
  await chmod(dir, 448);
  const file = join(dir, "config.json");
  const auth = Buffer.from(`${creds.username}:${creds.password}`).toString("base64");
  await writeFile(file, JSON.stringify({ auths: { [registry]: { auth } } }), { mode: 384 });
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return { dir, file };
}

export {
  resolveCredentials,
  readStdinPassword,
  privateAuthFile
};
