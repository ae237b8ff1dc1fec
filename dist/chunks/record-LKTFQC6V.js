import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveTarget
} from "./chunk-AD55BUKF.js";
import {
  writeDigestRecord
} from "./chunk-IQCOPTVG.js";
import {
  defaultLog
} from "./chunk-WVPSXZSF.js";
import {
  buildFacts,
  buildStep,
  capabilitiesFor,
  lintStep,
  renderStep,
  untag,
  workDir
} from "./chunk-RXBD3FQP.js";
import {
  Pipeline,
  done
} from "./chunk-LSUQSKP5.js";
import {
  pushArchiveByDigest
} from "./chunk-ONXDJRMR.js";
import {
  resolveCredentials
} from "./chunk-FZSR6KLZ.js";
import "./chunk-3YZP6RHJ.js";
import "./chunk-LYSOOPQ4.js";
import "./chunk-4ZOYULDS.js";
import "./chunk-YUL7NHU4.js";
import "./chunk-LKZBC7GO.js";
import "./chunk-SGZ4ZVPP.js";
import "./chunk-VMY77PED.js";
import {
  RegistryClient,
  newRetryStats,
  retryPolicy
} from "./chunk-N7JQECWR.js";
import "./chunk-SEASYK5Z.js";
import "./chunk-GXY3PSFF.js";
import {
  headSha,
  isRepo
} from "./chunk-POG5CEUR.js";
import "./chunk-NSDITCIR.js";
import "./chunk-W6QOQLE7.js";
import "./chunk-W257OXBH.js";
import "./chunk-7BOZ6X3X.js";
import {
  verifyImage
} from "./chunk-7DG6TV7A.js";
import "./chunk-7K7NHXGA.js";
import "./chunk-22VCNZ6I.js";
import "./chunk-G4CU43QS.js";
import "./chunk-LD2HD7BB.js";
import "./chunk-UN5L6T7S.js";
import "./chunk-A3I33V3B.js";
import "./chunk-ZBE7Q2QI.js";
import "./chunk-3LX63W6I.js";
import "./chunk-SSN6CUAS.js";
import {
  BcError
} from "./chunk-5R7AJT4B.js";
import "./chunk-7H3P7VBU.js";
import "./chunk-JCCP3NW4.js";
import {
  init_define_BC_HELP
} from "./chunk-F65AD7ZE.js";

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
