import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveTarget
} from "./chunk-E4S3V7NH.js";
import {
  formatTagPlan,
  planTags
} from "./chunk-SBFXSSHK.js";
import {
  resolveCredentials
} from "./chunk-TVOEAAEN.js";
import {
  headSha
} from "./chunk-TC2BRTU6.js";
import {
  action,
  credentialOptions,
  loginFromFlags
} from "./chunk-OCONVM2U.js";
import {
  run,
  which
} from "./chunk-G44WSTAN.js";
import {
  loadConnector
} from "./chunk-STR5SKMR.js";
import {
  RegistryClient,
  retryPolicy
} from "./chunk-ISRJMLCT.js";
import {
  probeRegistry
} from "./chunk-6VEKLGYT.js";
import {
  badInput,
  envMissing,
  toBcError
} from "./chunk-MATTDRBK.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/commands/tags.ts
init_define_BC_HELP();

// src/publish/local-registry.ts
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

// src/commands/tags.ts
function tagPlanOptions(cmd) {
  return cmd.option("--registry <host[:port]>", 'registry host, or "local" (a loopback registry on localhost:5000; publish starts one when none runs)').option("--repository <path>", "repository path (default data.dockerRepository)").option("--target <cloud|oss>", "use data.registryOverrides.<target>.dockerRepository / dockerImageTag").option("--release-version <semver>", "version to tag (default data.dockerImageTag; the image labels keep metadata.yaml's)").option("--dev", "a dev build: X.Y.Z-dev.<10-char commit sha> only").option("--aliases", "also move X.Y and X when this is the highest release of that line").option("--latest <mode>", "auto (only when >= every stable version), true, false", "auto").option("--retries <n>", "attempts per registry request on transient faults", "5");
}
function latestFlag(v) {
  if (v === "auto" || v === "true" || v === "false") return v;
  throw badInput(`--latest must be auto, true or false, got "${v}"`);
}
function targetFlag(v) {
  if (v === void 0 || v === "cloud" || v === "oss") return v;
  throw badInput(`--target must be cloud or oss, got "${v}"`);
}
function retriesFlag(v) {
  if (v === void 0) return void 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 20) throw badInput(`--retries must be an integer 1..20, got "${v}"`);
  return n;
}
function register(program) {
  credentialOptions(
    tagPlanOptions(
      program.command("tags [dir]").description("print the tag plan publish would apply: tags written and why, tags deliberately not written (reads the registry, writes nothing)")
    )
  ).action(
    action(async (out, _g, dir, f) => {
      const login = await loginFromFlags(f);
      const c = await loadConnector(dir ?? ".");
      const registry = f.registry === "local" ? LOCAL_REGISTRY : f.registry;
      const target = resolveTarget(c, { registry, repository: f.repository, target: targetFlag(f.target), version: f.releaseVersion });
      const creds = await resolveCredentials(target.registry, login);
      const client = new RegistryClient(target.registry, { credentials: creds, retry: retryPolicy(retriesFlag(f.retries)), onRetry: (l) => out.info(`registry: ${l}`) });
      let existing;
      try {
        existing = await client.listTags(target.repo);
      } catch (err) {
        const e = toBcError(err);
        throw e.kind === "environment" ? e : envMissing(`cannot list the tags of ${target.reference}: ${e.message}`, ["fix: check --registry (the plan needs the versions already published)"]);
      }
      const plan = planTags({
        repository: target.reference,
        version: target.version,
        versionSource: target.versionSource,
        existingTags: existing,
        aliases: f.aliases === true,
        latest: latestFlag(f.latest),
        ...f.dev ? { dev: { sha: await headSha(c.dir) } } : {}
      });
      for (const n of target.notes) out.info(`note: ${n}`);
      out.result(plan, () => formatTagPlan(plan));
    })
  );
}

export {
  ensureLocalRegistry,
  tagPlanOptions,
  latestFlag,
  targetFlag,
  retriesFlag,
  register
};
