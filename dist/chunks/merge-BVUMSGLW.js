import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  planTags
} from "./chunk-VRCWCI7I.js";
import {
  readDigestRecord
} from "./chunk-544NXLAD.js";
import {
  resolveTarget
} from "./chunk-237VH5OQ.js";
import {
  applyTags,
  compareImages,
  indexFactsFromBytes,
  readBack
} from "./chunk-RSIIJBMM.js";
import "./chunk-VTGARRX3.js";
import {
  defaultLog
} from "./chunk-FVZLHUQV.js";
import {
  registryAccess
} from "./chunk-ROLAIEO7.js";
import "./chunk-STWOCLWY.js";
import "./chunk-WYDT4C5S.js";
import {
  Pipeline,
  StepFailure,
  done
} from "./chunk-N5APPE22.js";
import "./chunk-G6CWDOAS.js";
import {
  imagetoolsInspect,
  indexFacts
} from "./chunk-J7CCGA2A.js";
import {
  docker
} from "./chunk-2UDPR3IH.js";
import {
  loadConnector
} from "./chunk-ATMBG6MK.js";
import "./chunk-MITLCIOK.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import {
  connectorPlatforms
} from "./chunk-Z2MWC52I.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import {
  RegistryClient,
  newRetryStats,
  registryPreflight,
  retryPolicy,
  withRetry
} from "./chunk-2CZK5HMD.js";
import "./chunk-QLD2YDU3.js";
import "./chunk-CL32DPN3.js";
import {
  sha256Digest
} from "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import {
  BcError,
  badInput,
  failed,
  refused
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/flows/merge.ts
init_define_BC_HELP();
function selectRecords(records, want) {
  const ignored = [];
  const byPlatform = /* @__PURE__ */ new Map();
  for (const r of records) {
    const c = r.record.connector;
    if (c.dirName !== want.dirName || c.repository !== want.repository) {
      ignored.push(`${r.file}: another connector (${c.dirName})`);
      continue;
    }
    if (c.version !== want.version) {
      throw badInput(`${r.file}: record of ${c.dirName} ${c.version}, but metadata.yaml says ${want.version}`, [
        "fix: merge the records of the same commit the per-platform jobs built"
      ]);
    }
    if (!want.platforms.includes(r.record.platform)) {
      ignored.push(`${r.file}: ${r.record.platform} was not requested`);
      continue;
    }
    const prev = byPlatform.get(r.record.platform);
    if (prev && prev.record.digest !== r.record.digest) {
      throw badInput(`two different ${r.record.platform} records: ${prev.file} (${prev.record.digest}) and ${r.file} (${r.record.digest})`);
    }
    byPlatform.set(r.record.platform, r);
  }
  const missing = want.platforms.filter((p) => !byPlatform.has(p));
  const unverified = [...byPlatform.values()].filter((r) => !r.record.verify.ok);
  if (missing.length > 0 || unverified.length > 0) {
    const details = [
      ...missing.map((p) => `${p}: no digest record (did its job fail, or was its artifact not downloaded?)`),
      ...unverified.flatMap((r) => [
        `${r.record.platform}: failed verification (${r.file})`,
        ...r.record.verify.failed.map((f) => `  ${f.id}: ${f.message}${f.fix ? ` \u2014 fix: ${f.fix}` : ""}`)
      ]),
      "nothing was tagged"
    ];
    const what = [missing.length ? `missing ${missing.join(", ")}` : "", unverified.length ? `unverified ${unverified.map((r) => r.record.platform).join(", ")}` : ""].filter(Boolean).join("; ");
    throw failed(`merge refused: ${what}`, details, "merge");
  }
  return { byPlatform: new Map([...byPlatform].map(([p, r]) => [p, r.record])), ignored };
}
function dryRunIndex(stdout) {
  const text = stdout.endsWith("\n") ? stdout.slice(0, -1) : stdout;
  const bytes = Buffer.from(text, "utf8");
  return { bytes, digest: sha256Digest(bytes) };
}
function imagetoolsCreateArgs(target, sources) {
  return ["buildx", "imagetools", "create", ...target ? ["-t", target] : ["--dry-run"], ...sources];
}
var MERGE_STEPS = ["resolve", "verify", "push", "tag"];
async function mergeConnector(dir, opts) {
  const log = opts.log ?? defaultLog;
  const run = new Pipeline(MERGE_STEPS, { onStep: opts.onStep });
  try {
    return await mergeSteps(dir, opts, log, run);
  } catch (err) {
    if (err instanceof StepFailure) throw err.error;
    throw err;
  }
}
async function mergeSteps(dir, opts, log, run) {
  const stats = newRetryStats();
  const { target, platforms, byPlatform, access, client } = await run.step("resolve", async () => {
    if (opts.digests.length === 0) throw badInput("--digests: give at least one digest record file");
    const c = await loadConnector(dir);
    const target2 = resolveTarget(c, { registry: opts.registry, repository: opts.repository });
    const platforms2 = connectorPlatforms(opts.platforms, c.options.platforms);
    const records = await Promise.all(opts.digests.map(async (file) => ({ file, record: await readDigestRecord(file) })));
    const { byPlatform: byPlatform2, ignored } = selectRecords(records, { dirName: c.dirName, repository: c.repository, version: target2.version, platforms: platforms2 });
    for (const i of ignored) log(`ignored ${i}`);
    const access2 = await registryAccess(target2.registry, opts.login);
    const client2 = new RegistryClient(target2.registry, { credentials: access2.credentials, retry: retryPolicy(opts.retries), stats, onRetry: log });
    await registryPreflight(client2);
    return done(
      { target: target2, platforms: platforms2, byPlatform: byPlatform2, access: access2, client: client2 },
      `${byPlatform2.size} verified platform record(s) for ${target2.reference}:${target2.version}${access2.credentials ? `; credentials from ${access2.credentials.source}` : ""}`
    );
  });
  const toolEnv = access.tools ? { env: access.tools.env } : {};
  const sources = await run.step("verify", async () => {
    const sources2 = [];
    for (const [platform, r] of byPlatform) {
      const raw = await imagetoolsInspect(r.ref, toolEnv);
      if (!raw) throw failed(`${platform}: ${r.ref} is not in the registry`, ["fix: re-run that platform job (the push by digest did not land)", "nothing was tagged"], "merge");
      const facts = indexFacts(raw);
      const has = raw.manifest.manifests ? facts.manifests.find((m) => m.platform === platform)?.digest : raw.manifest.digest;
      if (has !== r.manifest) {
        throw failed(`${platform}: ${r.ref} holds ${has ?? "no such platform"}, the record says ${r.manifest}`, ["nothing was tagged"], "merge");
      }
      sources2.push(r.ref);
    }
    return done(sources2, `${sources2.length} platform image(s) in the registry as recorded`);
  });
  const prepared = await run.step("push", async () => {
    const dry = await docker(imagetoolsCreateArgs(void 0, sources), { step: "merge: imagetools create --dry-run", timeoutMs: 5 * 6e4, ...toolEnv });
    const index = dryRunIndex(dry.stdout);
    const expected2 = indexFactsFromBytes(index.digest, index.bytes);
    if (!expected2) throw failed("imagetools create --dry-run did not print an image index", [dry.stdout.slice(0, 300)], "merge");
    for (const [p, r] of byPlatform) {
      if (expected2.platforms[p] !== r.manifest) throw failed(`the merged index has ${expected2.platforms[p] ?? "no"} ${p} image, expected ${r.manifest}`, [], "merge");
    }
    const ctx2 = { client, registry: target.registry, repo: target.repo, retry: retryPolicy(opts.retries), stats, log };
    const existingTags = await client.listTags(target.repo);
    const plan2 = planTags({ repository: target.reference, version: target.version, existingTags, aliases: opts.aliases, latest: opts.latest, versionSource: target.versionSource, versionAt: target.versionAt });
    const current = await client.getManifest(target.repo, target.version);
    if (current) {
      const same = compareImages(indexFactsFromBytes(current.digest, current.bytes), current.digest, expected2);
      if (same.same) {
        log(`${target.reference}:${target.version} is already this image (${same.how}); nothing to do`);
        return done({ kind: "already", digest: current.digest, how: same.how }, "already published");
      }
      if (!opts.force) {
        throw refused(`version ${target.version} already published as ${current.digest} (${same.why})`, [
          `fix: bump data.dockerImageTag in metadata.yaml, or force the overwrite of ${target.reference}:${target.version}`,
          "nothing was tagged"
        ]);
      }
      log(`WARNING: force: ${target.reference}:${target.version} (${current.digest}) will be overwritten`);
    }
    if (opts.dryRun) return done({ kind: "dry-run", index, expected: expected2, plan: plan2, ctx: ctx2 }, "dry run: nothing written");
    const byDigest = `${target.reference}@${index.digest}`;
    log(`create index (no tag): ${byDigest}`);
    await withRetry(
      async () => {
        const res = await docker(imagetoolsCreateArgs(byDigest, sources), { allowFailure: true, step: "merge: imagetools create", timeoutMs: 5 * 6e4, ...toolEnv });
        if (res.exitCode !== 0) {
          throw new BcError("environment", `imagetools create ${byDigest} failed (exit ${res.exitCode})`, {
            step: "merge",
            details: [...res.stderr.trim().split("\n").slice(-5), "nothing was tagged"]
          });
        }
      },
      { what: "imagetools create", policy: retryPolicy(opts.retries), stats, onRetry: (i) => log(`retry imagetools create (${i.fault.reason}) in ${i.delayMs} ms`) }
    );
    return done({ kind: "pushed", index, expected: expected2, plan: plan2, ctx: ctx2 }, `index ${index.digest} pushed by digest (no tag)`);
  });
  if (prepared.kind === "already") {
    run.finish("already published");
    return { status: "already-published", repository: target.reference, digest: prepared.digest, version: target.version, how: prepared.how };
  }
  if (prepared.kind === "dry-run") {
    run.finish("dry run");
    return { status: "dry-run", repository: target.reference, digest: prepared.index.digest, platforms: prepared.expected.platforms, plan: prepared.plan };
  }
  const { expected, plan, ctx } = prepared;
  const tags = await run.step("tag", async () => {
    const manifest = await readBack(ctx, expected, platforms);
    const out = await applyTags(ctx, plan, manifest);
    return done(out, out.map((t) => `${t.tag} ${t.action}`).join(", "));
  });
  return { status: "published", repository: target.reference, digest: expected.digest, platforms: expected.platforms, tags, plan, retries: stats };
}
export {
  MERGE_STEPS,
  dryRunIndex,
  imagetoolsCreateArgs,
  mergeConnector,
  selectRecords
};
