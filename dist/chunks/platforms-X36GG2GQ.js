import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_PLATFORMS,
  PLATFORM_RE,
  PlatformSchema,
  REQUIRED_PLATFORM,
  archOf,
  connectorPlatforms,
  invalidPlatforms,
  isPlatform,
  platformObject,
  platformString,
  withRequired
} from "./chunk-Z2MWC52I.js";
import "./chunk-SVKG5X7A.js";
import "./chunk-HWQF2DLQ.js";
export {
  DEFAULT_PLATFORMS,
  PLATFORM_RE,
  PlatformSchema,
  REQUIRED_PLATFORM,
  archOf,
  connectorPlatforms,
  invalidPlatforms,
  isPlatform,
  platformObject,
  platformString,
  withRequired
};
