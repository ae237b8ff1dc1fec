import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import "./chunk-DGZXNKV2.js";
import {
  renderTable
} from "./chunk-LWYI6ORG.js";
import {
  chooseStrategy
} from "./chunk-W3KI5CLD.js";
import {
  ARM64_PROBE_OUTPUT,
  arm64ProbeElf
} from "./chunk-4BMBBMZM.js";
import {
  parseFields
} from "./chunk-UOA3M2KC.js";
import {
  resolveCredentials
} from "./chunk-ROLAIEO7.js";
import {
  builderSupports,
  buildxVersion,
  currentBuilder,
  detectCapabilities,
  dockerInfo,
  dockerVersions,
  isContainerdStore
} from "./chunk-MOA3NBGW.js";
import "./chunk-I325M6JV.js";
import {
  docker
} from "./chunk-2UDPR3IH.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-Z2MWC52I.js";
import {
  action,
  credentialOptions,
  loginFromFlags
} from "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import {
  RegistryClient,
  loginRefusal,
  retryPolicy
} from "./chunk-2CZK5HMD.js";
import {
  probeRegistry
} from "./chunk-QLD2YDU3.js";
import {
  DEFAULT_PROVENANCE
} from "./chunk-CL32DPN3.js";
import "./chunk-FLBFUWAO.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError,
  ExitCode,
  badInput
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/doctor.ts
init_define_BC_HELP();

// src/core/doctor.ts
init_define_BC_HELP();
import { mkdtemp, rm, writeFile, chmod } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var DoctorItemSchema = external_exports.object({
  id: external_exports.enum(["docker-client", "engine", "image-store", "buildx", "builder", "platforms", "arm64-emulation", "strategy", "unavailable", "registry", "registry-login"]),
  status: external_exports.enum(["ok", "missing", "warn", "skip"]),
  detail: external_exports.string(),
  fix: external_exports.string().optional()
});
var DoctorReportSchema = external_exports.object({
  ok: external_exports.boolean(),
  facts: external_exports.object({
    clientVersion: external_exports.string().nullable(),
    engineVersion: external_exports.string().nullable(),
    containerdStore: external_exports.boolean().nullable(),
    buildxVersion: external_exports.string().nullable(),
    builder: external_exports.object({ name: external_exports.string(), driver: external_exports.string(), platforms: external_exports.array(external_exports.string()) }).nullable(),
    arm64Emulation: external_exports.boolean().nullable(),
    registry: external_exports.string().nullable(),
    /** what publish will do on this engine (core/strategy.ts, the same function publish calls) */
    strategy: external_exports.object({
      kind: external_exports.enum(["multi-platform", "per-platform", "oci-layout"]),
      builder: external_exports.string(),
      driver: external_exports.string(),
      store: external_exports.enum(["containerd", "classic", "unknown"]),
      why: external_exports.string(),
      reproducible: external_exports.boolean(),
      provenance: external_exports.boolean(),
      unavailable: external_exports.array(external_exports.object({ what: external_exports.string(), why: external_exports.string(), fix: external_exports.string().optional() }))
    }).nullable()
  }),
  items: external_exports.array(DoctorItemSchema)
});
var SETUP_FIX = "run `npm run setup-engine` (scripts/setup-engine.sh) as root, or install Docker Engine \u2265 24";
async function runDoctor(opts = {}) {
  const items = [];
  const facts = {
    clientVersion: null,
    engineVersion: null,
    containerdStore: null,
    buildxVersion: null,
    builder: null,
    arm64Emulation: null,
    registry: opts.registry ?? null,
    strategy: null
  };
  const platforms = opts.platforms ?? [...DEFAULT_PLATFORMS];
  try {
    const v = await dockerVersions();
    facts.clientVersion = v.client;
    facts.engineVersion = v.server ?? null;
    items.push({ id: "docker-client", status: "ok", detail: `docker client ${v.client}` });
    if (v.server) items.push({ id: "engine", status: "ok", detail: `engine ${v.server}` });
    else items.push({ id: "engine", status: "missing", detail: "no engine answers on the docker socket", fix: SETUP_FIX });
  } catch (err) {
    items.push({ id: "docker-client", status: "missing", detail: errText(err), fix: "install the docker CLI" });
    items.push({ id: "engine", status: "missing", detail: "no docker client", fix: SETUP_FIX });
  }
  if (facts.engineVersion) {
    try {
      const info = await dockerInfo();
      facts.containerdStore = isContainerdStore(info);
      items.push(
        facts.containerdStore ? { id: "image-store", status: "ok", detail: "containerd image store (multi-platform images can be loaded)" } : {
          id: "image-store",
          status: "warn",
          detail: `classic store (${info.Driver ?? "unknown"}): one platform per local image; publish builds each platform alone (see strategy)`,
          fix: 'set {"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json and restart dockerd'
        }
      );
    } catch (err) {
      items.push({ id: "image-store", status: "missing", detail: errText(err), fix: SETUP_FIX });
    }
  }
  let builder;
  try {
    facts.buildxVersion = await buildxVersion();
    items.push({ id: "buildx", status: "ok", detail: `buildx ${facts.buildxVersion}` });
    if (facts.engineVersion) {
      builder = await currentBuilder();
      facts.builder = builder;
      items.push({ id: "builder", status: "ok", detail: `builder "${builder.name}" (driver ${builder.driver})` });
      const missing = platforms.filter((p) => !builderSupports(builder, p));
      items.push(
        missing.length === 0 ? { id: "platforms", status: "ok", detail: `can build ${platforms.join(", ")}` } : {
          id: "platforms",
          status: "missing",
          detail: `builder cannot build ${missing.join(", ")} (it lists ${builder.platforms.join(", ") || "none"})`,
          fix: "enable qemu binfmt (apt-get install qemu-user-static binfmt-support; update-binfmts --enable qemu-aarch64) and recreate the builder"
        }
      );
    }
  } catch (err) {
    items.push({ id: "buildx", status: "missing", detail: errText(err), fix: "install docker-buildx (the buildx CLI plugin)" });
  }
  if (facts.engineVersion && facts.buildxVersion) {
    try {
      const st = chooseStrategy(await detectCapabilities(void 0), { platforms, goal: "push", provenance: DEFAULT_PROVENANCE });
      facts.strategy = {
        kind: st.kind,
        builder: st.builder,
        driver: st.driver,
        store: st.store,
        why: st.why,
        reproducible: st.reproducible,
        provenance: st.provenance !== false,
        unavailable: st.unavailable.map((u) => ({ what: u.what, why: u.why, ...u.fix ? { fix: u.fix } : {} }))
      };
      items.push({ id: "strategy", status: "ok", detail: `publish will use the ${st.kind} strategy: ${st.why}` });
      for (const u of st.unavailable) items.push({ id: "unavailable", status: "warn", detail: `${u.what}: ${u.why}`, ...u.fix ? { fix: u.fix } : {} });
    } catch (err) {
      items.push({ id: "strategy", status: "missing", detail: errText(err), fix: SETUP_FIX });
    }
  }
  if (facts.engineVersion && facts.buildxVersion && platforms.includes("linux/arm64")) {
    const arm = await probeArm64();
    facts.arm64Emulation = arm.ok;
    items.push(
      arm.ok ? { id: "arm64-emulation", status: "ok", detail: arm.detail } : {
        id: "arm64-emulation",
        status: "missing",
        detail: arm.detail,
        fix: "apt-get install qemu-user-static binfmt-support && update-binfmts --enable qemu-aarch64 (or run on an arm64 host)"
      }
    );
  }
  if (opts.registry) {
    const r = await probeRegistry(opts.registry);
    items.push(
      r.ok ? { id: "registry", status: "ok", detail: `${opts.registry} answers (HTTP ${r.status}${r.auth ? ", login required" : ""})` } : { id: "registry", status: "missing", detail: r.reason, fix: `start the registry at ${opts.registry}, or use --registry local` }
    );
    const login = await checkRegistryLogin(opts.registry, r, await resolveCredentials(opts.registry, opts.login ?? {}));
    if (login) items.push(login);
  }
  return { ok: items.every((i) => i.status !== "missing"), facts, items };
}
var LOGIN_FIX = "give the registry user and password: --username U with --password-stdin (or BUILD_CONNECTOR_USERNAME and BUILD_CONNECTOR_PASSWORD; or docker login beforehand)";
async function checkRegistryLogin(registry, reach, creds, opts = {}) {
  if (!creds) {
    return reach.ok && reach.auth ? { id: "registry-login", status: "warn", detail: `${registry} requires a login and no credentials were given`, fix: LOGIN_FIX } : void 0;
  }
  const who = `${creds.username} (credentials from ${creds.source})`;
  if (!reach.ok) return { id: "registry-login", status: "skip", detail: `login as ${who} not checked: ${registry} does not answer` };
  try {
    const client = new RegistryClient(registry, { credentials: creds, retry: retryPolicy(2), ...opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {} });
    const { authenticated } = await client.ping();
    return authenticated ? { id: "registry-login", status: "ok", detail: `${registry} accepts ${who}` } : { id: "registry-login", status: "ok", detail: `${registry} answers without a login; ${who} not needed to reach it` };
  } catch (err) {
    const refused = loginRefusal(err);
    if (refused) {
      return {
        id: "registry-login",
        status: "missing",
        detail: `${registry} refused ${who} (HTTP ${refused.status})`,
        fix: "check the user name and the password (--username with --password-stdin, or BUILD_CONNECTOR_USERNAME / BUILD_CONNECTOR_PASSWORD)"
      };
    }
    return {
      id: "registry-login",
      status: "missing",
      detail: `could not check the login as ${who}: ${errText(err)}`,
      fix: `make ${registry} (and the token service it names) reachable from here: proxy, firewall, TLS`
    };
  }
}
var PROBE_IMAGE = "build-connector-doctor/arm64-probe:1";
async function probeArm64() {
  const dir = await mkdtemp(join(tmpdir(), "bc-arm64-probe-"));
  try {
    await writeFile(join(dir, "probe"), arm64ProbeElf());
    await chmod(join(dir, "probe"), 493);
    await writeFile(join(dir, "Dockerfile"), 'FROM scratch\nCOPY probe /probe\nENTRYPOINT ["/probe"]\n');
    const build = await docker(["buildx", "build", "--platform", "linux/arm64", "--provenance=false", "--load", "-t", PROBE_IMAGE, dir], {
      allowFailure: true,
      timeoutMs: 12e4
    });
    if (build.exitCode !== 0) return { ok: false, detail: `could not build the arm64 probe image: ${lastLine(build.stderr)}` };
    const name = `bc-doctor-${process.pid}-${Date.now()}`;
    const res = await docker(
      ["run", "--rm", "--name", name, "--platform", "linux/arm64", "--network", "none", "--memory", "64m", "--pids-limit", "16", PROBE_IMAGE],
      { allowFailure: true, timeoutMs: 6e4 }
    );
    if (res.timedOut) await docker(["rm", "-f", name], { allowFailure: true });
    if (res.exitCode === 0 && res.stdout.includes(ARM64_PROBE_OUTPUT)) return { ok: true, detail: "ran a linux/arm64 container" };
    return { ok: false, detail: `a linux/arm64 container did not run: ${lastLine(res.stderr) || `exit ${res.exitCode}`}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function lastLine(s) {
  return s.trim().split("\n").pop() ?? "";
}
function errText(err) {
  if (err instanceof BcError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

// src/commands/doctor.ts
function register(program) {
  credentialOptions(
    program.command("doctor").description("check the engine, image store, buildx, arm64 emulation and registry access; each failing item names its fix").option("--registry <host[:port]>", "also check that this registry answers, and the login publish would use there (one authenticated request; writes no docker config)").option("--platform <list>", "platforms to check for", DEFAULT_PLATFORMS.join(","))
  ).action(
    action(async (out, _g, opts) => {
      if (!opts.registry && (opts.username !== void 0 || opts.passwordStdin)) {
        throw badInput(`${opts.username !== void 0 ? "--username" : "--password-stdin"}: a login is checked at a registry; give --registry HOST[:PORT] too`);
      }
      const login = await loginFromFlags(opts);
      const report = await runDoctor({ registry: opts.registry, platforms: parseFields({ platforms: opts.platform }).platforms, login });
      out.result(report, () => {
        const mark = { ok: "\u2713", missing: "\u2717", warn: "!", skip: "-" };
        const table = renderTable(
          ["", "item", "detail", "fix"],
          report.items.map((i) => [mark[i.status], i.id, i.detail, i.fix ?? ""])
        );
        const st = report.facts.strategy;
        const plan = st ? `
publish here: ${st.kind} (${st.driver} driver, ${st.store} store); reproducible digests: ${st.reproducible ? "yes" : "no"}; provenance: ${st.provenance ? "yes" : "no"}` : "";
        return `${table}
${plan}

${report.ok ? st && st.unavailable.length > 0 ? "doctor: publish works here, without what is marked !" : "doctor: everything needed is present" : "doctor: something is missing (see fix column)"}`;
      });
      return report.ok ? ExitCode.ok : ExitCode.environment;
    })
  );
}
export {
  register
};
