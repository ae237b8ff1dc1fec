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
} from "./chunk-WWHYLZM3.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-N4DRTQQW.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import "./chunk-6ZG2IHFH.js";
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
