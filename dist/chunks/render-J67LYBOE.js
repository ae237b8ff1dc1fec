import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  planSummary,
  resolvePlan
} from "./chunk-A2PKEVEV.js";
import "./chunk-HSWBEYPK.js";
import {
  action
} from "./chunk-U5YRR6AO.js";
import "./chunk-OCQSVPUE.js";
import {
  isDigestPinned
} from "./chunk-FGC2GAOX.js";
import "./chunk-GOICV6JM.js";
import "./chunk-BE5EM6RG.js";
import "./chunk-XOYO7HYX.js";
import "./chunk-HTCQJELU.js";
import "./chunk-BPUH7USV.js";
import "./chunk-YXWD64HT.js";
import {
  init_define_BC_HELP
} from "./chunk-CDVMQLRB.js";

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
