import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveSourceDateEpoch
} from "./chunk-6EZ2DNIL.js";
import "./chunk-UR6PWVC7.js";
import "./chunk-JJGERPMA.js";
import "./chunk-HZ74PTKK.js";
import "./chunk-UEN25T52.js";
import {
  imageMetadata,
  planSummary,
  resolvePlan
} from "./chunk-IPTWLPQM.js";
import "./chunk-3BQKRHES.js";
import "./chunk-YCX2N7WZ.js";
import "./chunk-DRBVHAZY.js";
import {
  Pipeline,
  done,
  skip,
  unwrapStepFailure
} from "./chunk-TLSMMWMK.js";
import "./chunk-NBFBEFOG.js";
import "./chunk-IOFOEIPF.js";
import "./chunk-ST2QV46B.js";
import "./chunk-RGI7RSUZ.js";
import "./chunk-ZYRUFS6Q.js";
import "./chunk-DUDWKVG5.js";
import {
  isDigestPinned
} from "./chunk-Q4DKEBY5.js";
import "./chunk-AVBWJCO6.js";
import "./chunk-WPPSXPB4.js";
import "./chunk-ENUPM6VP.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-7ZR53DCF.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/core/flows/render.ts
init_define_BC_HELP();
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
var RENDER_STEPS = ["resolve", "render", "write"];
async function runRender(req, hooks = {}) {
  const run = new Pipeline(RENDER_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const metadata = await run.step("resolve", async () => {
      const [epoch, git] = await Promise.all([resolveSourceDateEpoch(req.dir, void 0), imageMetadata(req.dir, void 0)]);
      return done({ ...git, created: epoch.value }, `SOURCE_DATE_EPOCH=${epoch.value} from ${epoch.from}`);
    });
    const plan = await run.step("render", async () => {
      const plan2 = await resolvePlan(req.dir, { baseImage: req.baseImage, templatesDir: req.templatesDir, metadata, resolveBase: req.resolveBase });
      return done(plan2, `${plan2.mode} Dockerfile, base ${plan2.baseImage}`);
    });
    const out = req.out;
    const wrote = await run.step("write", async () => {
      if (out === void 0) return skip(void 0, "no file asked for");
      const file = resolve(out);
      await writeFile(file, plan.dockerfile);
      await writeFile(`${file}.dockerignore`, plan.dockerignore);
      return done({ dockerfile: file, dockerignore: `${file}.dockerignore` }, `wrote ${file}`);
    });
    return {
      plan,
      summary: planSummary(plan),
      basePinned: !plan.baseImage || isDigestPinned(plan.baseImage),
      ...wrote ? { wrote } : {},
      steps: run.records
    };
  });
}
export {
  RENDER_STEPS,
  runRender
};
