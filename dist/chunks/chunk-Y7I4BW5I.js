import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/shared/dockerignore.ts
init_define_BC_HELP();
import { posix } from "node:path";
function clean(p) {
  let s = p.trim();
  while (s.startsWith("/")) s = s.slice(1);
  s = posix.normalize(s);
  if (s === ".") return "";
  return s.replace(/\/+$/, "");
}
var REGEXP_SPECIAL = /[.*+?^${}()|[\]\\/]/g;
var escapeRe = (s) => s.replace(REGEXP_SPECIAL, "\\$&");
function globToRegExp(glob) {
  if (glob.startsWith("**") && !/[*?[\]\\]/.test(glob.slice(2))) {
    const suffix = glob.slice(2);
    return new RegExp(suffix.startsWith("/") ? `^(?:.*/)?${escapeRe(suffix.slice(1))}$` : `^.*${escapeRe(suffix)}$`);
  }
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        i += glob[i + 2] === "/" ? 2 : 1;
        re += i + 1 === glob.length ? ".*" : "(?:.*/)?";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close === -1) re += "\\[";
      else {
        re += `[${glob.slice(i + 1, close).replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else if (c === "\\" && i + 1 < glob.length) {
      re += escapeRe(glob[++i]);
    } else re += escapeRe(c);
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return /$^/;
  }
}
function parseDockerignore(content) {
  const out = [];
  for (const line of content.split(/\r?\n/)) {
    const t = line.trim();
    if (t === "" || t.startsWith("#")) continue;
    const negate = t.startsWith("!");
    const p = clean(negate ? t.slice(1) : t);
    if (p === "") continue;
    out.push({ negate, re: globToRegExp(p) });
  }
  return out;
}
function compileDockerignore(content) {
  const patterns = parseDockerignore(content);
  return {
    hasNegation: patterns.some((p) => p.negate),
    excluded(path) {
      const parts = clean(path).split("/");
      const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
      let out = false;
      for (const p of patterns) if (prefixes.some((x) => p.re.test(x))) out = !p.negate;
      return out;
    }
  };
}
function isExcluded(content, path) {
  return compileDockerignore(content).excluded(path);
}
var excludesSecrets = (content) => isExcluded(content, "secrets/config.json");

export {
  globToRegExp,
  compileDockerignore,
  excludesSecrets
};
