import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  writeDigestRecord
} from "./chunk-A7Q5WCNZ.js";
import {
  pushArchiveByDigest
} from "./chunk-P42TJ5O2.js";
import {
  resolveTarget
} from "./chunk-AMTL5P7B.js";
import {
  defaultLog
} from "./chunk-7YXJCOX2.js";
import {
  buildFacts,
  buildStep,
  capabilitiesFor,
  lintStep,
  renderStep,
  untag,
  workDir
} from "./chunk-TID2MEWB.js";
import {
  Pipeline,
  StepFailure,
  done
} from "./chunk-RFHFWYOL.js";
import "./chunk-B3SMEYHZ.js";
import "./chunk-3MAO73KM.js";
import "./chunk-YLL7ZC4M.js";
import {
  verifyImage
} from "./chunk-FDZM2J5P.js";
import "./chunk-7MNU3PPK.js";
import "./chunk-5OPUOX7Y.js";
import "./chunk-EDDZFKDG.js";
import "./chunk-MPOQGQGK.js";
import {
  registryAccess
} from "./chunk-PII5RDVP.js";
import "./chunk-QT3EOZZT.js";
import "./chunk-25QHAGNU.js";
import "./chunk-4BLWGAPT.js";
import "./chunk-3LSCYLE3.js";
import "./chunk-STCCTQUZ.js";
import "./chunk-BRTDLUTF.js";
import {
  headSha,
  isRepo
} from "./chunk-EU5PPAJO.js";
import "./chunk-TZHC5YQJ.js";
import "./chunk-NSE6YGCS.js";
import "./chunk-RDTZURDF.js";
import "./chunk-HG4DKFTF.js";
import {
  loadConnector
} from "./chunk-C3OKXXU7.js";
import "./chunk-Q6YLRKSR.js";
import "./chunk-2PTM4VG7.js";
import "./chunk-5BSCDYHN.js";
import "./chunk-N4DRTQQW.js";
import {
  RegistryClient,
  newRetryStats,
  registryPreflight,
  retryPolicy
} from "./chunk-RULUS656.js";
import "./chunk-PFI3KBEG.js";
import {
  BcError
} from "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import {
  init_define_BC_HELP
} from "./chunk-6ZG2IHFH.js";

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
