import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  MetadataSchema,
  collectIssues,
  require_dist
} from "./chunk-MITLCIOK.js";
import {
  parseImageRef
} from "./chunk-AC6MT37A.js";
import {
  INPUT_LIMITS,
  optionalInputFile,
  readBoundedFile
} from "./chunk-STQCJ5OL.js";
import {
  BcError,
  atText,
  badInputAt,
  displayPath
} from "./chunk-BSQYAL4K.js";
import {
  __toESM,
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/connector/metadata.ts
init_define_BC_HELP();
var import_yaml = __toESM(require_dist(), 1);
import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";

// src/connector/language.ts
init_define_BC_HELP();
var BASE_FAMILIES = {
  "source-declarative-manifest": "manifest-only",
  "python-connector-base": "python",
  "java-connector-base": "java",
  // build-connector's own bases (base-images/<lang>, built by `build-connector base`)
  "base-python": "python",
  "base-java": "java",
  "base-manifest-only": "manifest-only"
};
var LANGUAGE_FILES = [
  { language: "manifest-only", files: ["manifest.yaml"] },
  { language: "python", files: ["pyproject.toml", "setup.py", "main.py"] },
  { language: "java", files: ["build.gradle", "build.gradle.kts", "build/distributions"] }
];
function baseFamily(ref) {
  if (!ref) return void 0;
  const repo = parseImageRef(ref)?.repository ?? ref.split(/[@:]/)[0] ?? "";
  const last = repo.split("/").at(-1) ?? "";
  return BASE_FAMILIES[last];
}
function chooseLanguage(tags, baseImage, hasFile) {
  const unique = [...new Set(tags)];
  const only = unique[0];
  if (unique.length <= 1 && only !== void 0) {
    return { ok: true, choice: { language: only, from: "tag", tags, reason: `the only language tag is language:${only}` } };
  }
  const family = baseFamily(baseImage);
  const list = unique.map((t) => `language:${t}`).join(", ");
  if (family !== void 0) {
    if (unique.includes(family)) {
      const repo = (parseImageRef(baseImage ?? "")?.repository ?? "").split("/").at(-1);
      return { ok: true, choice: { language: family, from: "baseImage", tags, reason: `tags ${list}; the base image ${repo} is a ${family} base` } };
    }
    return {
      ok: false,
      at: "baseImage",
      message: `tags ${list} conflict with the base image, a ${family} base: keep the language tag that matches it, or change the base`
    };
  }
  for (const { language, files } of LANGUAGE_FILES) {
    if (!unique.includes(language)) continue;
    const found = files.find((f) => hasFile(f));
    if (found) return { ok: true, choice: { language, from: "files", tags, reason: `tags ${list}; ${found} is present` } };
  }
  return {
    ok: false,
    at: "tags",
    message: `tags ${list}: neither the base image nor the files present (${LANGUAGE_FILES.filter((l) => unique.includes(l.language)).flatMap((l) => l.files).join(", ") || "none known"}) tell which to build; keep one language tag`
  };
}

// src/connector/metadata.ts
var MAX_ALIAS_COUNT = 100;
function parseMetadataText(text, file) {
  const limit = INPUT_LIMITS["metadata.yaml"];
  if (Buffer.byteLength(text) > limit) {
    throw new BcError("badInput", `${displayPath(file)}: more than the ${limit / 1024 / 1024} MiB limit for a metadata.yaml`);
  }
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    let lp = lineCounter.linePos(first.pos[0]);
    let msg = first.message.split("\n")[0] ?? first.code;
    const opened = first.code === "MISSING_CHAR" ? unclosedQuoteLine(text, first.pos[0]) : void 0;
    if (opened) {
      lp = opened;
      msg = `${msg}: the quote opened here is never closed`;
    }
    throw badInputAt(
      { file, line: lp.line, column: lp.col, problem: `invalid YAML (${first.code}): ${msg}` },
      doc.errors.slice(1, 5).map((e) => {
        const p = lineCounter.linePos(e.pos[0]);
        return atText({ file, line: p.line, column: p.col, problem: e.message.split("\n")[0] ?? e.code });
      })
    );
  }
  const positionOf = (path) => locate(doc, lineCounter, file, splitPath(path)).pos;
  return { file, text, doc, lineCounter, value: toPlain(doc, lineCounter, file), positionOf };
}
function toPlain(doc, lc, file) {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    let at = { line: 1, col: 1 };
    let aliases = 0;
    (0, import_yaml.visit)(doc, {
      Alias(_key, node) {
        if (aliases++ === 0 && node.range) at = lc.linePos(node.range[0]);
      }
    });
    const why = err instanceof Error ? err.message : String(err);
    throw badInputAt({ file, line: at.line, column: at.col, problem: `YAML aliases expand too far (${aliases} aliases; ${why})` }, [
      "fix: write the values out instead of nesting anchors (&name) and aliases (*name)"
    ]);
  }
}
function unclosedQuoteLine(text, offset) {
  const lines = text.slice(0, offset).split("\n");
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
function keyAt(c, key) {
  return { ...c.positionOf(key) ?? { file: c.metadataPath, line: 1, column: 1 }, key };
}
function issueError(parsed, issues) {
  const [first, ...rest] = issues;
  const fix = 'fix: see README "metadata.yaml" for the keys build-connector reads';
  if (!first) return new BcError("badInput", `${displayPath(parsed.file)}: invalid metadata`, { details: [fix] });
  const doc = { positionOf: parsed.positionOf, metadataPath: parsed.file };
  const detail = (i) => badInputAt({ ...keyAt(doc, i.path), problem: i.message }).message;
  return badInputAt({ ...keyAt(doc, first.path), problem: first.message }, [...rest.slice(0, 8).map(detail), fix]);
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
function languageTags(tags, parsed) {
  const out = [];
  for (const [i, t] of (tags ?? []).entries()) {
    if (!t.startsWith("language:")) continue;
    const lang = t.slice("language:".length);
    if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(lang)) {
      throw issueError(parsed, [{ path: `data.tags.${i}`, message: `expected language:<name> with a lowercase [a-z0-9_-] name, got "${t}"` }]);
    }
    out.push({ language: lang, path: `data.tags.${i}` });
  }
  return out;
}
function languageOf(tags, parsed, dir, baseImage) {
  const found = languageTags(tags, parsed);
  if (found.length === 0) return void 0;
  const decision = chooseLanguage(
    found.map((f) => f.language),
    baseImage.ref,
    (rel) => existsSync(join(dir, rel))
  );
  if (!decision.ok) {
    throw issueError(parsed, [{ path: decision.at === "baseImage" ? baseImage.path : found[1]?.path ?? "data.tags", message: decision.message }]);
  }
  const chosen = found.find((f) => f.language === decision.choice.language) ?? found[0];
  return { language: decision.choice.language, path: chosen?.path ?? "data.tags", choice: decision.choice };
}
async function loadMetadata(dir) {
  const file = join(resolve(dir), "metadata.yaml");
  const text = await readBoundedFile(file, {
    kind: "metadata.yaml",
    notFound: "not found: a connector directory needs a metadata.yaml",
    fix: "fix: pass the connector directory (the one holding metadata.yaml, a regular file)"
  });
  return parseMetadataText(text, file);
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
  const lang = languageOf(d.tags, parsed, abs, {
    ref: bc?.baseImage ?? d.connectorBuildOptions?.baseImage,
    path: bc?.baseImage ? "data.buildConnector.baseImage" : "data.connectorBuildOptions.baseImage"
  });
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
    languageChoice: lang?.choice,
    baseImage: bc?.baseImage ?? d.connectorBuildOptions?.baseImage,
    options,
    registryOverrides,
    customDockerfile: await optionalInputFile(dockerfile, { kind: "Dockerfile" }) === "file" ? dockerfile : void 0,
    positionOf: parsed.positionOf,
    documentationUrl: d.documentationUrl,
    license: d.license
  };
}
function metadataError(c, path, message, details = []) {
  return badInputAt({ ...keyAt(c, path), problem: message }, details);
}

export {
  chooseLanguage,
  parseMetadataText,
  toPlain,
  serializeMetadata,
  keyAt,
  validateMetadata,
  languageTags,
  languageOf,
  loadMetadata,
  loadConnector,
  metadataError
};
