import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  digestRecordName,
  writeDigestRecord
} from "./chunk-544NXLAD.js";
import {
  resolveTarget
} from "./chunk-237VH5OQ.js";
import {
  pushArchiveByDigest
} from "./chunk-VTGARRX3.js";
import {
  buildFacts,
  buildStep,
  capabilitiesFor,
  lintStep,
  renderStep,
  untag,
  workDir
} from "./chunk-IFKM5HLK.js";
import {
  defaultLog
} from "./chunk-FVZLHUQV.js";
import "./chunk-QWNSM4YB.js";
import "./chunk-Y7I4BW5I.js";
import "./chunk-ESJ5KG2Y.js";
import "./chunk-W3KI5CLD.js";
import {
  verifyImage
} from "./chunk-K4K4KYBG.js";
import "./chunk-4BMBBMZM.js";
import "./chunk-7KWH7VUP.js";
import "./chunk-VKGSEGKY.js";
import {
  registryAccess
} from "./chunk-ROLAIEO7.js";
import "./chunk-ZU3EA74B.js";
import "./chunk-MOA3NBGW.js";
import "./chunk-STWOCLWY.js";
import "./chunk-I325M6JV.js";
import "./chunk-FCTKR6QB.js";
import "./chunk-ZXKMXJJK.js";
import "./chunk-Q4QNI43M.js";
import {
  headSha,
  isRepo
} from "./chunk-HX44SO3Q.js";
import "./chunk-WYDT4C5S.js";
import {
  Pipeline,
  StepFailure,
  done
} from "./chunk-N5APPE22.js";
import "./chunk-G6CWDOAS.js";
import "./chunk-J7CCGA2A.js";
import "./chunk-2UDPR3IH.js";
import {
  loadConnector
} from "./chunk-ATMBG6MK.js";
import "./chunk-MITLCIOK.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import "./chunk-Z2MWC52I.js";
import "./chunk-6LPIPXQJ.js";
import {
  recordedVerify
} from "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import {
  RegistryClient,
  newRetryStats,
  registryPreflight,
  retryPolicy
} from "./chunk-2CZK5HMD.js";
import "./chunk-QLD2YDU3.js";
import "./chunk-CL32DPN3.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/flows/record.ts
init_define_BC_HELP();
import { resolve } from "node:path";
var RECORD_STEPS = ["resolve", "render", "lint", "build", "push", "verify", "record"];
async function platformRecordDefaults(dir, platform, opts) {
  const c = await loadConnector(dir);
  const file = resolve(opts.out ?? digestRecordName(c.dirName, platform));
  const { connectorVerifyDefaults } = await import("./defaults-YHGS7JAU.js");
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
        provenance: opts.provenance,
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
