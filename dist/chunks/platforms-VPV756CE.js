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
} from "./chunk-N4DRTQQW.js";
import "./chunk-CTABBEN6.js";
import "./chunk-6ZG2IHFH.js";
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
