import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveTarget
} from "./chunk-NJ4VT6TK.js";
import {
  writeDigestRecord
} from "./chunk-NJNNT2GY.js";
import {
  defaultLog
} from "./chunk-PHPGWWGQ.js";
import {
  buildFacts,
  buildStep,
  capabilitiesFor,
  lintStep,
  renderStep,
  untag,
  workDir
} from "./chunk-DJ6KLPEO.js";
import {
  Pipeline,
  done
} from "./chunk-F4RCZ2Z4.js";
import {
  pushArchiveByDigest
} from "./chunk-YKNRB3FL.js";
import {
  resolveCredentials
} from "./chunk-E5DYXX6L.js";
import "./chunk-OAYSZRGV.js";
import "./chunk-ORHFYNJ3.js";
import "./chunk-BE3DODIL.js";
import "./chunk-F5YWVR5C.js";
import "./chunk-S433HYD5.js";
import "./chunk-5YTQG5MB.js";
import "./chunk-SXCNOLSS.js";
import {
  RegistryClient,
  newRetryStats,
  retryPolicy
} from "./chunk-I2VOEO4C.js";
import "./chunk-BM47B25L.js";
import "./chunk-AR2TC4S5.js";
import {
  headSha,
  isRepo
} from "./chunk-TUSFIZX3.js";
import "./chunk-2OWL4IOR.js";
import "./chunk-3ZKEEW6V.js";
import "./chunk-YN2PEBXL.js";
import "./chunk-CFMTFRR7.js";
import {
  verifyImage
} from "./chunk-YUROQQRP.js";
import "./chunk-WPRGQDWN.js";
import "./chunk-M3XWDFBM.js";
import "./chunk-UI5OVTUJ.js";
import "./chunk-QWHLEZOB.js";
import "./chunk-SV5PWJFT.js";
import "./chunk-P22SJE6B.js";
import "./chunk-LL6HLSTJ.js";
import "./chunk-37IVQV3L.js";
import "./chunk-N6U3PZUN.js";
import {
  BcError
} from "./chunk-AFPKGCAO.js";
import "./chunk-OQZF7ZZB.js";
import "./chunk-U6ZINEPZ.js";
import {
  init_define_BC_HELP
} from "./chunk-NFJWUCKG.js";

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
