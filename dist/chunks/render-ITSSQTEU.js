import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveSourceDateEpoch
} from "./chunk-7MTNLM4L.js";
import "./chunk-YY4LZT5T.js";
import "./chunk-HY2OZWXO.js";
import "./chunk-CDY7HCGN.js";
import {
  imageMetadata,
  planSummary,
  resolvePlan
} from "./chunk-ZPTBBXRE.js";
import "./chunk-UFXM2AKX.js";
import {
  action
} from "./chunk-F2VC4BAM.js";
import {
  isDigestPinned
} from "./chunk-MR3WDBBH.js";
import "./chunk-XXCHFLXQ.js";
import "./chunk-UY2IZIGH.js";
import "./chunk-65TEMGBV.js";
import "./chunk-EITCH64O.js";
import "./chunk-WL7URP6M.js";
import "./chunk-3B6BBNWB.js";
import "./chunk-RW67NCSM.js";
import "./chunk-TIPUL6EO.js";
import "./chunk-3S7N7WR3.js";
import {
  init_define_BC_HELP
} from "./chunk-GZBHEZT2.js";

// src/commands/render.ts
init_define_BC_HELP();
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
function register(program) {
  program.command("render [dir]").description("render the Dockerfile for a connector directory (custom mode: print its own Dockerfile)").option("--out <file>", "write the Dockerfile here (and FILE.dockerignore next to it) instead of printing it").option("--base-image <ref>", "base image to build FROM (default: data.buildConnector.baseImage, data.connectorBuildOptions.baseImage, the base definition)").option("--templates <dir>", "extra template folders (<dir>/<language>/Dockerfile.hbs), searched before the bundled ones").option("--no-resolve", "do not read the base image's config (engine, registry): use base-images/<language>/base.yaml").action(
    action(async (out, _g, dir, opts) => {
      const [epoch, git] = await Promise.all([resolveSourceDateEpoch(dir ?? ".", void 0), imageMetadata(dir ?? ".", void 0)]);
      const metadata = { ...git, created: epoch.value };
      const plan = await resolvePlan(dir ?? ".", { baseImage: opts.baseImage, templatesDir: opts.templates, metadata, resolveBase: opts.resolve !== false });
      const choice = plan.languageChoice;
      if (choice && choice.from !== "tag") out.info(`language ${choice.language}: ${choice.reason}`);
      if (plan.pythonInstall && !plan.pythonInstall.offline) out.info(`python install from ${plan.pythonInstall.index}: ${plan.pythonInstall.why}`);
      if (plan.baseFacts?.resolved) out.info(`base facts from the ${plan.baseFacts.resolved === "engine" ? "local engine" : "registry"}: entrypoint ${JSON.stringify(plan.baseFacts.entrypoint)}, user ${JSON.stringify(plan.baseFacts.user)}`);
      if (plan.baseImage && !isDigestPinned(plan.baseImage)) {
        out.warn(`base image ${plan.baseImage} is not pinned by digest: builds are not reproducible (pin it as NAME:TAG@sha256:\u2026)`);
      }
      if (opts.out) {
        const file = resolve(opts.out);
        await writeFile(file, plan.dockerfile);
        await writeFile(`${file}.dockerignore`, plan.dockerignore);
        out.info(`wrote ${opts.out} and ${opts.out}.dockerignore (${plan.mode} mode)`);
      }
      out.result(planSummary(plan), () => opts.out ? "" : plan.dockerfile);
    })
  );
}
export {
  register
};
