import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  renderReport
} from "./chunk-XPAHB2QA.js";
import "./chunk-72ISDTNZ.js";
import "./chunk-C46X6O2T.js";
import "./chunk-JEUVT4HR.js";
import "./chunk-GS2RMN54.js";
import "./chunk-7F42IA66.js";
import "./chunk-I4R3QSSD.js";
import {
  parseFields
} from "./chunk-JS7HP7LI.js";
import "./chunk-JYWSTTTM.js";
import "./chunk-ADAXBUA2.js";
import "./chunk-QYMVX6M4.js";
import "./chunk-VAKOVJ6U.js";
import "./chunk-FY77UF3H.js";
import "./chunk-6X7G7J2L.js";
import "./chunk-WMSW7MOX.js";
import "./chunk-HGKEUVWK.js";
import "./chunk-T3TCOM34.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-BEU6A573.js";
import "./chunk-AVBWJCO6.js";
import {
  action,
  credentialOptions,
  loginFromFlags
} from "./chunk-476D5BY3.js";
import "./chunk-JCNINEPP.js";
import "./chunk-BPFYRHR7.js";
import "./chunk-2LHUKJXH.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import {
  ExitCode
} from "./chunk-BRC3U7YZ.js";
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
      const { buildPlatformRecord, platformRecordDefaults } = await import("./record-63A3UHOC.js");
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
