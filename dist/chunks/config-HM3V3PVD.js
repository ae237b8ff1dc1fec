import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BuildConfigSchema,
  COMMANDS,
  CONFIG_FIELDS,
  LATEST_MODES,
  PublishConfigSchema,
  RegistryLoginSchema,
  VerifyConfigSchema,
  kebab,
  parseBuildConfig,
  parsePublishConfig,
  parseRegistryLogin,
  parseVerifyConfig,
  publishRequestOf,
  splitList
} from "./chunk-SWWDZMWL.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-3CSLZISE.js";
import "./chunk-VFM347UL.js";
import "./chunk-MATTDRBK.js";
import "./chunk-RB4QTDT4.js";
export {
  BuildConfigSchema,
  COMMANDS,
  CONFIG_FIELDS,
  DEFAULT_PLATFORMS,
  LATEST_MODES,
  PublishConfigSchema,
  RegistryLoginSchema,
  VerifyConfigSchema,
  kebab,
  parseBuildConfig,
  parsePublishConfig,
  parseRegistryLogin,
  parseVerifyConfig,
  publishRequestOf,
  splitList
};
