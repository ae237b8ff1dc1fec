import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  docker,
  parseJson,
  parseJsonLines
} from "./chunk-DV5U53WV.js";
import {
  external_exports
} from "./chunk-EOVLSTFT.js";
import {
  init_define_BC_HELP
} from "./chunk-IOSLR57L.js";

// src/docker/engine.ts
init_define_BC_HELP();
var DockerVersionSchema = external_exports.object({
  Client: external_exports.object({ Version: external_exports.string() }).loose(),
  Server: external_exports.object({ Version: external_exports.string() }).loose().nullish()
}).loose();
var DockerInfoSchema = external_exports.object({
  ServerVersion: external_exports.string().optional(),
  Driver: external_exports.string().optional(),
  DriverStatus: external_exports.array(external_exports.array(external_exports.string())).nullish(),
  Architecture: external_exports.string().optional()
}).loose();
var BuilderSchema = external_exports.object({
  Name: external_exports.string(),
  Driver: external_exports.string(),
  Nodes: external_exports.array(
    external_exports.object({
      Name: external_exports.string().optional(),
      Status: external_exports.string().optional(),
      Platforms: external_exports.array(external_exports.string()).nullish()
    }).loose()
  ).nullish()
}).loose();
function isContainerdStore(info) {
  return (info.DriverStatus ?? []).some(([k, v]) => k === "driver-type" && v === "io.containerd.snapshotter.v1");
}
function builderFacts(b) {
  const platforms = /* @__PURE__ */ new Set();
  for (const n of b.Nodes ?? []) for (const p of n.Platforms ?? []) platforms.add(p);
  return { name: b.Name, driver: b.Driver, platforms: [...platforms] };
}
function builderSupports(facts, platform) {
  return facts.platforms.some((p) => p === platform || p.startsWith(`${platform}/`));
}
async function dockerVersions() {
  const res = await docker(["version", "--format", "{{json .}}"], { allowFailure: true, timeoutMs: 2e4 });
  const firstLine = res.stdout.split("\n").find((l) => l.trim().startsWith("{")) ?? "{}";
  const v = parseJson(DockerVersionSchema, firstLine, "docker version");
  return { client: v.Client.Version, server: v.Server?.Version };
}
async function dockerInfo() {
  const res = await docker(["info", "--format", "{{json .}}"], { timeoutMs: 2e4, failKind: "environment", step: "docker info" });
  return parseJson(DockerInfoSchema, res.stdout, "docker info");
}
async function buildxVersion() {
  const res = await docker(["buildx", "version"], { timeoutMs: 2e4, failKind: "environment", step: "docker buildx version" });
  return parseBuildxVersion(res.stdout);
}
function parseBuildxVersion(text) {
  const m = /buildx\s+v?(\d+\.\d+\.\d+)/.exec(text);
  return m?.[1] ?? text.trim();
}
async function currentBuilder(name) {
  const res = await docker(["buildx", "ls", "--format", "{{json .}}"], {
    timeoutMs: 3e4,
    failKind: "environment",
    step: "docker buildx ls"
  });
  const builders = parseJsonLines(BuilderSchema, res.stdout, "docker buildx ls");
  const wanted = name ?? process.env.BUILDX_BUILDER;
  const chosen = wanted ? builders.find((b) => b.Name === wanted) : builders.find((b) => b.Name === currentName(res.stdout)) ?? builders[0];
  if (!chosen) {
    const { envMissing } = await import("./errors-FBBTANAA.js");
    throw envMissing(wanted ? `buildx builder "${wanted}" not found` : "no buildx builder found", [
      "fix: docker buildx create --use (or unset BUILDX_BUILDER)"
    ]);
  }
  return builderFacts(chosen);
}
function currentName(stdout) {
  for (const line of stdout.split("\n")) {
    const m = /"Name":"([^"]+)".*"Current":true/.exec(line);
    if (m) return m[1];
  }
  return void 0;
}

export {
  BuilderSchema,
  isContainerdStore,
  builderFacts,
  builderSupports,
  dockerVersions,
  dockerInfo,
  buildxVersion,
  parseBuildxVersion,
  currentBuilder
};
