import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  ensureLocalRegistry
} from "./chunk-XNXDOU65.js";
import {
  tagPlanOptions
} from "./chunk-FCIG3DYH.js";
import {
  formatGitTag
} from "./chunk-IDSHFM7G.js";
import {
  planTags
} from "./chunk-VRCWCI7I.js";
import "./chunk-MLGU4ITA.js";
import {
  resolveTarget,
  splitRepository
} from "./chunk-237VH5OQ.js";
import {
  applyTags,
  compareImages,
  indexFactsFromBytes,
  pushByDigest,
  readBack
} from "./chunk-RSIIJBMM.js";
import "./chunk-VTGARRX3.js";
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
} from "./chunk-IFKM5HLK.js";
import {
  defaultLog
} from "./chunk-FVZLHUQV.js";
import "./chunk-7UMF5QQ2.js";
import {
  buildModel
} from "./chunk-QWNSM4YB.js";
import {
  compileDockerignore
} from "./chunk-Y7I4BW5I.js";
import {
  registryLocation
} from "./chunk-ESJ5KG2Y.js";
import "./chunk-W3KI5CLD.js";
import "./chunk-7KWH7VUP.js";
import {
  signImage
} from "./chunk-UOF7367D.js";
import {
  parsePublishConfig,
  publishRequestOf
} from "./chunk-2MRSENCC.js";
import "./chunk-UOA3M2KC.js";
import {
  resolveCredentials,
  storedCredentials,
  toolAuth
} from "./chunk-ROLAIEO7.js";
import "./chunk-ZU3EA74B.js";
import "./chunk-MOA3NBGW.js";
import "./chunk-STWOCLWY.js";
import "./chunk-I325M6JV.js";
import "./chunk-FCTKR6QB.js";
import "./chunk-ZXKMXJJK.js";
import "./chunk-Q4QNI43M.js";
import {
  createAnnotatedTag,
  headSha,
  listChangedFiles,
  pushTag,
  repoRoot
} from "./chunk-HX44SO3Q.js";
import "./chunk-WYDT4C5S.js";
import {
  Pipeline,
  StepFailure,
  done,
  skip
} from "./chunk-N5APPE22.js";
import "./chunk-G6CWDOAS.js";
import "./chunk-J7CCGA2A.js";
import "./chunk-2UDPR3IH.js";
import {
  loadConnector
} from "./chunk-ATMBG6MK.js";
import "./chunk-MITLCIOK.js";
import "./chunk-LC4JF5JN.js";
import {
  splitImageRef
} from "./chunk-AC6MT37A.js";
import {
  REQUIRED_PLATFORM
} from "./chunk-Z2MWC52I.js";
import {
  VERSION,
  action,
  buildInputOptions,
  buildInputsOf,
  credentialOptions,
  loginFromFlags
} from "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import {
  checkInputFile
} from "./chunk-STQCJ5OL.js";
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
  isDigest,
  sha256Digest
} from "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import {
  ExitCode,
  badInput,
  toBcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/publish.ts
init_define_BC_HELP();

// src/core/flows/publish.ts
init_define_BC_HELP();
import { rm } from "node:fs/promises";

// src/publish/input-key.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
import { lstat, readFile, readdir, readlink } from "node:fs/promises";
import { join, posix } from "node:path";
var INPUTS_ANNOTATION = "io.airbyte.build-connector.inputs";
async function registryDigest(ref) {
  const loc = registryLocation(ref);
  if (!loc) return void 0;
  if (isDigest(loc.reference)) return loc.reference;
  const client = new RegistryClient(loc.registry, { credentials: await storedCredentials(loc.registry), retry: retryPolicy(2), timeoutMs: 1e4 });
  return (await client.headManifest(loc.repository, loc.reference))?.digest;
}
function fromImages(plan, buildArgs) {
  const model = buildModel(plan.dockerfile, "Dockerfile", { buildArgs });
  const out = /* @__PURE__ */ new Set();
  for (const s of model.stages) {
    if (s.parent) continue;
    if (s.imageUnknown.length > 0) return { why: `FROM ${s.image} depends on ${s.imageUnknown.join(", ")}` };
    if (s.image.toLowerCase() !== "scratch") out.add(s.image);
  }
  return [...out].sort();
}
async function contextFiles(dir, dockerignore) {
  const matcher = compileDockerignore(dockerignore);
  const prune = !matcher.hasNegation;
  const excluded = (rel) => matcher.excluded(rel);
  const lines = [];
  const walk = async (rel) => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const r = rel === "" ? e.name : posix.join(rel, e.name);
      const abs = join(dir, r);
      if (e.isDirectory()) {
        if (!(prune && excluded(r))) await walk(r);
        continue;
      }
      if (excluded(r)) continue;
      const st = await lstat(abs);
      const mode = (st.mode & 4095).toString(8);
      if (st.isSymbolicLink()) lines.push(`${r} link ${await readlink(abs)}`);
      else if (st.isFile()) lines.push(`${r} ${mode} ${createHash("sha256").update(await readFile(abs)).digest("hex")}`);
      else lines.push(`${r} special ${mode}`);
    }
  };
  await walk("");
  return lines.sort();
}
async function inputKey(req) {
  const { plan } = req;
  if (plan.pythonInstall && !plan.pythonInstall.offline) return { key: void 0, why: "python packages come from an index at build time" };
  const froms = fromImages(plan, req.buildArgs);
  if (!Array.isArray(froms)) return { key: void 0, why: froms.why };
  const resolve2 = req.resolveImage ?? registryDigest;
  const images = {};
  for (const ref of froms) {
    const given = splitImageRef(ref).digest;
    const pinned = given !== void 0 && isDigest(given) ? given : void 0;
    const digest = pinned ?? await resolve2(ref).catch(() => void 0);
    if (!digest) return { key: void 0, why: `the digest of ${ref} is unknown` };
    images[ref] = digest;
  }
  const files = await contextFiles(plan.context, plan.dockerignore);
  const doc = {
    v: 1,
    tool: VERSION,
    mode: plan.mode,
    dockerfile: plan.dockerfile,
    dockerignore: plan.dockerignore,
    files,
    buildArgs: Object.entries(req.buildArgs).sort(([a], [b]) => a < b ? -1 : 1),
    platforms: [...plan.platforms],
    labels: Object.entries(plan.labels).sort(([a], [b]) => a < b ? -1 : 1),
    annotations: [...plan.annotations ?? []].sort(),
    secrets: (plan.buildSecrets ?? []).map((s) => s.id).sort(),
    network: plan.buildNetwork ?? "default",
    provenance: req.provenance,
    epoch: req.epoch,
    images
  };
  return { key: sha256Digest(JSON.stringify(doc)), images };
}

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

// src/core/flows/publish-resolve.ts
init_define_BC_HELP();
import { stat } from "node:fs/promises";
import { relative } from "node:path";
async function resolve(req, log, stats) {
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
    versionAt: target.versionAt,
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
  const generator = req.sbom ? await (await import("./trivy-QN4NPJ2M.js")).locateGenerator({ log }) : void 0;
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
  return { kind: "same", how: same.how, pending: await pendingTags(r, r.existing.digest) };
}
async function pendingTags(r, digest) {
  const pending = [];
  for (const t of r.tagPlan.tags.slice(1)) if ((await r.client.headManifest(r.target.repo, t.tag))?.digest !== digest) pending.push(t.tag);
  return pending;
}
function publishable(rendered, fromRequest) {
  const platforms = rendered.value.plan.platforms;
  if (platforms.includes(REQUIRED_PLATFORM)) return rendered;
  throw badInput(`${REQUIRED_PLATFORM} is required of every published connector image (the Airbyte platform runs it); the platforms are ${platforms.join(", ")}`, [
    fromRequest ? `fix: add ${REQUIRED_PLATFORM} to the platforms asked for` : `fix: add ${REQUIRED_PLATFORM} to data.buildConnector.platforms in metadata.yaml`
  ]);
}

// src/core/flows/publish-sbom.ts
init_define_BC_HELP();
async function makeSboms(j, platforms) {
  const { generateSboms } = await import("./generate-ZZSHTGUT.js");
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
  const { attachReferrer } = await import("./referrers-GAFF3CAB.js");
  const { SBOM_FORMAT } = await import("./generate-ZZSHTGUT.js");
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
  const { findReferrers } = await import("./referrers-GAFF3CAB.js");
  const { CYCLONEDX_MEDIA_TYPE } = await import("./cyclonedx-IBF4LKG2.js");
  const missing = {};
  for (const [p, d] of Object.entries(platforms)) if ((await findReferrers(r.client, r.target.repo, d, CYCLONEDX_MEDIA_TYPE)).length === 0) missing[p] = d;
  return missing;
}

// src/core/flows/publish.ts
var PUBLISH_STEPS = ["resolve", "render", "lint", "build", "verify", "sbom", "push", "tag"];
var NO_PUSH = { blobsUploaded: 0, blobsMounted: 0, blobsPresent: 0, bytesUploaded: 0, manifestsWritten: 0, manifestsPresent: 0 };
async function runPublish(req, hooks = {}) {
  const log = hooks.log ?? defaultLog;
  const stats = newRetryStats();
  const pipeline = new Pipeline(PUBLISH_STEPS, hooks);
  const acc = { notes: [], sboms: [], push: NO_PUSH, signed: false };
  let resolved;
  const common = () => ({
    dir: resolved?.connector.dir ?? req.dir,
    repository: resolved?.target.reference ?? "",
    version: resolved?.tagPlan.version ?? resolved?.target.version ?? "",
    steps: pipeline.records,
    durations: pipeline.durations(),
    notes: acc.notes,
    faults: { total: stats.total, byReason: stats.retried },
    ...acc.facts ? { build: acc.facts } : {},
    ...acc.report ? { report: acc.report } : {},
    ...acc.image ?? {},
    ...acc.sbom ? { sbom: acc.sbom } : {}
  });
  void capabilitiesFor(req.builder);
  const work = await workDir("bc-publish-");
  try {
    const r = await pipeline.step("resolve", () => resolve(req, log, stats));
    resolved = r;
    acc.notes.push(...r.notes);
    const { plan, epoch } = await pipeline.step("render", async () => publishable(await renderStep(r.connector.dir, { baseImage: req.baseImage, platforms: req.platforms, sourceDateEpoch: req.sourceDateEpoch }), req.platforms !== void 0));
    acc.image = { labels: plan.labels, annotations: plan.annotations ?? [] };
    const warnings = await pipeline.step("lint", () => lintStep(plan, req.buildArgs));
    if (warnings.length > 0) hooks.onLintFindings?.(warnings);
    const run = {
      req,
      hooks,
      log,
      stats,
      pipeline,
      work: work.path,
      r,
      versionTag: r.tagPlan.tags[0]?.tag ?? r.target.version,
      plan,
      epoch,
      localName: `build-connector-publish/${r.connector.dirName}:${process.pid}-${Date.now().toString(36)}`.toLowerCase(),
      ctx: { client: r.client, registry: r.target.registry, repo: r.target.repo, retry: retryPolicy(req.retries), stats, log }
    };
    const b = await pipeline.step("build", () => build(run, acc));
    const go = await decide(run, acc, b);
    if (go.kind === "stop") return { ...common(), ...go.result };
    await verify(run, acc, go);
    await pipeline.step("sbom", () => sbom(run, acc, go));
    if (req.dryRun) {
      pipeline.finish("dry run");
      const { digest, platforms } = go.built ?? go.published;
      return { ...common(), result: "dry-run", digest, platforms: Object.keys(platforms), platformDigests: platforms, plan: r.tagPlan, wouldBe: go.wouldBe };
    }
    await pipeline.step("push", () => push(run, acc, go));
    const tags = await pipeline.step("tag", () => tag(run, acc, go));
    if ((go.built?.attestations ?? 0) > 0) acc.notes.push(ATTESTATION_NOTE);
    const p = go.published;
    return {
      ...common(),
      result: "published",
      digest: p.digest,
      platforms: Object.keys(p.platforms),
      platformDigests: p.platforms,
      attestations: p.attestations,
      tags: tags.map((t) => ({ ...t, ref: `${r.target.reference}:${t.tag}` })),
      skippedTags: r.tagPlan.skipped,
      push: acc.push,
      signed: acc.signed,
      ...acc.gitTag ? { gitTag: acc.gitTag } : {},
      forced: go.forced
    };
  } catch (err) {
    if (!(err instanceof StepFailure)) throw err;
    const e = err.error;
    const failure = pipeline.failed(err);
    return {
      ...common(),
      ...failure,
      ...e instanceof StepError ? { findings: e.findings } : {}
    };
  } finally {
    await work.remove();
    if (resolved?.authDir) await rm(resolved.authDir, { recursive: true, force: true });
  }
}
async function build(run, acc) {
  const { req, r, plan, epoch, log } = run;
  const knobs = buildKnobs(plan, req);
  const key = await inputKey({ plan, buildArgs: knobs.buildArgs ?? {}, provenance: String(knobs.provenance), epoch: epoch.value }).catch((err) => ({ key: void 0, why: toBcError(err).message }));
  const unchanged = await unchangedImages(run, key);
  if (unchanged) return skip(unchanged, `unchanged: ${r.target.reference}:${run.versionTag} already holds ${unchanged.facts.digest}, built from the same inputs (${key.key}); nothing rebuilt`);
  if (key.key === void 0) log(`build inputs not keyed (${key.why}): a re-publish of this version will rebuild`);
  const annotated = key.key ? { ...plan, annotations: [...plan.annotations ?? [], `index:${INPUTS_ANNOTATION}=${key.key}`] } : plan;
  const out = await buildStep(annotated, {
    platforms: plan.platforms,
    goal: "push",
    work: run.work,
    tags: [run.localName],
    ...knobs,
    progress: "plain",
    write: (text) => {
      for (const line of text.split("\n")) if (line.trim() !== "") log(line);
    },
    sourceDateEpochResolved: Promise.resolve(epoch)
  });
  const b = out.value;
  acc.facts = buildFacts(b);
  if (!b.strategy.reproducible) acc.notes.push(`digests are not reproducible with this builder (${b.strategy.kind} build on ${b.strategy.driver}); re-publishing unchanged code from another machine will be refused as "changed"`);
  const facts = { digest: b.digest, platforms: b.platforms, attestations: b.attestations };
  const verdict = await immutability(r, facts);
  return done({ kind: "built", built: b, facts, verdict }, out.status === "done" ? out.summary : out.reason);
}
async function unchangedImages(run, key) {
  const { req, r, plan } = run;
  const facts = r.existing?.facts;
  if (!key.key || !facts || req.noCache || req.force) return void 0;
  if (facts.annotations?.[INPUTS_ANNOTATION] !== key.key || plan.platforms.some((p) => !facts.platforms[p])) return void 0;
  if (r.generator && !req.dryRun && Object.keys(await withoutSbom(r, facts.platforms)).length > 0) return void 0;
  return { kind: "unchanged", facts, pending: await pendingTags(r, facts.digest) };
}
var verifiedOnce = (r) => `same images as the published ${r.tagPlan.version}, verified when it was published`;
var cleanupLocal = (built) => untag(built?.strategy.pushFrom === "saved-images" ? built.result.tags : []);
function alreadyPublished(r, facts, sameBy, builtDigest) {
  const tags = r.tagPlan.tags.map((t) => ({ tag: t.tag, action: "unchanged", ref: `${r.target.reference}:${t.tag}` }));
  return { result: "already-published", digest: facts.digest, sameBy, builtDigest, platforms: Object.keys(facts.platforms), platformDigests: facts.platforms, tags };
}
async function decide(run, acc, b) {
  const { req, r, pipeline, versionTag, log } = run;
  if (b.kind === "unchanged") {
    if (b.pending.length === 0) {
      await pipeline.step("verify", async () => skip(void 0, `not re-run: ${verifiedOnce(r)} (a publish pushes only verified images, and the index records their build inputs)`));
      if (r.generator) acc.notes.push(`the published images already have their SBOMs${req.dryRun ? " (or a real run would add them)" : ""}`);
      pipeline.finish(`already published as ${b.facts.digest}`);
      return { kind: "stop", result: alreadyPublished(r, b.facts, "build inputs", b.facts.digest) };
    }
    acc.notes.push(`resumed an interrupted publish: ${versionTag} already is ${b.facts.digest}; finishing ${b.pending.join(", ")}`);
    return { kind: "go", published: b.facts, resume: true, forced: false, wouldBe: "published" };
  }
  const { built, facts, verdict } = b;
  if (verdict.kind === "same") {
    const existing = r.existing?.facts ?? facts;
    if (verdict.how === "platform images") acc.notes.push("the per-platform images are identical; only the provenance record differs (it records the build id)");
    if (verdict.pending.length === 0) {
      await cleanupLocal(built);
      await sbomsForPublished(run, acc, built);
      pipeline.finish(`already published as ${existing.digest}`);
      return { kind: "stop", result: alreadyPublished(r, existing, verdict.how, built.digest) };
    }
    acc.notes.push(`resumed an interrupted publish: ${versionTag} already is ${existing.digest}; finishing ${verdict.pending.join(", ")}`);
    return { kind: "go", published: existing, resume: true, forced: false, built, wouldBe: "published" };
  }
  if (verdict.kind === "changed") {
    const existing = r.existing?.digest ?? "";
    const reason = `version ${versionTag} already published as ${existing}; bump dockerImageTag or force the overwrite`;
    if (!req.force) {
      if (req.dryRun) {
        acc.notes.push(`a real run would be refused: ${reason}`);
        return { kind: "go", published: facts, resume: false, forced: false, built, wouldBe: "refused" };
      }
      await cleanupLocal(built);
      pipeline.finish("refused");
      return { kind: "stop", result: { result: "refused", reason, existingDigest: existing, builtDigest: built.digest } };
    }
    log("");
    log(`!!! force: ${r.target.reference}:${versionTag} (${existing}) WILL BE OVERWRITTEN with ${built.digest} (${verdict.why}) !!!`);
    log("");
    acc.notes.push(`forced: ${versionTag} was ${existing} (${verdict.why})`);
    return { kind: "go", published: facts, resume: false, forced: true, built, wouldBe: "published" };
  }
  return { kind: "go", published: facts, resume: false, forced: false, built, wouldBe: "published" };
}
function sbomJob(run, built) {
  const { r } = run;
  const created = new Date(run.epoch.value * 1e3).toISOString();
  return r.generator && built?.layout ? { r, generator: r.generator, layout: built.layout, work: run.work, created, log: run.log } : void 0;
}
async function sbomsForPublished(run, acc, built) {
  const { req, r, pipeline, versionTag } = run;
  const job = sbomJob(run, built);
  if (!job) return;
  const missing = req.dryRun ? {} : await withoutSbom(r, built.platforms);
  if (Object.keys(missing).length === 0) {
    acc.notes.push(`the published images already have their SBOMs${req.dryRun ? " (or a real run would add them)" : ""}`);
    return;
  }
  await pipeline.step("verify", async () => skip(void 0, verifiedOnce(r)));
  const made = await pipeline.step("sbom", async () => {
    const m = await makeSboms(job, missing);
    return done(m, `CycloneDX by ${job.generator.name} for the published images: ${m.sboms.map((x) => `${x.platform} ${x.facts.components} components`).join(", ")}`);
  });
  acc.sbom = made.summary;
  await pipeline.step("push", async () => done(void 0, `SBOM attached to ${(await attachSboms(job, made.sboms, acc.sbom)).join(", ")}; the images were already there`));
  acc.notes.push(`${versionTag} had no SBOM for ${Object.keys(missing).join(", ")}: attached now`);
}
async function verify(run, acc, go) {
  const { req, r, plan } = run;
  try {
    await run.pipeline.step("verify", async () => {
      if (go.resume || !go.built) return skip(void 0, verifiedOnce(r));
      const out = await verifyStep(plan, go.built, { configFile: req.configFile, timeoutSeconds: req.timeoutSeconds, name: run.localName, work: run.work, onProgress: run.log }).catch((err) => {
        if (err instanceof StepError && err.report) acc.report = err.report;
        throw err;
      });
      acc.report = out.value;
      return out;
    });
  } finally {
    await cleanupLocal(go.built);
  }
}
async function sbom(run, acc, go) {
  if (!run.r.generator) return skip(void 0, "not asked (--sbom)");
  if (go.resume) return skip(void 0, "attached when these images were first pushed");
  const job = sbomJob(run, go.built);
  if (!job || !go.built) throw new StepError("failed", "internal error: the build left no layout to describe", { step: "sbom" });
  const m = await makeSboms(job, go.built.platforms);
  acc.sboms = m.sboms;
  acc.sbom = m.summary;
  return done(void 0, `CycloneDX by ${job.generator.name}: ${m.sboms.map((x) => `${x.platform} ${x.facts.components} components`).join(", ")}`);
}
async function push(run, acc, go) {
  const { req, r, plan, ctx } = run;
  if (go.resume) return skip(void 0, `already in the registry as ${go.published.digest}`);
  const built = go.built;
  const layout = built?.layout;
  if (!built || !layout) throw new StepError("failed", "internal error: the build left nothing to push", { step: "push" });
  const base = splitRepository(plan.baseImage.split("@")[0]?.replace(/:[^/]*$/, "") ?? "");
  const mountFrom = base.registry === r.target.registry ? [base.path] : [];
  acc.push = await pushByDigest(ctx, layout, built.digest, mountFrom);
  await readBack(ctx, go.published, plan.platforms);
  const job = sbomJob(run, built);
  const attached = job && acc.sboms.length > 0 ? await attachSboms(job, acc.sboms, acc.sbom) : [];
  if (req.signKey) {
    const ref = `${r.target.reference}@${built.digest}`;
    const key = req.signKey;
    await withRetry(() => signImage({ ref, keyFile: key, ...r.authDir ? { dockerConfigDir: r.authDir } : {} }), {
      what: `sign ${ref}`,
      policy: ctx.retry,
      stats: run.stats,
      onRetry: ({ attempt, fault, delayMs }) => run.log(`sign: ${fault.reason}, retry ${attempt} in ${(delayMs / 1e3).toFixed(1)} s`)
    });
    acc.signed = true;
  }
  const p = acc.push;
  return done(void 0, `pushed by digest (${p.blobsUploaded} uploaded, ${p.blobsMounted} mounted, ${p.blobsPresent} present; ${p.manifestsWritten} manifests); read back: digest and ${plan.platforms.length} platforms match${attached.length ? `; SBOM attached to ${attached.join(", ")}` : ""}${acc.signed ? "; signed" : ""}`);
}
async function tag(run, acc, go) {
  const { req, r, plan, ctx } = run;
  const manifest = await readBack(ctx, go.published, plan.platforms);
  const outcome = await applyTags(ctx, r.tagPlan, manifest);
  if (req.gitTag && r.commit) {
    const name = formatGitTag(req.gitTagFormat, r.connector.dirName, r.tagPlan.version);
    const root = await repoRoot(r.connector.dir);
    const created = await createAnnotatedTag(root, name, `${r.target.reference}:${r.tagPlan.version}

${go.published.digest}`, { sha: r.commit });
    if (req.pushGitTag) await pushTag(root, name, req.gitRemote ?? "origin");
    acc.gitTag = { name, created: created === "created", pushed: req.pushGitTag === true };
  }
  return done(outcome, outcome.map((x) => `${x.tag} ${x.action}`).join(", ") + (acc.gitTag ? `; git tag ${acc.gitTag.name}` : ""));
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
      lines.push(`  platforms: ${r.platforms.join(", ")}`);
      for (const t of r.tags) lines.push(`  tag ${t.ref} (${t.action})`);
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
  buildInputOptions(credentialOptions(tagPlanOptions(program.command("publish [dir]")))).description("build both platforms, verify every platform, push by digest, read back, then tag (version first, latest last); versions are immutable").option("--config <file>", "config for check/discover/read during verify (default DIR/secrets/config.json)").option("--timeout <seconds>", "per connector command during verify; on timeout the container is killed and removed (default 120)").option("--dry-run", "build and verify, print the plan; push and tag nothing").option("--force", "overwrite an existing version that has another digest (logged loudly)").option("--no-cache", "do not use the build cache (and build even when the version tag records the same build inputs)").option("--sign-key <file>", "cosign-sign the index digest with this key (password in COSIGN_PASSWORD)").option("--sbom", "attach a CycloneDX SBOM to each platform image (OCI referrer; the generator is installed from npm on first use)").option("--git-tag", "create the annotated git tag <connector-dir>/v<version> at the built commit after success").option("--git-tag-format <format>", "git tag format ({dir}, {version}; default {dir}/v{version})").option("--push-git-tag", "push the git tag to origin (implies --git-tag)").action(
    action(async (out, _g, dir, f) => {
      const login = await loginFromFlags(f);
      const config = parsePublishConfig({
        connectors: [dir ?? "."],
        ...buildInputsOf(f),
        configFile: f.config,
        timeout: f.timeout,
        registry: f.registry,
        repository: f.repository,
        target: f.target,
        version: f.releaseVersion,
        username: login.username,
        password: login.password,
        dryRun: f.dryRun,
        force: f.force,
        latest: f.latest,
        aliases: f.aliases,
        dev: f.dev,
        signKey: f.signKey,
        sbom: f.sbom,
        retries: f.retries,
        gitTag: f.gitTag,
        gitTagFormat: f.gitTagFormat,
        pushGitTag: f.pushGitTag,
        noCache: f.cache === false
      });
      const req = publishRequestOf(dir ?? ".", config);
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
