/**
 * A container's writes read from its overlay upper dir instead of the
 * engine's diff API (`docker diff`).
 *
 * Why: on the containerd image store, moby answers /containers/ID/changes by
 * mounting the image and the container side by side and comparing the two
 * whole trees (moby daemon/containerd/image_changes.go → archive.ChangesDirs):
 * 0.3–0.6 s per container for a python image, on the critical path of every
 * verify. The container's overlay upper dir already holds only what changed
 * (the kernel's copy-up), so walking it costs a few ms.
 *
 * Where the upper dir is:
 * - classic store (overlay2 graph driver): `GraphDriver.Data.UpperDir` and
 *   `LowerDir` of the container inspect (engine API);
 * - containerd store: the container's snapshot (key = container id) in the
 *   engine's containerd, whose mounts `ctr snapshots mounts` prints.
 * Anything else (a remote engine, another driver or snapshotter, no
 * permission to read the dirs, no ctr) → undefined, and the caller asks the
 * engine's diff API as before.
 *
 * The walk follows moby's own overlay diff (pkg/archive/changes.go
 * `changes` with `overlayDeletedFile`), which is what `docker diff` answers
 * on the classic store: a 0/0 character device is a whiteout (D); a path
 * that exists in a lower layer is a change (C), unless its type, mode, owner,
 * mtime (and size for a file) are those of the lower one: then it was only
 * copied up, which the containerd store's tree comparison does not report
 * either (see sameStat); anything else was added (A); the parent of an A or
 * D is listed as C. Opaque directories (the
 * trusted.overlay.opaque xattr, which Node cannot read) are reported as C,
 * not as D plus their content: a recreated directory has its own mtime, so
 * a write outside the permitted dirs is found either way.
 */
import { access, lstat, readdir, stat } from 'node:fs/promises';
import { constants, type Stats } from 'node:fs';
import { posix } from 'node:path';
import { z } from 'zod';
import { engineJson } from './engine-api.js';
import { run, which } from '../exec.js';
import { isWhiteout } from '../oci/layer-tree.js';

export type DiffKind = 'A' | 'C' | 'D';
export interface DiffEntry {
  kind: DiffKind;
  path: string;
}

export interface LayerDirs {
  /** the container's writable layer */
  upper: string;
  /** the image's layers (and the engine's init layer), topmost first */
  lowers: string[];
  /** how they were found */
  via: 'graphdriver' | 'containerd';
}

const InspectSchema = z
  .object({
    Id: z.string(),
    GraphDriver: z.object({ Name: z.string(), Data: z.record(z.string(), z.string()).nullish() }).loose().nullish(),
  })
  .loose();

/** `mount -t overlay overlay /t -o index=off,workdir=W,upperdir=U,lowerdir=L1:L2` → {upper, lowers} (pure; ctr's output). */
export function parseOverlayMount(text: string): { upper: string; lowers: string[] } | undefined {
  const m = /^mount -t overlay \S+ \S+ -o (\S+)\s*$/m.exec(text);
  if (!m?.[1]) return undefined;
  const opts = new Map<string, string>();
  for (const kv of m[1].split(',')) {
    const i = kv.indexOf('=');
    if (i > 0) opts.set(kv.slice(0, i), kv.slice(i + 1));
  }
  const upper = opts.get('upperdir');
  const lowers = (opts.get('lowerdir') ?? '').split(':').filter(Boolean);
  return upper && lowers.length > 0 && [upper, ...lowers].every((p) => p.startsWith('/')) ? { upper, lowers } : undefined;
}

const CTR = process.env.BUILD_CONNECTOR_CTR ?? 'ctr';
/** containerd sockets to try: ctr's own variable, a system containerd, the one dockerd starts itself */
const CONTAINERD_SOCKETS = [process.env.CONTAINERD_ADDRESS, '/run/containerd/containerd.sock', '/var/run/docker/containerd/containerd.sock'].filter((s): s is string => !!s);
const NAMESPACE = process.env.BUILD_CONNECTOR_CONTAINERD_NAMESPACE ?? 'moby';
let ctrP: Promise<boolean> | undefined;
/** the socket that knew a container once (the others are not tried again) */
let knownSocket: string | undefined;
/** no candidate knew a container: a remote or differently set up engine; stop asking */
let containerdUnusable = false;

async function isSocket(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isSocket();
  } catch {
    return false;
  }
}

async function snapshotDirs(id: string): Promise<LayerDirs | undefined> {
  if (containerdUnusable || !/^[0-9a-f]{64}$/.test(id)) return undefined;
  ctrP ??= which(CTR);
  if (!(await ctrP)) return undefined;
  // ctr keeps retrying a socket that is not there for about 10 s: try only sockets that exist.
  const candidates = knownSocket ? [knownSocket] : (await Promise.all(CONTAINERD_SOCKETS.map(async (s) => ((await isSocket(s)) ? s : undefined)))).filter((s): s is string => !!s);
  for (const address of candidates) {
    const res = await run(CTR, ['--address', address, '--namespace', NAMESPACE, 'snapshots', '--snapshotter', 'overlayfs', 'mounts', '/', id], { allowFailure: true, timeoutMs: 10_000 }).catch(() => undefined);
    const parsed = res?.exitCode === 0 ? parseOverlayMount(res.stdout) : undefined;
    if (parsed) {
      knownSocket = address;
      return { ...parsed, via: 'containerd' };
    }
  }
  if (!knownSocket) containerdUnusable = true;
  return undefined;
}

async function readable(dirs: LayerDirs): Promise<boolean> {
  try {
    await Promise.all([dirs.upper, dirs.lowers[0] ?? dirs.upper].map((d) => access(d, constants.R_OK | constants.X_OK)));
    return (await lstat(dirs.upper)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The overlay dirs of a created container, when this process can read them.
 * Set BUILD_CONNECTOR_NO_UPPERDIR=1 to always use the engine's diff API.
 */
export async function containerLayerDirs(name: string): Promise<LayerDirs | undefined> {
  if (process.env.BUILD_CONNECTOR_NO_UPPERDIR) return undefined;
  const api = await engineJson('GET', `/containers/${encodeURIComponent(name)}/json`);
  const parsed = api?.status === 200 ? InspectSchema.safeParse(api.body) : undefined;
  if (!parsed?.success) return undefined;
  const gd = parsed.data.GraphDriver;
  let dirs: LayerDirs | undefined;
  if (gd?.Name === 'overlay2' && gd.Data?.UpperDir && gd.Data.LowerDir) {
    dirs = { upper: gd.Data.UpperDir, lowers: gd.Data.LowerDir.split(':').filter(Boolean), via: 'graphdriver' };
  } else if (gd?.Name === 'overlayfs') {
    dirs = await snapshotDirs(parsed.data.Id);
  }
  return dirs && (await readable(dirs)) ? dirs : undefined;
}

/**
 * Copied up but not changed: the same type, mode, owner and mtime (and size
 * and device for a non-directory). Directories are copied up when something
 * below them changes; files when opened for writing, or when the engine
 * mounts its /etc/hosts, /etc/hostname and /etc/resolv.conf over them for a
 * `docker cp` of the container. A real write changes the mtime.
 */
function sameStat(a: Stats, b: Stats): boolean {
  if (a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid || a.mtimeMs !== b.mtimeMs) return false;
  return a.isDirectory() || (a.size === b.size && a.rdev === b.rdev);
}


async function lowerStat(lowers: readonly string[], path: string): Promise<Stats | undefined> {
  for (const l of lowers) {
    try {
      return await lstat(l + path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && (err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw err;
    }
  }
  return undefined;
}

/** What the container changed, from its upper dir (moby's overlay diff; see the module comment). */
export async function upperDirChanges(dirs: Pick<LayerDirs, 'upper' | 'lowers'>): Promise<DiffEntry[]> {
  const changes: DiffEntry[] = [];
  const changedDirs = new Set<string>();
  const visit = async (rel: string): Promise<void> => {
    const names = (await readdir(dirs.upper + rel)).sort();
    for (const name of names) {
      const path = posix.join(rel || '/', name);
      const st = await lstat(dirs.upper + path);
      let kind: DiffEntry['kind'] | undefined;
      if (isWhiteout(st)) kind = 'D';
      else {
        const below = await lowerStat(dirs.lowers, path);
        if (!below || isWhiteout(below)) kind = 'A';
        else kind = sameStat(st, below) ? undefined : 'C';
      }
      if (kind && st.isDirectory()) changedDirs.add(path);
      if (kind === 'A' || kind === 'D') {
        const parent = posix.dirname(path);
        if (parent !== '/' && !changedDirs.has(parent)) {
          changes.push({ kind: 'C', path: parent });
          changedDirs.add(parent);
        }
      }
      if (kind) changes.push({ kind, path });
      if (st.isDirectory()) await visit(path);
    }
  };
  await visit('');
  return changes;
}
