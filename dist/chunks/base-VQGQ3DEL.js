import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  buildBase,
  listBases,
  renderBase
} from "./chunk-ZXKMXJJK.js";
import {
  Pipeline,
  done,
  unwrapStepFailure
} from "./chunk-N5APPE22.js";
import {
  imagetoolsDigest
} from "./chunk-J7CCGA2A.js";
import {
  docker
} from "./chunk-2UDPR3IH.js";
import "./chunk-MITLCIOK.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import {
  DEFAULT_PLATFORMS,
  archOf
} from "./chunk-Z2MWC52I.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import {
  badInput,
  envMissing
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/flows/base.ts
init_define_BC_HELP();

// src/base/local-root.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
import { link, mkdtemp, readlink, rm, stat, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, dirname, resolve } from "node:path";
var DEFAULT_CACHE = process.env.BUILD_CONNECTOR_CACHE ?? "/var/cache/build-connector";
async function resolveTar(dir, name, arch) {
  const p = join(dir, `${name}-${arch}.tar`);
  try {
    await stat(p);
  } catch {
    throw envMissing(`root filesystem ${p} is missing`, ["fix: run scripts/setup-engine.sh (it builds the root filesystems with mmdebstrap)"]);
  }
  try {
    return resolve(dirname(p), await readlink(p));
  } catch {
    return p;
  }
}
async function ensureLocalRoot(opts) {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(opts.name)) throw badInput(`invalid root name "${opts.name}"`);
  const dir = opts.rootfsDir ?? join(DEFAULT_CACHE, "rootfs");
  const platforms = opts.platforms ?? [...DEFAULT_PLATFORMS];
  const tars = await Promise.all(platforms.map(async (p) => ({ arch: archOf(p), path: await resolveTar(dir, opts.name, archOf(p)) })));
  const key = createHash("sha256").update(tars.map((t) => `${t.arch}=${basename(t.path)}`).join("\n")).digest("hex").slice(0, 16);
  const repo = `${opts.registry}/build-connector/root-${opts.name}`;
  const tag = `${repo}:${key}`;
  const existing = await imagetoolsDigest(tag);
  if (existing) return { tag, ref: `${repo}@${existing}`, digest: existing, built: false };
  const ctx = await mkdtemp(join(tmpdir(), "bc-root-"));
  try {
    for (const t of tars) {
      const dest = join(ctx, `rootfs-${t.arch}.tar`);
      await link(t.path, dest).catch(() => copyFile(t.path, dest));
    }
    await writeFile(join(ctx, "Dockerfile"), 'FROM scratch\nARG TARGETARCH\nADD rootfs-${TARGETARCH}.tar /\nCMD ["/bin/sh"]\n');
    await docker(["buildx", "build", "--platform", platforms.join(","), "--provenance=false", "--push", "-t", tag, ctx], {
      step: `build root image ${opts.name}`,
      timeoutMs: 20 * 6e4
    });
  } finally {
    await rm(ctx, { recursive: true, force: true });
  }
  const digest = await imagetoolsDigest(tag);
  if (!digest) throw envMissing(`pushed ${tag} but the registry does not show it`);
  return { tag, ref: `${repo}@${digest}`, digest, built: true };
}

// src/core/flows/base.ts
var BASE_RENDER_STEPS = ["render"];
var BASE_BUILD_STEPS = ["render", "build"];
var BASE_ROOT_STEPS = ["build"];
var BASE_LIST_STEPS = ["list"];
async function renderStep(run, name, rootImage) {
  return run.step("render", async () => {
    const r = await renderBase(name, rootImage);
    return done(r, `base ${r.definition.name} on ${r.root}`);
  });
}
async function runBaseRender(req, hooks = {}) {
  const run = new Pipeline(BASE_RENDER_STEPS, hooks);
  return unwrapStepFailure(async () => ({ value: await renderStep(run, req.name, req.rootImage), steps: run.records }));
}
async function runBaseBuild(req, hooks = {}) {
  const run = new Pipeline(BASE_BUILD_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const rendered = await renderStep(run, req.name, req.rootImage);
    const value = await run.step("build", async () => {
      const r = await buildBase({ ...req, rendered });
      return done(r, `${r.built ? "built" : "reused"} ${r.ref}`);
    });
    return { value, steps: run.records };
  });
}
async function runBaseRoot(req, hooks = {}) {
  const run = new Pipeline(BASE_ROOT_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const value = await run.step("build", async () => {
      const r = await ensureLocalRoot(req);
      return done(r, `${r.built ? "built" : "reused"} ${r.ref}`);
    });
    return { value, steps: run.records };
  });
}
async function runBaseList(hooks = {}) {
  const run = new Pipeline(BASE_LIST_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const value = await run.step("list", async () => {
      const names = await listBases();
      return done(names, `${names.length} base(s)`);
    });
    return { value, steps: run.records };
  });
}
export {
  BASE_BUILD_STEPS,
  BASE_LIST_STEPS,
  BASE_RENDER_STEPS,
  BASE_ROOT_STEPS,
  runBaseBuild,
  runBaseList,
  runBaseRender,
  runBaseRoot
};
