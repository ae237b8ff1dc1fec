import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  verifyImage
} from "./chunk-7G33CBVV.js";
import "./chunk-CPAX55HI.js";
import {
  inspectLocalImage
} from "./chunk-UZ5H3GDF.js";
import {
  renderReport
} from "./chunk-5Z63VUE4.js";
import "./chunk-BGO7SG43.js";
import {
  checkPlatforms
} from "./chunk-ICBUXMKU.js";
import "./chunk-ELGMPWEX.js";
import "./chunk-2V6TITHN.js";
import {
  action,
  credentialOptions,
  listFlag,
  loginFromFlags
} from "./chunk-OCONVM2U.js";
import "./chunk-SRQ4EVY6.js";
import "./chunk-R5RVLK2O.js";
import "./chunk-G44WSTAN.js";
import "./chunk-LY74QNZY.js";
import "./chunk-ZY7CTMHJ.js";
import {
  checkInputFile
} from "./chunk-EHNW6LQR.js";
import "./chunk-3CSLZISE.js";
import {
  ExitCode,
  badInput
} from "./chunk-MATTDRBK.js";
import "./chunk-VFM347UL.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/commands/verify.ts
init_define_BC_HELP();
import { lstat, stat } from "node:fs/promises";
import { join } from "node:path";
async function isConnectorDir(p) {
  const s = await stat(p).catch(() => void 0);
  return s?.isDirectory() === true && await lstat(join(p, "metadata.yaml")).then(() => true, () => false);
}
function positive(value, flag) {
  if (value === void 0) return void 0;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw badInput(`${flag} must be a positive number, got "${value}"`);
  return n;
}
async function verifyRequest(target, f) {
  const opts = {
    timeoutSeconds: positive(f.timeout, "--timeout"),
    memory: f.memory,
    pidsLimit: positive(f.pidsLimit, "--pids-limit"),
    cpus: positive(f.cpus, "--cpus"),
    ioNetwork: f.network,
    inputs: { config: f.config, catalog: f.catalog, state: f.state, input: f.input }
  };
  for (const [flag, file, kind] of [
    ["--config", f.config, "config JSON"],
    ["--catalog", f.catalog, "catalog JSON"],
    ["--state", f.state, "state JSON"],
    ["--input", f.input, "input messages"]
  ]) {
    if (file !== void 0) await checkInputFile(file, { kind, fix: `fix: ${flag} takes an existing regular file` });
  }
  if (f.type !== void 0) {
    if (f.type !== "source" && f.type !== "destination") throw badInput(`--type must be source or destination, got "${f.type}"`);
    opts.connectorType = f.type;
  }
  const platforms = listFlag(f.platform);
  if (platforms) checkPlatforms(platforms);
  if (!await isConnectorDir(target)) {
    if (f.image) throw badInput(`--image is only for a connector directory; ${target} is not one (no metadata.yaml)`);
    if (platforms) opts.platforms = platforms;
    return { image: target, opts };
  }
  const [{ loadConnector }, { connectorVerifyDefaults }] = await Promise.all([import("./metadata-HZ5HNCCW.js"), import("./defaults-2KUNV2RL.js")]);
  const c = await loadConnector(target);
  const defaults = await connectorVerifyDefaults(c, { config: f.config, catalog: f.catalog });
  opts.inputs = { ...opts.inputs, ...defaults.inputs };
  opts.connectorType ??= defaults.connectorType;
  opts.secretsDir = defaults.secretsDir;
  opts.expectedLabels = defaults.expectedLabels;
  opts.platforms = platforms ?? c.options.platforms;
  const image = f.image ?? `${c.repository}:${c.version}`;
  if (!f.image && !await inspectLocalImage(image)) {
    throw badInput(`no local image ${image} for ${c.dirName}`, [`fix: build it first (build-connector build ${target}), or pass --image REF`]);
  }
  if (!f.image) {
    const { platformTag } = await import("./strategy-GQS5OS2D.js");
    const { withRequired } = await import("./platforms-XRHDORSL.js");
    const perPlatform = {};
    for (const p of withRequired(opts.platforms)) {
      const ref = platformTag(image, p);
      if (await inspectLocalImage(ref)) perPlatform[p] = ref;
    }
    if (Object.keys(perPlatform).length > 0) opts.platformImages = perPlatform;
  }
  return { image, opts };
}
async function explicitAccess(image, login) {
  const [{ explicitCredentials, toolAuth }, { registryLocation }] = await Promise.all([import("./credentials-MHM4QXFP.js"), import("./base-facts-BBFDWJH7.js")]);
  const credentials = explicitCredentials(login);
  const at = credentials ? registryLocation(image) : void 0;
  if (!credentials || !at || await inspectLocalImage(image)) return void 0;
  const { RegistryClient, registryPreflight } = await import("./registry-client-BHAPVEXX.js");
  await registryPreflight(new RegistryClient(at.registry, { credentials }));
  return { registry: at.registry, credentials, tools: await toolAuth(at.registry, credentials) };
}
function register(program) {
  credentialOptions(
    program.command("verify <target>").description("verify an image (or the image built from a connector directory) on every platform: config, user, /airbyte, spec/check/discover/read/write runs, writes, secrets, labels").option("--platform <list>", "platforms to verify (linux/amd64 is always included)", void 0).option("--config <file>", "connector config for check/discover/read/write (DIR default: secrets/config.json)").option("--catalog <file>", "configured catalog for read/write (DIR default: integration_tests/configured_catalog.json)").option("--state <file>", "state for read").option("--input <file>", "AirbyteMessages fed to write on stdin").option("--timeout <seconds>", "per connector command; on timeout the container is killed and removed", "120").option("--image <ref>", "for a DIR: the image to verify (default: the local build <dockerRepository>:<version>)").option("--type <type>", "source or destination (default: from metadata.yaml or the io.airbyte.name label)").option("--memory <size>", "memory limit of each container", "2g").option("--pids-limit <n>", "pids limit of each container", "512").option("--cpus <n>", "CPU limit of each container").option("--network <name>", "network for check/discover/read/write (spec always runs with none)", "bridge").option("--sign-pub <file>", "also check the cosign signature of the (registry) image with this public key").option("--sbom", "also check that every platform image of the (registry) image has a CycloneDX SBOM attached (publish --sbom)")
  ).action(
    action(async (out, g, target, flags) => {
      const login = await loginFromFlags(flags);
      const { image, opts } = await verifyRequest(target, flags);
      const access = await explicitAccess(image, login);
      if (access?.tools) opts.registryEnv = access.tools.env;
      if (!g.json) opts.onProgress = (l) => out.info(l);
      let report = await verifyImage(image, opts);
      if (flags.signPub) {
        const { addSignatureCheck } = await import("./signature-IIB66P2Y.js");
        report = await addSignatureCheck(report, image, flags.signPub, { dockerConfigDir: access?.tools?.dir });
      }
      if (flags.sbom) {
        const { addSbomCheck } = await import("./sbom-W55FVBZG.js");
        report = await addSbomCheck(report, image, { credentials: access?.credentials });
      }
      out.result(report, () => renderReport(report));
      return report.ok ? ExitCode.ok : ExitCode.failed;
    })
  );
}
export {
  register,
  verifyRequest
};
