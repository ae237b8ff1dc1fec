import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveSourceDateEpoch
} from "./chunk-ZU3EA74B.js";
import "./chunk-MOA3NBGW.js";
import "./chunk-STWOCLWY.js";
import "./chunk-I325M6JV.js";
import {
  imageMetadata,
  planSummary,
  resolvePlan
} from "./chunk-FCTKR6QB.js";
import "./chunk-ZXKMXJJK.js";
import "./chunk-Q4QNI43M.js";
import "./chunk-HX44SO3Q.js";
import "./chunk-WYDT4C5S.js";
import {
  Pipeline,
  done,
  skip,
  unwrapStepFailure
} from "./chunk-N5APPE22.js";
import "./chunk-G6CWDOAS.js";
import "./chunk-J7CCGA2A.js";
import "./chunk-2UDPR3IH.js";
import "./chunk-ATMBG6MK.js";
import "./chunk-MITLCIOK.js";
import "./chunk-LC4JF5JN.js";
import {
  isDigestPinned
} from "./chunk-AC6MT37A.js";
import "./chunk-Z2MWC52I.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

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
