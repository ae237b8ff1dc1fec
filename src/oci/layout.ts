/**
 * Read an OCI image layout, as a tarball (`--output type=oci,dest=FILE`) or a
 * directory (`dest=DIR,tar=false`), without unpacking it: a tarball's headers
 * are walked (512-byte blocks, seeking over file data), then index.json and
 * the few small blobs that describe the image are read. A 500 MB archive is
 * read in milliseconds. A directory is written back as a tarball for
 * `docker load` (writeLayoutTar). Tar headers are walked by tar-list.ts.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, readdir, readFile, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { BcError } from '../errors.js';
import { BLOCK, tarHeader, tarPadding } from './tar-header.js';
import { walkTarHeaders } from './tar-list.js';
import { DigestSchema } from '../shared/digest.js';

interface Entry {
  offset: number;
  size: number;
}

const DescriptorSchema = z
  .object({
    mediaType: z.string(),
    digest: DigestSchema,
    size: z.number(),
    platform: z.object({ os: z.string(), architecture: z.string(), variant: z.string().optional() }).loose().optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  })
  .loose();
const IndexSchema = z.object({ manifests: z.array(DescriptorSchema) }).loose();
const ManifestSchema = z.object({ config: DescriptorSchema }).loose();
const ConfigSchema = z.object({ os: z.string(), architecture: z.string(), variant: z.string().optional() }).loose();

interface OciArchiveFacts {
  /** digest of the image the layout holds (the index for multi-platform builds) */
  digest: string;
  mediaType: string;
  /** real images only; attestation manifests (platform unknown/unknown) are counted apart */
  manifests: { platform: string; digest: string }[];
  attestations: number;
  /** names stored in index.json annotations (what `docker load` tags) */
  names: string[];
}

export const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

/** Index of the files of a tar file: path → where its data is. */
async function tarIndex(fh: FileHandle, label: string): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  await walkTarHeaders(fh, label, (m) => {
    if (m.flag === '0' || m.flag === '\0') entries.set(m.name.replace(/^\.\//, ''), { offset: m.dataAt, size: m.size });
  });
  return entries;
}

/** A file of an OCI image layout (index.json, blobs/sha256/HEX), in a tar or a directory. */
export interface LayoutFile {
  size: number;
  read(): Promise<Buffer>;
  stream(): Readable;
}

/**
 * An OCI image layout as written by `--output type=oci`: a tarball
 * (`dest=FILE`) or a directory (`dest=DIR,tar=false`: no tarball to send
 * through the builder session, which is most of a cached build's time).
 */
interface OciLayout {
  file(name: string): Promise<LayoutFile | undefined>;
}

export async function openOciLayout(path: string): Promise<OciLayout> {
  const st = await stat(path);
  if (st.isDirectory()) {
    return {
      async file(name) {
        const f = join(path, ...name.split('/'));
        const s = await stat(f).catch(() => undefined);
        if (!s?.isFile()) return undefined;
        return { size: s.size, read: () => readFile(f), stream: () => createReadStream(f) };
      },
    };
  }
  const fh = await open(path, 'r');
  let entries: Map<string, Entry>;
  try {
    entries = await tarIndex(fh, path);
  } finally {
    await fh.close();
  }
  return {
    async file(name) {
      const e = entries.get(name);
      if (!e) return undefined;
      return {
        size: e.size,
        read: async () => {
          const h = await open(path, 'r');
          try {
            const buf = Buffer.alloc(e.size);
            await h.read(buf, 0, e.size, e.offset);
            return buf;
          } finally {
            await h.close();
          }
        },
        stream: () => (e.size === 0 ? Readable.from([]) : createReadStream(path, { start: e.offset, end: e.offset + e.size - 1 })),
      };
    },
  };
}

/** Write an OCI layout directory as the tarball `docker load` reads. */
export async function writeLayoutTar(dir: string, dest: string): Promise<void> {
  const files: string[] = [];
  const walk = async (rel: string) => {
    for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile()) files.push(r);
    }
  };
  await walk('');
  files.sort();
  const out = createWriteStream(dest);
  const write = (b: Buffer) => new Promise<void>((resolve, reject) => out.write(b, (err) => (err ? reject(err) : resolve())));
  try {
    for (const name of files) {
      const abs = join(dir, ...name.split('/'));
      const { size } = await stat(abs);
      if (Buffer.byteLength(name) > 100) throw new Error(`path too long for a ustar header: ${name}`);
      await write(tarHeader({ path: name, size }));
      for await (const chunk of createReadStream(abs)) await write(chunk as Buffer);
      const pad = tarPadding(size);
      if (pad) await write(Buffer.alloc(pad));
    }
    await write(Buffer.alloc(BLOCK * 2));
  } finally {
    await new Promise<void>((resolve) => out.end(resolve));
  }
}

function platformOf(p: { os: string; architecture: string; variant?: string | undefined }): string {
  return [p.os, p.architecture, p.variant].filter((x) => x !== undefined && x !== '').join('/');
}

export async function readOciArchive(path: string): Promise<OciArchiveFacts> {
  let layout: OciLayout;
  try {
    layout = await openOciLayout(path);
  } catch {
    throw new BcError('failed', `OCI archive ${path} was not written`, { step: 'build' });
  }
  try {
    const json = async <T>(schema: z.ZodType<T>, name: string): Promise<T> => {
      const f = await layout.file(name);
      if (!f) throw new BcError('failed', `OCI archive ${path}: ${name} is missing`, { step: 'build' });
      if (f.size > 4 * 1024 * 1024) throw new Error(`${name} too large (${f.size} bytes)`);
      const parsed = schema.safeParse(JSON.parse((await f.read()).toString('utf8')));
      if (!parsed.success) throw new BcError('failed', `OCI archive ${path}: ${name} has an unexpected shape`, { step: 'build' });
      return parsed.data;
    };
    const blob = (digest: string) => `blobs/sha256/${digest.slice('sha256:'.length)}`;
    const top = await json(IndexSchema, 'index.json');
    const root = top.manifests[0];
    if (!root) throw new BcError('failed', `OCI archive ${path}: index.json lists no image`, { step: 'build' });
    const names = top.manifests
      .map((m) => m.annotations?.['io.containerd.image.name'] ?? m.annotations?.['org.opencontainers.image.ref.name'])
      .filter((n): n is string => typeof n === 'string');
    if (INDEX_TYPES.has(root.mediaType)) {
      const idx = await json(IndexSchema, blob(root.digest));
      const all = idx.manifests.map((m) => ({ platform: m.platform ? platformOf(m.platform) : 'unknown/unknown', digest: m.digest }));
      const real = all.filter((m) => m.platform !== 'unknown/unknown');
      return { digest: root.digest, mediaType: root.mediaType, manifests: real, attestations: all.length - real.length, names };
    }
    // a single-platform image: its platform is in the config
    const manifest = await json(ManifestSchema, blob(root.digest));
    const config = await json(ConfigSchema, blob(manifest.config.digest));
    return { digest: root.digest, mediaType: root.mediaType, manifests: [{ platform: platformOf(config), digest: root.digest }], attestations: 0, names };
  } catch (err) {
    if (err instanceof BcError) throw err;
    throw new BcError('failed', `OCI archive ${path} is not readable: ${err instanceof Error ? err.message : String(err)}`, { step: 'build' });
  }
}
