import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  buildBase,
  listBases,
  renderBase
} from "./chunk-PGUDD2T7.js";
import {
  imagetoolsDigest
} from "./chunk-MTXBWW3F.js";
import {
  docker
} from "./chunk-R5RVLK2O.js";
import "./chunk-G44WSTAN.js";
import "./chunk-TD526ZK6.js";
import "./chunk-ZYH5R5FA.js";
import "./chunk-ZY7CTMHJ.js";
import "./chunk-EHNW6LQR.js";
import "./chunk-ABYH3ITZ.js";
import {
  DEFAULT_PLATFORMS,
  archOf
} from "./chunk-3CSLZISE.js";
import "./chunk-VFM347UL.js";
import {
  action,
  listFlag
} from "./chunk-DTF3IE5Z.js";
import "./chunk-LY74QNZY.js";
import {
  badInput,
  envMissing
} from "./chunk-MATTDRBK.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/commands/base.ts
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

// src/commands/base.ts
function register(program) {
  const base = program.command("base").description(`render or build a base image (${"python, java, manifest-only"}), or a local root image`);
  base.command("render <name>").description("print the Dockerfile of a base image").option("--root-image <ref>", "root image to build on (default: the digest-pinned upstream image in base-images/NAME/base.yaml)").action(
    action(async (out, _g, name, opts) => {
      const r = await renderBase(name, opts.rootImage);
      out.result(
        { name: r.definition.name, root: r.root, user: r.definition.user, permittedWriteDirs: r.definition.permittedWriteDirs, labels: r.labels, dockerfile: r.dockerfile },
        () => r.dockerfile
      );
    })
  );
  base.command("build <name>").description("build a base image for every platform and print its digest-pinned reference").requiredOption("--root-image <ref>", "root image to build on (pinned by digest)").option("--registry <host[:port]>", "tag as REGISTRY/build-connector/base-NAME (needed with --push)").option("--push", "push to the registry (an existing identical base is reused)").option("--platform <list>", "platforms", DEFAULT_PLATFORMS.join(",")).action(
    action(async (out, _g, name, opts) => {
      const res = await buildBase({ name, rootImage: opts.rootImage, registry: opts.registry, push: opts.push, platforms: listFlag(opts.platform) });
      out.info(`${res.built ? "built" : "reused"} base ${name} for ${res.platforms.join(", ")}${res.pushed ? " (in the registry)" : " (loaded into the engine)"}`);
      out.result(res, () => res.ref);
    })
  );
  base.command("root <name>").description("build (or reuse) a multi-arch root image from the local root filesystems (mmdebstrap) and push it").option("--registry <host[:port]>", "registry to push to", "localhost:5000").option("--rootfs-dir <dir>", "directory holding NAME-amd64.tar and NAME-arm64.tar").action(
    action(async (out, _g, name, opts) => {
      const root = await ensureLocalRoot({ name, registry: opts.registry, rootfsDir: opts.rootfsDir });
      out.result(root, () => root.ref);
    })
  );
  base.command("list").description("list the bundled base definitions").action(
    action(async (out) => {
      const names = await listBases();
      out.result(names, () => names.join("\n"));
    })
  );
}
export {
  register
};
