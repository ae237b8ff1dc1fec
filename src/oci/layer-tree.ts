/**
 * An image's tree under one path (/airbyte, the WORKDIR), read from its
 * unpacked layer dirs on this machine instead of `docker cp` through a
 * container: no tar of the whole tree streamed through the engine (1.3 s of
 * daemon CPU per platform for 300 MB under /airbyte, competing with the
 * connector runs for the cores), only a walk of the layer dirs and the
 * hashing of files of a secret's size.
 *
 * Per-layer facts (and the hash of each file a verify asked for) are cached
 * process-wide, keyed by the layer dir: a layer
 * dir is one unpacked layer on top of its parents (a containerd snapshot of
 * one chain id, an overlay2 layer of one cache id) and never changes while
 * it exists, so a bake verifying 40 connectors on one base reads each base
 * layer once (`layerFactsCache`).
 *
 * Merging follows the OCI layer rules as overlayfs applies them: a higher
 * layer's entry replaces a lower one's; a 0/0 character device (an overlay
 * whiteout) deletes the path and all below it; a non-directory replaces a
 * directory with everything under it. Opaque directories (the
 * trusted.overlay.opaque xattr, which Node cannot read) are not detected:
 * files that a later layer's `rm -rf DIR && mkdir DIR` hid are still listed,
 * which only adds findings (they are still in the image's layers, which is
 * what a registry ships).
 */
import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { posix } from 'node:path';
import type { TarEntry } from './tar.js';

interface LayerEntry {
  /** absolute path in the image */
  path: string;
  whiteout: boolean;
  entry: TarEntry;
  /** the file on disk, and its hash once a verify asked for it (files of a secret's size) */
  file?: { disk: string; sha256?: Promise<string> };
}

interface LayerFacts {
  entries: LayerEntry[];
  /** bytes of Node memory the facts take, roughly (for the cache bound) */
  weight: number;
}

export interface LayerTreeOptions {
  /** hash the files of these sizes (secret sizes) */
  hashSizes?: ReadonlySet<number>;
}

const MAX_CACHE_WEIGHT = 64 * 1024 * 1024;
const cache = new Map<string, Promise<LayerFacts | undefined>>();
const weights = new Map<string, number>();
let cacheWeight = 0;
const counters = { hits: 0, misses: 0 };

/**
 * The process-wide cache of per-layer facts (bounded: about 64 MB, the
 * least recently used layer dropped first). Concurrent verifies in one
 * process share it; `stats()` says how often a layer was read vs reused.
 */
export const layerFactsCache = {
  stats: () => ({ ...counters, layers: cache.size, weight: cacheWeight }),
  clear: () => {
    cache.clear();
    weights.clear();
    cacheWeight = 0;
    counters.hits = 0;
    counters.misses = 0;
  },
};

function typeOfStat(st: Stats): TarEntry['type'] {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  return 'other';
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** An overlay whiteout: a 0/0 character device (a layer dir's and a container's upper dir's). */
export const isWhiteout = (st: Stats) => st.isCharacterDevice() && st.rdev === 0;

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/** One layer's entries at and under `root`, and its whiteouts on the way (root's ancestors too). */
async function readLayer(dir: string, root: string): Promise<LayerFacts | undefined> {
  const entries: LayerEntry[] = [];
  let weight = 0;
  const add = async (path: string, st: Stats) => {
    const whiteout = isWhiteout(st);
    const type = typeOfStat(st);
    const entry: TarEntry = {
      path: path.slice(1),
      type,
      mode: st.mode & 0o7777,
      uid: st.uid,
      gid: st.gid,
      size: type === 'file' ? st.size : 0,
      linkname: type === 'symlink' ? await readlink(dir + path) : '',
      complete: true,
    };
    entries.push({ path, whiteout, entry, ...(type === 'file' ? { file: { disk: dir + path } } : {}) });
    weight += 200 + path.length * 2;
  };
  // An ancestor of root that this layer replaces by a non-directory (or
  // deletes) hides root: record it, the merge drops what was below.
  const parts = root.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const anc = `/${parts.slice(0, i).join('/')}`;
    const st = await statOrUndefined(dir + anc);
    if (!st) return { entries, weight };
    if (!st.isDirectory()) {
      // a symlinked ancestor: the tree is elsewhere; the caller reads it through the engine
      if (st.isSymbolicLink()) return undefined;
      await add(anc, st);
      return { entries, weight };
    }
  }
  const walk = async (path: string): Promise<void> => {
    const st = await statOrUndefined(dir + path);
    if (!st) return;
    await add(path, st);
    if (!st.isDirectory()) return;
    for (const name of (await readdir(dir + path)).sort()) await walk(posix.join(path, name));
  };
  await walk(root);
  return { entries, weight };
}

function cached(dir: string, root: string): Promise<LayerFacts | undefined> {
  const key = `${dir}\0${root}`;
  const hit = cache.get(key);
  if (hit) {
    counters.hits += 1;
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  counters.misses += 1;
  const p = readLayer(dir, root);
  cache.set(key, p);
  p.then(
    (facts) => {
      const w = facts?.weight ?? 0;
      if (!cache.has(key)) return;
      weights.set(key, w);
      cacheWeight += w;
      for (const k of cache.keys()) {
        if (cacheWeight <= MAX_CACHE_WEIGHT || k === key) break;
        cacheWeight -= weights.get(k) ?? 0;
        weights.delete(k);
        cache.delete(k);
      }
    },
    () => cache.delete(key),
  );
  return p;
}

export interface LayerTree {
  exists: boolean;
  /** paths relative to "/" ("airbyte", "airbyte/main.py"), as `docker cp` of the root lists them */
  entries: TarEntry[];
  truncated: false;
}

/**
 * The merged tree at `root` of the image whose layer dirs are `lowers`
 * (topmost first, as overlay's lowerdir lists them). Undefined when the
 * tree cannot be read this way (a symlink on the way): ask the engine.
 */
export async function treeFromLayers(lowers: readonly string[], root: string, opts: LayerTreeOptions = {}): Promise<LayerTree | undefined> {
  const facts = await Promise.all(lowers.map((d) => cached(d, root)));
  if (facts.some((f) => f === undefined)) return undefined;
  const merged = new Map<string, LayerEntry>();
  const dropUnder = (path: string) => {
    for (const k of merged.keys()) if (k.startsWith(`${path}/`)) merged.delete(k);
  };
  // bottom layer first
  for (const f of [...facts].reverse()) {
    for (const e of f?.entries ?? []) {
      const before = merged.get(e.path);
      // only a directory has anything under it (one scan of the map per replaced directory, not per file)
      if (before?.entry.type === 'dir' && (e.whiteout || e.entry.type !== 'dir')) dropUnder(e.path);
      if (e.whiteout) merged.delete(e.path);
      else merged.set(e.path, e);
    }
  }
  const top = merged.get(root);
  // root itself a symlink: docker cp would list the link; the engine decides
  if (top?.entry.type === 'symlink') return undefined;
  const hashSizes = opts.hashSizes ?? new Set<number>();
  const inTree = [...merged.entries()].filter(([p]) => p === root || p.startsWith(`${root}/`)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const entries = await Promise.all(
    inTree.map(async ([, e]) => {
      if (!e.file || !hashSizes.has(e.entry.size)) return e.entry;
      // hashed once per layer file, whichever verify asks first
      e.file.sha256 ??= sha256File(e.file.disk);
      return { ...e.entry, sha256: await e.file.sha256 };
    }),
  );
  return { exists: top !== undefined, entries, truncated: false };
}
