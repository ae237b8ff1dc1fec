import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  badInput
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/monorepo/discovery.ts
init_define_BC_HELP();
import { readdir } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
var METADATA_FILE = "metadata.yaml";
var SKIPPED_DIRS = /* @__PURE__ */ new Set(["node_modules", "build", "dist", "target", "out", "__pycache__", "venv", "site-packages"]);
async function discoverConnectors(opts = {}) {
  const base = resolve(opts.base ?? process.cwd());
  const roots = (opts.roots && opts.roots.length > 0 ? opts.roots : ["."]).map((r) => isAbsolute(r) ? r : resolve(base, r));
  const found = /* @__PURE__ */ new Map();
  await Promise.all(
    roots.map(async (root) => {
      let entries;
      try {
        entries = await readdir(root, { withFileTypes: true });
      } catch (err) {
        const code = err.code;
        if (code === "ENOENT" || code === "ENOTDIR") {
          throw badInput(`discovery root ${relative(base, root) || root} does not exist or is not a directory`, [
            "fix: pass existing directories to --roots (or fix roots: in build-connector.yaml)"
          ]);
        }
        throw err;
      }
      await visit(root, entries, base, found);
    })
  );
  return [...found.values()].sort((a, b) => a.relDir < b.relDir ? -1 : a.relDir > b.relDir ? 1 : 0);
}
var readDir = (dir) => readdir(dir, { withFileTypes: true });
async function visit(dir, entries, base, found) {
  let hasMetadata = false;
  let hasDockerfile = false;
  for (const e of entries) {
    if (e.name === METADATA_FILE && (e.isFile() || e.isSymbolicLink())) hasMetadata = true;
    else if (e.name === "Dockerfile" && (e.isFile() || e.isSymbolicLink())) hasDockerfile = true;
  }
  if (hasMetadata) {
    const relDir = toPosix(relative(base, dir)) || ".";
    found.set(dir, { dir, relDir, name: basename(dir), metadataPath: join(dir, METADATA_FILE), hasDockerfile });
    return;
  }
  const subdirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".") && !SKIPPED_DIRS.has(e.name));
  await Promise.all(
    subdirs.map(async (e) => {
      const child = join(dir, e.name);
      let childEntries;
      try {
        childEntries = await readDir(child);
      } catch (err) {
        const code = err.code;
        if (code === "ENOENT" || code === "EACCES" || code === "ENOTDIR") return;
        throw err;
      }
      await visit(child, childEntries, base, found);
    })
  );
}
function toPosix(p) {
  return sep === "/" ? p : p.split(sep).join("/");
}

export {
  discoverConnectors
};
