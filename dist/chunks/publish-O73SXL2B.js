import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-JAYHDQM7.js";
import {
  DEFAULT_GIT_TAG_FORMAT,
  formatGitTag
} from "./chunk-WDAUOQZB.js";
import "./chunk-DQN7SBCF.js";
import {
  applyTags,
  compareImages,
  indexFactsFromBytes,
  pushByDigest,
  readBack
} from "./chunk-XLIHIC7U.js";
import "./chunk-RWUGHH3X.js";
import "./chunk-YIPSQOZM.js";
import {
  ensureLocalRegistry
} from "./chunk-BZF6FL3C.js";
import {
  planTags
} from "./chunk-DGZP5WY6.js";
import {
  resolveTarget,
  splitRepository
} from "./chunk-OR3PVGYZ.js";
import "./chunk-NXPE5KVL.js";
import {
  StepError,
  buildFacts,
  buildKnobs,
  buildStep,
  capabilitiesFor,
  lintStep,
  renderStep,
  untag,
  verifyStep,
  workDir
} from "./chunk-2NTQSC74.js";
import {
  defaultLog
} from "./chunk-JOE4O76H.js";
import "./chunk-A7HEH5LZ.js";
import "./chunk-OYDLXYS5.js";
import {
  RegistryClient,
  newRetryStats,
  registryPreflight,
  retryPolicy,
  withRetry
} from "./chunk-HNWR5ZL6.js";
import "./chunk-ICYM5BAL.js";
import "./chunk-Q7NDHZ2H.js";
import {
  signImage
} from "./chunk-YIINQZUO.js";
import "./chunk-6KEW7YSU.js";
import {
  parsePublishConfig,
  publishRequestOf
} from "./chunk-SWWDZMWL.js";
import {
  resolveCredentials,
  toolAuth
} from "./chunk-PLLRDQ7S.js";
import "./chunk-CJNPPTT2.js";
import "./chunk-RKZ7QWRK.js";
import "./chunk-3WTKKLMR.js";
import "./chunk-SY2HX7B5.js";
import "./chunk-2V6TITHN.js";
import {
  Pipeline,
  StepFailure,
  done,
  skip
} from "./chunk-KQSEGK2J.js";
import "./chunk-M6ZQ3FQ4.js";
import "./chunk-PGUDD2T7.js";
import "./chunk-R2AGHTMK.js";
import {
  createAnnotatedTag,
  headSha,
  listChangedFiles,
  pushTag,
  repoRoot
} from "./chunk-TC2BRTU6.js";
import "./chunk-FGNXK54K.js";
import "./chunk-MTXBWW3F.js";
import "./chunk-R5RVLK2O.js";
import "./chunk-G44WSTAN.js";
import {
  loadConnector
} from "./chunk-ER4JP5BU.js";
import "./chunk-TD526ZK6.js";
import "./chunk-ZYH5R5FA.js";
import "./chunk-ZY7CTMHJ.js";
import {
  checkInputFile
} from "./chunk-EHNW6LQR.js";
import "./chunk-ABYH3ITZ.js";
import "./chunk-3CSLZISE.js";
import "./chunk-VFM347UL.js";
import {
  action,
  buildInputOptions,
  buildInputsOf,
  credentialOptions,
  loginFromFlags,
  parseProvenanceFlag
} from "./chunk-DTF3IE5Z.js";
import "./chunk-LY74QNZY.js";
import {
  ExitCode,
  badInput
} from "./chunk-MATTDRBK.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/commands/publish.ts
init_define_BC_HELP();

// src/core/flows/publish.ts
init_define_BC_HELP();
import { rm, stat } from "node:fs/promises";
import { relative } from "node:path";

// src/core/result.ts
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
var ATTESTATION_NOTE = "the index also lists provenance attestation manifests whose platform shows as unknown/unknown: they are build records (SLSA provenance), not images, and `docker pull` ignores them";

// src/core/flows/publish.ts
var PUBLISH_STEPS = ["resolve", "render", "lint", "build", "verify", "sbom", "push", "tag"];
async function resolve(req, log, stats) {
  if (req.retries !== void 0 && (!Number.isInteger(req.retries) || req.retries < 1 || req.retries > 20)) throw badInput(`retries must be an integer 1..20, got ${req.retries}`);
  const connector = await loadConnector(req.dir);
  const registry = req.registry === "local" ? await ensureLocalRegistry(log) : req.registry;
  const target = resolveTarget(connector, { registry, repository: req.repository, target: req.target, version: req.version });
  const commit = req.dev || req.gitTag ? await headSha(connector.dir) : void 0;
  if (req.gitTag) {
    const root = await repoRoot(connector.dir);
    const rel = relative(root, connector.dir);
    const dirty = (await listChangedFiles(root, "HEAD", { includeUncommitted: true })).filter((f) => rel === "" || f === rel || f.startsWith(`${rel}/`));
    if (dirty.length > 0) {
      throw badInput(`git tag: ${rel || "."} has uncommitted changes, so the image would not be the tagged commit`, [
        ...dirty.slice(0, 5).map((f) => `changed: ${f}`),
        "fix: commit (or stash) the changes first"
      ]);
    }
  }
  if (req.configFile) await checkInputFile(req.configFile, { kind: "config JSON", fix: "fix: pass an existing regular file" });
  if (req.signKey) {
    await stat(req.signKey).catch(() => {
      throw badInput(`signing key ${req.signKey}: file not found`);
    });
  }
  const creds = await resolveCredentials(target.registry, { username: req.username, password: req.password });
  const client = new RegistryClient(target.registry, { credentials: creds, retry: retryPolicy(req.retries), stats, onRetry: (l) => log(`registry: ${l}`) });
  await registryPreflight(client);
  const tags = await client.listTags(target.repo);
  const tagPlan = planTags({
    repository: target.reference,
    version: target.version,
    versionSource: target.versionSource,
    existingTags: tags,
    aliases: req.aliases,
    latest: req.latest,
    ...req.dev && commit ? { dev: { sha: commit } } : {}
  });
  const versionTag = tagPlan.tags[0]?.tag ?? target.version;
  let existing;
  if (tags.includes(versionTag)) {
    const m = await client.getManifest(target.repo, versionTag);
    if (m) existing = { digest: m.digest, facts: indexFactsFromBytes(m.digest, m.bytes) };
  }
  const generator = req.sbom ? await (await import("./trivy-L2AJQGSP.js")).locateGenerator({ log }) : void 0;
  const authDir = req.signKey ? (await toolAuth(target.registry, creds))?.dir : void 0;
  const r = { connector, target, client, tagPlan, notes: [...target.notes], ...existing ? { existing } : {}, ...commit ? { commit } : {}, ...authDir ? { authDir } : {}, ...generator ? { generator } : {} };
  return done(
    r,
    `${target.reference}:${versionTag}; ${tags.length} tags in the repository${existing ? `; ${versionTag} exists (${existing.digest.slice(0, 19)})` : ""}${creds ? `; credentials from ${creds.source}` : ""}${generator ? `; SBOM generator ${generator.source === "installed" ? "installed" : "found"}` : ""}`
  );
}
async function immutability(r, built) {
  if (!r.existing) return { kind: "new" };
  const same = compareImages(r.existing.facts, r.existing.digest, built);
  if (!same.same) return { kind: "changed", why: same.why };
  const pending = [];
  for (const t of r.tagPlan.tags.slice(1)) if ((await r.client.headManifest(r.target.repo, t.tag))?.digest !== r.existing.digest) pending.push(t.tag);
  return { kind: "same", how: same.how, pending };
}
async function makeSboms(j, platforms) {
  const { generateSboms } = await import("./generate-7H2HNWGG.js");
  const sboms = await generateSboms({
    generator: j.generator,
    layout: j.layout,
    platforms,
    work: j.work,
    repository: j.r.target.reference,
    version: j.r.tagPlan.version,
    created: j.created,
    ...j.r.connector.license ? { license: j.r.connector.license } : {},
    log: j.log
  });
  const summary = {
    format: "CycloneDX",
    generator: j.generator.name,
    platforms: Object.fromEntries(sboms.map((x) => [x.platform, { components: x.facts.components, ecosystems: x.facts.ecosystems, bytes: x.bytes.length }]))
  };
  return { sboms, summary };
}
async function attachSboms(j, sboms, summary) {
  const { attachReferrer } = await import("./referrers-N2R25MWE.js");
  const { SBOM_FORMAT } = await import("./generate-7H2HNWGG.js");
  const attached = [];
  for (const x of sboms) {
    const a = await attachReferrer(j.r.client, j.r.target.repo, x.subject, {
      artifactType: SBOM_FORMAT.mediaType,
      bytes: x.bytes,
      title: `sbom-${x.platform.replace(/\//g, "-")}.cdx.json`,
      annotations: { "org.opencontainers.image.created": j.created }
    });
    const entry = summary?.platforms[x.platform];
    if (entry) entry.referrer = { ...a, ref: `${j.r.target.reference}@${a.digest}` };
    attached.push(`${x.platform} (${a.via})`);
  }
  return attached;
}
async function withoutSbom(r, platforms) {
  const { findReferrers } = await import("./referrers-N2R25MWE.js");
  const { CYCLONEDX_MEDIA_TYPE } = await import("./cyclonedx-WWDMY767.js");
  const missing = {};
  for (const [p, d] of Object.entries(platforms)) if ((await findReferrers(r.client, r.target.repo, d, CYCLONEDX_MEDIA_TYPE)).length === 0) missing[p] = d;
  return missing;
}
async function runPublish(req, hooks = {}) {
  const log = hooks.log ?? defaultLog;
  const stats = newRetryStats();
  const run = new Pipeline(PUBLISH_STEPS, hooks);
  const notes = [];
  let resolved;
  let facts;
  let checks;
  let image;
  let sbom;
  const common = () => ({
    dir: resolved?.connector.dir ?? req.dir,
    repository: resolved?.target.reference ?? "",
    version: resolved?.tagPlan.version ?? resolved?.target.version ?? "",
    steps: run.records,
    durations: run.durations(),
    notes,
    faults: { total: stats.total, byReason: stats.retried },
    ...facts ? { build: facts } : {},
    ...checks ? { checks } : {},
    ...image ?? {},
    ...sbom ? { sbom } : {}
  });
  void capabilitiesFor(req.builder);
  const work = await workDir("bc-publish-");
  try {
    const r = await run.step("resolve", () => resolve(req, log, stats));
    resolved = r;
    notes.push(...r.notes);
    const versionTag = r.tagPlan.tags[0]?.tag ?? r.target.version;
    const { plan, epoch } = await run.step("render", () => renderStep(r.connector.dir, { baseImage: req.baseImage, platforms: req.platforms, sourceDateEpoch: req.sourceDateEpoch }));
    image = { labels: plan.labels, annotations: plan.annotations ?? [] };
    const warnings = await run.step("lint", () => lintStep(plan, req.buildArgs));
    if (warnings.length > 0) hooks.onLintFindings?.(warnings);
    const localName = `build-connector-publish/${r.connector.dirName}:${process.pid}-${Date.now().toString(36)}`.toLowerCase();
    let verdict = { kind: "new" };
    const built = await run.step("build", async () => {
      const out = await buildStep(plan, {
        platforms: plan.platforms,
        goal: "push",
        work: work.path,
        tags: [localName],
        ...buildKnobs(plan, req),
        progress: "plain",
        write: (text) => {
          for (const line of text.split("\n")) if (line.trim() !== "") log(line);
        },
        sourceDateEpochResolved: Promise.resolve(epoch)
      });
      const b = out.value;
      facts = buildFacts(b);
      if (!b.strategy.reproducible) notes.push(`digests are not reproducible with this builder (${b.strategy.kind} build on ${b.strategy.driver}); re-publishing unchanged code from another machine will be refused as "changed"`);
      verdict = await immutability(r, { digest: b.digest, platforms: b.platforms, attestations: b.attestations });
      return out;
    });
    const builtFacts = { digest: built.digest, platforms: built.platforms, attestations: built.attestations };
    const cleanupLocal = () => untag(built.strategy.pushFrom === "saved-images" ? built.result.tags : []);
    const created = new Date(epoch.value * 1e3).toISOString();
    const sbomJob = () => r.generator && built.layout ? { r, generator: r.generator, layout: built.layout, work: work.path, created, log } : void 0;
    let resume = false;
    if (verdict.kind === "same") {
      const existing = r.existing?.digest ?? built.digest;
      if (verdict.how === "platform images") notes.push("the per-platform images are identical; only the provenance record differs (it records the build id)");
      if (verdict.pending.length === 0) {
        await cleanupLocal();
        const job = sbomJob();
        const missing = job && !req.dryRun ? await withoutSbom(r, built.platforms) : {};
        if (job && Object.keys(missing).length > 0) {
          await run.step("verify", async () => skip(void 0, `same images as the published ${r.tagPlan.version}, verified when it was published`));
          const made = await run.step("sbom", async () => {
            const m = await makeSboms(job, missing);
            return done(m, `CycloneDX by ${job.generator.name} for the published images: ${m.sboms.map((x) => `${x.platform} ${x.facts.components} components`).join(", ")}`);
          });
          sbom = made.summary;
          await run.step("push", async () => done(void 0, `SBOM attached to ${(await attachSboms(job, made.sboms, sbom)).join(", ")}; the images were already there`));
          notes.push(`${versionTag} had no SBOM for ${Object.keys(missing).join(", ")}: attached now`);
        } else if (job) notes.push(`the published images already have their SBOMs${req.dryRun ? " (or a real run would add them)" : ""}`);
        run.finish(`already published as ${existing}`);
        return { ...common(), result: "already-published", digest: existing, sameBy: verdict.how, builtDigest: built.digest };
      }
      resume = true;
      notes.push(`resumed an interrupted publish: ${versionTag} already is ${existing}; finishing ${verdict.pending.join(", ")}`);
    }
    let forced = false;
    if (verdict.kind === "changed") {
      const existing = r.existing?.digest ?? "";
      const reason = `version ${versionTag} already published as ${existing}; bump dockerImageTag or force the overwrite`;
      if (!req.force) {
        if (req.dryRun) notes.push(`a real run would be refused: ${reason}`);
        else {
          await cleanupLocal();
          run.finish("refused");
          return { ...common(), result: "refused", reason, existingDigest: existing, builtDigest: built.digest };
        }
      } else {
        forced = true;
        log("");
        log(`!!! force: ${r.target.reference}:${versionTag} (${existing}) WILL BE OVERWRITTEN with ${built.digest} (${verdict.why}) !!!`);
        log("");
        notes.push(`forced: ${versionTag} was ${existing} (${verdict.why})`);
      }
    }
    const ctx = { client: r.client, registry: r.target.registry, repo: r.target.repo, retry: retryPolicy(req.retries), stats, log };
    const published = resume && r.existing?.facts ? r.existing.facts : builtFacts;
    try {
      await run.step("verify", async () => {
        if (resume) return skip(void 0, `same images as the published ${r.tagPlan.version}, verified when it was published`);
        const out = await verifyStep(plan, built, { configFile: req.configFile, name: localName, work: work.path, onProgress: log }).catch((err) => {
          if (err instanceof StepError && err.report) hooks.onVerifyReport?.(err.report);
          throw err;
        });
        checks = out.value.checks;
        hooks.onVerifyReport?.(out.value);
        return out;
      });
    } finally {
      await cleanupLocal();
    }
    let sboms = [];
    await run.step("sbom", async () => {
      if (!r.generator) return skip(void 0, "not asked (--sbom)");
      if (resume) return skip(void 0, "attached when these images were first pushed");
      const job = sbomJob();
      if (!job) throw new StepError("failed", "internal error: the build left no layout to describe", { step: "sbom" });
      const m = await makeSboms(job, built.platforms);
      sboms = m.sboms;
      sbom = m.summary;
      return done(void 0, `CycloneDX by ${job.generator.name}: ${sboms.map((x) => `${x.platform} ${x.facts.components} components`).join(", ")}`);
    });
    if (req.dryRun) {
      run.finish("dry run");
      const wouldBe = verdict.kind === "changed" && !forced ? "refused" : "published";
      return { ...common(), result: "dry-run", digest: built.digest, platforms: Object.keys(built.platforms), platformDigests: built.platforms, plan: r.tagPlan, wouldBe };
    }
    let pushStats = { blobsUploaded: 0, blobsMounted: 0, blobsPresent: 0, bytesUploaded: 0, manifestsWritten: 0, manifestsPresent: 0 };
    let signed = false;
    await run.step("push", async () => {
      if (resume) return skip(void 0, `already in the registry as ${published.digest}`);
      const layout = built.layout;
      if (!layout) throw new StepError("failed", "internal error: the build left nothing to push", { step: "push" });
      const base = splitRepository(plan.baseImage.split("@")[0]?.replace(/:[^/]*$/, "") ?? "");
      const mountFrom = base.registry === r.target.registry ? [base.path] : [];
      pushStats = await pushByDigest(ctx, layout, built.digest, mountFrom);
      await readBack(ctx, builtFacts, plan.platforms);
      const job = sbomJob();
      const attached = job && sboms.length > 0 ? await attachSboms(job, sboms, sbom) : [];
      if (req.signKey) {
        const ref = `${r.target.reference}@${built.digest}`;
        const key = req.signKey;
        await withRetry(() => signImage({ ref, keyFile: key, ...r.authDir ? { dockerConfigDir: r.authDir } : {} }), {
          what: `sign ${ref}`,
          policy: ctx.retry,
          stats,
          onRetry: ({ attempt, fault, delayMs }) => log(`sign: ${fault.reason}, retry ${attempt} in ${(delayMs / 1e3).toFixed(1)} s`)
        });
        signed = true;
      }
      const p = pushStats;
      return done(void 0, `pushed by digest (${p.blobsUploaded} uploaded, ${p.blobsMounted} mounted, ${p.blobsPresent} present; ${p.manifestsWritten} manifests); read back: digest and ${plan.platforms.length} platforms match${attached.length ? `; SBOM attached to ${attached.join(", ")}` : ""}${signed ? "; signed" : ""}`);
    });
    let gitTag;
    const tags = await run.step("tag", async () => {
      const manifest = await readBack(ctx, published, plan.platforms);
      const outcome = await applyTags(ctx, r.tagPlan, manifest);
      if (req.gitTag && r.commit) {
        const name = formatGitTag(req.gitTagFormat ?? DEFAULT_GIT_TAG_FORMAT, r.connector.dirName, r.tagPlan.version);
        const root = await repoRoot(r.connector.dir);
        const created2 = await createAnnotatedTag(root, name, `${r.target.reference}:${r.tagPlan.version}

${published.digest}`, { sha: r.commit });
        if (req.pushGitTag) await pushTag(root, name, req.gitRemote ?? "origin");
        gitTag = { name, created: created2 === "created", pushed: req.pushGitTag === true };
      }
      return done(outcome, outcome.map((x) => `${x.tag} ${x.action}`).join(", ") + (gitTag ? `; git tag ${gitTag.name}` : ""));
    });
    if (built.attestations > 0) notes.push(ATTESTATION_NOTE);
    return {
      ...common(),
      result: "published",
      digest: published.digest,
      platforms: Object.keys(published.platforms),
      platformDigests: published.platforms,
      attestations: published.attestations,
      tags: tags.map((t) => ({ ...t, ref: `${r.target.reference}:${t.tag}` })),
      skippedTags: r.tagPlan.skipped,
      push: pushStats,
      signed,
      ...gitTag ? { gitTag } : {},
      forced
    };
  } catch (err) {
    if (!(err instanceof StepFailure)) throw err;
    const e = err.error;
    const failure = run.failed(err);
    return {
      ...common(),
      ...failure,
      ...e instanceof StepError ? { findings: e.findings, ...e.checks.length > 0 ? { checks: e.checks } : {} } : {}
    };
  } finally {
    await work.remove();
    if (resolved?.authDir) await rm(resolved.authDir, { recursive: true, force: true });
  }
}

// src/commands/publish-format.ts
init_define_BC_HELP();
var secs = (ms) => `${(ms / 1e3).toFixed(1)} s`;
function formatResult(r) {
  const lines = [];
  const steps = r.steps.map((s) => `  ${s.status === "done" ? "\u2713" : s.status === "skipped" ? "-" : "\u2717"} ${s.step.padEnd(8)} ${secs(s.durationMs).padStart(7)}  ${s.reason ?? ""}`.trimEnd());
  switch (r.result) {
    case "published":
      lines.push(`published ${r.repository}@${r.digest}`);
      lines.push(`  platforms: ${r.platforms.join(", ")}${r.attestations ? ` (+${r.attestations} attestation manifests)` : ""}`);
      for (const t of r.tags) lines.push(`  tag ${t.ref} (${t.action})`);
      for (const s of r.skippedTags) lines.push(`  not tagged ${s.tag}: ${s.reason}`);
      lines.push(`  pushed: ${r.push.blobsUploaded} blobs uploaded (${(r.push.bytesUploaded / 1e6).toFixed(1)} MB), ${r.push.blobsMounted} mounted, ${r.push.blobsPresent} already present; ${r.push.manifestsWritten} manifests written`);
      if (r.signed) lines.push("  signed with cosign (index digest)");
      for (const [p, s] of Object.entries(r.sbom?.platforms ?? {})) lines.push(`  sbom ${p}: ${s.components} components${s.referrer ? `, ${s.referrer.ref} (${s.referrer.via})` : ""}`);
      if (r.gitTag) lines.push(`  git tag ${r.gitTag.name} ${r.gitTag.created ? "created" : "already there"}${r.gitTag.pushed ? ", pushed" : ""}`);
      break;
    case "already-published":
      lines.push(`already published: ${r.repository}:${r.version} is ${r.digest} (same ${r.sameBy}); ${r.sbom ? "only its SBOMs were added" : "nothing pushed"}`);
      for (const [p, s] of Object.entries(r.sbom?.platforms ?? {})) lines.push(`  sbom ${p}: ${s.components} components${s.referrer ? `, ${s.referrer.ref} (${s.referrer.via})` : ""}`);
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
      for (const t of r.plan.tags) lines.push(`  would tag ${r.repository}:${t.tag} \u2014 ${t.reason}`);
      for (const s of r.plan.skipped) lines.push(`  would not tag ${s.tag} \u2014 ${s.reason}`);
      for (const [p, s] of Object.entries(r.sbom?.platforms ?? {})) lines.push(`  sbom ${p}: ${s.components} components (not attached: dry run)`);
      break;
  }
  if (r.build) lines.push(`built: ${r.build.strategy} strategy on ${r.build.builder} (${r.build.driver} driver, ${r.build.store} store); reproducible: ${r.build.reproducible ? "yes" : "no"}; provenance: ${r.build.provenance.attached ? r.build.provenance.mode : `none (${r.build.provenance.reason})`}`);
  lines.push("steps:", ...steps);
  if (r.faults.total > 0) lines.push(`registry faults retried: ${r.faults.total} (${Object.entries(r.faults.byReason).map(([k, v]) => `${k}: ${v}`).join(", ")})`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join("\n");
}

// src/commands/publish.ts
function register(program) {
  buildInputOptions(credentialOptions(tagPlanOptions(program.command("publish [dir]")))).description("build both platforms, verify every platform, push by digest, read back, then tag (version first, latest last); versions are immutable").option("--config <file>", "config for check/discover/read during verify (default DIR/secrets/config.json)").option("--dry-run", "build and verify, print the plan; push and tag nothing").option("--force", "overwrite an existing version that has another digest (logged loudly)").option("--sign-key <file>", "cosign-sign the index digest with this key (password in COSIGN_PASSWORD)").option("--sbom", "attach a CycloneDX SBOM to each platform image (OCI referrer; the generator is installed from npm on first use)").option("--git-tag", "create the annotated git tag <connector-dir>/v<version> at the built commit after success").option("--git-tag-format <format>", "git tag format ({dir}, {version})", DEFAULT_GIT_TAG_FORMAT).option("--push-git-tag", "push the git tag to origin (implies --git-tag)").action(
    action(async (out, _g, dir, f) => {
      const login = await loginFromFlags(f);
      const config = parsePublishConfig({
        connectors: [dir ?? "."],
        ...buildInputsOf(f),
        configFile: f.config,
        registry: f.registry,
        repository: f.repository,
        username: login.username,
        password: login.password,
        dryRun: f.dryRun === true,
        force: f.force === true,
        latest: f.latest,
        aliases: f.aliases === true,
        dev: f.dev === true,
        signKey: f.signKey,
        sbom: f.sbom === true
      });
      const req = {
        ...publishRequestOf(dir ?? ".", config, { version: f.releaseVersion }),
        // CLI-only knobs (the Action fixes these)
        target: targetFlag(f.target),
        provenance: parseProvenanceFlag(f.provenance),
        gitTag: f.gitTag === true || f.pushGitTag === true,
        gitTagFormat: f.gitTagFormat,
        pushGitTag: f.pushGitTag === true,
        retries: retriesFlag(f.retries)
      };
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
