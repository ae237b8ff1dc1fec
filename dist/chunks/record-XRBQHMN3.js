import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  writeDigestRecord
} from "./chunk-ZS7UY3DU.js";
import {
  buildFacts,
  defaultLog
} from "./chunk-QKLZ4YHE.js";
import {
  pushArchiveByDigest
} from "./chunk-D4RCFRR7.js";
import {
  Pipeline,
  buildStep,
  done,
  lintStep,
  renderStep,
  untag,
  workDir
} from "./chunk-ER4XZ2WN.js";
import "./chunk-CZB5YCAC.js";
import "./chunk-CBIJKXIV.js";
import "./chunk-UZX7B2IA.js";
import {
  verifyImage
} from "./chunk-EFOKFURO.js";
import "./chunk-ZYXUZAKQ.js";
import "./chunk-VC3JLRGB.js";
import "./chunk-CD6VDOLM.js";
import {
  RegistryClient,
  newRetryStats,
  resolveCredentials,
  resolveTarget,
  retryPolicy
} from "./chunk-GAJOUQT7.js";
import "./chunk-SNWJCZWC.js";
import "./chunk-HNY25XOR.js";
import "./chunk-GC3M4GLA.js";
import "./chunk-UZVSFOOJ.js";
import "./chunk-4MGVUHVB.js";
import "./chunk-PGIYBAEJ.js";
import {
  headSha,
  isRepo
} from "./chunk-3DIWK25T.js";
import "./chunk-3N27EFQV.js";
import "./chunk-7KCCEROD.js";
import "./chunk-63PP2PAZ.js";
import "./chunk-3RL3KEEP.js";
import "./chunk-A2PKEVEV.js";
import "./chunk-HSWBEYPK.js";
import "./chunk-OCQSVPUE.js";
import "./chunk-FGC2GAOX.js";
import "./chunk-GOICV6JM.js";
import "./chunk-BE5EM6RG.js";
import {
  BcError
} from "./chunk-XOYO7HYX.js";
import "./chunk-HTCQJELU.js";
import "./chunk-BPUH7USV.js";
import "./chunk-R4F27TRY.js";
import "./chunk-YXWD64HT.js";
import "./chunk-YTMJN7EQ.js";
import {
  init_define_BC_HELP
} from "./chunk-CDVMQLRB.js";

// src/core/flows/record.ts
init_define_BC_HELP();
var RECORD_STEPS = ["render", "lint", "build", "push", "verify", "record"];
async function buildPlatformRecord(dir, opts) {
  const log = opts.log ?? defaultLog;
  const run = new Pipeline(RECORD_STEPS, { onStep: opts.onStep });
  const work = await workDir("bc-platform-");
  try {
    const plan = await run.step("render", () => renderStep(dir, { platforms: [opts.platform], baseImage: opts.baseImage }));
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
