import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  Option
} from "./chunk-5S2RUB74.js";
import {
  renderTable
} from "./chunk-LWYI6ORG.js";
import {
  parseFields
} from "./chunk-UOA3M2KC.js";
import "./chunk-Z2MWC52I.js";
import {
  action,
  collect
} from "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import {
  failedChecks
} from "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-CL32DPN3.js";
import "./chunk-SVKG5X7A.js";
import {
  ExitCode
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/bake.ts
init_define_BC_HELP();
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
function register(program) {
  program.command("bake <dirs...>").description("build many connectors in one `docker buildx bake` (shared base layers), then verify each; one failure never hides the others").option("--platform <list>", "platforms for every connector (default: each connector's own, else linux/amd64,linux/arm64)").option("--base-image <ref>", "base image: REF for all, or LANGUAGE=REF (repeatable)", collect).option("--print", "write the bake file and Dockerfiles, print the bake file, build nothing").option("--workdir <dir>", "with --print: where the bake file and Dockerfiles go (default: a new temp dir)").option("--no-verify", "build only").option("--provenance <mode>", "provenance attestation: min (default), max or false").option("--no-cache", "do not use the build cache").option("--builder <name>", "buildx builder to use (default: BUILDX_BUILDER or the current one; e.g. a remote BuildKit)").option("--timeout <seconds>", "per connector command during verify (default 120)").addOption(new Option("--verify-concurrency <n>", "connectors verified at once (default: min(2 \xD7 cores, free memory / (256 MB \xD7 platforms)))").env("BC_VERIFY_CONCURRENCY")).action(
    action(async (out, _g, dirs, opts) => {
      const { provenance, timeout, verifyConcurrency, platforms, baseImages } = parseFields({
        provenance: opts.provenance,
        timeout: opts.timeout,
        verifyConcurrency: opts.verifyConcurrency,
        platforms: opts.platform,
        baseImages: opts.baseImage
      });
      const { bakeConnectors, printBake } = await import("./bake-UGUKMLJU.js");
      const common = { platforms, baseImages, provenance, log: (l) => out.info(l) };
      if (opts.print) {
        const workdir = resolve(opts.workdir ?? await mkdtemp(join(tmpdir(), "bc-bake-print-")));
        const p = await printBake(dirs, workdir, common);
        out.info(`bake file: ${p.file} (run: docker buildx bake -f ${p.file} --load)`);
        for (const r of p.results) out.warn(`${r.dir}: ${r.status}: ${r.problems[0] ?? ""}`);
        process.stdout.write(`${JSON.stringify(p.bakeFile, null, 2)}
`);
        return p.results.length > 0 ? ExitCode.failed : ExitCode.ok;
      }
      const res = await bakeConnectors(dirs, {
        ...common,
        verify: opts.verify,
        noCache: opts.cache === false,
        builder: opts.builder,
        verifyConcurrency,
        // one line per connector as its result is final (the table comes at the end)
        onResult: (r) => {
          const fails = failedChecks(r.report);
          out.info(`bake: ${r.connector} ${r.status}${fails.length > 0 ? `: ${fails.map((c) => `${c.id} (${c.platform})`).join(", ")}` : r.problems[0] ? `: ${r.problems[0]}` : ""}`);
        },
        timeoutSeconds: timeout
      });
      out.result(res, () => {
        const results = res.results.map((r) => ({ ...r, fails: failedChecks(r.report) }));
        const rows = results.map((r) => [
          r.connector,
          r.status,
          r.platforms.join(","),
          r.fails.length > 0 ? r.fails.map((c) => `${c.id} (${c.platform}): ${c.message}`).join("; ") : r.problems[0] ?? (r.digest ? r.digest.slice(0, 19) : "")
        ]);
        const failedN = res.results.filter((r) => r.status !== "verified" && r.status !== "built").length;
        const detail = results.filter((r) => r.problems.length > 1 || r.fails.some((c) => c.fix)).flatMap((r) => [``, `${r.connector}:`, ...r.problems.map((l) => `  ${l}`), ...r.fails.filter((c) => c.fix).map((c) => `  fix (${c.id}): ${c.fix}`)]);
        return [
          renderTable(["connector", "result", "platforms", "detail"], rows),
          ...detail,
          "",
          `bake: ${res.results.length - failedN} of ${res.results.length} ok (build ${(res.buildMs / 1e3).toFixed(1)} s, verify ${(res.verifyMs / 1e3).toFixed(1)} s; ${res.strategy.kind} strategy on ${res.strategy.builder}/${res.strategy.driver}, ${res.strategy.store} store)`
        ].join("\n");
      });
      return res.ok ? ExitCode.ok : ExitCode.failed;
    })
  );
}
export {
  register
};
