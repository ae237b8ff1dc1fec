import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DIGEST_PATTERN
} from "./chunk-FLBFUWAO.js";
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/shared/image-ref.ts
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
function splitImageRef(ref) {
  const at = ref.indexOf("@");
  const digest = at === -1 ? void 0 : ref.slice(at + 1);
  const nameTag = at === -1 ? ref : ref.slice(0, at);
  const colon = nameTag.lastIndexOf(":");
  if (colon > nameTag.lastIndexOf("/")) return { name: nameTag.slice(0, colon), tag: nameTag.slice(colon + 1), digest };
  return { name: nameTag, tag: void 0, digest };
}
var isRegistryHost = (component) => component === "localhost" || component.includes(".") || component.includes(":");
function splitDomain(name) {
  const slash = name.indexOf("/");
  const first = name.slice(0, slash);
  if (slash > 0 && isRegistryHost(first)) return { domain: first, path: name.slice(slash + 1) };
  return { domain: void 0, path: name };
}
var DOCKER_HUB = "docker.io";
function normalizeDockerHub(domain, path) {
  const d = domain === void 0 || domain === "index.docker.io" || domain === "registry-1.docker.io" ? DOCKER_HUB : domain;
  return { domain: d, path: d === DOCKER_HUB && !path.includes("/") ? `library/${path}` : path };
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
  splitImageRef,
  splitDomain,
  normalizeDockerHub,
  isDigestPinned,
  describeBadRef,
  checkImageFlag
};
