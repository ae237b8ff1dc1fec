import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  applyTags,
  compareImages,
  indexFactsFromBytes,
  pushByDigest,
  readBack
} from "./chunk-YB6ZSJIN.js";
import {
  ensureLocalRegistry,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-4G3YS57C.js";
import {
  DEFAULT_GIT_TAG_FORMAT,
  formatGitTag
} from "./chunk-T4NYGJPW.js";
import {
  planTags
} from "./chunk-PMZDP7EX.js";
import "./chunk-7ZC2INUM.js";
import "./chunk-BA42H56J.js";
import {
  verifyImage
} from "./chunk-BPDW65IA.js";
import "./chunk-3C7FQ4VG.js";
import {
  RegistryClient,
  newRetryStats,
  privateAuthFile,
  readStdinPassword,
  resolveCredentials,
  resolveTarget,
  retryPolicy,
  splitRepository,
  withRetry
} from "./chunk-E6TXQRZU.js";
import "./chunk-ZWG57TMJ.js";
import {
  parsePublishConfig,
  publishRequestOf
} from "./chunk-7JSNI2LE.js";
import {
  buildOciArchive,
  formatFindings
} from "./chunk-CCIVOFPO.js";
import {
  writeLayoutTar
} from "./chunk-YFXFELDP.js";
import "./chunk-I3P7BAE6.js";
import "./chunk-KUEU47YF.js";
import {
  createAnnotatedTag,
  headSha,
  listChangedFiles,
  pushTag,
  repoRoot
} from "./chunk-HLABXXTJ.js";
import {
  lintDockerfile
} from "./chunk-S7XNTR7J.js";
import {
  action,
  collect
} from "./chunk-36SEYKHO.js";
import {
  resolvePlan
} from "./chunk-KZHML7GL.js";
import "./chunk-HTAJS5Q3.js";
import {
  loadConnector
} from "./chunk-VDZCJ54U.js";
import "./chunk-F4ZLNMK7.js";
import "./chunk-J7A4ZPCX.js";
import {
  connectorVerifyDefaults
} from "./chunk-XKN3CKZ7.js";
import "./chunk-2OG2YJHP.js";
import {
  signImage
} from "./chunk-IXFRHY46.js";
import "./chunk-OHVEKVYH.js";
import "./chunk-WGJDIMU2.js";
import "./chunk-IKOLV254.js";
import {
  docker
} from "./chunk-DV5U53WV.js";
import "./chunk-O2TNV3EK.js";
import {
  onCleanup
} from "./chunk-GQG4KOFT.js";
import "./chunk-EOVLSTFT.js";
import {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  toBcError
} from "./chunk-G6GUSTSF.js";
import {
  init_define_BC_HELP
} from "./chunk-IOSLR57L.js";

// src/commands/publish.ts
init_define_BC_HELP();

// src/pipeline.ts
init_define_BC_HELP();
import { rm as rm2 } from "node:fs/promises";

// src/publish/result.ts
init_define_BC_HELP();
function exitCodeOf(r) {
  switch (r.result) {
    case "published":
    case "already-published":
    case "dry-run":
      return ExitCode.ok;
    case "refused":
      return ExitCode.refused;
    case "failed":
      return r.exitCode;
  }
}
var secs = (ms) => `${(ms / 1e3).toFixed(1)} s`;
var ATTESTATION_NOTE = "the index also lists provenance attestation manifests whose platform shows as unknown/unknown: they are build records (SLSA provenance), not images, and `docker pull` ignores them";
function formatResult(r) {
  const lines = [];
  const steps = r.steps.map((s) => `  ${s.status === "done" ? "\u2713" : s.status === "skipped" ? "-" : "\u2717"} ${s.step.padEnd(8)} ${secs(s.durationMs).padStart(7)}  ${s.reason ?? ""}`.trimEnd());
  switch (r.result) {
    case "published":
      lines.push(`published ${r.repository}@${r.digest}`);
      lines.push(`  platforms: ${r.platforms.join(", ")}${r.attestations ? ` (+${r.attestations} attestation manifests)` : ""}`);
      for (const t2 of r.tags) lines.push(`  tag ${t2.ref} (${t2.action})`);
      for (const s of r.skippedTags) lines.push(`  not tagged ${s.tag}: ${s.reason}`);
      lines.push(`  pushed: ${r.push.blobsUploaded} blobs uploaded (${(r.push.bytesUploaded / 1e6).toFixed(1)} MB), ${r.push.blobsMounted} mounted, ${r.push.blobsPresent} already present; ${r.push.manifestsWritten} manifests written`);
      if (r.signed) lines.push("  signed with cosign (index digest)");
      if (r.gitTag) lines.push(`  git tag ${r.gitTag.name} ${r.gitTag.created ? "created" : "already there"}${r.gitTag.pushed ? ", pushed" : ""}`);
      break;
    case "already-published":
      lines.push(`already published: ${r.repository}:${r.version} is ${r.digest} (same ${r.sameBy}); nothing pushed`);
      break;
    case "refused":
      lines.push(`refused: ${r.reason}`);
      break;
    case "failed":
      lines.push(`failed at ${r.step}: ${r.reason}`);
      break;
    case "dry-run":
      lines.push(`dry run: built and verified ${r.digest} (${r.platforms.join(", ")}); nothing pushed or tagged`);
      lines.push(`  a real run would be: ${r.wouldBe}`);
      for (const t2 of r.plan.tags) lines.push(`  would tag ${r.repository}:${t2.tag} \u2014 ${t2.reason}`);
      for (const s of r.plan.skipped) lines.push(`  would not tag ${s.tag} \u2014 ${s.reason}`);
      break;
  }
  lines.push("steps:", ...steps);
  if (r.faults.total > 0) lines.push(`registry faults retried: ${r.faults.total} (${Object.entries(r.faults.byReason).map(([k, v]) => `${k}: ${v}`).join(", ")})`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join("\n");
}

// src/publish/steps.ts
init_define_BC_HELP();
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
var Stop = class {
  constructor(result) {
    this.result = result;
  }
  result;
};
async function resolveStep(s, policy, stats) {
  const { req } = s;
  if (req.retries !== void 0 && (!Number.isInteger(req.retries) || req.retries < 1 || req.retries > 20)) throw badInput(`--retries must be an integer 1..20, got ${req.retries}`);
  s.connector = await loadConnector(req.dir);
  const registry = req.registry === "local" ? await ensureLocalRegistry(s.log) : req.registry;
  s.target = resolveTarget(s.connector, { registry, repository: req.repository, target: req.target, version: req.version });
  s.notes.push(...s.target.notes);
  if (req.dev || req.gitTag) {
    s.commit = await headSha(s.connector.dir);
  }
  if (req.gitTag) {
    const root = await repoRoot(s.connector.dir);
    const rel = relative(root, s.connector.dir);
    const dirty = (await listChangedFiles(root, "HEAD", { includeUncommitted: true })).filter((f) => rel === "" || f === rel || f.startsWith(`${rel}/`));
    if (dirty.length > 0) {
      throw badInput(`--git-tag: ${rel || "."} has uncommitted changes, so the image would not be the tagged commit`, [
        ...dirty.slice(0, 5).map((f) => `changed: ${f}`),
        "fix: commit (or stash) the changes first"
      ]);
    }
  }
  if (req.signKey) {
    await stat(req.signKey).catch(() => {
      throw badInput(`--sign-key ${req.signKey}: file not found`);
    });
  }
  s.creds = await resolveCredentials(s.target.registry, { username: req.username, passwordStdin: req.password });
  s.client = new RegistryClient(s.target.registry, {
    credentials: s.creds,
    retry: policy,
    stats,
    onRetry: (l) => s.log(`registry: ${l}`)
  });
  try {
    await s.client.ping();
  } catch (err) {
    const e = toBcError(err);
    if (e.kind === "environment") throw e;
    throw envMissing(`registry ${s.target.registry} is unreachable: ${e.message}`, ["fix: start the registry, check --registry, or use --registry local"]);
  }
  const tags = await s.client.listTags(s.target.repo);
  s.tagPlan = planTags({
    repository: s.target.reference,
    version: s.target.version,
    versionSource: s.target.versionSource,
    existingTags: tags,
    aliases: req.aliases,
    latest: req.latest,
    ...req.dev && s.commit ? { dev: { sha: s.commit } } : {}
  });
  const versionTag = s.tagPlan.tags[0].tag;
  if (tags.includes(versionTag)) {
    const m = await s.client.getManifest(s.target.repo, versionTag);
    if (m) s.existing = { digest: m.digest, facts: indexFactsFromBytes(m.digest, m.bytes) };
  }
  if (s.creds && req.signKey) s.authDir = (await privateAuthFile(s.target.registry, s.creds)).dir;
  return `${s.target.reference}:${versionTag}; ${tags.length} tags in the repository${s.existing ? `; ${versionTag} exists (${s.existing.digest.slice(0, 19)})` : ""}${s.creds ? `; credentials from ${s.creds.source}` : ""}`;
}
async function renderStep(s) {
  s.plan = await resolvePlan(s.connector.dir, { baseImage: s.req.baseImage, platforms: s.req.platforms });
  return `${s.plan.mode} Dockerfile, base ${s.plan.baseImage}, platforms ${s.plan.platforms.join(", ")}`;
}
async function lintStep(s) {
  const plan = s.plan;
  const file = plan.dockerfilePath ?? join(plan.context, "Dockerfile (rendered)");
  const findings = lintDockerfile(plan.dockerfile, file, { permittedWriteDirs: plan.permittedWriteDirs, dockerignore: plan.dockerignore, buildArgs: s.req.buildArgs });
  if (findings.length > 0) s.hooks.onLintFindings?.(findings);
  const errors = findings.filter((f) => f.severity === "error" || f.fatal === true);
  if (errors.length > 0) throw new BcError("failed", `lint: ${errors.length} error(s) in ${file}; nothing was built`, { step: "lint", details: formatFindings(findings) });
  for (const l of formatFindings(findings)) s.log(`warning: ${l}`);
  return `${findings.length} warning(s)`;
}
async function buildStep(s) {
  const { req } = s;
  s.work = await mkdtemp(join(tmpdir(), "bc-publish-"));
  const work = s.work;
  onCleanup(() => rm(work, { recursive: true, force: true }));
  const archive = join(s.work, "image.oci");
  s.build = await buildOciArchive(s.plan, archive, {
    platforms: s.plan.platforms,
    buildArgs: { ...s.plan.buildArgs, ...req.buildArgs },
    cacheFrom: req.cacheFrom,
    cacheTo: req.cacheTo,
    provenance: req.provenance ?? "min",
    // tags inside the archive: what `docker load` names the image for verify
    tags: [verifyRef(s)],
    lint: false,
    progress: "plain",
    write: (text) => {
      for (const line of text.split("\n")) if (line.trim() !== "") s.log(line);
    },
    ...req.sourceDateEpoch !== void 0 ? { sourceDateEpoch: req.sourceDateEpoch } : {}
  }, "dir");
  const b = s.build;
  s.built = {
    digest: b.digest,
    platforms: Object.fromEntries(b.manifests.map((m) => [m.platform, m.digest])),
    attestations: b.attestations ?? 0
  };
  if (!b.reproducible.manifests) s.notes.push(`digests are not reproducible with this builder: ${b.reproducible.reason}; re-publishing unchanged code will be refused as "changed"`);
  const missing = s.plan.platforms.filter((p) => !s.built.platforms[p]);
  if (missing.length > 0) throw new BcError("failed", `the build lacks ${missing.join(", ")}`, { step: "build" });
  const versionTag = s.tagPlan.tags[0].tag;
  if (s.existing) {
    const same = compareImages(s.existing.facts, s.existing.digest, s.built);
    if (same.same) {
      if (same.how === "platform images") s.notes.push("the per-platform images are identical; only the provenance record differs (it records the build id)");
      const pending = [];
      for (const t2 of s.tagPlan.tags.slice(1)) {
        if ((await s.client.headManifest(s.target.repo, t2.tag))?.digest !== s.existing.digest) pending.push(t2.tag);
      }
      if (pending.length === 0) throw new Stop({ result: "already-published", digest: s.existing.digest, sameBy: same.how, builtDigest: b.digest });
      s.resume = true;
      s.built = s.existing.facts ?? s.built;
      s.notes.push(`resumed an interrupted publish: ${versionTag} already is ${s.existing.digest}; finishing ${pending.join(", ")}`);
      return `same images as the published ${versionTag}; ${pending.join(", ")} still to tag`;
    }
    const reason = `version ${versionTag} already published as ${s.existing.digest}; bump dockerImageTag or pass --force`;
    if (!req.force) {
      if (req.dryRun) s.notes.push(`a real run would be refused: ${reason}`);
      else throw new Stop({ result: "refused", reason, existingDigest: s.existing.digest, builtDigest: b.digest });
    } else {
      s.forced = true;
      s.log("");
      s.log(`!!! --force: ${s.target.reference}:${versionTag} (${s.existing.digest}) WILL BE OVERWRITTEN with ${b.digest} (${same.why}) !!!`);
      s.log("");
      s.notes.push(`--force: ${versionTag} was ${s.existing.digest} (${same.why})`);
    }
  }
  return `${b.digest} (${b.platforms.join(", ")}; SOURCE_DATE_EPOCH=${b.sourceDateEpoch} from ${b.sourceDateEpochFrom}; ${b.reproducible.index ? "reproducible" : b.reproducible.manifests ? "per-platform images reproducible" : "not reproducible"})`;
}
function verifyRef(s) {
  return `build-connector-publish/${s.connector.dirName}:${process.pid}-${Date.now().toString(36)}`.toLowerCase();
}
async function verifyStep(s) {
  if (s.resume) {
    if (s.req.dryRun) throw new Stop({ result: "dry-run", digest: s.built.digest, platforms: Object.keys(s.built.platforms), plan: s.tagPlan, wouldBe: "published" });
    return { skip: `same images as the published ${s.tagPlan.version}, verified when it was published` };
  }
  const layout = s.build.ociArchive;
  const archive = `${layout}.tar`;
  await writeLayoutTar(layout, archive);
  const loaded = await docker(["load", "-i", archive], { step: "verify", timeoutMs: 20 * 6e4 });
  await rm(archive, { force: true });
  const name = /Loaded image:\s*(\S+)/.exec(loaded.stdout)?.[1] ?? s.build.tags[0];
  if (!name) throw new BcError("failed", "docker load did not name the loaded image", { step: "verify", details: [loaded.stdout.trim()] });
  try {
    const defaults = await connectorVerifyDefaults(s.connector, { config: s.req.configFile });
    const report = await verifyImage(name, {
      ...defaults,
      platforms: s.plan.platforms,
      // a custom Dockerfile need not carry our labels
      expectedLabels: s.plan.mode === "rendered" ? defaults.expectedLabels : void 0,
      onProgress: (l) => s.log(l)
    });
    s.hooks.onVerifyReport?.(report);
    const failedChecks = report.checks.filter((c) => c.status === "fail");
    if (failedChecks.length > 0) {
      throw new BcError("failed", `verify: ${failedChecks.length} check(s) failed; nothing was pushed`, {
        step: "verify",
        details: failedChecks.map((c) => `${c.platform} ${c.id}: ${c.message}${c.fix ? ` (fix: ${c.fix})` : ""}`)
      });
    }
    const passed = report.checks.filter((c) => c.status === "pass").length;
    if (s.req.dryRun) {
      const wouldBe = s.existing && !s.forced ? "refused" : "published";
      throw new Stop({
        result: "dry-run",
        digest: s.built.digest,
        platforms: Object.keys(s.built.platforms),
        plan: s.tagPlan,
        wouldBe
      });
    }
    return `${passed} checks passed on ${report.platforms.join(", ")}`;
  } finally {
    await docker(["image", "rm", name], { allowFailure: true });
  }
}
async function publishStep(s) {
  if (s.resume) return { skip: `already in the registry as ${s.built.digest}` };
  const ctx = applyContext(s);
  const t2 = s.target;
  const base = splitRepository(s.plan.baseImage.split("@")[0].replace(/:[^/]*$/, ""));
  const mountFrom = base.registry === t2.registry ? [base.path] : [];
  s.pushStats = await pushByDigest(ctx, s.build.ociArchive, s.built.digest, mountFrom);
  await readBack(ctx, s.built, s.plan.platforms);
  if (s.req.signKey) {
    const ref = `${t2.reference}@${s.built.digest}`;
    await withRetry(() => signImage({ ref, keyFile: s.req.signKey, ...s.authDir ? { dockerConfigDir: s.authDir } : {} }), {
      what: `sign ${ref}`,
      policy: ctx.retry,
      stats: ctx.stats,
      onRetry: ({ attempt, fault, delayMs }) => s.log(`sign: ${fault.reason}, retry ${attempt} in ${(delayMs / 1e3).toFixed(1)} s`)
    });
    s.signed = true;
  }
  const p = s.pushStats;
  return `pushed by digest (${p.blobsUploaded} uploaded, ${p.blobsMounted} mounted, ${p.blobsPresent} present; ${p.manifestsWritten} manifests); read back: digest and ${s.plan.platforms.length} platforms match${s.signed ? "; signed" : ""}`;
}
async function tagStep(s) {
  const ctx = applyContext(s);
  const manifest = await readBack(ctx, s.built, s.plan.platforms);
  s.tags = await applyTags(ctx, s.tagPlan, manifest);
  if (s.req.gitTag) {
    const c = s.connector;
    const name = formatGitTag(s.req.gitTagFormat ?? DEFAULT_GIT_TAG_FORMAT, c.dirName, s.tagPlan.version);
    const root = await repoRoot(c.dir);
    const created = await createAnnotatedTag(root, name, `${t(s)}:${s.tagPlan.version}

${s.built.digest}`, { sha: s.commit });
    let pushed = false;
    if (s.req.pushGitTag) {
      await pushTag(root, name, s.req.gitRemote ?? "origin");
      pushed = true;
    }
    s.gitTag = { name, created: created === "created", pushed };
  }
  return s.tags.map((x) => `${x.tag} ${x.action}`).join(", ") + (s.gitTag ? `; git tag ${s.gitTag.name}` : "");
}
var t = (s) => s.target.reference;
function applyContext(s) {
  return {
    client: s.client,
    registry: s.target.registry,
    repo: s.target.repo,
    retry: retryPolicy(s.req.retries),
    stats: s.stats ?? newRetryStats(),
    log: s.log
  };
}

// src/pipeline.ts
async function runPublish(req, hooks = {}) {
  const log = hooks.log ?? ((l) => void process.stderr.write(`${l}
`));
  const s = { req, log, hooks, signed: false, forced: false, notes: [] };
  const stats = newRetryStats();
  s.stats = stats;
  const records = [];
  const policy = retryPolicy(req.retries);
  const common = () => ({
    dir: s.connector?.dir ?? req.dir,
    repository: s.target?.reference ?? "",
    version: s.tagPlan?.version ?? s.target?.version ?? "",
    steps: records,
    durations: Object.fromEntries(records.map((r) => [r.step, Math.round(r.durationMs)])),
    notes: s.notes,
    faults: { total: stats.total, byReason: stats.retried }
  });
  const steps = [
    ["resolve", () => resolveStep(s, policy, stats)],
    ["render", () => renderStep(s)],
    ["lint", () => lintStep(s)],
    ["build", () => buildStep(s)],
    ["verify", () => verifyStep(s)],
    ["publish", () => publishStep(s)],
    ["tag", () => tagStep(s)]
  ];
  try {
    for (const [name, fn] of steps) {
      hooks.onStep?.(name, "start");
      const t0 = performance.now();
      try {
        const out = await fn();
        const rec = typeof out === "string" ? { step: name, status: "done", reason: out, durationMs: performance.now() - t0 } : { step: name, status: "skipped", reason: out.skip, durationMs: performance.now() - t0 };
        records.push(rec);
        hooks.onStep?.(name, rec.status, rec.reason);
      } catch (err) {
        if (err instanceof Stop) {
          records.push({ step: name, status: "done", reason: err.result.result, durationMs: performance.now() - t0 });
          for (const [rest] of steps.slice(steps.findIndex(([n]) => n === name) + 1)) {
            records.push({ step: rest, status: "skipped", reason: err.result.result === "dry-run" ? "--dry-run" : err.result.result, durationMs: 0 });
          }
          return { ...err.result, ...common() };
        }
        const e = toBcError(err);
        records.push({ step: name, status: "failed", reason: e.message, durationMs: performance.now() - t0 });
        hooks.onStep?.(name, "failed", e.message);
        return { ...common(), result: "failed", step: name, reason: e.message, details: e.details, exitCode: e.exitCode };
      }
    }
    if (!s.build || !s.built || !s.tagPlan || !s.target) throw new BcError("failed", "internal error: pipeline finished without a build");
    if (s.build.attestations) s.notes.push(ATTESTATION_NOTE);
    return {
      ...common(),
      result: "published",
      digest: s.built.digest,
      platforms: Object.keys(s.built.platforms),
      platformDigests: s.built.platforms,
      attestations: s.built.attestations,
      tags: (s.tags ?? []).map((t2) => ({ ...t2, ref: `${s.target.reference}:${t2.tag}` })),
      skippedTags: s.tagPlan.skipped,
      push: s.pushStats ?? { blobsUploaded: 0, blobsMounted: 0, blobsPresent: 0, bytesUploaded: 0, manifestsWritten: 0, manifestsPresent: 0 },
      signed: s.signed,
      ...s.gitTag ? { gitTag: s.gitTag } : {},
      forced: s.forced
    };
  } finally {
    if (s.work) await rm2(s.work, { recursive: true, force: true });
    if (s.authDir) await rm2(s.authDir, { recursive: true, force: true });
  }
}

// src/commands/publish.ts
function provenanceFlag(v) {
  if (v === "min" || v === "max") return v;
  if (v === "false" || v === "none") return false;
  throw badInput(`--provenance must be min, max or false, got "${v}"`);
}
function register(program) {
  tagPlanOptions(program.command("publish [dir]")).description("build both platforms, verify every platform, push by digest, read back, then tag (version first, latest last); versions are immutable").option("--platform <list>", "platforms (default: the connector's, else linux/amd64,linux/arm64)").option("--base-image <ref>", "replace the base image").option("--config <file>", "config for check/discover/read during verify (default DIR/secrets/config.json)").option("--build-arg <KEY=VALUE>", "build argument (repeatable)", collect).option("--cache-from <spec>", "buildx cache source (repeatable)", collect).option("--cache-to <spec>", "buildx cache destination (repeatable)", collect).option("--dry-run", "build and verify, print the plan; push and tag nothing").option("--force", "overwrite an existing version that has another digest (logged loudly)").option("--provenance <mode>", "provenance attestation: min, max or false", "min").option("--sign-key <file>", "cosign-sign the index digest with this key (password in COSIGN_PASSWORD)").option("--git-tag", "create the annotated git tag <connector-dir>/v<version> at the built commit after success").option("--git-tag-format <format>", "git tag format ({dir}, {version})", DEFAULT_GIT_TAG_FORMAT).option("--push-git-tag", "push the git tag to origin (implies --git-tag)").option("--password-stdin", "read the registry password from stdin (else BUILD_CONNECTOR_PASSWORD; never a flag)").action(
    action(async (out, _g, dir, f) => {
      const config = parsePublishConfig({
        connectors: [dir ?? "."],
        platforms: f.platform,
        baseImage: f.baseImage,
        cacheFrom: f.cacheFrom,
        cacheTo: f.cacheTo,
        buildArgs: f.buildArg,
        configFile: f.config,
        registry: f.registry,
        repository: f.repository,
        username: f.username,
        dryRun: f.dryRun === true,
        force: f.force === true,
        latest: f.latest,
        aliases: f.aliases === true,
        dev: f.dev === true,
        signKey: f.signKey
      });
      const req = {
        ...publishRequestOf(dir ?? ".", config, { version: f.releaseVersion }),
        // CLI-only knobs (the Action fixes these)
        target: targetFlag(f.target),
        provenance: provenanceFlag(f.provenance),
        gitTag: f.gitTag === true || f.pushGitTag === true,
        gitTagFormat: f.gitTagFormat,
        pushGitTag: f.pushGitTag === true,
        retries: retriesFlag(f.retries)
      };
      if (f.passwordStdin) req.password = await readStdinPassword();
      const result = await runPublish(req, {
        log: (l) => out.info(l),
        onStep: (step, status, reason) => {
          if (status === "start") out.info(`== ${step}`);
          else if (status === "skipped") out.info(`-- ${step} skipped: ${reason ?? ""}`);
        }
      });
      out.result(result, () => formatResult(result));
      if (result.result === "failed" && !out.json) {
        process.stderr.write(`error: ${result.reason}
${result.details.map((d) => `  ${d}
`).join("")}`);
      }
      return exitCodeOf(result);
    })
  );
}
export {
  register
};
