import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveSourceDateEpoch
} from "./chunk-4IATUHMF.js";
import "./chunk-TKO7O64U.js";
import "./chunk-ICBUXMKU.js";
import "./chunk-ELGMPWEX.js";
import "./chunk-2V6TITHN.js";
import {
  imageMetadata,
  planSummary,
  resolvePlan
} from "./chunk-URUYBHLZ.js";
import "./chunk-TC2BRTU6.js";
import {
  action
} from "./chunk-OCONVM2U.js";
import "./chunk-SRQ4EVY6.js";
import "./chunk-R5RVLK2O.js";
import "./chunk-G44WSTAN.js";
import "./chunk-LY74QNZY.js";
import "./chunk-STR5SKMR.js";
import {
  isDigestPinned
} from "./chunk-7Z2HG6B2.js";
import "./chunk-ZY7CTMHJ.js";
import "./chunk-EHNW6LQR.js";
import "./chunk-3CSLZISE.js";
import "./chunk-MATTDRBK.js";
import "./chunk-VFM347UL.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

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
