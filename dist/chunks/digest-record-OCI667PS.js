import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import "./chunk-TGHPGPU4.js";
import "./chunk-CPAX55HI.js";
import "./chunk-Q7NDHZ2H.js";
import {
  renderReport
} from "./chunk-5Z63VUE4.js";
import "./chunk-BGO7SG43.js";
import "./chunk-FGNXK54K.js";
import "./chunk-MTXBWW3F.js";
import "./chunk-R5RVLK2O.js";
import "./chunk-G44WSTAN.js";
import "./chunk-EHNW6LQR.js";
import {
  isPlatform
} from "./chunk-3CSLZISE.js";
import "./chunk-VFM347UL.js";
import {
  action,
  credentialOptions,
  loginFromFlags
} from "./chunk-DTF3IE5Z.js";
import "./chunk-LY74QNZY.js";
import {
  ExitCode,
  badInput
} from "./chunk-MATTDRBK.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/commands/digest-record.ts
init_define_BC_HELP();
import { resolve } from "node:path";
function register(program) {
  credentialOptions(
    program.command("digest-record <dir>").description("distributed build, one platform: build it, push it by digest (no tag), verify it, write the digest record for `merge`").requiredOption("--platform <platform>", "the one platform to build, e.g. linux/arm64").option("--out <file>", "record file (default: digest-<connector>-<arch>.json in the current directory)").option("--registry <host[:port]>", "registry (default: from data.dockerRepository, else docker.io)").option("--repository <name>", "repository (default: data.dockerRepository)").option("--base-image <ref>", "base image to render with (pinned by digest)").option("--provenance <mode>", "provenance attestation: min (default), max or false").option("--timeout <seconds>", "per connector command during verify", "120").option("--retries <n>", "attempts for each registry request (default 5)").option("--builder <name>", "buildx builder to use (default: BUILDX_BUILDER or the current one; e.g. a remote BuildKit)")
  ).action(
    action(async (out, _g, dir, opts) => {
      const login = await loginFromFlags(opts);
      const platform = opts.platform ?? "";
      if (!isPlatform(platform)) {
        throw badInput(`--platform ${platform}: expected exactly one platform, e.g. linux/arm64`);
      }
      const provenance = opts.provenance === void 0 ? void 0 : opts.provenance === "false" ? false : opts.provenance === "max" ? "max" : opts.provenance === "min" ? "min" : void 0;
      if (opts.provenance !== void 0 && provenance === void 0) throw badInput(`--provenance ${opts.provenance}: expected min, max or false`);
      const { buildPlatformRecord } = await import("./record-QHX5ZRQF.js");
      const { digestRecordName } = await import("./digest-record-WKCLY4LY.js");
      const { loadConnector } = await import("./metadata-GBND7EX7.js");
      const c = await loadConnector(dir);
      const file = resolve(opts.out ?? digestRecordName(c.dirName, platform));
      const timeout = Number(opts.timeout);
      if (!Number.isFinite(timeout) || timeout <= 0) throw badInput(`--timeout must be a positive number, got "${opts.timeout}"`);
      const { connectorVerifyDefaults } = await import("./defaults-2KUNV2RL.js");
      const verify = { timeoutSeconds: timeout, ...await connectorVerifyDefaults(c) };
      const res = await buildPlatformRecord(dir, {
        platform,
        out: file,
        registry: opts.registry,
        repository: opts.repository,
        baseImage: opts.baseImage,
        provenance,
        builder: opts.builder,
        verify,
        retries: opts.retries === void 0 ? void 0 : Number(opts.retries),
        login,
        log: (l) => out.info(l)
      });
      out.result(
        { file: res.file, record: res.record, report: res.report, strategy: res.strategy },
        () => [
          renderReport(res.report),
          "",
          `${res.record.verify.ok ? "verified" : "FAILED verification"}: ${res.record.ref} (${platform}, no tag)`,
          `digest record: ${res.file}`,
          `built with the ${res.strategy.strategy} strategy on ${res.strategy.builder} (${res.strategy.driver} driver, ${res.strategy.store} store)`
        ].join("\n")
      );
      return res.record.verify.ok ? ExitCode.ok : ExitCode.failed;
    })
  );
}
export {
  register
};
