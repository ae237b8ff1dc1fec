import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/shared/platforms.ts
init_define_BC_HELP();
var DEFAULT_PLATFORMS = Object.freeze(["linux/amd64", "linux/arm64"]);
function connectorPlatforms(asked, declared) {
  const given = [asked, declared].find((p) => p !== void 0 && p.length > 0);
  return [...given ?? DEFAULT_PLATFORMS];
}
var REQUIRED_PLATFORM = "linux/amd64";
var PLATFORM_RE = /^linux\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
var PlatformSchema = external_exports.string().regex(PLATFORM_RE, { error: (i) => `"${String(i.input)}" is not a linux platform like linux/amd64 or linux/arm64` });
function isPlatform(value) {
  return PLATFORM_RE.test(value);
}
function invalidPlatforms(platforms) {
  return platforms.filter((p) => !isPlatform(p));
}
function archOf(platform) {
  return platform.split("/").slice(1).join("-");
}
function withRequired(requested) {
  return [.../* @__PURE__ */ new Set([REQUIRED_PLATFORM, ...requested ?? DEFAULT_PLATFORMS])];
}
function platformString(p) {
  return [p.os, p.architecture, p.variant].filter((x) => x !== void 0 && x !== "").join("/");
}
function platformObject(platform) {
  const [os = "", architecture = "", variant] = platform.split("/");
  return variant ? { os, architecture, variant } : { os, architecture };
}

export {
  DEFAULT_PLATFORMS,
  connectorPlatforms,
  REQUIRED_PLATFORM,
  PLATFORM_RE,
  PlatformSchema,
  isPlatform,
  invalidPlatforms,
  archOf,
  withRequired,
  platformString,
  platformObject
};
