import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  digestRecordName,
  writeDigestRecord
} from "./chunk-VGQL6F5C.js";
import {
  resolveTarget
} from "./chunk-KFYPFZWU.js";
import {
  pushArchiveByDigest
} from "./chunk-VMYFPKGW.js";
import {
  buildFacts,
  buildStep,
  capabilitiesFor,
  lintStep,
  renderStep,
  untag,
  workDir
} from "./chunk-7NILOTJH.js";
import {
  defaultLog
} from "./chunk-3ENY22Z7.js";
import "./chunk-METMUCN2.js";
import "./chunk-DHBY3KLB.js";
import "./chunk-BFAODOLW.js";
import "./chunk-BI3K53O3.js";
import {
  verifyImage
} from "./chunk-7TAZRHFR.js";
import "./chunk-GS2RMN54.js";
import "./chunk-OFZVU4AW.js";
import "./chunk-I4R3QSSD.js";
import {
  registryAccess
} from "./chunk-F52TEOU4.js";
import "./chunk-UMFM6UD4.js";
import "./chunk-G5RLS37P.js";
import "./chunk-V5RQTSF5.js";
import "./chunk-UEN25T52.js";
import "./chunk-H7BBVYBD.js";
import "./chunk-OOZWH23A.js";
import "./chunk-ZCFKAUSD.js";
import {
  headSha,
  isRepo
} from "./chunk-XXP3MPL7.js";
import "./chunk-VA5ORGU4.js";
import {
  Pipeline,
  StepFailure,
  done
} from "./chunk-QL47CY3G.js";
import "./chunk-CYJU4RMM.js";
import "./chunk-CY7YV7HZ.js";
import "./chunk-ZLOFR45O.js";
import {
  DEFAULT_PROVENANCE
} from "./chunk-FA2OQ6TM.js";
import {
  loadConnector
} from "./chunk-6N6K3GH5.js";
import "./chunk-TDTQ2VRD.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-2U75EEOT.js";
import "./chunk-HI25WK67.js";
import "./chunk-M6WTTPFB.js";
import {
  recordedVerify
} from "./chunk-JCNINEPP.js";
import "./chunk-N2CKSR53.js";
import "./chunk-H2BA5LQY.js";
import {
  RegistryClient,
  newRetryStats,
  registryPreflight,
  retryPolicy
} from "./chunk-UY65VSS5.js";
import "./chunk-KQGN32ME.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import {
  BcError
} from "./chunk-AQYICBEV.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/core/flows/record.ts
init_define_BC_HELP();
import { resolve } from "node:path";
var RECORD_STEPS = ["resolve", "render", "lint", "build", "push", "verify", "record"];
async function platformRecordDefaults(dir, platform, opts) {
  const c = await loadConnector(dir);
  const file = resolve(opts.out ?? digestRecordName(c.dirName, platform));
  const { connectorVerifyDefaults } = await import("./defaults-HXROLJKA.js");
  return { file, verify: { timeoutSeconds: opts.timeoutSeconds, ...await connectorVerifyDefaults(c) } };
}
async function buildPlatformRecord(dir, opts) {
  const run = new Pipeline(RECORD_STEPS, { onStep: opts.onStep });
  try {
    return await recordSteps(dir, opts, opts.log ?? defaultLog, run);
  } catch (err) {
    if (err instanceof StepFailure) throw err.error;
    throw err;
  }
}
async function recordSteps(dir, opts, log, run) {
  const { target, access, client } = await run.step("resolve", async () => {
    const target2 = resolveTarget(await loadConnector(dir), { registry: opts.registry, repository: opts.repository });
    const access2 = await registryAccess(target2.registry, opts.login);
    const client2 = new RegistryClient(target2.registry, { credentials: access2.credentials, retry: retryPolicy(opts.retries), stats: newRetryStats(), onRetry: log });
    await registryPreflight(client2);
    return done({ target: target2, access: access2, client: client2 }, `${target2.reference}${access2.credentials ? `; credentials from ${access2.credentials.source}` : ""}`);
  });
  void capabilitiesFor(opts.builder);
  const work = await workDir("bc-platform-");
  try {
    const { plan, epoch } = await run.step("render", () => renderStep(dir, { platforms: [opts.platform], baseImage: opts.baseImage }));
    const c = plan.connector;
    await run.step("lint", () => lintStep(plan, plan.buildArgs));
    const built = await run.step(
      "build",
      () => buildStep(plan, {
        platforms: [opts.platform],
        goal: "push",
        work: work.path,
        tags: [`build-connector-record/${c.dirName}:${process.pid}-${Date.now().toString(36)}`.toLowerCase()],
        provenance: opts.provenance ?? DEFAULT_PROVENANCE,
        buildArgs: plan.buildArgs,
        builder: opts.builder,
        sourceDateEpochResolved: Promise.resolve(epoch),
        progress: "plain",
        write: (text) => {
          for (const line of text.split("\n")) if (line.trim() !== "") log(line);
        }
      })
    );
    await untag(built.strategy.pushFrom === "saved-images" ? built.result.tags : []);
    const manifest = built.platforms[opts.platform];
    if (!manifest || !built.layout) {
      throw new BcError("failed", `the build produced no ${opts.platform} image (it has: ${Object.keys(built.platforms).join(", ") || "none"})`, { step: "build" });
    }
    const layout = built.layout;
    const ref = `${target.reference}@${built.digest}`;
    await run.step("push", async () => {
      log(`push by digest (no tag): ${ref}`);
      const p = await pushArchiveByDigest(client, target.repo, layout, built.digest, { log });
      return done(void 0, `${p.blobsUploaded} blobs uploaded, ${p.manifestsWritten} manifests written, no tag`);
    });
    const report = await run.step("verify", async () => {
      log(`verify ${opts.platform}: ${ref}`);
      const r = await verifyImage(ref, { ...opts.verify, platforms: [opts.platform], exactPlatforms: true, ...access.tools ? { registryEnv: access.tools.env } : {} });
      return done(r, `${r.checks.filter((x) => x.status === "pass").length} checks passed, ${r.checks.filter((x) => x.status === "fail").length} failed`);
    });
    const commit = await isRepo(c.dir) ? await headSha(c.dir).catch(() => void 0) : void 0;
    const record = await run.step("record", async () => {
      const rec = await writeDigestRecord(opts.out, {
        connector: { dirName: c.dirName, name: c.name, repository: c.repository, version: c.version },
        platform: opts.platform,
        repository: target.reference,
        digest: built.digest,
        manifest,
        ref,
        // the record file's own summary of the report (the schema merge reads)
        verify: recordedVerify(report),
        sourceDateEpoch: built.result.sourceDateEpoch,
        builder: built.strategy.driver,
        commit
      });
      return done(rec, opts.out);
    });
    return { record, report, file: opts.out, strategy: buildFacts(built) };
  } finally {
    await work.remove();
  }
}
export {
  RECORD_STEPS,
  buildPlatformRecord,
  platformRecordDefaults
};
