/**
 * A package index for tests: a pure-python wheel written here (a wheel is a
 * zip with a .dist-info holding METADATA, WHEEL and RECORD), and a PEP 503
 * "simple" index served over HTTP on 127.0.0.1 with Basic auth, recording
 * every request so a test can show pip really fetched from it.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { crc32 } from 'node:zlib';

// ------------------------------------------------------------------ zip

/** A zip archive of stored (uncompressed) entries: what a wheel needs, no more. */
export function makeZip(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // a fixed DOS time (1980-01-01 00:00): the same wheel bytes on every run
  const time = 0;
  const date = (0 << 9) | (1 << 5) | 1;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(f.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, f.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by unix, 3.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(f.data.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + f.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const b64 = (b: Buffer) => createHash('sha256').update(b).digest('base64url');

/** A pure-python wheel (py3-none-any) of the package folder `pkgDir`. */
export async function buildWheel(opts: { name: string; version: string; pkgDir: string; summary: string }): Promise<{ file: string; data: Buffer }> {
  const dist = opts.name.replace(/[-_.]+/g, '_');
  const info = `${dist}-${opts.version}.dist-info`;
  const files: { name: string; data: Buffer }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '__pycache__') await walk(p);
      } else if (e.name.endsWith('.py')) {
        files.push({ name: `${basename(opts.pkgDir)}/${relative(opts.pkgDir, p).split('\\').join('/')}`, data: await readFile(p) });
      }
    }
  };
  await walk(opts.pkgDir);
  files.push({
    name: `${info}/METADATA`,
    data: Buffer.from(`Metadata-Version: 2.1\nName: ${opts.name}\nVersion: ${opts.version}\nSummary: ${opts.summary}\nRequires-Python: >=3.9\n`),
  });
  files.push({ name: `${info}/WHEEL`, data: Buffer.from('Wheel-Version: 1.0\nGenerator: build-connector-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n') });
  const record = [...files.map((f) => `${f.name},sha256=${b64(f.data)},${f.data.length}`), `${info}/RECORD,,`].join('\n') + '\n';
  files.push({ name: `${info}/RECORD`, data: Buffer.from(record) });
  return { file: `${dist}-${opts.version}-py3-none-any.whl`, data: makeZip(files) };
}

// ---------------------------------------------------------------- index

/** PEP 503 name normalisation. */
export const normalize = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

/** The project name of a wheel file name (`poetry_core-2.5.0-py3-none-any.whl` → `poetry-core`). */
export const wheelProject = (file: string) => normalize(file.split('-')[0] ?? file);

export interface TestIndex {
  /** http://USER:PASSWORD@127.0.0.1:PORT/simple */
  url: string;
  port: number;
  /** paths requested with good credentials, in order */
  requests: string[];
  /** requests refused for missing/wrong credentials */
  refused: number;
  close(): Promise<void>;
}

/** Serve `wheels` as a simple index on 127.0.0.1 (a free port), Basic auth required. */
export async function serveIndex(wheels: { file: string; data: Buffer }[], auth: { user: string; password: string }): Promise<TestIndex> {
  const byProject = new Map<string, { file: string; data: Buffer; sha: string }[]>();
  for (const w of wheels) {
    const list = byProject.get(wheelProject(w.file)) ?? [];
    list.push({ ...w, sha: createHash('sha256').update(w.data).digest('hex') });
    byProject.set(wheelProject(w.file), list);
  }
  const expected = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  const state = { requests: [] as string[], refused: 0 };
  const html = (body: string) => `<!DOCTYPE html><html><body>\n${body}\n</body></html>\n`;
  const server: Server = createServer((req, res) => {
    if (req.headers.authorization !== expected) {
      state.refused++;
      res.writeHead(401, { 'www-authenticate': 'Basic realm="bc-test-index"' }).end();
      return;
    }
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    state.requests.push(path);
    if (path === '/simple/' || path === '/simple') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(html([...byProject.keys()].map((p) => `<a href="/simple/${p}/">${p}</a>`).join('\n')));
      return;
    }
    const proj = /^\/simple\/([^/]+)\/?$/.exec(path)?.[1];
    if (proj) {
      const list = byProject.get(normalize(proj));
      if (!list) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end(html(list.map((w) => `<a href="/files/${w.file}#sha256=${w.sha}">${w.file}</a>`).join('\n')));
      return;
    }
    const file = /^\/files\/([^/]+)$/.exec(path)?.[1];
    const wheel = file ? [...byProject.values()].flat().find((w) => w.file === file) : undefined;
    if (wheel) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': wheel.data.length }).end(wheel.data);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://${auth.user}:${auth.password}@127.0.0.1:${port}/simple`,
    port,
    get requests() {
      return state.requests;
    },
    get refused() {
      return state.refused;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
