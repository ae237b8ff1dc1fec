import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  optionalInputFile
} from "./chunk-STQCJ5OL.js";
import "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/verify/defaults.ts
init_define_BC_HELP();
import { join } from "node:path";
async function connectorVerifyDefaults(c, given = {}) {
  const config = join(c.dir, "secrets", "config.json");
  const catalog = join(c.dir, "integration_tests", "configured_catalog.json");
  return {
    connectorType: c.type,
    inputs: {
      // present but not a regular file (a FIFO, a device): refused, not silently skipped
      config: given.config ?? (await optionalInputFile(config, { kind: "config JSON" }) === "file" ? config : void 0),
      catalog: given.catalog ?? (await optionalInputFile(catalog, { kind: "catalog JSON" }) === "file" ? catalog : void 0)
    },
    secretsDir: join(c.dir, "secrets"),
    expectedLabels: { name: c.repository, version: c.version }
  };
}
export {
  connectorVerifyDefaults
};
