import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  docker
} from "./chunk-A3I33V3B.js";
import {
  BcError
} from "./chunk-5R7AJT4B.js";
import {
  init_define_BC_HELP
} from "./chunk-F65AD7ZE.js";

// src/docker/registry.ts
init_define_BC_HELP();
function isLoopbackRegistry(registry) {
  const host = registry.replace(/:\d+$/, "");
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
function registryBaseUrl(registry) {
  if (registry === "docker.io" || registry === "index.docker.io") return "https://registry-1.docker.io";
  return `${isLoopbackRegistry(registry) ? "http" : "https"}://${registry}`;
}
async function probeRegistry(registry, timeoutMs = 1e4) {
  const url = `${registryBaseUrl(registry)}/v2/`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    if (res.status === 200 || res.status === 401) return { ok: true, status: res.status, auth: res.status === 401 };
    return { ok: false, reason: `${url} answered HTTP ${res.status}` };
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
    return { ok: false, reason: `${url}: ${cause}` };
  }
}
function credentialsFromEnv(env = process.env) {
  const username = env.BUILD_CONNECTOR_USERNAME;
  const password = env.BUILD_CONNECTOR_PASSWORD;
  if (username && password) return { username, password };
  return void 0;
}
async function login(registry, creds) {
  const res = await docker(["login", registry, "--username", creds.username, "--password-stdin"], {
    input: creds.password,
    secrets: [creds.password],
    allowFailure: true,
    timeoutMs: 6e4
  });
  if (res.exitCode !== 0) {
    const why = /unauthorized|incorrect username or password|401/i.test(res.stderr) ? "credentials were refused (401 unauthorized)" : res.stderr.trim().split("\n").pop() ?? `exit ${res.exitCode}`;
    throw new BcError("environment", `login to ${registry} failed: ${why}`, {
      step: "preflight",
      details: ["fix: check the username and the password given in BUILD_CONNECTOR_PASSWORD (or --password-stdin)"]
    });
  }
}

export {
  isLoopbackRegistry,
  registryBaseUrl,
  probeRegistry,
  credentialsFromEnv,
  login
};
