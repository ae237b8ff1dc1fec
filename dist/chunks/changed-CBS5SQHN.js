import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  renderTable
} from "./chunk-LWYI6ORG.js";
import {
  parseFields
} from "./chunk-UOA3M2KC.js";
import "./chunk-Z2MWC52I.js";
import {
  action
} from "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-CL32DPN3.js";
import "./chunk-SVKG5X7A.js";
import {
  ExitCode
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/changed.ts
init_define_BC_HELP();
import { resolve } from "node:path";
function register(program) {
  program.command("changed").description("list the connectors affected since a git ref (own files, template, base image, shared paths); --matrix prints a GitHub Actions matrix").option("--since <ref>", "git ref to compare with (its merge base with HEAD), e.g. origin/main; missing or all zeros (a new branch): the default branch").option("-C, --repo <dir>", "the repository to look at (default: the current directory)").option("--roots <dirs>", "comma-separated directories to discover connectors in (default: roots: in build-connector.yaml, else the repository)").option("--matrix [kind]", 'print a GitHub Actions matrix on one line: "build" (connector \xD7 platform, default) or "merge" (one entry per connector)').option("--platform <list>", "platforms to build (default: platforms: in build-connector.yaml, else linux/amd64,linux/arm64)").option("--runner-amd64 <label>", "runner label for linux/amd64 jobs (default ubuntu-24.04)").option("--runner-arm64 <label>", "runner label for linux/arm64 jobs (default ubuntu-24.04-arm)").action(
    action(async (out, _g, opts) => {
      const { matrix: kind, platforms, roots, changedSince } = parseFields({ matrix: opts.matrix === false ? void 0 : opts.matrix, platforms: opts.platform, roots: opts.roots, changedSince: opts.since });
      const runners = {};
      if (opts.runnerAmd64) runners["linux/amd64"] = opts.runnerAmd64;
      if (opts.runnerArm64) runners["linux/arm64"] = opts.runnerArm64;
      const { runChanged, reasonText } = await import("./changed-3KTEKY4G.js");
      const { changed: res } = await runChanged({
        cwd: resolve(opts.repo ?? "."),
        since: changedSince,
        roots,
        platforms,
        runners
      });
      if (kind !== void 0) {
        process.stdout.write(`${JSON.stringify(kind === "merge" ? res.mergeMatrix : res.matrix)}
`);
        return ExitCode.ok;
      }
      out.result(res, () => {
        const head = `${res.connectors.length} of ${res.discovered} connectors affected since ${res.since}, ${res.changedFiles} changed files`;
        if (res.connectors.length === 0) return head;
        const table = renderTable(
          ["connector", "platforms", "why"],
          res.connectors.map((c) => [c.connector, c.platforms.join(","), reasonText(c)])
        );
        return `${table}

${head}`;
      });
      return ExitCode.ok;
    })
  );
}
export {
  register
};
