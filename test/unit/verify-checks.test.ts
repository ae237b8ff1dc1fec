import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImageConfig } from '../../src/docker/image.js';
import type { CopiedPath } from '../../src/docker/image.js';
import {
  checkAirbyteDir,
  checkEntrypointAbsolute,
  checkEntrypointEnv,
  checkLabels,
  checkNoSecrets,
  withoutRuntimeAdditions,
  checkPlatform,
  checkUser,
  execTargets,
  readUsers,
  shellWords,
} from '../../src/verify/config-checks.js';
import { canWrite, parsePasswd, parseShebang, resolveExecutable, type ImageFs } from '../../src/verify/imagefs.js';
import { parseTar, TarReader, type TarEntry } from '../../src/oci/tar.js';
import { makeTar } from '../../src/oci/tar-header.js';
import { arm64ProbeElf } from '../../src/docker/probe-elf.js';

const P = 'linux/arm64';
const cfg = (over: Partial<ImageConfig> = {}): ImageConfig => ({
  user: 'airbyte',
  env: { PATH: '/usr/local/bin:/usr/bin:/bin', AIRBYTE_ENTRYPOINT: 'python3 /airbyte/integration_code/main.py' },
  entrypoint: ['python3', '/airbyte/integration_code/main.py'],
  workdir: '/airbyte/integration_code',
  labels: {},
  ...over,
});

const amd64Header = () => {
  const h = Buffer.alloc(64);
  h.write('\x7fELF', 0, 'latin1');
  h[5] = 1;
  h.writeUInt16LE(0x3e, 18);
  return h;
};

/** An in-memory image filesystem behind the same seam docker cp fills. */
function fakeFs(files: Record<string, Omit<TarEntry, 'path' | 'complete' | 'size'> & { content?: Buffer }>): ImageFs {
  const entry = (path: string): TarEntry | undefined => {
    const f = files[path];
    if (!f) return undefined;
    return { path: path.slice(1), size: f.content?.length ?? 0, complete: true, ...f };
  };
  return {
    stat: async (p) => entry(p),
    read: async (p): Promise<CopiedPath> => {
      const e = entry(p);
      return e ? { exists: true, entries: [e], truncated: false } : { exists: false, entries: [], truncated: false };
    },
  };
}
const file = (content: Buffer | string, mode = 0o755, uid = 0) => ({ type: 'file' as const, mode, uid, gid: 0, linkname: '', content: Buffer.from(content) });
const dir = (uid: number, mode = 0o755) => ({ type: 'dir' as const, mode, uid, gid: uid, linkname: '' });
const link = (to: string) => ({ type: 'symlink' as const, mode: 0o777, uid: 0, gid: 0, linkname: to });
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\nairbyte:x:1000:1000::/home/airbyte:/bin/sh\nnobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n';

describe('tar reader', () => {
  it('reads what makeTar wrote: types, numeric owners, modes, links, content', () => {
    const t = parseTar(
      makeTar([
        { path: 'airbyte/', type: 'dir', uid: 1000, gid: 1000, mode: 0o755 },
        { path: 'airbyte/main.py', content: 'print(1)\n', mode: 0o644 },
        { path: 'python3', type: 'symlink', linkname: 'python3.11' },
      ]),
    );
    expect(t.map((e) => [e.path, e.type, e.uid, e.mode.toString(8), e.linkname])).toEqual([
      ['airbyte', 'dir', 1000, '755', ''],
      ['airbyte/main.py', 'file', 0, '644', ''],
      ['python3', 'symlink', 0, '777', 'python3.11'],
    ]);
    expect(t[1]?.content?.toString()).toBe('print(1)\n');
  });
  it('honours PAX long paths and yields what it read of a cut-short archive', () => {
    const long = `airbyte/${'d'.repeat(150)}/secrets/config.json`;
    const record = (k: string, v: string) => {
      const body = ` ${k}=${v}\n`;
      let n = body.length + 1;
      while (`${n}${body}`.length !== n) n++;
      return `${n}${body}`;
    };
    const buf = makeTar([
      { path: 'PaxHeader', flag: 'x', content: record('path', long) },
      { path: 'short', content: 'x'.repeat(2000) },
    ]);
    const entries = parseTar(buf);
    expect(entries[0]?.path).toBe(long);
    const cut = parseTar(buf.subarray(0, 512 * 4));
    expect(cut[0]?.complete).toBe(false);
    expect(cut[0]?.content?.length).toBe(512);
  });
});

describe('image filesystem helpers', () => {
  it('parses /etc/passwd and decides writability like the kernel', () => {
    const users = parsePasswd(PASSWD);
    expect(users.find((u) => u.name === 'airbyte')).toEqual({ name: 'airbyte', uid: 1000, gid: 1000, home: '/home/airbyte', shell: '/bin/sh' });
    expect(canWrite({ uid: 1000, gid: 1000, mode: 0o755 }, 1000, [1000])).toBe(true);
    expect(canWrite({ uid: 0, gid: 0, mode: 0o755 }, 1000, [1000])).toBe(false);
    expect(canWrite({ uid: 0, gid: 1000, mode: 0o775 }, 1000, [1000])).toBe(true);
    expect(canWrite({ uid: 0, gid: 0, mode: 0o1777 }, 1000, [1000])).toBe(true);
    expect(canWrite({ uid: 1000, gid: 0, mode: 0o555 }, 1000, [1000])).toBe(false);
  });
  it('parses shebangs', () => {
    expect(parseShebang(Buffer.from('#!/usr/bin/env python3\nimport x'))).toEqual({ interpreter: '/usr/bin/env', arg: 'python3' });
    expect(parseShebang(Buffer.from('#! /bin/sh -e\n'))).toEqual({ interpreter: '/bin/sh', arg: '-e' });
    expect(parseShebang(Buffer.from('\x7fELF'))).toBeUndefined();
  });
  it('follows PATH, symlinks and shebangs (through env) to the ELF that runs', async () => {
    const fs = fakeFs({
      '/usr/bin/python3': link('python3.11'),
      '/usr/bin/python3.11': file(arm64ProbeElf()),
      '/usr/local/bin/source-x': file('#!/usr/bin/env python3\nimport sys\n'),
      '/airbyte/base.sh': file('#!/bin/sh\nexec "$@"\n'),
      '/bin/sh': link('/usr/bin/dash'),
      '/usr/bin/dash': file(amd64Header()),
    });
    const path = '/usr/local/bin:/usr/bin:/bin';
    const r = await resolveExecutable(fs, 'source-x', path, '/');
    expect(r.ok && [r.binary, r.arch, r.chain.map((s) => s.path)]).toEqual([
      '/usr/bin/python3.11',
      'arm64',
      ['/usr/local/bin/source-x', '/usr/bin/python3', '/usr/bin/python3.11'],
    ]);
    const sh = await resolveExecutable(fs, '/airbyte/base.sh', path, '/');
    expect(sh.ok && sh.arch).toBe('amd64');
    const missing = await resolveExecutable(fs, 'nope', path, '/');
    expect(missing.ok === false && missing.reason).toMatch(/"nope" is not found in PATH/);
  });
});

describe('config checks', () => {
  it('splits AIRBYTE_ENTRYPOINT like a shell', () => {
    expect(shellWords(`python3  "/a b/main.py" 'x y' z\\ w`)).toEqual(['python3', '/a b/main.py', 'x y', 'z w']);
  });
  it('entrypoint-env: an AIRBYTE_ENTRYPOINT the shell reads as two commands is not the ENTRYPOINT', () => {
    // The words alone would equal ENTRYPOINT ["python3", "/airbyte/integration_code/main.py"].
    const two = checkEntrypointEnv(P, cfg({ env: { AIRBYTE_ENTRYPOINT: 'python3; /airbyte/integration_code/main.py' } }));
    expect([two.status, two.message]).toEqual(['fail', 'AIRBYTE_ENTRYPOINT ("python3; /airbyte/integration_code/main.py") is more than one command: the shell reads ";" as an operator']);
    expect(two.fix).toBe('make it the one command of ENTRYPOINT: ENV AIRBYTE_ENTRYPOINT="python3 /airbyte/integration_code/main.py"');
  });
  it('entrypoint-env: set and equal, else the fix says what to write', () => {
    expect(checkEntrypointEnv(P, cfg()).status).toBe('pass');
    const unset = checkEntrypointEnv(P, cfg({ env: {} }));
    expect([unset.status, unset.fix]).toEqual(['fail', 'add ENV AIRBYTE_ENTRYPOINT="python3 /airbyte/integration_code/main.py" (the same tokens as ENTRYPOINT)']);
    const differ = checkEntrypointEnv(P, cfg({ env: { AIRBYTE_ENTRYPOINT: '/usr/bin/python3 /airbyte/integration_code/main.py' } }));
    expect(differ.status).toBe('fail');
    expect(differ.message).toMatch(/differs from ENTRYPOINT/);
  });
  it('entrypoint-absolute: relative paths and bare script names fail, bare program names pass', () => {
    expect(checkEntrypointAbsolute(P, cfg(), '/source').status).toBe('pass');
    const rel = checkEntrypointAbsolute(P, cfg({ entrypoint: ['python3', 'main.py'], env: { AIRBYTE_ENTRYPOINT: 'python3 main.py' } }), '/source');
    expect(rel.status).toBe('fail');
    expect(rel.message).toMatch(/"main.py".*-w \/source/);
    expect(rel.fix).toMatch(/"\/airbyte\/integration_code\/main.py"/);
    expect(checkEntrypointAbsolute(P, cfg({ entrypoint: ['bin/run'] }), '/source').status).toBe('fail');
  });
  it('platform: the ELF machine of the entrypoint must match the platform', async () => {
    const fs = fakeFs({ '/usr/bin/python3': file(amd64Header()), '/airbyte/integration_code/main.py': file('print(1)') });
    const r = await checkPlatform(P, cfg(), fs);
    expect(r.status).toBe('fail');
    expect(r.message).toBe('labelled linux/arm64 but /usr/bin/python3 is an amd64 executable');
    expect((await checkPlatform('linux/amd64', cfg(), fs)).status).toBe('pass');
  });
  it('platform: a launcher script is followed to the program it execs (exec java)', async () => {
    const launcher = '#!/bin/sh\nAPP_HOME=$(dirname "$0")/..\nexec java -cp "$APP_HOME/lib/app.jar" Main "$@"\n';
    const files = {
      '/airbyte/integration_code/bin/source-x': file(launcher),
      '/bin/sh': link('dash'),
      '/bin/dash': file(arm64ProbeElf()),
      '/usr/bin/java': link('/usr/lib/jvm/bin/java'),
      '/usr/lib/jvm/bin/java': file(amd64Header()),
    };
    const c = cfg({ entrypoint: ['/airbyte/integration_code/bin/source-x'], env: { PATH: '/usr/bin:/bin' } });
    const r = await checkPlatform(P, c, fakeFs(files));
    expect(r.status).toBe('fail');
    expect(r.message).toBe('labelled linux/arm64 but /usr/lib/jvm/bin/java is an amd64 executable');
    expect(r.details?.[0]).toMatch(/source-x → \/bin\/sh → \/bin\/dash; it execs \/usr\/bin\/java → \/usr\/lib\/jvm\/bin\/java/);
    const ok = await checkPlatform(P, c, fakeFs({ ...files, '/usr/lib/jvm/bin/java': file(arm64ProbeElf()) }));
    expect(ok.status).toBe('pass');
    expect(ok.message).toMatch(/is arm64; it execs .*java is arm64$/);
    expect(execTargets('#!/bin/sh\nexec "$JAVACMD" "$@"\n# uses java\n')).toEqual(['java']);
    expect(execTargets('#!/bin/sh\nset -e\nexec /opt/app/bin/server --port 1\n')).toEqual(['/opt/app/bin/server']);
  });

  it('user: root, unknown user, /nonexistent HOME, unwritable HOME, good', async () => {
    const fs = fakeFs({ '/etc/passwd': file(PASSWD, 0o644), '/home/airbyte': dir(1000), '/root': dir(0, 0o700) });
    const users = await readUsers(fs);
    expect((await checkUser(P, cfg({ user: '' }), fs, users)).message).toMatch(/runs as root \(USER is not set\)/);
    expect((await checkUser(P, cfg({ user: 'nobody' }), fs, users)).message).toMatch(/runs as "nobody"/);
    expect((await checkUser(P, cfg({ user: '1000:1000' }), fs, users)).status).toBe('pass');
    const nonexist = await checkUser(P, cfg({ env: { HOME: '/nonexistent' } }), fs, users);
    expect(nonexist.message).toMatch(/HOME of airbyte is \/nonexistent, which does not exist/);
    expect(nonexist.fix).toMatch(/useradd --create-home/);
    const notMine = await checkUser(P, cfg({ env: { HOME: '/root' } }), fs, users);
    expect(notMine.message).toMatch(/not writable by uid 1000/);
    expect(await checkUser(P, cfg(), fakeFs({}), undefined)).toMatchObject({ status: 'fail', message: 'USER is "airbyte" but the image has no /etc/passwd' });
  });
  it('airbyte-dir: missing, root-owned, good', async () => {
    const users = await readUsers(fakeFs({ '/etc/passwd': file(PASSWD, 0o644) }));
    const e = (uid: number, type: TarEntry['type'] = 'dir'): TarEntry => ({ path: 'airbyte', type, mode: 0o755, uid, gid: uid, size: 0, linkname: '', complete: true });
    expect((await checkAirbyteDir(P, undefined, users)).message).toBe('/airbyte does not exist');
    expect((await checkAirbyteDir(P, e(0), users)).message).toBe('/airbyte is owned by uid 0, not by airbyte (uid 1000)');
    expect((await checkAirbyteDir(P, e(1000, 'symlink'), users)).status).toBe('fail');
    expect((await checkAirbyteDir(P, e(1000), users)).status).toBe('pass');
  });
  it('no-secrets: secrets paths and files with the content of secrets/ are found', () => {
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const secret = Buffer.from('{"api_key":"k"}');
    const entries = parseTar(
      makeTar([
        { path: 'airbyte/', type: 'dir' },
        { path: 'airbyte/integration_code/app.py', content: 'x' },
        { path: 'airbyte/integration_code/copied.json', content: secret },
      ]),
    );
    const clean = checkNoSecrets(P, [{ root: '/airbyte', entries, truncated: false }], undefined, hash);
    expect(clean.status).toBe('pass');
    const secrets = [{ name: 'config.json', sha256: hash(secret), size: secret.length }];
    const byHash = checkNoSecrets(P, [{ root: '/airbyte', entries, truncated: false }], secrets, hash);
    expect(byHash.details).toEqual(['/airbyte/integration_code/copied.json (same content as secrets/config.json)']);
    // The way verify reads trees: no content kept, files of a secret's size hashed while streaming.
    const streamed = parseTar(
      makeTar([
        { path: 'airbyte/integration_code/app.py', content: 'x'.repeat(secret.length) },
        { path: 'airbyte/integration_code/copied.json', content: secret },
      ]),
      { keep: () => 0, hashSizes: new Set([secret.length]) },
    );
    expect(streamed.every((e) => e.content?.length === 0)).toBe(true);
    expect(checkNoSecrets(P, [{ root: '/airbyte', entries: streamed, truncated: false }], secrets, hash).details).toEqual([
      '/airbyte/integration_code/copied.json (same content as secrets/config.json)',
    ]);
    // a tree read while the connector ran: what it created (its diff's A lines) is not the image's
    const during = parseTar(makeTar([{ path: 'airbyte/', type: 'dir' }, { path: 'airbyte/secrets/session.json', content: 'runtime' }, { path: 'airbyte/secrets.txt', content: 'z' }]));
    const trees = [{ root: '/airbyte', entries: during, truncated: false }];
    expect(checkNoSecrets(P, trees, undefined, hash).status).toBe('fail');
    const kept = withoutRuntimeAdditions(trees, [{ kind: 'A', path: '/airbyte/secrets' }, { kind: 'A', path: '/airbyte/secrets/session.json' }, { kind: 'C', path: '/airbyte' }]);
    expect(kept[0]?.entries.map((e) => e.path)).toEqual(['airbyte', 'airbyte/secrets.txt']);
    expect(checkNoSecrets(P, kept, undefined, hash).status).toBe('pass');
    const byPath = checkNoSecrets(P, [{ root: '/airbyte', entries: parseTar(makeTar([{ path: 'airbyte/integration_code/secrets/x', content: 'y' }])), truncated: false }], undefined, hash);
    expect(byPath.details).toEqual(['/airbyte/integration_code/secrets/x (a secrets path)']);
  });
  it('tar reader: fed in chunks of any size, it reads what the whole buffer gives (PAX names, cut entries, kept heads)', () => {
    const long = `airbyte/${'d'.repeat(120)}/file.bin`;
    const archive = makeTar([
      { path: 'airbyte/', type: 'dir', uid: 1000, gid: 1000 },
      { path: 'airbyte/a.txt', content: 'hello\n' },
      { path: 'airbyte/link', type: 'symlink', linkname: 'a.txt' },
      { path: 'airbyte/big.bin', content: Buffer.alloc(5000, 7) },
      { path: 'airbyte/empty', content: '' },
    ]);
    // a PAX record for a long name, the way Go's archive/tar writes one
    const body = ` path=${long}\n`;
    let n = body.length;
    while (`${n}${body}`.length !== n) n = `${n}${body}`.length;
    const pax = makeTar([{ path: 'PaxHeader', content: `${n}${body}` }]).subarray(0, -1024);
    pax[156] = 'x'.charCodeAt(0);
    pax.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of pax.subarray(0, 512)) sum += b;
    pax.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const withPax = Buffer.concat([pax, makeTar([{ path: 'short-name', content: 'z' }])]);
    for (const buf of [archive, withPax]) {
      const whole = parseTar(buf);
      for (const size of [1, 7, 511, 512, 513, 4096]) {
        const r = new TarReader();
        for (let i = 0; i < buf.length; i += size) r.push(buf.subarray(i, i + size));
        expect(r.finish(), `chunks of ${size}`).toEqual(whole);
      }
    }
    expect(parseTar(withPax).map((e) => e.path)).toEqual([long]);
    // cut inside big.bin: it is listed, incomplete, with what arrived
    const cut = parseTar(archive.subarray(0, 512 * 5 + 1000)); // 5 blocks: 4 headers and a.txt's data
    const big = cut.find((e) => e.path === 'airbyte/big.bin');
    expect(big?.complete).toBe(false);
    expect(big?.content?.length).toBe(1000);
    // keep: only the first bytes of each file
    const heads = parseTar(archive, { keep: () => 4 });
    expect(heads.find((e) => e.path === 'airbyte/a.txt')?.content?.toString()).toBe('hell');
    expect(heads.find((e) => e.path === 'airbyte/big.bin')?.complete).toBe(true);
  });
  it('labels: compared with metadata.yaml when known, else required', () => {
    const labels = { 'io.airbyte.name': 'airbyte/source-x', 'io.airbyte.version': '1.2.3' };
    expect(checkLabels(P, cfg({ labels }), { name: 'airbyte/source-x', version: '1.2.3' }).status).toBe('pass');
    const stale = checkLabels(P, cfg({ labels }), { name: 'airbyte/source-x', version: '1.2.4' });
    expect(stale.message).toBe('io.airbyte.version is "1.2.3", metadata.yaml dockerImageTag is "1.2.4"');
    expect(checkLabels(P, cfg(), undefined).message).toBe('missing labels io.airbyte.name, io.airbyte.version');
  });
});
