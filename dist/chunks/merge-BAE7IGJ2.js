import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  readDigestRecord
} from "./chunk-ZS7UY3DU.js";
import {
  applyTags,
  compareImages,
  indexFactsFromBytes,
  readBack
} from "./chunk-D4RCFRR7.js";
import "./chunk-CZB5YCAC.js";
import {
  imagetoolsInspect,
  indexFacts
} from "./chunk-ZYXUZAKQ.js";
import {
  RegistryClient,
  newRetryStats,
  resolveCredentials,
  resolveTarget,
  retryPolicy,
  withRetry
} from "./chunk-GAJOUQT7.js";
import {
  planTags
} from "./chunk-HNY25XOR.js";
import "./chunk-4MGVUHVB.js";
import {
  docker
} from "./chunk-PGIYBAEJ.js";
import "./chunk-63PP2PAZ.js";
import "./chunk-HSWBEYPK.js";
import "./chunk-OCQSVPUE.js";
import {
  loadConnector
} from "./chunk-FGC2GAOX.js";
import "./chunk-GOICV6JM.js";
import "./chunk-BE5EM6RG.js";
import {
  BcError,
  badInput,
  failed,
  refused
} from "./chunk-XOYO7HYX.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-HTCQJELU.js";
import "./chunk-BPUH7USV.js";
import "./chunk-YXWD64HT.js";
import {
  init_define_BC_HELP
} from "./chunk-CDVMQLRB.js";

// src/monorepo/merge.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
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
  return { bytes, digest: `sha256:${createHash("sha256").update(bytes).digest("hex")}` };
}
function imagetoolsCreateArgs(target, sources) {
  return ["buildx", "imagetools", "create", ...target ? ["-t", target] : ["--dry-run"], ...sources];
}
async function mergeConnector(dir, opts) {
  const log = opts.log ?? ((l) => void process.stderr.write(`${l}
`));
  if (opts.digests.length === 0) throw badInput("--digests: give at least one digest record file");
  const c = await loadConnector(dir);
  const target = resolveTarget(c, { registry: opts.registry, repository: opts.repository });
  const platforms = opts.platforms ?? c.options.platforms ?? [...DEFAULT_PLATFORMS];
  const records = await Promise.all(opts.digests.map(async (file) => ({ file, record: await readDigestRecord(file) })));
  const { byPlatform, ignored } = selectRecords(records, { dirName: c.dirName, repository: c.repository, version: target.version, platforms });
  for (const i of ignored) log(`ignored ${i}`);
  const sources = [];
  for (const [platform, r] of byPlatform) {
    const raw = await imagetoolsInspect(r.ref);
    if (!raw) throw failed(`${platform}: ${r.ref} is not in the registry`, ["fix: re-run that platform job (the push by digest did not land)", "nothing was tagged"], "merge");
    const facts = indexFacts(raw);
    const has = raw.manifest.manifests ? facts.manifests.find((m) => m.platform === platform)?.digest : raw.manifest.digest;
    if (has !== r.manifest) {
      throw failed(`${platform}: ${r.ref} holds ${has ?? "no such platform"}, the record says ${r.manifest}`, ["nothing was tagged"], "merge");
    }
    sources.push(r.ref);
  }
  const dry = await docker(imagetoolsCreateArgs(void 0, sources), { step: "merge: imagetools create --dry-run", timeoutMs: 5 * 6e4 });
  const index = dryRunIndex(dry.stdout);
  const expected = indexFactsFromBytes(index.digest, index.bytes);
  if (!expected) throw failed("imagetools create --dry-run did not print an image index", [dry.stdout.slice(0, 300)], "merge");
  for (const [p, r] of byPlatform) {
    if (expected.platforms[p] !== r.manifest) throw failed(`the merged index has ${expected.platforms[p] ?? "no"} ${p} image, expected ${r.manifest}`, [], "merge");
  }
  const stats = newRetryStats();
  const credentials = await resolveCredentials(target.registry);
  const client = new RegistryClient(target.registry, { credentials, retry: retryPolicy(opts.retries), stats, onRetry: log });
  const ctx = { client, registry: target.registry, repo: target.repo, retry: retryPolicy(opts.retries), stats, log };
  const existingTags = await client.listTags(target.repo);
  const plan = planTags({ repository: target.reference, version: target.version, existingTags, aliases: opts.aliases, latest: opts.latest, versionSource: target.versionSource });
  const current = await client.getManifest(target.repo, target.version);
  if (current) {
    const same = compareImages(indexFactsFromBytes(current.digest, current.bytes), current.digest, expected);
    if (same.same) {
      log(`${target.reference}:${target.version} is already this image (${same.how}); nothing to do`);
      return { status: "already-published", repository: target.reference, digest: current.digest, version: target.version, how: same.how };
    }
    if (!opts.force) {
      throw refused(`version ${target.version} already published as ${current.digest} (${same.why})`, [
        `fix: bump data.dockerImageTag in metadata.yaml, or pass --force to overwrite ${target.reference}:${target.version}`,
        "nothing was tagged"
      ]);
    }
    log(`WARNING: --force: ${target.reference}:${target.version} (${current.digest}) will be overwritten`);
  }
  if (opts.dryRun) return { status: "dry-run", repository: target.reference, digest: index.digest, platforms: expected.platforms, plan };
  const byDigest = `${target.reference}@${index.digest}`;
  log(`create index (no tag): ${byDigest}`);
  await withRetry(
    async () => {
      const res = await docker(imagetoolsCreateArgs(byDigest, sources), { allowFailure: true, step: "merge: imagetools create", timeoutMs: 5 * 6e4 });
      if (res.exitCode !== 0) {
        throw new BcError("environment", `imagetools create ${byDigest} failed (exit ${res.exitCode})`, {
          step: "merge",
          details: [...res.stderr.trim().split("\n").slice(-5), "nothing was tagged"]
        });
      }
    },
    { what: "imagetools create", policy: retryPolicy(opts.retries), stats, onRetry: (i) => log(`retry imagetools create (${i.fault.reason}) in ${i.delayMs} ms`) }
  );
  const manifest = await readBack(ctx, expected, platforms);
  const tags = await applyTags(ctx, plan, manifest);
  return { status: "published", repository: target.reference, digest: manifest.digest, platforms: expected.platforms, tags, plan, retries: stats };
}
export {
  dryRunIndex,
  imagetoolsCreateArgs,
  mergeConnector,
  selectRecords
};
