import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/sbom/cyclonedx.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
var CYCLONEDX_MEDIA_TYPE = "application/vnd.cyclonedx+json";
var Property = external_exports.object({ name: external_exports.string(), value: external_exports.string() }).loose();
var Component = external_exports.object({
  "bom-ref": external_exports.string().optional(),
  type: external_exports.string(),
  name: external_exports.string(),
  version: external_exports.string().optional(),
  purl: external_exports.string().optional(),
  properties: external_exports.array(Property).optional()
}).loose();
var Dependency = external_exports.object({ ref: external_exports.string(), dependsOn: external_exports.array(external_exports.string()).optional() }).loose();
var BomSchema = external_exports.object({
  bomFormat: external_exports.literal("CycloneDX"),
  specVersion: external_exports.string(),
  serialNumber: external_exports.string().optional(),
  version: external_exports.number().optional(),
  metadata: external_exports.object({ timestamp: external_exports.string().optional(), component: Component.optional() }).loose().optional(),
  components: external_exports.array(Component).default([]),
  dependencies: external_exports.array(Dependency).optional()
}).loose();
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function uuidFrom(text) {
  const h = createHash("sha256").update(text).digest();
  h[6] = (h[6] ?? 0) & 15 | 128;
  h[8] = (h[8] ?? 0) & 63 | 128;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
function ociPurl(s) {
  const name = (s.repository.split("/").pop() ?? s.repository).toLowerCase();
  const [, arch, variant] = s.platform.split("/");
  const q = new URLSearchParams();
  if (arch) q.set("arch", arch);
  if (variant) q.set("variant", variant);
  q.set("repository_url", s.repository);
  return `pkg:oci/${encodeURIComponent(name)}@${encodeURIComponent(s.digest)}?${q.toString()}`;
}
function ecosystemsOf(bom) {
  const ecosystems = {};
  for (const c of bom.components) {
    const t = /^pkg:([a-z0-9.+-]+)\//i.exec(c.purl ?? "")?.[1];
    if (t) ecosystems[t] = (ecosystems[t] ?? 0) + 1;
  }
  return { components: bom.components.length, ecosystems };
}
function parseBom(text, what) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BcError("failed", `sbom: ${what} wrote something that is not JSON`, { step: "sbom", details: [JSON.stringify(text.slice(0, 120))] });
  }
  const parsed = BomSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BcError("failed", `sbom: ${what} wrote JSON that is not a CycloneDX SBOM`, { step: "sbom", details: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`) });
  }
  return parsed.data;
}
function mergeDependencies(list) {
  const byRef = /* @__PURE__ */ new Map();
  for (const d of list) {
    const had = byRef.get(d.ref);
    const on = /* @__PURE__ */ new Set([...had?.dependsOn ?? [], ...d.dependsOn ?? []]);
    byRef.set(d.ref, { ...had ?? d, ...on.size > 0 || d.dependsOn ? { dependsOn: [...on].sort() } : {} });
  }
  return [...byRef.values()];
}
function withoutFilePath(purl) {
  const q = purl.indexOf("?");
  if (q < 0) return purl;
  const params = purl.slice(q + 1).split("&").filter((kv) => kv !== "" && !kv.startsWith("file_path="));
  return params.length > 0 ? `${purl.slice(0, q)}?${params.join("&")}` : purl.slice(0, q);
}
var FILE_PATH_PROPERTY = "aquasecurity:trivy:FilePath";
function normalizeBom(bom, s) {
  const purl = ociPurl(s);
  const renamed = /* @__PURE__ */ new Map();
  const oldRoot = bom.metadata?.component?.["bom-ref"];
  if (oldRoot) renamed.set(oldRoot, purl);
  const seen = /* @__PURE__ */ new Set();
  const components = [];
  for (const c of bom.components) {
    const ref2 = c["bom-ref"];
    const stable = !ref2 ? void 0 : UUID.test(ref2) ? `${c.type}:${c.name}${c.version ? `@${c.version}` : ""}` : withoutFilePath(ref2);
    if (ref2 && stable && stable !== ref2) renamed.set(ref2, stable);
    if (stable && seen.has(stable)) continue;
    if (stable) seen.add(stable);
    const properties = c.properties?.filter((p) => p.name !== FILE_PATH_PROPERTY);
    components.push({
      ...c,
      ...stable ? { "bom-ref": stable } : {},
      ...c.purl ? { purl: withoutFilePath(c.purl) } : {},
      ...properties ? { properties } : {}
    });
  }
  const ref = (r) => renamed.get(r) ?? r;
  const root = {
    ...bom.metadata?.component ?? {},
    "bom-ref": purl,
    type: "container",
    name: s.repository,
    version: s.version,
    purl,
    ...s.license ? { licenses: [{ license: { name: s.license } }] } : {},
    properties: [...bom.metadata?.component?.properties ?? [], { name: "build-connector:platform", value: s.platform }]
  };
  const byKey = (key) => (a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  const out = {
    ...bom,
    serialNumber: `urn:uuid:${uuidFrom(`${s.digest} ${s.repository}`)}`,
    version: 1,
    metadata: { ...bom.metadata ?? {}, timestamp: s.created, component: root },
    components: [...components].sort(byKey((c) => `${c["bom-ref"] ?? ""} ${c.type} ${c.name} ${c.version ?? ""}`)),
    ...bom.dependencies ? {
      dependencies: mergeDependencies(bom.dependencies.map((d) => ({ ...d, ref: ref(d.ref), ...d.dependsOn ? { dependsOn: d.dependsOn.map(ref) } : {} }))).sort(byKey((d) => d.ref))
    } : {}
  };
  return { bytes: Buffer.from(`${JSON.stringify(out)}
`), facts: ecosystemsOf(out) };
}

export {
  CYCLONEDX_MEDIA_TYPE,
  BomSchema,
  uuidFrom,
  ociPurl,
  ecosystemsOf,
  parseBom,
  withoutFilePath,
  normalizeBom
};
