import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DIGEST_PATTERN
} from "./chunk-ABYH3ITZ.js";
import {
  BcError
} from "./chunk-MATTDRBK.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/connector/reference.ts
init_define_BC_HELP();
var HOST_PART = "[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?";
var HOST = `(?:localhost(?::[0-9]+)?|${HOST_PART}(?:\\.${HOST_PART})+(?::[0-9]+)?|${HOST_PART}:[0-9]+)`;
var COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var PATH = `${COMPONENT}(?:/${COMPONENT})*`;
var TAG = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
var DIGEST = DIGEST_PATTERN;
var REPOSITORY_RE = new RegExp(`^(?:${HOST}/)?${PATH}$`);
var REFERENCE_RE = new RegExp(`^((?:${HOST}/)?${PATH})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
var TAG_RE = new RegExp(`^${TAG}$`);
var MAX_TAG_LENGTH = 128;
function tagProblem(tag) {
  const shown = JSON.stringify(tag.length > 48 ? `${tag.slice(0, 48)}\u2026` : tag);
  if (tag.length > MAX_TAG_LENGTH) return `${shown} is ${tag.length} characters; an image tag has at most ${MAX_TAG_LENGTH}`;
  if (!TAG_RE.test(tag)) return `${shown} is not a valid image tag ([A-Za-z0-9_] then [A-Za-z0-9._-], at most ${MAX_TAG_LENGTH} characters)`;
  return void 0;
}
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
function checkImageFlag(ref, flag) {
  if (parseImageRef(ref) === void 0) throw new BcError("badInput", `${flag} ${JSON.stringify(ref)}: ${describeBadRef(ref)}`);
  return ref;
}

export {
  MAX_TAG_LENGTH,
  tagProblem,
  isRepository,
  parseImageRef,
  isDigestPinned,
  describeBadRef,
  checkImageFlag
};
