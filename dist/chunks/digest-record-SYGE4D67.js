import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  renderReport
} from "./chunk-54C7PAZS.js";
import "./chunk-LWYI6ORG.js";
import "./chunk-4EYWP5CI.js";
import "./chunk-K4K4KYBG.js";
import "./chunk-4BMBBMZM.js";
import "./chunk-7KWH7VUP.js";
import "./chunk-VKGSEGKY.js";
import {
  parseFields
} from "./chunk-UOA3M2KC.js";
import "./chunk-N5APPE22.js";
import "./chunk-G6CWDOAS.js";
import "./chunk-J7CCGA2A.js";
import "./chunk-2UDPR3IH.js";
import "./chunk-AC6MT37A.js";
import "./chunk-Z2MWC52I.js";
import {
  action,
  credentialOptions,
  loginFromFlags
} from "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-CL32DPN3.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import {
  ExitCode
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/digest-record.ts
init_define_BC_HELP();
function register(program) {
  credentialOptions(
    program.command("digest-record <dir>").description("distributed build, one platform: build it, push it by digest (no tag), verify it, write the digest record for `merge`").requiredOption("--platform <platform>", "the one platform to build, e.g. linux/arm64").option("--out <file>", "record file (default: digest-<connector>-<arch>.json in the current directory)").option("--registry <host[:port]>", "registry (default: from data.dockerRepository, else docker.io)").option("--repository <name>", "repository (default: data.dockerRepository)").option("--base-image <ref>", "base image to render with (pinned by digest)").option("--provenance <mode>", "provenance attestation: min (default), max or false").option("--timeout <seconds>", "per connector command during verify (default 120)").option("--retries <n>", "attempts for each registry request (default 5)").option("--builder <name>", "buildx builder to use (default: BUILDX_BUILDER or the current one; e.g. a remote BuildKit)")
  ).action(
    action(async (out, _g, dir, opts) => {
      const login = await loginFromFlags(opts);
      const v = parseFields({ platform: opts.platform, provenance: opts.provenance, timeout: opts.timeout, retries: opts.retries });
      const platform = v.platform ?? "";
      const { provenance, timeout } = v;
      const { buildPlatformRecord, platformRecordDefaults } = await import("./record-DIH3TD26.js");
      const { file, verify } = await platformRecordDefaults(dir, platform, { out: opts.out, timeoutSeconds: timeout });
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
