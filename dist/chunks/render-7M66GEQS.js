import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveSourceDateEpoch
} from "./chunk-QT3EOZZT.js";
import "./chunk-25QHAGNU.js";
import "./chunk-4BLWGAPT.js";
import "./chunk-3LSCYLE3.js";
import "./chunk-STCCTQUZ.js";
import {
  imageMetadata,
  planSummary,
  resolvePlan
} from "./chunk-BRTDLUTF.js";
import "./chunk-EU5PPAJO.js";
import {
  action
} from "./chunk-UBURBJIR.js";
import "./chunk-TZHC5YQJ.js";
import "./chunk-NSE6YGCS.js";
import "./chunk-RDTZURDF.js";
import "./chunk-HG4DKFTF.js";
import "./chunk-C3OKXXU7.js";
import "./chunk-Q6YLRKSR.js";
import {
  isDigestPinned
} from "./chunk-2PTM4VG7.js";
import "./chunk-5BSCDYHN.js";
import "./chunk-N4DRTQQW.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import {
  init_define_BC_HELP
} from "./chunk-6ZG2IHFH.js";

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
