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
} from "./chunk-GSB4DPUC.js";
import "./chunk-2QCPNS2Z.js";
import "./chunk-SZGEZ2XA.js";
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
