import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  writeDigestRecord
} from "./chunk-JOGKMSHJ.js";
import {
  pushArchiveByDigest
} from "./chunk-XWKANHOS.js";
import {
  defaultLog
} from "./chunk-ETXDWJSU.js";
import {
  buildFacts,
  buildStep,
  capabilitiesFor,
  lintStep,
  renderStep,
  untag,
  workDir
} from "./chunk-JST6M7MK.js";
import {
  Pipeline,
  done
} from "./chunk-7WXBJWGR.js";
import {
  resolveCredentials,
  resolveTarget
} from "./chunk-KQVDIPRM.js";
import "./chunk-7MTNLM4L.js";
import "./chunk-YY4LZT5T.js";
import "./chunk-HY2OZWXO.js";
import "./chunk-CDY7HCGN.js";
import "./chunk-MRC2A52D.js";
import {
  RegistryClient,
  newRetryStats,
  retryPolicy
} from "./chunk-IJM6KPZ7.js";
import "./chunk-IDL52A6J.js";
import "./chunk-ZPTBBXRE.js";
import {
  headSha,
  isRepo
} from "./chunk-UFXM2AKX.js";
import "./chunk-MR3WDBBH.js";
import "./chunk-XXCHFLXQ.js";
import "./chunk-FARI4L7I.js";
import {
  verifyImage
} from "./chunk-K2OIWJNP.js";
import "./chunk-T5G4O5FO.js";
import "./chunk-DCJCCU67.js";
import "./chunk-K5X6C52O.js";
import "./chunk-W4PFLAHT.js";
import "./chunk-UY2IZIGH.js";
import "./chunk-65TEMGBV.js";
import "./chunk-EITCH64O.js";
import "./chunk-WL7URP6M.js";
import "./chunk-3B6BBNWB.js";
import {
  BcError
} from "./chunk-RW67NCSM.js";
import "./chunk-TIPUL6EO.js";
import "./chunk-3S7N7WR3.js";
import {
  init_define_BC_HELP
} from "./chunk-GZBHEZT2.js";

// src/core/flows/record.ts
init_define_BC_HELP();
var RECORD_STEPS = ["render", "lint", "build", "push", "verify", "record"];
async function buildPlatformRecord(dir, opts) {
  const log = opts.log ?? defaultLog;
  const run = new Pipeline(RECORD_STEPS, { onStep: opts.onStep });
  void capabilitiesFor(opts.builder);
  const work = await workDir("bc-platform-");
  try {
    const { plan, epoch } = await run.step("render", () => renderStep(dir, { platforms: [opts.platform], baseImage: opts.baseImage }));
    const c = plan.connector;
    const target = resolveTarget(c, { registry: opts.registry, repository: opts.repository });
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
