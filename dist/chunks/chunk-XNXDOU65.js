import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  run,
  which
} from "./chunk-TVMRY7EN.js";
import {
  probeRegistry
} from "./chunk-QLD2YDU3.js";
import {
  envMissing
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/registry/local.ts
init_define_BC_HELP();
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
var LOCAL_REGISTRY = "localhost:5000";
var CACHE = () => process.env.BUILD_CONNECTOR_CACHE ?? "/var/cache/build-connector";
function localRegistryConfig(storage, addr = "127.0.0.1:5000") {
  return ["version: 0.1", "log: {level: warn}", "storage:", `  filesystem: {rootdirectory: ${storage}}`, "  delete: {enabled: true}", `http: {addr: ${addr}}`, ""].join("\n");
}
async function ensureLocalRegistry(log = () => {
}) {
  const probe = await probeRegistry(LOCAL_REGISTRY, 3e3);
  if (probe.ok) {
    if (probe.auth) throw envMissing(`${LOCAL_REGISTRY} answers but asks for a login: it is not a plain loopback registry`, ["fix: pass --registry localhost:5000 with credentials, or stop that registry"]);
    log(`registry local: reusing the registry on ${LOCAL_REGISTRY}`);
    return LOCAL_REGISTRY;
  }
  if (!await which("docker-registry")) {
    throw envMissing(`--registry local: nothing answers on ${LOCAL_REGISTRY} and docker-registry is not installed`, [
      "fix: run scripts/setup-engine.sh (installs and starts it), or apt-get install docker-registry, or start any registry on 127.0.0.1:5000"
    ]);
  }
  const dir = join(CACHE(), "registry");
  const state = join(CACHE(), "state");
  await mkdir(join(dir, "plain"), { recursive: true });
  await mkdir(state, { recursive: true });
  const cfg = join(dir, "plain.yml");
  await writeFile(cfg, localRegistryConfig(join(dir, "plain")));
  await run("sh", ["-c", 'nohup setsid docker-registry serve "$1" >"$2" 2>&1 </dev/null &', "sh", cfg, join(state, "registry-plain.log")], { timeoutMs: 1e4 });
  for (let i = 0; i < 40; i++) {
    if ((await probeRegistry(LOCAL_REGISTRY, 1e3)).ok) {
      log(`registry local: started docker-registry on ${LOCAL_REGISTRY} (storage ${join(dir, "plain")})`);
      return LOCAL_REGISTRY;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw envMissing(`--registry local: docker-registry did not answer on ${LOCAL_REGISTRY} within 10 s`, [`see ${join(state, "registry-plain.log")}`, "fix: is another program using port 5000?"]);
}

export {
  LOCAL_REGISTRY,
  ensureLocalRegistry
};
