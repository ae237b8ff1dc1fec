import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  action
} from "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/render.ts
init_define_BC_HELP();
function register(program) {
  program.command("render [dir]").description("render the Dockerfile for a connector directory (custom mode: print its own Dockerfile)").option("--out <file>", "write the Dockerfile here (and FILE.dockerignore next to it) instead of printing it").option("--base-image <ref>", "base image to build FROM (default: data.buildConnector.baseImage, data.connectorBuildOptions.baseImage, the base definition)").option("--templates <dir>", "extra template folders (<dir>/<language>/Dockerfile.hbs), searched before the bundled ones").option("--no-resolve", "do not read the base image's config (engine, registry): use base-images/<language>/base.yaml").action(
    action(async (out, _g, dir, opts) => {
      const { runRender } = await import("./render-J4IIAK5Y.js");
      const r = await runRender({ dir: dir ?? ".", baseImage: opts.baseImage, templatesDir: opts.templates, resolveBase: opts.resolve !== false, out: opts.out });
      const plan = r.plan;
      const choice = plan.languageChoice;
      if (choice && choice.from !== "tag") out.info(`language ${choice.language}: ${choice.reason}`);
      if (plan.pythonInstall && !plan.pythonInstall.offline) out.info(`python install from ${plan.pythonInstall.index}: ${plan.pythonInstall.why}`);
      if (plan.baseFacts?.resolved) out.info(`base facts from the ${plan.baseFacts.resolved === "engine" ? "local engine" : "registry"}: entrypoint ${JSON.stringify(plan.baseFacts.entrypoint)}, user ${JSON.stringify(plan.baseFacts.user)}`);
      if (!r.basePinned) {
        out.warn(`base image ${plan.baseImage} is not pinned by digest: builds are not reproducible (pin it as NAME:TAG@sha256:\u2026)`);
      }
      if (r.wrote) out.info(`wrote ${opts.out} and ${opts.out}.dockerignore (${plan.mode} mode)`);
      out.result(r.summary, () => opts.out ? "" : plan.dockerfile);
    })
  );
}
export {
  register
};
