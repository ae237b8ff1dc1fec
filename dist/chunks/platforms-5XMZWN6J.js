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
} from "./chunk-TIPUL6EO.js";
import "./chunk-3S7N7WR3.js";
import "./chunk-GZBHEZT2.js";
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
