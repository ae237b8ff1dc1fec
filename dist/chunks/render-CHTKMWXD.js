import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  planSummary,
  resolvePlan
} from "./chunk-MXAM53DZ.js";
import {
  action
} from "./chunk-C7XVHE3Q.js";
import {
  isDigestPinned
} from "./chunk-SOKBBEPG.js";
import "./chunk-GCO5KNKR.js";
import "./chunk-6OKTNOVI.js";
import "./chunk-IGOOYWZR.js";
import "./chunk-NCNAGE66.js";
import {
  init_define_BC_HELP
} from "./chunk-BBPJ244V.js";

// src/commands/render.ts
init_define_BC_HELP();
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
function register(program) {
  program.command("render [dir]").description("render the Dockerfile for a connector directory (custom mode: print its own Dockerfile)").option("--out <file>", "write the Dockerfile here (and FILE.dockerignore next to it) instead of printing it").option("--base-image <ref>", "base image to build FROM (default: data.buildConnector.baseImage, data.connectorBuildOptions.baseImage, the base definition)").option("--templates <dir>", "extra template folders (<dir>/<language>/Dockerfile.hbs), searched before the bundled ones").action(
    action(async (out, _g, dir, opts) => {
      const plan = await resolvePlan(dir ?? ".", { baseImage: opts.baseImage, templatesDir: opts.templates });
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
