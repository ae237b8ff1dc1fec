import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveSourceDateEpoch
} from "./chunk-3YZP6RHJ.js";
import "./chunk-LYSOOPQ4.js";
import "./chunk-4ZOYULDS.js";
import "./chunk-YUL7NHU4.js";
import "./chunk-LKZBC7GO.js";
import {
  imageMetadata,
  planSummary,
  resolvePlan
} from "./chunk-GXY3PSFF.js";
import "./chunk-POG5CEUR.js";
import {
  action
} from "./chunk-ZBFYMFRC.js";
import "./chunk-NSDITCIR.js";
import {
  isDigestPinned
} from "./chunk-W6QOQLE7.js";
import "./chunk-W257OXBH.js";
import "./chunk-UN5L6T7S.js";
import "./chunk-A3I33V3B.js";
import "./chunk-ZBE7Q2QI.js";
import "./chunk-3LX63W6I.js";
import "./chunk-SSN6CUAS.js";
import "./chunk-5R7AJT4B.js";
import "./chunk-7H3P7VBU.js";
import "./chunk-JCCP3NW4.js";
import {
  init_define_BC_HELP
} from "./chunk-F65AD7ZE.js";

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
