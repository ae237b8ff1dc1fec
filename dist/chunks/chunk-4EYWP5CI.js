import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  verifyImage
} from "./chunk-K4K4KYBG.js";
import {
  inspectLocalImage
} from "./chunk-7KWH7VUP.js";
import {
  Pipeline,
  done,
  skip,
  unwrapStepFailure
} from "./chunk-N5APPE22.js";
import {
  badInput
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/flows/verify.ts
init_define_BC_HELP();
import { lstat, stat } from "node:fs/promises";
import { join } from "node:path";
var VERIFY_STEPS = ["resolve", "verify", "signature", "sbom"];
async function isConnectorDir(p) {
  const s = await stat(p).catch(() => void 0);
  return s?.isDirectory() === true && await lstat(join(p, "metadata.yaml")).then(() => true, () => false);
}
async function connectorVerifyOptions(c, timeoutSeconds) {
  const { connectorVerifyDefaults } = await import("./defaults-YHGS7JAU.js");
  return { timeoutSeconds, ...await connectorVerifyDefaults(c) };
}
async function resolveVerifyTarget(req) {
  const opts = {
    timeoutSeconds: req.timeoutSeconds,
    memory: req.memory,
    pidsLimit: req.pidsLimit,
    cpus: req.cpus,
    ioNetwork: req.network,
    inputs: { ...req.inputs }
  };
  if (req.connectorType !== void 0) opts.connectorType = req.connectorType;
  const target = req.target;
  if (!await isConnectorDir(target)) {
    if (req.image) throw badInput(`--image is only for a connector directory; ${target} is not one (no metadata.yaml)`);
    if (req.platforms) opts.platforms = req.platforms;
    return { image: target, opts };
  }
  const [{ loadConnector }, { connectorVerifyDefaults }] = await Promise.all([import("./metadata-7JLQ25MM.js"), import("./defaults-YHGS7JAU.js")]);
  const c = await loadConnector(target);
  const defaults = await connectorVerifyDefaults(c, { config: req.inputs.config, catalog: req.inputs.catalog });
  opts.inputs = { ...opts.inputs, ...defaults.inputs };
  opts.connectorType ??= defaults.connectorType;
  opts.secretsDir = defaults.secretsDir;
  opts.expectedLabels = defaults.expectedLabels;
  opts.platforms = req.platforms ?? c.options.platforms;
  const image = req.image ?? `${c.repository}:${c.version}`;
  if (!req.image && !await inspectLocalImage(image)) {
    throw badInput(`no local image ${image} for ${c.dirName}`, [`fix: build it first (build-connector build ${target}), or pass --image REF`]);
  }
  if (!req.image) {
    const { platformTag } = await import("./strategy-NPK7OELO.js");
    const { withRequired } = await import("./platforms-X36GG2GQ.js");
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
  const [{ explicitCredentials, toolAuth }, { registryLocation }] = await Promise.all([import("./credentials-RCSLCHIH.js"), import("./base-facts-GQ4DAKHP.js")]);
  const credentials = explicitCredentials(login);
  const at = credentials ? registryLocation(image) : void 0;
  if (!credentials || !at || await inspectLocalImage(image)) return void 0;
  const { RegistryClient, registryPreflight } = await import("./client-RLQ4GWKH.js");
  await registryPreflight(new RegistryClient(at.registry, { credentials }));
  return { registry: at.registry, credentials, tools: await toolAuth(at.registry, credentials) };
}
async function runVerify(req, hooks = {}) {
  const run = new Pipeline(VERIFY_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const { image, opts, access } = await run.step("resolve", async () => {
      const { image: image2, opts: opts2 } = await resolveVerifyTarget(req);
      const access2 = await explicitAccess(image2, req.login ?? {});
      if (access2?.tools) opts2.registryEnv = access2.tools.env;
      if (hooks.onProgress) opts2.onProgress = hooks.onProgress;
      return done({ image: image2, opts: opts2, access: access2 }, `${image2}${access2 ? ` (credentials for ${access2.registry})` : ""}`);
    });
    let report = await run.step("verify", async () => {
      const report2 = await verifyImage(image, opts);
      return done(report2, `${report2.checks.filter((c) => c.status === "fail").length} check(s) failed on ${report2.platforms.join(", ")}`);
    });
    const signPub = req.signPub;
    report = await run.step("signature", async () => {
      if (!signPub) return skip(report, "no public key given");
      const { addSignatureCheck } = await import("./signature-QYZTLOPY.js");
      return done(await addSignatureCheck(report, image, signPub, { dockerConfigDir: access?.tools?.dir }), "signature checked");
    });
    report = await run.step("sbom", async () => {
      if (!req.sbom) return skip(report, "not asked");
      const { addSbomCheck } = await import("./sbom-VVZQVBXA.js");
      return done(await addSbomCheck(report, image, { credentials: access?.credentials }), "SBOMs checked");
    });
    return { report, steps: run.records };
  });
}

export {
  VERIFY_STEPS,
  connectorVerifyOptions,
  resolveVerifyTarget,
  runVerify
};
