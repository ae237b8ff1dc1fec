import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  ensureJavaIndex,
  runTrivy,
  sbomCacheDir
} from "./chunk-U3YATZQN.js";
import {
  CYCLONEDX_MEDIA_TYPE,
  normalizeBom,
  parseBom
} from "./chunk-6CA5NMQC.js";
import "./chunk-I325M6JV.js";
import "./chunk-TVMRY7EN.js";
import {
  readBoundedFile
} from "./chunk-STQCJ5OL.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/sbom/generate.ts
init_define_BC_HELP();
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
var SBOM_FORMAT = { name: "CycloneDX", mediaType: CYCLONEDX_MEDIA_TYPE };
var ManifestHead = external_exports.object({ mediaType: external_exports.string().optional() }).loose();
async function singleImageLayout(layout, digest, dir) {
  const blob = join(layout, "blobs", "sha256", digest.slice("sha256:".length));
  const text = await readBoundedFile(blob, { kind: "image manifest", fix: "fix: build again" }).catch(() => {
    throw new BcError("failed", `sbom: the build's layout lacks the manifest ${digest}`, { step: "sbom" });
  });
  const head = ManifestHead.safeParse(JSON.parse(text));
  const mediaType = (head.success ? head.data.mediaType : void 0) ?? "application/vnd.oci.image.manifest.v1+json";
  const subject = { digest, mediaType, size: Buffer.byteLength(text) };
  await mkdir(dir, { recursive: true });
  await symlink(join(layout, "blobs"), join(dir, "blobs"));
  await writeFile(join(dir, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(join(dir, "index.json"), JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests: [subject] }));
  return subject;
}
async function generateSboms(req) {
  const { generator } = req;
  const cache = join(sbomCacheDir(), "trivy-cache");
  await ensureJavaIndex(cache);
  const sboms = await Promise.all(
    Object.entries(req.platforms).map(async ([platform, digest]) => {
      const dir = join(req.work, "sbom", platform.replace(/\//g, "-"));
      const subject = await singleImageLayout(req.layout, digest, join(dir, "layout"));
      const raw = join(dir, "trivy.cdx.json");
      await runTrivy(generator, join(dir, "layout"), raw, cache);
      const text = await readBoundedFile(raw, { kind: "sbom" }).catch((err) => {
        throw new BcError("failed", `sbom: ${platform}: the generator's output could not be read: ${err instanceof Error ? err.message : String(err)}`, { step: "sbom" });
      });
      const { bytes, facts } = normalizeBom(parseBom(text, generator.name), {
        repository: req.repository,
        version: req.version,
        platform,
        digest,
        created: req.created,
        ...req.license ? { license: req.license } : {}
      });
      const file = join(dir, "sbom.cdx.json");
      await writeFile(file, bytes);
      req.log?.(`sbom: ${platform}: ${facts.components} components (${Object.entries(facts.ecosystems).map(([k, v]) => `${v} ${k}`).join(", ") || "no packages"})`);
      return { platform, subject, bytes, facts, file };
    })
  );
  return sboms;
}
export {
  SBOM_FORMAT,
  generateSboms
};
