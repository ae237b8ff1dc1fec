import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  pushArchiveByDigest
} from "./chunk-GSFYYTUF.js";
import {
  RegistryClient,
  newRetryStats,
  resolveCredentials,
  resolveTarget,
  retryPolicy
} from "./chunk-EGTGUZO3.js";
import {
  writeDigestRecord
} from "./chunk-P3IU4746.js";
import {
  buildOciArchive
} from "./chunk-5WMK7UNJ.js";
import "./chunk-IXFQ745M.js";
import {
  headSha,
  isRepo
} from "./chunk-AZYTMICX.js";
import "./chunk-XX36T75U.js";
import {
  resolvePlan
} from "./chunk-NKSE4XZ6.js";
import "./chunk-HG7GB5R2.js";
import {
  verifyImage
} from "./chunk-TWUWCTYO.js";
import "./chunk-FHJYIMOT.js";
import "./chunk-MSYXSIN7.js";
import "./chunk-WEELEKSH.js";
import "./chunk-D7E6ESBE.js";
import "./chunk-LI6GIQX7.js";
import "./chunk-MTGALRCG.js";
import "./chunk-3SXJ4VDW.js";
import "./chunk-OGTH2OP4.js";
import "./chunk-QTIAYOWU.js";
import "./chunk-6RPH3A5V.js";
import "./chunk-75UHQCCM.js";
import {
  onCleanup
} from "./chunk-DSBTELOA.js";
import "./chunk-UNVAEICX.js";
import {
  BcError
} from "./chunk-6JMBDXIW.js";
import {
  init_define_BC_HELP
} from "./chunk-F7JS4Q65.js";

// src/monorepo/platform-build.ts
init_define_BC_HELP();
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function buildPlatformRecord(dir, opts) {
  const log = opts.log ?? ((l) => void process.stderr.write(`${l}
`));
  const plan = await resolvePlan(dir, { platforms: [opts.platform], baseImage: opts.baseImage });
  const c = plan.connector;
  const target = resolveTarget(c, { registry: opts.registry, repository: opts.repository });
  const work = await mkdtemp(join(tmpdir(), "bc-platform-"));
  const unregister = onCleanup(() => rm(work, { recursive: true, force: true }));
  try {
    const archive = join(work, "image.tar");
    const built = await buildOciArchive(plan, archive, {
      platforms: [opts.platform],
      provenance: opts.provenance,
      tags: [`${target.reference}:${c.version}`],
      buildArgs: plan.buildArgs,
      builder: opts.builder
    });
    const manifest = built.manifests.find((m) => m.platform === opts.platform)?.digest;
    if (!manifest) {
      throw new BcError("failed", `the build produced no ${opts.platform} image (it has: ${built.manifests.map((m) => m.platform).join(", ") || "none"})`, {
        step: "build"
      });
    }
    const stats = newRetryStats();
    const credentials = await resolveCredentials(target.registry);
    const client = new RegistryClient(target.registry, { credentials, retry: retryPolicy(opts.retries), stats, onRetry: log });
    log(`push by digest (no tag): ${target.reference}@${built.digest}`);
    await pushArchiveByDigest(client, target.repo, archive, built.digest, { log });
    const ref = `${target.reference}@${built.digest}`;
    log(`verify ${opts.platform}: ${ref}`);
    const full = await verifyImage(ref, { ...opts.verify, platforms: [opts.platform] });
    const checks = full.checks.filter((r) => r.platform === opts.platform);
    const report = { ...full, platforms: [opts.platform], checks, ok: !checks.some((r) => r.status === "fail") };
    const commit = await isRepo(c.dir) ? await headSha(c.dir).catch(() => void 0) : void 0;
    const record = await writeDigestRecord(opts.out, {
      connector: { dirName: c.dirName, name: c.name, repository: c.repository, version: c.version },
      platform: opts.platform,
      repository: target.reference,
      digest: built.digest,
      manifest,
      ref,
      verify: {
        ok: report.ok,
        checks: checks.length,
        failed: checks.filter((r) => r.status === "fail").map((r) => ({ id: r.id, message: r.message, ...r.fix ? { fix: r.fix } : {} }))
      },
      sourceDateEpoch: built.sourceDateEpoch,
      builder: built.builder.driver,
      commit
    });
    return { record, report, file: opts.out };
  } finally {
    unregister();
    await rm(work, { recursive: true, force: true });
  }
}
export {
  buildPlatformRecord
};
