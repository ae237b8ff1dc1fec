import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveSourceDateEpoch
} from "./chunk-UMFM6UD4.js";
import "./chunk-G5RLS37P.js";
import "./chunk-V5RQTSF5.js";
import "./chunk-UEN25T52.js";
import {
  imageMetadata,
  planSummary,
  resolvePlan
} from "./chunk-H7BBVYBD.js";
import "./chunk-OOZWH23A.js";
import "./chunk-ZCFKAUSD.js";
import "./chunk-XXP3MPL7.js";
import "./chunk-VA5ORGU4.js";
import {
  Pipeline,
  done,
  skip,
  unwrapStepFailure
} from "./chunk-QL47CY3G.js";
import "./chunk-CYJU4RMM.js";
import "./chunk-CY7YV7HZ.js";
import "./chunk-ZLOFR45O.js";
import "./chunk-FA2OQ6TM.js";
import "./chunk-6N6K3GH5.js";
import "./chunk-TDTQ2VRD.js";
import "./chunk-DUDWKVG5.js";
import {
  isDigestPinned
} from "./chunk-2U75EEOT.js";
import "./chunk-HI25WK67.js";
import "./chunk-N2CKSR53.js";
import "./chunk-H2BA5LQY.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
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
