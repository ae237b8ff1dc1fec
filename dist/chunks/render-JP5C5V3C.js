import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveSourceDateEpoch
} from "./chunk-CJNPPTT2.js";
import "./chunk-RKZ7QWRK.js";
import "./chunk-3WTKKLMR.js";
import "./chunk-SY2HX7B5.js";
import "./chunk-2V6TITHN.js";
import {
  Pipeline,
  done,
  skip,
  unwrapStepFailure
} from "./chunk-KQSEGK2J.js";
import {
  imageMetadata,
  planSummary,
  resolvePlan
} from "./chunk-M6ZQ3FQ4.js";
import "./chunk-PGUDD2T7.js";
import "./chunk-R2AGHTMK.js";
import "./chunk-TC2BRTU6.js";
import "./chunk-FGNXK54K.js";
import "./chunk-MTXBWW3F.js";
import "./chunk-R5RVLK2O.js";
import "./chunk-G44WSTAN.js";
import "./chunk-ER4JP5BU.js";
import "./chunk-TD526ZK6.js";
import {
  isDigestPinned
} from "./chunk-ZYH5R5FA.js";
import "./chunk-ZY7CTMHJ.js";
import "./chunk-EHNW6LQR.js";
import "./chunk-ABYH3ITZ.js";
import "./chunk-3CSLZISE.js";
import "./chunk-VFM347UL.js";
import "./chunk-LY74QNZY.js";
import "./chunk-MATTDRBK.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

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
