import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveSourceDateEpoch
} from "./chunk-JYR5F3UW.js";
import "./chunk-CPIF7QPF.js";
import "./chunk-7M2CDPMO.js";
import "./chunk-ORSAWO26.js";
import "./chunk-WTWHMYE6.js";
import {
  imageMetadata,
  planSummary,
  resolvePlan
} from "./chunk-3V2W6OQB.js";
import "./chunk-72EPRZDK.js";
import "./chunk-Y2LOYOX6.js";
import {
  action
} from "./chunk-ULLLB6I3.js";
import "./chunk-2IDTRXAZ.js";
import "./chunk-BTV5XUFB.js";
import {
  isDigestPinned
} from "./chunk-W5OZTBRM.js";
import "./chunk-GCCGMITS.js";
import "./chunk-WU7HX5KS.js";
import "./chunk-UKZEXR6B.js";
import "./chunk-BEB7XHHM.js";
import "./chunk-4G6BOLVH.js";
import "./chunk-2JEQD4KA.js";
import {
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/commands/render.ts
init_define_BC_HELP();
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
function register(program) {
  program.command("render [dir]").description("render the Dockerfile for a connector directory (custom mode: print its own Dockerfile)").option("--out <file>", "write the Dockerfile here (and FILE.dockerignore next to it) instead of printing it").option("--base-image <ref>", "base image to build FROM (default: data.buildConnector.baseImage, data.connectorBuildOptions.baseImage, the base definition)").option("--templates <dir>", "extra template folders (<dir>/<language>/Dockerfile.hbs), searched before the bundled ones").action(
    action(async (out, _g, dir, opts) => {
      const [epoch, git] = await Promise.all([resolveSourceDateEpoch(dir ?? ".", void 0), imageMetadata(dir ?? ".", void 0)]);
      const metadata = { ...git, created: epoch.value };
      const plan = await resolvePlan(dir ?? ".", { baseImage: opts.baseImage, templatesDir: opts.templates, metadata });
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
