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
} from "./chunk-7H3P7VBU.js";
import "./chunk-JCCP3NW4.js";
import "./chunk-F65AD7ZE.js";
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
