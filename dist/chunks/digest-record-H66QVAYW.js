import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  renderReport
} from "./chunk-XPAHB2QA.js";
import "./chunk-72ISDTNZ.js";
import "./chunk-DHC6T5CY.js";
import "./chunk-7TAZRHFR.js";
import "./chunk-GS2RMN54.js";
import "./chunk-OFZVU4AW.js";
import "./chunk-I4R3QSSD.js";
import {
  parseFields
} from "./chunk-FIJRI7GE.js";
import "./chunk-QL47CY3G.js";
import "./chunk-CYJU4RMM.js";
import "./chunk-CY7YV7HZ.js";
import "./chunk-ZLOFR45O.js";
import "./chunk-FA2OQ6TM.js";
import "./chunk-2U75EEOT.js";
import "./chunk-HI25WK67.js";
import {
  action,
  credentialOptions,
  loginFromFlags
} from "./chunk-IQQW7X5T.js";
import "./chunk-M6WTTPFB.js";
import "./chunk-JCNINEPP.js";
import "./chunk-N2CKSR53.js";
import "./chunk-H2BA5LQY.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import {
  ExitCode
} from "./chunk-AQYICBEV.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/commands/digest-record.ts
init_define_BC_HELP();
function register(program) {
  credentialOptions(
    program.command("digest-record <dir>").description("distributed build, one platform: build it, push it by digest (no tag), verify it, write the digest record for `merge`").requiredOption("--platform <platform>", "the one platform to build, e.g. linux/arm64").option("--out <file>", "record file (default: digest-<connector>-<arch>.json in the current directory)").option("--registry <host[:port]>", "registry (default: from data.dockerRepository, else docker.io)").option("--repository <name>", "repository (default: data.dockerRepository)").option("--base-image <ref>", "base image to render with (pinned by digest)").option("--provenance <mode>", "provenance attestation: min (default), max or false").option("--timeout <seconds>", "per connector command during verify", "120").option("--retries <n>", "attempts for each registry request (default 5)").option("--builder <name>", "buildx builder to use (default: BUILDX_BUILDER or the current one; e.g. a remote BuildKit)")
  ).action(
    action(async (out, _g, dir, opts) => {
      const login = await loginFromFlags(opts);
      const v = parseFields({ platform: opts.platform, provenance: opts.provenance, timeout: opts.timeout, retries: opts.retries });
      const platform = v.platform ?? "";
      const { provenance, timeout } = v;
      const { buildPlatformRecord, platformRecordDefaults } = await import("./record-Q32V5UHL.js");
      const { file, verify } = await platformRecordDefaults(dir, platform, { out: opts.out, timeoutSeconds: timeout ?? 120 });
      const res = await buildPlatformRecord(dir, {
        platform,
        out: file,
        registry: opts.registry,
        repository: opts.repository,
        baseImage: opts.baseImage,
        provenance,
        builder: opts.builder,
        verify,
        retries: v.retries,
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
