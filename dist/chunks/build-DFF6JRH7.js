import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseBuildConfig
} from "./chunk-7JSNI2LE.js";
import {
  buildImage,
  resolveSourceDateEpoch
} from "./chunk-CCIVOFPO.js";
import "./chunk-YFXFELDP.js";
import {
  detectCapabilities
} from "./chunk-I3P7BAE6.js";
import "./chunk-KUEU47YF.js";
import "./chunk-HLABXXTJ.js";
import "./chunk-S7XNTR7J.js";
import {
  action,
  collect
} from "./chunk-36SEYKHO.js";
import {
  resolvePlan
} from "./chunk-KZHML7GL.js";
import "./chunk-HTAJS5Q3.js";
import "./chunk-VDZCJ54U.js";
import "./chunk-F4ZLNMK7.js";
import "./chunk-J7A4ZPCX.js";
import "./chunk-2OG2YJHP.js";
import "./chunk-DV5U53WV.js";
import "./chunk-O2TNV3EK.js";
import "./chunk-GQG4KOFT.js";
import "./chunk-EOVLSTFT.js";
import {
  ExitCode,
  badInput
} from "./chunk-G6GUSTSF.js";
import {
  init_define_BC_HELP
} from "./chunk-IOSLR57L.js";

// src/commands/build.ts
init_define_BC_HELP();
function parseOutputFlag(value, load) {
  if (value === void 0) return { type: "load" };
  if (load) throw badInput("--load and --output exclude each other");
  const m = /^(?:oci=(.+)|type=oci,dest=(.+))$/.exec(value.trim());
  const dest = m?.[1] ?? m?.[2];
  if (!dest) {
    throw badInput(`--output ${value}: expected oci=FILE (pushing is done by \`build-connector publish\`, after verify)`);
  }
  return { type: "oci", dest };
}
function parseProvenanceFlag(value) {
  if (value === void 0) return "min";
  const v = value.trim().toLowerCase().replace(/^mode=/, "");
  if (v === "min" || v === "true" || v === "1") return "min";
  if (v === "max") return "max";
  if (v === "false" || v === "0") return false;
  throw badInput(`--provenance ${value}: expected min, max or false`);
}
function parseProgressFlag(value) {
  if (value === void 0) return "auto";
  if (value === "auto" || value === "tty" || value === "plain" || value === "quiet") return value;
  throw badInput(`--progress ${value}: expected auto, tty, plain or quiet`);
}
function parseEpochFlag(value) {
  if (value === void 0) return void 0;
  if (!/^\d{1,12}$/.test(value.trim())) throw badInput(`--source-date-epoch ${value}: expected unix seconds (a non-negative integer)`);
  return Number.parseInt(value.trim(), 10);
}
function humanResult(r) {
  const yes = (b) => b ? "yes" : "no";
  const lines = [
    `built ${r.connector.repository}:${r.connector.version} for ${r.platforms.join(", ")} in ${(r.durationMs / 1e3).toFixed(1)} s`,
    `  digest             ${r.digest}`
  ];
  if (r.output === "load") lines.push(`  image              ${r.tags.join(", ")} (loaded into the engine)`);
  else lines.push(`  OCI archive        ${r.ociArchive ?? ""}`);
  for (const m of r.manifests) lines.push(`  ${m.platform.padEnd(18)} ${m.digest}`);
  if (r.attestations) lines.push(`  attestations       ${r.attestations} (provenance; shown as platform unknown/unknown in the index)`);
  lines.push(
    `  reproducible       index: ${yes(r.reproducible.index)}, per-platform manifests: ${yes(r.reproducible.manifests)} \u2014 ${r.reproducible.reason}`,
    `  SOURCE_DATE_EPOCH  ${r.sourceDateEpoch} (${r.sourceDateEpochFrom})`,
    `  builder            ${r.builder.name} (${r.builder.driver} driver)`
  );
  if (r.lint.warnings > 0) lines.push(`  lint               ${r.lint.warnings} warning(s)`);
  return lines.join("\n");
}
function register(program) {
  program.command("build [dir]").description("build the connector image for linux/amd64 and linux/arm64 (lint first; load into the engine or write an OCI archive)").option("--platform <list>", "platforms, comma separated (default: metadata.yaml data.buildConnector.platforms, else linux/amd64,linux/arm64)").option("--load", "load the image into the engine (default); tags REPO:VERSION and REPO:dev").option("--output <oci=FILE>", "write an OCI archive instead of loading (reproducible where the builder supports rewrite-timestamp)").option("--tag <ref>", "image name to give the result, repeatable (replaces the default tags)", collect).option("--base-image <ref>", "base image to render with (pinned by digest)").option("--build-arg <KEY=VALUE>", "extra build argument, repeatable", collect).option("--cache-from <spec>", "buildx --cache-from, repeatable", collect).option("--cache-to <spec>", "buildx --cache-to, repeatable", collect).option("--provenance <mode>", "provenance attestation: min (default), max or false").option("--source-date-epoch <seconds>", "timestamps of the image (default: $SOURCE_DATE_EPOCH, else the last commit time of DIR, else 0)").option("--builder <name>", "buildx builder to use (default: BUILDX_BUILDER or the current one)").option("--no-cache", "do not use the build cache").option("--progress <mode>", "auto (default), tty, plain or quiet").action(
    action(async (out, _g, dir, flags) => {
      const cfg = parseBuildConfig({
        connectors: [dir ?? "."],
        platforms: flags.platform,
        baseImage: flags.baseImage,
        cacheFrom: flags.cacheFrom,
        cacheTo: flags.cacheTo,
        buildArgs: flags.buildArg
      });
      const output = parseOutputFlag(flags.output, flags.load);
      const opts = {
        platforms: flags.platform !== void 0 ? cfg.platforms : void 0,
        output,
        tags: flags.tag,
        buildArgs: cfg.buildArgs,
        cacheFrom: cfg.cacheFrom,
        cacheTo: cfg.cacheTo,
        provenance: parseProvenanceFlag(flags.provenance),
        sourceDateEpoch: parseEpochFlag(flags.sourceDateEpoch),
        builder: flags.builder,
        noCache: flags.cache === false,
        progress: parseProgressFlag(flags.progress)
      };
      const capabilities = detectCapabilities(flags.builder, { cache: true });
      capabilities.catch(() => void 0);
      const connectorDir = cfg.connectors[0] ?? ".";
      const sourceDateEpochResolved = resolveSourceDateEpoch(connectorDir, opts.sourceDateEpoch);
      sourceDateEpochResolved.catch(() => void 0);
      const plan = await resolvePlan(connectorDir, { baseImage: cfg.baseImage, platforms: opts.platforms });
      const result = await buildImage(plan, { ...opts, capabilities, sourceDateEpochResolved });
      out.result(result, () => humanResult(result));
      return ExitCode.ok;
    })
  );
}
export {
  humanResult,
  parseEpochFlag,
  parseOutputFlag,
  parseProgressFlag,
  parseProvenanceFlag,
  register
};
