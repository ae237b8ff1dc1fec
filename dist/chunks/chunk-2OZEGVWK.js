import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  isFile
} from "./chunk-2JEQD4KA.js";
import {
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/verify/defaults.ts
init_define_BC_HELP();
import { join } from "node:path";
async function connectorVerifyDefaults(c, given = {}) {
  const config = join(c.dir, "secrets", "config.json");
  const catalog = join(c.dir, "integration_tests", "configured_catalog.json");
  return {
    connectorType: c.type,
    inputs: {
      config: given.config ?? (await isFile(config) ? config : void 0),
      catalog: given.catalog ?? (await isFile(catalog) ? catalog : void 0)
    },
    secretsDir: join(c.dir, "secrets"),
    expectedLabels: { name: c.repository, version: c.version }
  };
}

export {
  connectorVerifyDefaults
};
