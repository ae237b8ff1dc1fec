import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  StepError,
  buildFacts,
  buildKnobs,
  buildStep,
  capabilitiesFor,
  findingLine,
  lintStep,
  renderStep,
  untag,
  verifyStep,
  workDir
} from "./chunk-IFKM5HLK.js";
import {
  defaultLog
} from "./chunk-FVZLHUQV.js";
import {
  renderReport
} from "./chunk-54C7PAZS.js";
import "./chunk-LWYI6ORG.js";
import "./chunk-4EYWP5CI.js";
import "./chunk-QWNSM4YB.js";
import "./chunk-Y7I4BW5I.js";
import "./chunk-ESJ5KG2Y.js";
import "./chunk-W3KI5CLD.js";
import "./chunk-K4K4KYBG.js";
import "./chunk-4BMBBMZM.js";
import "./chunk-7KWH7VUP.js";
import "./chunk-VKGSEGKY.js";
import {
  buildRequestOf,
  parseBuildCommand
} from "./chunk-2MRSENCC.js";
import "./chunk-UOA3M2KC.js";
import "./chunk-ZU3EA74B.js";
import "./chunk-MOA3NBGW.js";
import "./chunk-STWOCLWY.js";
import "./chunk-I325M6JV.js";
import "./chunk-FCTKR6QB.js";
import "./chunk-ZXKMXJJK.js";
import "./chunk-Q4QNI43M.js";
import "./chunk-HX44SO3Q.js";
import "./chunk-WYDT4C5S.js";
import {
  Pipeline,
  StepFailure,
  skip
} from "./chunk-N5APPE22.js";
import "./chunk-G6CWDOAS.js";
import "./chunk-J7CCGA2A.js";
import "./chunk-2UDPR3IH.js";
import "./chunk-ATMBG6MK.js";
import "./chunk-MITLCIOK.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import "./chunk-Z2MWC52I.js";
import {
  action,
  buildInputOptions,
  buildInputsOf,
  collect,
  failedFlow
} from "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-2CZK5HMD.js";
import "./chunk-QLD2YDU3.js";
import "./chunk-CL32DPN3.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import {
  ExitCode
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/build.ts
init_define_BC_HELP();

// src/core/flows/build.ts
init_define_BC_HELP();
var BUILD_STEPS = ["render", "lint", "build", "verify"];
async function runBuild(req, hooks = {}) {
  const log = hooks.log ?? defaultLog;
  const run = new Pipeline(req.verify ? BUILD_STEPS : BUILD_STEPS.slice(0, 3), hooks);
  let findings = [];
  let build;
  let strategy;
  let report;
  let image;
  const common = () => ({ dir: req.dir, steps: run.records, durations: run.durations(), findings, ...image ?? {} });
  void capabilitiesFor(req.builder);
  const work = await workDir("bc-build-");
  let loaded = [];
  try {
    const { plan, epoch } = await run.step("render", () => renderStep(req.dir, { baseImage: req.baseImage, platforms: req.platforms, sourceDateEpoch: req.sourceDateEpoch }));
    image = { labels: plan.labels, annotations: plan.annotations ?? [] };
    findings = await run.step("lint", () => lintStep(plan, req.buildArgs));
    const output = req.output ?? { type: "load" };
    const built = await run.step(
      "build",
      () => buildStep(plan, {
        platforms: plan.platforms,
        goal: output.type === "oci" ? "oci" : "load",
        ...output.type === "oci" ? { ociDest: output.dest } : {},
        work: work.path,
        ...req.tags ? { tags: req.tags } : {},
        ...buildKnobs(plan, req),
        ...req.progress ? { progress: req.progress } : {},
        ...req.write ? { write: req.write } : {},
        sourceDateEpochResolved: Promise.resolve(epoch)
      })
    );
    build = { ...built.result, lint: { errors: 0, warnings: findings.length, ran: true } };
    strategy = buildFacts(built);
    loaded = req.verify?.untagAfter ? built.result.tags : [];
    const notes = [
      ...strategy.reproducible ? [] : [`digest not reproducible with this builder: ${strategy.unavailable.find((u) => u.what === "reproducible-digests")?.why ?? "images are loaded, not exported"}`],
      ...built.strategy.loadAs === "per-platform" && output.type === "load" && plan.platforms.length > 1 ? [`this image store keeps one platform per tag: loaded as ${Object.values(built.local).join(", ")}`] : []
    ];
    if (!req.verify) {
      run.finish("not requested");
      return { ...common(), result: "built", build, strategy, notes };
    }
    const verifyOpts = req.verify;
    if (output.type === "oci") {
      await run.step("verify", async () => skip(void 0, "an OCI archive is verified after loading it: build-connector verify"));
      return { ...common(), result: "built", build, strategy, notes };
    }
    report = await run.step(
      "verify",
      () => verifyStep(plan, built, { configFile: verifyOpts.configFile, timeoutSeconds: verifyOpts.timeoutSeconds, name: build?.tags[0] ?? plan.connector.repository, work: work.path, onProgress: log }).catch((err) => {
        if (err instanceof StepError && err.report) report = err.report;
        throw err;
      })
    );
    return { ...common(), result: "verified", build, strategy, report, notes };
  } catch (err) {
    if (!(err instanceof StepFailure)) throw err;
    const e = err.error;
    if (e instanceof StepError && e.findings.length > 0) findings = e.findings;
    const failure = run.failed(err);
    return {
      ...common(),
      ...failure,
      ...build ? { build } : {},
      ...strategy ? { strategy } : {},
      ...report ? { report } : {}
    };
  } finally {
    await untag(loaded);
    await work.remove();
  }
}

// src/commands/build.ts
function humanResult(flow) {
  const r = flow.build;
  const s = flow.strategy;
  const yes = (b) => b ? "yes" : "no";
  const lines = [
    ...flow.report ? [renderReport(flow.report), ""] : [],
    `built ${r.connector.repository}:${r.connector.version} for ${r.platforms.join(", ")} in ${(r.durationMs / 1e3).toFixed(1)} s`,
    `  digest             ${r.digest}`
  ];
  if (r.output === "load") lines.push(`  image              ${r.tags.join(", ")} (loaded into the engine)`);
  else lines.push(`  OCI archive        ${r.ociArchive ?? ""}`);
  for (const m of r.manifests) lines.push(`  ${m.platform.padEnd(18)} ${m.digest}`);
  if (r.attestations) lines.push(`  attestations       ${r.attestations} (provenance; shown as platform unknown/unknown in the index)`);
  lines.push(
    `  reproducible       index: ${yes(r.reproducible.index)}, per-platform manifests: ${yes(r.reproducible.manifests)} \u2014 ${r.reproducible.reason}`,
    `  SOURCE_DATE_EPOCH  ${r.sourceDateEpoch} (${r.sourceDateEpochFrom})`,
    `  builder            ${r.builder.name} (${r.builder.driver} driver, ${s.store} image store)`,
    `  strategy           ${s.strategy}: ${s.why}`,
    `  provenance         ${s.provenance.attached ? `attached (${s.provenance.mode})` : `none (${s.provenance.reason})`}`
  );
  for (const u of s.unavailable) lines.push(`  unavailable        ${u.what}: ${u.why}${u.fix ? ` (fix: ${u.fix})` : ""}`);
  for (const n of flow.notes) lines.push(`  note               ${n}`);
  if (r.lint.warnings > 0) lines.push(`  lint               ${r.lint.warnings} warning(s)`);
  return lines.join("\n");
}
function register(program) {
  buildInputOptions(program.command("build [dir]")).description("build the connector image for linux/amd64 and linux/arm64 (lint first; load into the engine or write an OCI archive)").option("--load", "load the image into the engine (default); tags REPO:VERSION and REPO:dev").option("--output <oci=FILE>", "write an OCI archive instead of loading (reproducible where the builder supports rewrite-timestamp)").option("--tag <ref>", "image name to give the result, repeatable (replaces the default tags)", collect).option("--source-date-epoch <seconds>", "timestamps of the image (default: $SOURCE_DATE_EPOCH, else the last commit time of DIR, else 0)").option("--no-cache", "do not use the build cache").option("--progress <mode>", "auto (default), tty, plain or quiet").option("--verify", "then run every verify check on every platform (what the Action's `command: verify` does); nothing is pushed").option("--config <file>", "with --verify: config for check/discover/read (default DIR/secrets/config.json)").option("--timeout <seconds>", "with --verify: per connector command; on timeout the container is killed and removed (default 120)").action(
    action(async (out, _g, dir, flags) => {
      const cfg = parseBuildCommand({
        connectors: [dir ?? "."],
        ...buildInputsOf(flags),
        output: flags.output,
        load: flags.load,
        tags: flags.tag,
        sourceDateEpoch: flags.sourceDateEpoch,
        noCache: flags.cache === false,
        progress: flags.progress,
        verify: flags.verify,
        configFile: flags.config,
        timeout: flags.timeout
      });
      const result = await runBuild(buildRequestOf(cfg.connectors[0] ?? ".", cfg), { log: (l) => out.info(l) });
      if (result.result === "failed") {
        if (result.report && !out.json) out.info(renderReport(result.report));
        return failedFlow(out, result);
      }
      for (const f of result.findings) out.info(`warning: ${findingLine(f)}`);
      const json = { ...result.build, result: result.result, strategy: result.strategy, steps: result.steps, ...result.report ? { report: result.report } : {} };
      out.result(json, () => humanResult(result));
      return ExitCode.ok;
    })
  );
}
export {
  humanResult,
  register
};
