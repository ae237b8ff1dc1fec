import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  imagetoolsDigest
} from "./chunk-NWQG6TXH.js";
import {
  docker,
  parseJson
} from "./chunk-WTWHMYE6.js";
import {
  WRITE_DIRS_LABEL,
  baseDockerfileTemplate,
  checkImageFlag,
  createEnv,
  findTemplate,
  listBases,
  loadBaseDefinition,
  renderTemplate
} from "./chunk-3V2W6OQB.js";
import "./chunk-72EPRZDK.js";
import "./chunk-Y2LOYOX6.js";
import {
  action,
  listFlag
} from "./chunk-ULLLB6I3.js";
import "./chunk-2IDTRXAZ.js";
import "./chunk-BTV5XUFB.js";
import {
  parseImageRef
} from "./chunk-W5OZTBRM.js";
import "./chunk-GCCGMITS.js";
import "./chunk-WU7HX5KS.js";
import {
  BcError,
  badInput,
  envMissing
} from "./chunk-UKZEXR6B.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-BEB7XHHM.js";
import {
  external_exports
} from "./chunk-4G6BOLVH.js";
import "./chunk-2JEQD4KA.js";
import {
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/commands/base.ts
init_define_BC_HELP();

// src/render/base-image.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function renderBase(name, rootImage) {
  const def = await loadBaseDefinition(name);
  const root = rootImage === void 0 ? def.root.image : checkImageFlag(rootImage, "--root-image");
  const labels = {
    [WRITE_DIRS_LABEL]: def.permittedWriteDirs.join(","),
    "org.opencontainers.image.title": `build-connector base ${def.name}`,
    "org.opencontainers.image.description": def.description,
    "org.opencontainers.image.base.name": root
  };
  const digest = parseImageRef(root)?.digest;
  if (digest) labels["org.opencontainers.image.base.digest"] = digest;
  const partials = (await findTemplate("python"))?.partials ?? {};
  const tpl = await baseDockerfileTemplate(def.name);
  const dockerfile = renderTemplate(
    createEnv(partials),
    tpl.text,
    {
      name: def.name,
      root,
      user: def.user,
      writeDirs: def.permittedWriteDirs,
      ownedDirs: def.permittedWriteDirs.filter((d) => d !== "/tmp"),
      createDirs: ["/airbyte"],
      labels: Object.entries(labels).map(([key, value]) => ({ key, value }))
    },
    `base-images/${def.name}/Dockerfile.hbs`
  );
  return { definition: def, root, dockerfile, labels };
}
var MetadataSchema = external_exports.object({ "containerimage.digest": external_exports.string().regex(/^sha256:[a-f0-9]{64}$/) }).loose();
function baseTag(name, dockerfile, platforms, registry) {
  const key = createHash("sha256").update(`${platforms.join(",")}
${dockerfile}`).digest("hex").slice(0, 16);
  const prefix = registry ? `${registry.replace(/\/+$/, "")}/` : "";
  return `${prefix}build-connector/base-${name}:${key}`;
}
async function buildBase(opts) {
  const rendered = await renderBase(opts.name, opts.rootImage);
  const platforms = opts.platforms ?? [...DEFAULT_PLATFORMS];
  const tag = baseTag(rendered.definition.name, rendered.dockerfile, platforms, opts.registry);
  if (parseImageRef(tag) === void 0) throw new BcError("badInput", `--registry ${JSON.stringify(opts.registry)}: not a valid registry (host[:port][/path])`);
  const repo = tag.slice(0, tag.lastIndexOf(":"));
  if (opts.push) {
    const existing = await imagetoolsDigest(tag);
    if (existing) return { name: opts.name, tag, ref: `${repo}@${existing}`, digest: existing, built: false, pushed: true, platforms };
  }
  const ctx = await mkdtemp(join(tmpdir(), "bc-base-"));
  try {
    await writeFile(join(ctx, "Dockerfile"), rendered.dockerfile);
    const meta = join(ctx, "metadata.json");
    await docker(
      ["buildx", "build", "--platform", platforms.join(","), "--provenance=false", "--metadata-file", meta, "-t", tag, opts.push ? "--push" : "--load", ctx],
      { step: `build base ${opts.name}`, timeoutMs: 30 * 6e4 }
    );
    const { "containerimage.digest": digest } = parseJson(MetadataSchema, await readFile(meta, "utf8"), "buildx metadata file");
    return { name: opts.name, tag, ref: `${repo}@${digest}`, digest, built: true, pushed: opts.push === true, platforms };
  } finally {
    await rm(ctx, { recursive: true, force: true });
  }
}

// src/base/local-root.ts
init_define_BC_HELP();
import { createHash as createHash2 } from "node:crypto";
import { link, mkdtemp as mkdtemp2, readlink, rm as rm2, stat, writeFile as writeFile2, copyFile } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { basename, join as join2, dirname, resolve } from "node:path";
var DEFAULT_CACHE = process.env.BUILD_CONNECTOR_CACHE ?? "/var/cache/build-connector";
var archOf = (platform) => platform.split("/")[1] ?? "amd64";
async function resolveTar(dir, name, arch) {
  const p = join2(dir, `${name}-${arch}.tar`);
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
  const dir = opts.rootfsDir ?? join2(DEFAULT_CACHE, "rootfs");
  const platforms = opts.platforms ?? ["linux/amd64", "linux/arm64"];
  const tars = await Promise.all(platforms.map(async (p) => ({ arch: archOf(p), path: await resolveTar(dir, opts.name, archOf(p)) })));
  const key = createHash2("sha256").update(tars.map((t) => `${t.arch}=${basename(t.path)}`).join("\n")).digest("hex").slice(0, 16);
  const repo = `${opts.registry}/build-connector/root-${opts.name}`;
  const tag = `${repo}:${key}`;
  const existing = await imagetoolsDigest(tag);
  if (existing) return { tag, ref: `${repo}@${existing}`, digest: existing, built: false };
  const ctx = await mkdtemp2(join2(tmpdir2(), "bc-root-"));
  try {
    for (const t of tars) {
      const dest = join2(ctx, `rootfs-${t.arch}.tar`);
      await link(t.path, dest).catch(() => copyFile(t.path, dest));
    }
    await writeFile2(join2(ctx, "Dockerfile"), 'FROM scratch\nARG TARGETARCH\nADD rootfs-${TARGETARCH}.tar /\nCMD ["/bin/sh"]\n');
    await docker(["buildx", "build", "--platform", platforms.join(","), "--provenance=false", "--push", "-t", tag, ctx], {
      step: `build root image ${opts.name}`,
      timeoutMs: 20 * 6e4
    });
  } finally {
    await rm2(ctx, { recursive: true, force: true });
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
  base.command("build <name>").description("build a base image for every platform and print its digest-pinned reference").requiredOption("--root-image <ref>", "root image to build on (pinned by digest)").option("--registry <host[:port]>", "tag as REGISTRY/build-connector/base-NAME (needed with --push)").option("--push", "push to the registry (an existing identical base is reused)").option("--platform <list>", "platforms", "linux/amd64,linux/arm64").action(
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
