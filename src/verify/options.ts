/**
 * What verify is asked (VerifyOptions, VerifyInputs) and the host files it
 * reads before any container starts: the inputs staged for the connector
 * runs, and the hashes of the connector's secrets/ files.
 */
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ConnectorType } from '../connector/types.js';
import type { Mount } from '../docker/container.js';
import { badInput } from '../errors.js';
import { checkInputFile, readBoundedFile, type InputKind } from '../fs-util.js';
import { ConfiguredCatalogSchema, type ConfiguredCatalog } from '../protocol/messages.js';
import type { SecretFile } from './config-checks.js';


export interface VerifyInputs {
  config?: string;
  catalog?: string;
  state?: string;
  /** messages fed to `write` on stdin */
  input?: string;
}

export interface VerifyOptions {
  platforms?: string[];
  /** source or destination; default: from the io.airbyte.name label or the image name */
  connectorType?: ConnectorType;
  inputs?: VerifyInputs;
  /** per connector command (the request grammar gives 120 when --timeout is not given) */
  timeoutSeconds: number;
  memory?: string;
  pidsLimit?: number;
  cpus?: number;
  /** stdout limits of each connector run (protocol/lines.ts has the defaults) */
  maxOutputBytes?: number;
  maxLineBytes?: number;
  /** network for check/discover/read/write (spec always runs with none); default bridge */
  ioNetwork?: string;
  /** the connector's secrets/ directory: no file of it may be in the image */
  secretsDir?: string;
  /** labels metadata.yaml implies */
  expectedLabels?: { name: string; version: string };
  onProgress?: (line: string) => void;
  /**
   * platform → the local image holding that platform, where the store keeps
   * one platform per tag (the classic image store); default: `image` for all
   */
  platformImages?: Record<string, string>;
  /** check exactly `platforms` (one job of a distributed build); default: linux/amd64 is always added */
  exactPlatforms?: boolean;
  /**
   * the environment of the docker calls that read a registry image (buildx
   * imagetools, the pulling probe): a private DOCKER_CONFIG with the given
   * credentials (credentials.ts toolAuth); default: the user's docker config
   */
  registryEnv?: Record<string, string>;
}

export const CONFIG_MOUNT = '/airbyte/config.json';
export const CATALOG_MOUNT = '/airbyte/catalog.json';
export const STATE_MOUNT = '/airbyte/state.json';

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  await walk(dir);
  return out;
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function hashSecrets(dir: string): Promise<SecretFile[]> {
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch {
    return [];
  }
  // Empty files hash alike and would match any empty file in the image.
  const hashed = await Promise.all(files.map(async (f) => ({ name: relative(dir, f), content: await readFile(f) })));
  return hashed.filter((h) => h.content.length > 0).map((h) => ({ name: h.name, sha256: sha256(h.content), size: h.content.length }));
}

export interface Staged {
  dir: string;
  mounts: { config?: Mount; catalog?: Mount; state?: Mount };
  catalog?: ConfiguredCatalog;
  input?: string;
}

/**
 * Copy inputs to a private temp dir, readable by any uid: the connector runs
 * as airbyte (uid 1000), and a host file mode of 0600 would hide it.
 */
export async function stageInputs(inputs: VerifyInputs): Promise<Staged> {
  const dir = await mkdtemp(join(tmpdir(), 'bc-verify-'));
  const staged: Staged = { dir, mounts: {} };
  const stage = async (file: string | undefined, name: string, target: string, kind: InputKind): Promise<Mount | undefined> => {
    if (!file) return undefined;
    const dest = join(dir, name);
    // a FIFO or /dev/zero passed as --config would block or fill the disk
    await checkInputFile(file, { kind, fix: 'fix: pass an existing regular file' });
    try {
      await copyFile(file, dest);
    } catch {
      throw badInput(`cannot read ${file}`, ['fix: pass an existing file']);
    }
    await chmod(dest, 0o644);
    return { source: dest, target, readOnly: true };
  };
  staged.mounts.config = await stage(inputs.config, 'config.json', CONFIG_MOUNT, 'config JSON');
  staged.mounts.catalog = await stage(inputs.catalog, 'catalog.json', CATALOG_MOUNT, 'catalog JSON');
  staged.mounts.state = await stage(inputs.state, 'state.json', STATE_MOUNT, 'state JSON');
  if (inputs.catalog) {
    const text = await readBoundedFile(inputs.catalog, { kind: 'catalog JSON' });
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw badInput(`${inputs.catalog} is not JSON`);
    }
    const parsed = ConfiguredCatalogSchema.safeParse(raw);
    if (!parsed.success) throw badInput(`${inputs.catalog} is not a configured catalog`, parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`));
    staged.catalog = parsed.data;
  }
  if (inputs.input) staged.input = await readBoundedFile(inputs.input, { kind: 'input messages' });
  return staged;
}

