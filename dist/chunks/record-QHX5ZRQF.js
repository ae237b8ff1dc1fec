import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  writeDigestRecord
} from "./chunk-KXKIZW4O.js";
import {
  pushArchiveByDigest
} from "./chunk-RWUGHH3X.js";
import {
  resolveTarget
} from "./chunk-OR3PVGYZ.js";
import {
  buildFacts,
  buildStep,
  capabilitiesFor,
  lintStep,
  renderStep,
  untag,
  workDir
} from "./chunk-2NTQSC74.js";
import {
  defaultLog
} from "./chunk-JOE4O76H.js";
import "./chunk-A7HEH5LZ.js";
import "./chunk-OYDLXYS5.js";
import {
  RegistryClient,
  newRetryStats,
  registryPreflight,
  retryPolicy
} from "./chunk-HNWR5ZL6.js";
import "./chunk-ICYM5BAL.js";
import {
  verifyImage
} from "./chunk-TGHPGPU4.js";
import "./chunk-CPAX55HI.js";
import "./chunk-Q7NDHZ2H.js";
import "./chunk-6KEW7YSU.js";
import "./chunk-5Z63VUE4.js";
import "./chunk-BGO7SG43.js";
import {
  registryAccess
} from "./chunk-PLLRDQ7S.js";
import "./chunk-CJNPPTT2.js";
import "./chunk-RKZ7QWRK.js";
import "./chunk-3WTKKLMR.js";
import "./chunk-SY2HX7B5.js";
import "./chunk-2V6TITHN.js";
import {
  Pipeline,
  StepFailure,
  done
} from "./chunk-KQSEGK2J.js";
import "./chunk-M6ZQ3FQ4.js";
import "./chunk-PGUDD2T7.js";
import "./chunk-R2AGHTMK.js";
import {
  headSha,
  isRepo
} from "./chunk-TC2BRTU6.js";
import "./chunk-FGNXK54K.js";
import "./chunk-MTXBWW3F.js";
import "./chunk-R5RVLK2O.js";
import "./chunk-G44WSTAN.js";
import {
  loadConnector
} from "./chunk-ER4JP5BU.js";
import "./chunk-TD526ZK6.js";
import "./chunk-ZYH5R5FA.js";
import "./chunk-ZY7CTMHJ.js";
import "./chunk-EHNW6LQR.js";
import "./chunk-ABYH3ITZ.js";
import "./chunk-3CSLZISE.js";
import "./chunk-VFM347UL.js";
import "./chunk-LY74QNZY.js";
import {
  BcError
} from "./chunk-MATTDRBK.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/core/flows/record.ts
init_define_BC_HELP();
var RECORD_STEPS = ["resolve", "render", "lint", "build", "push", "verify", "record"];
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
        provenance: opts.provenance ?? "min",
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
        verify: {
          ok: report.ok,
          checks: report.checks.length,
          failed: report.checks.filter((r) => r.status === "fail").map((r) => ({ id: r.id, message: r.message, ...r.fix ? { fix: r.fix } : {} }))
        },
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
  buildPlatformRecord
};
