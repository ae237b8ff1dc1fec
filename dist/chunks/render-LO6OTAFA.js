import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  resolveSourceDateEpoch
} from "./chunk-2GEBE4E6.js";
import "./chunk-SMOZ4NBO.js";
import "./chunk-YWBUJMQP.js";
import "./chunk-UEN25T52.js";
import {
  imageMetadata,
  planSummary,
  resolvePlan
} from "./chunk-RATEBUL6.js";
import "./chunk-PGFQWAD5.js";
import "./chunk-5YQ3S5Q2.js";
import "./chunk-TSLGNTVH.js";
import {
  Pipeline,
  done,
  skip,
  unwrapStepFailure
} from "./chunk-VAKOVJ6U.js";
import "./chunk-FY77UF3H.js";
import "./chunk-6X7G7J2L.js";
import "./chunk-WMSW7MOX.js";
import "./chunk-HGKEUVWK.js";
import "./chunk-T3TCOM34.js";
import "./chunk-DUDWKVG5.js";
import {
  isDigestPinned
} from "./chunk-BEU6A573.js";
import "./chunk-AVBWJCO6.js";
import "./chunk-BPFYRHR7.js";
import "./chunk-2LHUKJXH.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-BRC3U7YZ.js";
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
