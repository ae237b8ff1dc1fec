import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseFields
} from "./chunk-UOA3M2KC.js";
import "./chunk-Z2MWC52I.js";
import {
  action,
  credentialOptions,
  loginFromFlags
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

// src/commands/merge.ts
init_define_BC_HELP();
function register(program) {
  credentialOptions(
    program.command("merge <dir>").description("merge per-platform images pushed by digest into one multi-platform index, then tag it (only when every platform is present and verified)").requiredOption("--digests <files...>", "digest record files written by the per-platform jobs (`digest-record`)").option("--platform <list>", "platforms the index must have (default: data.buildConnector.platforms, else linux/amd64,linux/arm64)").option("--registry <host[:port]>", "registry (default: from data.dockerRepository, else docker.io)").option("--repository <name>", "repository (default: data.dockerRepository)").option("--aliases", "also move the X.Y and X tags (only for the highest release of the line)").option("--latest <mode>", "auto (default: only when this is the highest stable version), true or false").option("--force", "overwrite an existing version tag that points at another image").option("--dry-run", "check everything and print the plan; create and tag nothing").option("--retries <n>", "attempts for each registry request (default 5)")
  ).action(
    action(async (out, _g, dir, opts) => {
      const login = await loginFromFlags(opts);
      const { retries, latest, platforms } = parseFields({ retries: opts.retries, latest: opts.latest, platforms: opts.platform });
      const { mergeConnector } = await import("./merge-BVUMSGLW.js");
      const res = await mergeConnector(dir, {
        digests: opts.digests ?? [],
        platforms,
        registry: opts.registry,
        repository: opts.repository,
        aliases: opts.aliases,
        latest,
        force: opts.force,
        dryRun: opts.dryRun,
        retries,
        login,
        log: (l) => out.info(l)
      });
      out.result(res, () => {
        if (res.status === "already-published") return `already published: ${res.repository}:${res.version} is ${res.digest} (${res.how})`;
        const lines = [
          `${res.status === "dry-run" ? "would create" : "created"} index ${res.repository}@${res.digest}`,
          ...Object.entries(res.platforms).map(([p, d]) => `  ${p.padEnd(14)} ${d}`)
        ];
        if (res.status === "dry-run") {
          lines.push("tags it would write:", ...res.plan.tags.map((t) => `  ${res.repository}:${t.tag} \u2014 ${t.reason}`));
        } else {
          lines.push("tags:", ...res.tags.map((t) => `  ${res.repository}:${t.tag} (${t.action})`));
        }
        for (const s of res.plan.skipped) lines.push(`  not ${s.tag}: ${s.reason}`);
        return lines.join("\n");
      });
      return ExitCode.ok;
    })
  );
}
export {
  register
};
