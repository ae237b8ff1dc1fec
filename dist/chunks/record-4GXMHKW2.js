import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  writeDigestRecord
} from "./chunk-PVS7ABRN.js";
import {
  buildFacts
} from "./chunk-QFR5ZNFH.js";
import {
  defaultLog,
  pushArchiveByDigest
} from "./chunk-CNTAHW2V.js";
import {
  buildStep,
  lintStep,
  renderStep,
  untag,
  workDir
} from "./chunk-S6KBDLRD.js";
import {
  Pipeline,
  done
} from "./chunk-GUPMZRCP.js";
import "./chunk-GSMXTO5L.js";
import {
  verifyImage
} from "./chunk-NQGCHNZR.js";
import "./chunk-NWQG6TXH.js";
import "./chunk-5EQVEQ4L.js";
import "./chunk-EPPB5V3S.js";
import {
  RegistryClient,
  newRetryStats,
  resolveCredentials,
  resolveTarget,
  retryPolicy
} from "./chunk-BBY55XEZ.js";
import "./chunk-2RP7RS42.js";
import "./chunk-V5ALULAH.js";
import "./chunk-GG7UJDFI.js";
import "./chunk-ZQSL3WWE.js";
import "./chunk-X5LR7S7N.js";
import "./chunk-UUXTPFFP.js";
import "./chunk-JYR5F3UW.js";
import "./chunk-CPIF7QPF.js";
import "./chunk-7M2CDPMO.js";
import "./chunk-ORSAWO26.js";
import "./chunk-WTWHMYE6.js";
import "./chunk-ONRJAAAE.js";
import "./chunk-3V2W6OQB.js";
import "./chunk-72EPRZDK.js";
import {
  headSha,
  isRepo
} from "./chunk-Y2LOYOX6.js";
import "./chunk-2IDTRXAZ.js";
import "./chunk-BTV5XUFB.js";
import "./chunk-W5OZTBRM.js";
import "./chunk-GCCGMITS.js";
import "./chunk-WU7HX5KS.js";
import {
  BcError
} from "./chunk-UKZEXR6B.js";
import "./chunk-BEB7XHHM.js";
import "./chunk-4G6BOLVH.js";
import "./chunk-2OZEGVWK.js";
import "./chunk-2JEQD4KA.js";
import "./chunk-QYRUE3HJ.js";
import {
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/core/flows/record.ts
init_define_BC_HELP();
var RECORD_STEPS = ["render", "lint", "build", "push", "verify", "record"];
async function buildPlatformRecord(dir, opts) {
  const log = opts.log ?? defaultLog;
  const run = new Pipeline(RECORD_STEPS, { onStep: opts.onStep });
  const work = await workDir("bc-platform-");
  try {
    const { plan, epoch } = await run.step("render", () => renderStep(dir, { platforms: [opts.platform], baseImage: opts.baseImage }));
    const c = plan.connector;
    const target = resolveTarget(c, { registry: opts.registry, repository: opts.repository });
    await run.step("lint", async () => lintStep(plan, plan.buildArgs));
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
      const credentials = await resolveCredentials(target.registry);
      const client = new RegistryClient(target.registry, { credentials, retry: retryPolicy(opts.retries), stats: newRetryStats(), onRetry: log });
      log(`push by digest (no tag): ${ref}`);
      const p = await pushArchiveByDigest(client, target.repo, layout, built.digest, { log });
      return done(void 0, `${p.blobsUploaded} blobs uploaded, ${p.manifestsWritten} manifests written, no tag`);
    });
    const report = await run.step("verify", async () => {
      log(`verify ${opts.platform}: ${ref}`);
      const r = await verifyImage(ref, { ...opts.verify, platforms: [opts.platform], exactPlatforms: true });
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
