import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/registry/probe.ts
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

export {
  isLoopbackRegistry,
  registryBaseUrl,
  probeRegistry
};
