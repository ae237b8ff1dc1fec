import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  pushArchiveByDigest
} from "./chunk-VFVCABNN.js";
import {
  RegistryClient,
  newRetryStats,
  resolveCredentials,
  resolveTarget,
  retryPolicy
} from "./chunk-ZHMC2JFR.js";
import {
  writeDigestRecord
} from "./chunk-2HVH4KV3.js";
import {
  buildOciArchive
} from "./chunk-D3WJ7ZHS.js";
import "./chunk-TVJD7E4A.js";
import {
  headSha,
  isRepo
} from "./chunk-C2UDR7I5.js";
import "./chunk-IMM2YRPH.js";
import {
  resolvePlan
} from "./chunk-MXAM53DZ.js";
import "./chunk-MWZGQX3H.js";
import {
  verifyImage
} from "./chunk-RKSN3YIE.js";
import "./chunk-4WVQLQYZ.js";
import "./chunk-MSFCFRRI.js";
import "./chunk-2XEC6SYU.js";
import "./chunk-B4JZMDTZ.js";
import "./chunk-SOKBBEPG.js";
import "./chunk-GCO5KNKR.js";
import "./chunk-AB6O3WSA.js";
import "./chunk-C446O6SC.js";
import "./chunk-QXHRBM43.js";
import "./chunk-Z4K3ETZY.js";
import {
  onCleanup
} from "./chunk-6OKTNOVI.js";
import "./chunk-IGOOYWZR.js";
import {
  BcError
} from "./chunk-NCNAGE66.js";
import {
  init_define_BC_HELP
} from "./chunk-BBPJ244V.js";

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
