import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  pushArchiveByDigest
} from "./chunk-BA42H56J.js";
import {
  verifyImage
} from "./chunk-BPDW65IA.js";
import "./chunk-3C7FQ4VG.js";
import {
  RegistryClient,
  newRetryStats,
  resolveCredentials,
  resolveTarget,
  retryPolicy
} from "./chunk-E6TXQRZU.js";
import "./chunk-ZWG57TMJ.js";
import {
  writeDigestRecord
} from "./chunk-4DXIH5MH.js";
import {
  buildOciArchive
} from "./chunk-CCIVOFPO.js";
import "./chunk-YFXFELDP.js";
import "./chunk-I3P7BAE6.js";
import "./chunk-KUEU47YF.js";
import {
  headSha,
  isRepo
} from "./chunk-HLABXXTJ.js";
import "./chunk-S7XNTR7J.js";
import {
  resolvePlan
} from "./chunk-KZHML7GL.js";
import "./chunk-HTAJS5Q3.js";
import "./chunk-VDZCJ54U.js";
import "./chunk-F4ZLNMK7.js";
import "./chunk-J7A4ZPCX.js";
import "./chunk-2OG2YJHP.js";
import "./chunk-OHVEKVYH.js";
import "./chunk-WGJDIMU2.js";
import "./chunk-IKOLV254.js";
import "./chunk-DV5U53WV.js";
import "./chunk-O2TNV3EK.js";
import {
  onCleanup
} from "./chunk-GQG4KOFT.js";
import "./chunk-EOVLSTFT.js";
import {
  BcError
} from "./chunk-G6GUSTSF.js";
import {
  init_define_BC_HELP
} from "./chunk-IOSLR57L.js";

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
    const archive = join(work, "image.oci");
    const built = await buildOciArchive(
      plan,
      archive,
      {
        platforms: [opts.platform],
        provenance: opts.provenance,
        tags: [`${target.reference}:${c.version}`],
        buildArgs: plan.buildArgs,
        builder: opts.builder
      },
      "dir"
    );
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
