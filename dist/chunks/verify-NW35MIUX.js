import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseFields
} from "./chunk-UOA3M2KC.js";
import "./chunk-Z2MWC52I.js";
import {
  action,
  credentialOptions,
  loginFromFlags
} from "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import {
  checkInputFile
} from "./chunk-STQCJ5OL.js";
import "./chunk-CL32DPN3.js";
import "./chunk-SVKG5X7A.js";
import {
  ExitCode
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/verify.ts
init_define_BC_HELP();
async function verifyRequestOf(target, f) {
  const v = parseFields({ timeout: f.timeout, pidsLimit: f.pidsLimit, cpus: f.cpus, type: f.type, platforms: f.platform });
  const req = {
    target,
    image: f.image,
    timeoutSeconds: v.timeout,
    memory: f.memory,
    pidsLimit: v.pidsLimit,
    cpus: v.cpus,
    network: f.network,
    inputs: { config: f.config, catalog: f.catalog, state: f.state, input: f.input },
    signPub: f.signPub,
    sbom: f.sbom === true
  };
  for (const [flag, file, kind] of [
    ["--config", f.config, "config JSON"],
    ["--catalog", f.catalog, "catalog JSON"],
    ["--state", f.state, "state JSON"],
    ["--input", f.input, "input messages"]
  ]) {
    if (file !== void 0) await checkInputFile(file, { kind, fix: `fix: ${flag} takes an existing regular file` });
  }
  if (v.type !== void 0) req.connectorType = v.type;
  if (v.platforms) req.platforms = v.platforms;
  return req;
}
async function verifyRequest(target, f) {
  const { resolveVerifyTarget } = await import("./verify-UCLXYBHJ.js");
  return resolveVerifyTarget(await verifyRequestOf(target, f));
}
function register(program) {
  credentialOptions(
    program.command("verify <target>").description("verify an image (or the image built from a connector directory) on every platform: config, user, /airbyte, spec/check/discover/read/write runs, writes, secrets, labels").option("--platform <list>", "platforms to verify (linux/amd64 is always included)", void 0).option("--config <file>", "connector config for check/discover/read/write (DIR default: secrets/config.json)").option("--catalog <file>", "configured catalog for read/write (DIR default: integration_tests/configured_catalog.json)").option("--state <file>", "state for read").option("--input <file>", "AirbyteMessages fed to write on stdin").option("--timeout <seconds>", "per connector command; on timeout the container is killed and removed (default 120)").option("--image <ref>", "for a DIR: the image to verify (default: the local build <dockerRepository>:<version>)").option("--type <type>", "source or destination (default: from metadata.yaml or the io.airbyte.name label)").option("--memory <size>", "memory limit of each container", "2g").option("--pids-limit <n>", "pids limit of each container", "512").option("--cpus <n>", "CPU limit of each container").option("--network <name>", "network for check/discover/read/write (spec always runs with none)", "bridge").option("--sign-pub <file>", "also check the cosign signature of the (registry) image with this public key").option("--sbom", "also check that every platform image of the (registry) image has a CycloneDX SBOM attached (publish --sbom)")
  ).action(
    action(async (out, g, target, flags) => {
      const login = await loginFromFlags(flags);
      const req = { ...await verifyRequestOf(target, flags), login };
      const [{ runVerify }, { renderReport }] = await Promise.all([import("./verify-UCLXYBHJ.js"), import("./verify-format-VNESCP2B.js")]);
      const { report } = await runVerify(req, g.json ? {} : { onProgress: (l) => out.info(l) });
      out.result(report, () => renderReport(report));
      return report.ok ? ExitCode.ok : ExitCode.failed;
    })
  );
}
export {
  register,
  verifyRequest,
  verifyRequestOf
};
