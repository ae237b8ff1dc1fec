import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import "./chunk-DGZXNKV2.js";
import {
  parseFields
} from "./chunk-UOA3M2KC.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-Z2MWC52I.js";
import {
  action
} from "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-CL32DPN3.js";
import "./chunk-SVKG5X7A.js";
import "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/base.ts
init_define_BC_HELP();
var flows = () => import("./base-VQGQ3DEL.js");
function register(program) {
  const base = program.command("base").description(`render or build a base image (${"python, java, manifest-only"}), or a local root image`);
  base.command("render <name>").description("print the Dockerfile of a base image").option("--root-image <ref>", "root image to build on (default: the digest-pinned upstream image in base-images/NAME/base.yaml)").action(
    action(async (out, _g, name, opts) => {
      const { value: r } = await (await flows()).runBaseRender({ name, rootImage: opts.rootImage });
      out.result(
        { name: r.definition.name, root: r.root, user: r.definition.user, permittedWriteDirs: r.definition.permittedWriteDirs, labels: r.labels, dockerfile: r.dockerfile },
        () => r.dockerfile
      );
    })
  );
  base.command("build <name>").description("build a base image for every platform and print its digest-pinned reference").requiredOption("--root-image <ref>", "root image to build on (pinned by digest)").option("--registry <host[:port]>", "tag as REGISTRY/build-connector/base-NAME (needed with --push)").option("--push", "push to the registry (an existing identical base is reused)").option("--platform <list>", "platforms", DEFAULT_PLATFORMS.join(",")).action(
    action(async (out, _g, name, opts) => {
      const { value: res } = await (await flows()).runBaseBuild({ name, rootImage: opts.rootImage, registry: opts.registry, push: opts.push, platforms: parseFields({ platforms: opts.platform }).platforms });
      out.info(`${res.built ? "built" : "reused"} base ${name} for ${res.platforms.join(", ")}${res.pushed ? " (in the registry)" : " (loaded into the engine)"}`);
      out.result(res, () => res.ref);
    })
  );
  base.command("root <name>").description("build (or reuse) a multi-arch root image from the local root filesystems (mmdebstrap) and push it").option("--registry <host[:port]>", "registry to push to", "localhost:5000").option("--rootfs-dir <dir>", "directory holding NAME-amd64.tar and NAME-arm64.tar").action(
    action(async (out, _g, name, opts) => {
      const { value: root } = await (await flows()).runBaseRoot({ name, registry: opts.registry, rootfsDir: opts.rootfsDir });
      out.result(root, () => root.ref);
    })
  );
  base.command("list").description("list the bundled base definitions").action(
    action(async (out) => {
      const { value: names } = await (await flows()).runBaseList();
      out.result(names, () => names.join("\n"));
    })
  );
}
export {
  register
};
