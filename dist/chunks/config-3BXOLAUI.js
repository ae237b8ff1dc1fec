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
} from "./chunk-MC6PK3U6.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-GSB4DPUC.js";
import "./chunk-YMRPEWEX.js";
import "./chunk-2QCPNS2Z.js";
import "./chunk-SZGEZ2XA.js";
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
