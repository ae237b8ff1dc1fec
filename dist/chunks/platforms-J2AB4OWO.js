import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_PLATFORMS,
  PLATFORM_RE,
  PlatformSchema,
  REQUIRED_PLATFORM,
  archOf,
  invalidPlatforms,
  isPlatform,
  platformObject,
  platformString,
  splitPlatforms,
  withRequired
} from "./chunk-BEB7XHHM.js";
import "./chunk-4G6BOLVH.js";
import "./chunk-CBKKNZPR.js";
export {
  DEFAULT_PLATFORMS,
  PLATFORM_RE,
  PlatformSchema,
  REQUIRED_PLATFORM,
  archOf,
  invalidPlatforms,
  isPlatform,
  platformObject,
  platformString,
  splitPlatforms,
  withRequired
};
