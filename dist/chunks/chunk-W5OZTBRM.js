import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  require_semver
} from "./chunk-GCCGMITS.js";
import {
  require_dist
} from "./chunk-WU7HX5KS.js";
import {
  BcError
} from "./chunk-UKZEXR6B.js";
import {
  PlatformSchema
} from "./chunk-BEB7XHHM.js";
import {
  external_exports
} from "./chunk-4G6BOLVH.js";
import {
  isFile
} from "./chunk-2JEQD4KA.js";
import {
  __toESM,
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/connector/metadata.ts
init_define_BC_HELP();
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import { basename, join, relative, resolve, isAbsolute } from "node:path";

// src/connector/schema.ts
init_define_BC_HELP();
var import_semver = __toESM(require_semver(), 1);

// src/connector/reference.ts
init_define_BC_HELP();
var HOST_PART = "[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?";
var HOST = `(?:localhost(?::[0-9]+)?|${HOST_PART}(?:\\.${HOST_PART})+(?::[0-9]+)?|${HOST_PART}:[0-9]+)`;
var COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var PATH = `${COMPONENT}(?:/${COMPONENT})*`;
var TAG = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
var DIGEST = "sha256:[a-f0-9]{64}";
var REPOSITORY_RE = new RegExp(`^(?:${HOST}/)?${PATH}$`);
var REFERENCE_RE = new RegExp(`^((?:${HOST}/)?${PATH})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
function isRepository(s) {
  return s.length <= 255 && REPOSITORY_RE.test(s);
}
function parseImageRef(s) {
  const m = REFERENCE_RE.exec(s);
  if (!m || s.length > 512) return void 0;
  return { repository: m[1] ?? "", tag: m[2], digest: m[3] };
}
function isDigestPinned(s) {
  return parseImageRef(s)?.digest !== void 0;
}
function describeBadRef(s) {
  if (/[\s"'\\$`]/.test(s)) return 'it contains whitespace, a quote, a backslash, a backquote or "$"';
  if (/[A-Z]/.test(s.split("@")[0]?.split("/").slice(1).join("/") ?? "")) return "repository components must be lowercase";
  return "expected [registry/]name[:tag][@sha256:<64 hex>]";
}

// src/connector/schema.ts
var CONTROL_RE = /[\u0000-\u001f\u007f\u2028\u2029]/;
var SAFE_ARG_RE = /^[A-Za-z0-9_./:=@+,%-]+$/;
var SAFE_DIR_RE = /^\/(?:[A-Za-z0-9_.+-]+\/?)*$/;
var show = (v) => {
  if (v === void 0) return "nothing";
  if (v === null) return "null (empty value)";
  if (typeof v === "string") return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}\u2026` : v);
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${String(v)}`;
};
var text = (what) => external_exports.string({ error: (i) => `expected ${what} (a string), got ${show(i.input)}` }).refine((s) => !CONTROL_RE.test(s), {
  message: `${what} must be one line: newlines and control characters cannot be written safely into a Dockerfile`
});
var repository = external_exports.string({ error: (i) => `expected a docker repository name (a string), got ${show(i.input)}` }).refine(isRepository, {
  error: (i) => `expected a docker repository name like airbyte/source-hello (lowercase [a-z0-9._-] components separated by "/", optional registry host), got ${show(i.input)}`
});
var imageRef = external_exports.string({ error: (i) => `expected an image reference (a string), got ${show(i.input)}` }).refine((s) => parseImageRef(s) !== void 0, {
  error: (i) => `expected an image reference like docker.io/airbyte/python-connector-base:4.0.2@sha256:<64 hex>: ${describeBadRef(String(i.input))}, got ${show(i.input)}`
});
var semverTag = external_exports.string({ error: (i) => `expected a semver version string like 1.2.3 (quote it in YAML), got ${show(i.input)}` }).refine((s) => import_semver.default.valid(s) === s, { error: (i) => `expected a semver version like 1.2.3 or 1.2.3-rc.1, got ${show(i.input)}` });
function entrypointProblem(args) {
  return entrypointIssue(args)?.message;
}
function entrypointIssue(args) {
  for (const [i, a] of args.entries()) {
    if (!SAFE_ARG_RE.test(a)) {
      return { index: i, message: `entrypoint[${i}] ${show(a)} has a character that is not allowed (whitespace, quote, backslash, $ or backquote): write one list element per argument` };
    }
    const looksLikePath = a.includes("/") || /\.(py|sh|jar|js)$/.test(a);
    if (looksLikePath && !a.startsWith("/")) {
      return { index: i, message: `entrypoint[${i}] ${show(a)} is a relative path; use an absolute path (e.g. /airbyte/integration_code/main.py)` };
    }
    if (i === 0 && a.startsWith("-")) return { index: i, message: `entrypoint[0] ${show(a)} must be a program` };
  }
  return void 0;
}
var entrypoint = external_exports.array(external_exports.string({ error: (i) => `expected a string, got ${show(i.input)}` }), {
  error: (i) => `expected an exec-form list like ["/usr/local/bin/source-hello"], got ${show(i.input)}`
}).min(1, { message: "expected at least one element" }).superRefine((args, ctx) => {
  const p = entrypointIssue(args);
  if (p) ctx.addIssue({ code: "custom", message: p.message, path: [p.index] });
});
var platform = PlatformSchema;
var BuildConnectorSchema = external_exports.object({
  entrypoint: entrypoint.optional(),
  baseImage: imageRef.optional(),
  extraWriteDirs: external_exports.array(external_exports.string().regex(SAFE_DIR_RE, { message: "expected an absolute directory path with [A-Za-z0-9_.+-] components" })).optional(),
  platforms: external_exports.array(platform).min(1).optional(),
  offline: external_exports.boolean({ error: (i) => `expected true or false, got ${show(i.input)}` }).optional()
}).strict();
var MetadataSchema = external_exports.object({
  data: external_exports.object({
    name: text("the connector name"),
    connectorType: external_exports.enum(["source", "destination"], { error: (i) => `expected "source" or "destination", got ${show(i.input)}` }),
    dockerRepository: repository,
    dockerImageTag: semverTag,
    definitionId: external_exports.string({ error: (i) => `expected a UUID string, got ${show(i.input)}` }).regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, { message: "expected a UUID" }).optional(),
    documentationUrl: text("documentationUrl").optional(),
    license: text("license").optional(),
    tags: external_exports.array(external_exports.string({ error: (i) => `expected a string tag, got ${show(i.input)}` }), {
      error: (i) => `expected a list of tags like [language:python], got ${show(i.input)}`
    }).optional(),
    connectorBuildOptions: external_exports.object({ baseImage: imageRef.optional() }).loose().optional(),
    registryOverrides: external_exports.record(
      external_exports.string(),
      external_exports.object({
        enabled: external_exports.boolean().optional(),
        dockerRepository: repository.optional(),
        dockerImageTag: semverTag.optional()
      }).loose()
    ).optional(),
    buildConnector: BuildConnectorSchema.optional()
  }).loose()
}).loose();
function valueAt(root, path) {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== "object") return void 0;
    v = v[k];
  }
  return v;
}
function collectIssues(err, root) {
  return err.issues.map((i) => {
    const path = i.path.map(String).join(".");
    const parentExists = valueAt(root, i.path.slice(0, -1)) !== void 0;
    const missing = valueAt(root, i.path) === void 0 && parentExists;
    if (i.code === "unrecognized_keys") {
      return { path: [...i.path.map(String), ...i.keys.slice(0, 1)].join("."), message: `unknown key${i.keys.length > 1 ? "s" : ""} ${i.keys.join(", ")} (allowed: entrypoint, baseImage, extraWriteDirs, platforms, offline)` };
    }
    if (missing) return { path, message: `required key is missing (${i.message.replace(/, got nothing$/, "")})` };
    return { path: path || "(root)", message: i.message };
  });
}

// src/connector/metadata.ts
function displayPath(file) {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}
function where(pos) {
  return `${displayPath(pos.file)}:${pos.line}:${pos.column}`;
}
function parseMetadataText(text2, file) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text2, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    let lp = lineCounter.linePos(first.pos[0]);
    let msg = first.message.split("\n")[0] ?? first.code;
    const opened = first.code === "MISSING_CHAR" ? unclosedQuoteLine(text2, first.pos[0]) : void 0;
    if (opened) {
      lp = opened;
      msg = `${msg}: the quote opened here is never closed`;
    }
    throw new BcError("badInput", `${displayPath(file)}:${lp.line}:${lp.col}: invalid YAML (${first.code}): ${msg}`, {
      details: doc.errors.slice(1, 5).map((e) => {
        const p = lineCounter.linePos(e.pos[0]);
        return `${displayPath(file)}:${p.line}:${p.col}: ${e.message.split("\n")[0] ?? e.code}`;
      })
    });
  }
  const positionOf = (path) => locate(doc, lineCounter, file, splitPath(path)).pos;
  return { file, text: text2, doc, lineCounter, value: doc.toJS({ maxAliasCount: 100 }), positionOf };
}
function unclosedQuoteLine(text2, offset) {
  const lines = text2.slice(0, offset).split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? "";
    for (const q of ['"', "'"]) {
      const count = line.split(q).length - 1;
      if (count % 2 === 1) return { line: i + 1, col: line.indexOf(q) + 1 };
    }
  }
  return void 0;
}
function serializeMetadata(parsed) {
  return parsed.doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
function splitPath(path) {
  return path === "" ? [] : path.split(".");
}
function locate(doc, lc, file, path) {
  const at = (offset) => {
    const p = lc.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  let node = doc.contents;
  let pos = (0, import_yaml.isScalar)(node) || (0, import_yaml.isMap)(node) || (0, import_yaml.isSeq)(node) ? at(node.range?.[0] ?? 0) : at(0);
  for (const seg of path) {
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((p) => (0, import_yaml.isScalar)(p.key) && String(p.key.value) === seg);
      if (!pair) return { pos, found: false };
      const keyRange = (0, import_yaml.isScalar)(pair.key) ? pair.key.range : void 0;
      const value = pair.value;
      const valueRange = (0, import_yaml.isScalar)(value) || (0, import_yaml.isMap)(value) || (0, import_yaml.isSeq)(value) ? value.range : void 0;
      const valueWritten = (0, import_yaml.isScalar)(value) && valueRange && !(value.value === null && valueRange[0] === valueRange[1]);
      pos = valueWritten ? at(valueRange[0]) : keyRange ? at(keyRange[0]) : pos;
      node = value;
    } else if ((0, import_yaml.isSeq)(node)) {
      const item = node.items[Number(seg)];
      if (!/^\d+$/.test(seg) || item === void 0) return { pos, found: false };
      if ((0, import_yaml.isScalar)(item) || (0, import_yaml.isMap)(item) || (0, import_yaml.isSeq)(item)) pos = item.range ? at(item.range[0]) : pos;
      node = item;
    } else {
      return { pos, found: false };
    }
  }
  return { pos, found: true };
}
function issueError(parsed, issues) {
  const fmt = (i) => {
    const pos = parsed.positionOf(i.path) ?? { file: parsed.file, line: 1, column: 1 };
    return `${where(pos)}: ${i.path}: ${i.message}`;
  };
  const [first, ...rest] = issues;
  return new BcError("badInput", first ? fmt(first) : `${displayPath(parsed.file)}: invalid metadata`, {
    details: [...rest.slice(0, 8).map(fmt), 'fix: see README "metadata.yaml" for the keys build-connector reads']
  });
}
function validateMetadata(parsed) {
  const v = parsed.value;
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    const got = v === null || v === void 0 ? "an empty file" : Array.isArray(v) ? "a list" : `a ${typeof v}`;
    throw issueError(parsed, [{ path: "(root)", message: `expected a mapping with metadataSpecVersion and data, got ${got}` }]);
  }
  const res = MetadataSchema.safeParse(parsed.value);
  if (!res.success) throw issueError(parsed, collectIssues(res.error, parsed.value));
  return res.data;
}
function languageOf(tags, parsed) {
  const langs = (tags ?? []).map((t, i) => ({ t, i })).filter(({ t }) => t.startsWith("language:"));
  if (langs.length > 1) {
    throw issueError(parsed, [{ path: `data.tags.${langs[1]?.i ?? 0}`, message: "more than one language:* tag; keep exactly one" }]);
  }
  const only = langs[0];
  if (!only) return void 0;
  const lang = only.t.slice("language:".length);
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(lang)) {
    throw issueError(parsed, [{ path: `data.tags.${only.i}`, message: `expected language:<name> with a lowercase [a-z0-9_-] name, got "${only.t}"` }]);
  }
  return { language: lang, path: `data.tags.${only.i}` };
}
async function loadMetadata(dir) {
  const file = join(resolve(dir), "metadata.yaml");
  let text2;
  try {
    text2 = await readFile(file, "utf8");
  } catch (err) {
    const code = err.code;
    throw new BcError("badInput", `${displayPath(file)}: ${code === "ENOENT" ? "not found: a connector directory needs a metadata.yaml" : `cannot read (${code ?? "error"})`}`, {
      details: [`fix: pass the connector directory (the one holding metadata.yaml)`]
    });
  }
  return parseMetadataText(text2, file);
}
async function loadConnector(dir) {
  const abs = resolve(dir);
  const parsed = await loadMetadata(abs);
  const m = validateMetadata(parsed);
  const d = m.data;
  const bc = d.buildConnector;
  const options = {};
  if (bc?.entrypoint) options.entrypoint = bc.entrypoint;
  if (bc?.baseImage) options.baseImage = bc.baseImage;
  if (bc?.extraWriteDirs) options.extraWriteDirs = bc.extraWriteDirs;
  if (bc?.platforms) options.platforms = bc.platforms;
  if (bc?.offline !== void 0) options.offline = bc.offline;
  const lang = languageOf(d.tags, parsed);
  const dockerfile = join(abs, "Dockerfile");
  const registryOverrides = {};
  for (const [k, v] of Object.entries(d.registryOverrides ?? {})) {
    registryOverrides[k] = {
      ...v.dockerRepository !== void 0 ? { dockerRepository: v.dockerRepository } : {},
      ...v.dockerImageTag !== void 0 ? { dockerImageTag: v.dockerImageTag } : {}
    };
  }
  return {
    dir: abs,
    metadataPath: parsed.file,
    name: d.name,
    dirName: basename(abs),
    type: d.connectorType,
    repository: d.dockerRepository,
    version: d.dockerImageTag,
    definitionId: d.definitionId,
    language: lang?.language ?? "",
    languagePath: lang?.path ?? (d.tags ? "data.tags" : "data"),
    baseImage: bc?.baseImage ?? d.connectorBuildOptions?.baseImage,
    options,
    registryOverrides,
    customDockerfile: await isFile(dockerfile) ? dockerfile : void 0,
    positionOf: parsed.positionOf,
    documentationUrl: d.documentationUrl,
    license: d.license
  };
}
function metadataError(c, path, message, details = []) {
  const pos = c.positionOf(path) ?? { file: c.metadataPath, line: 1, column: 1 };
  return new BcError("badInput", `${where(pos)}: ${path}: ${message}`, { details });
}

export {
  parseImageRef,
  isDigestPinned,
  describeBadRef,
  CONTROL_RE,
  SAFE_ARG_RE,
  SAFE_DIR_RE,
  entrypointProblem,
  displayPath,
  where,
  parseMetadataText,
  serializeMetadata,
  validateMetadata,
  languageOf,
  loadMetadata,
  loadConnector,
  metadataError
};
