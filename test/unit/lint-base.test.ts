/**
 * Rules judged with the base image's facts (a fake facts object: the real
 * resolution is test/integration/lint-base.test.ts), and the base facts
 * plumbing that needs no engine: passwd parsing, registry locations, the
 * per-digest cache.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finalBase, lintDockerfile, lintWithBase, RULES } from '../../src/lint/lint.js';
import { repoRoot } from '../support/cli.js';
import { clearBaseFactsMemo, parsePasswd, registryLocation, resolveBaseFacts } from '../../src/lint/base-facts.js';
import type { BaseFacts, BaseFsFacts, Finding, LintOptions } from '../../src/lint/types.js';

const REF = 'localhost:5000/acme/base:1@sha256:2222222222222222222222222222222222222222222222222222222222222222';

function facts(over: Partial<BaseFacts> = {}, fs: Partial<BaseFsFacts> | null = {}): BaseFacts {
  const f: BaseFacts = {
    ref: REF,
    digest: 'sha256:3333333333333333333333333333333333333333333333333333333333333333',
    from: 'engine',
    platform: 'linux/amd64',
    user: '',
    env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
    entrypoint: [],
    workdir: '',
    labels: {},
    ...over,
  };
  if (fs !== null) {
    f.fs = {
      passwd: [{ name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' }, { name: 'airbyte', uid: 1000, gid: 1000, home: '/airbyte', shell: '/bin/sh' }],
      airbyteDir: { type: 'dir', uid: 1000, gid: 1000, mode: 0o755 },
      airbyteHome: { type: 'dir', uid: 1000, gid: 1000, mode: 0o755 },
      ...fs,
    };
  }
  return f;
}

/** python-connector-base as Airbyte builds it: airbyte user, /airbyte owned by it, no USER, no entrypoint. */
const AIRBYTE_LIKE = facts();
const NO_AIRBYTE_USER = facts({}, { passwd: [{ name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' }], airbyteDir: null, airbyteHome: undefined });

const CONNECTOR = `FROM ${REF}
WORKDIR /airbyte/integration_code
COPY main.py ./
ENV AIRBYTE_ENTRYPOINT="python /airbyte/integration_code/main.py"
ENTRYPOINT ["python", "/airbyte/integration_code/main.py"]
USER airbyte
`;

const lint = (text: string, opts: LintOptions = {}) => lintDockerfile(text, 'Dockerfile', { dockerignore: 'secrets/\n', ...opts });
const brief = (fs: Finding[]) => fs.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}${f.source ? ` [${f.source}]` : ''}`);

describe('rules with base facts', () => {
  it('a base that creates /airbyte for airbyte: no airbyte-dir finding (a warning when unseen)', () => {
    expect(brief(lint(CONNECTOR, { baseFacts: AIRBYTE_LIKE }))).toEqual([]);
    expect(brief(lint(CONNECTOR))).toEqual(['1:1 warning airbyte-dir-not-owned [unresolved-base]']);
  });

  it('a base without user airbyte: USER airbyte is an error from the base, naming it', () => {
    const fs = lint(CONNECTOR, { baseFacts: NO_AIRBYTE_USER });
    expect(brief(fs)).toEqual(['1:1 error airbyte-dir-not-owned [base]', '6:6 error user-account-missing [base]']);
    const acct = fs.find((f) => f.ruleId === 'user-account-missing')!;
    expect(acct.base).toBe(REF);
    expect(acct.message).toContain(`base image ${REF} has no user airbyte in /etc/passwd`);
    expect(fs.find((f) => f.ruleId === 'airbyte-dir-not-owned')!.message).toContain(`nor base image ${REF} creates /airbyte`);
  });

  it('a Dockerfile that creates the user and /airbyte itself passes on that base', () => {
    const text = CONNECTOR.replace('WORKDIR', 'RUN useradd --uid 1000 --create-home --home-dir /airbyte airbyte && chown -R airbyte:airbyte /airbyte\nWORKDIR');
    expect(brief(lint(text, { baseFacts: NO_AIRBYTE_USER }))).toEqual([]);
    // adding an existing user to a group is not creating it
    const group = CONNECTOR.replace('WORKDIR', 'RUN adduser airbyte docker && mkdir /airbyte && chown airbyte /airbyte\nWORKDIR');
    expect(brief(lint(group, { baseFacts: NO_AIRBYTE_USER }))).toEqual(['7:6 error user-account-missing [base]']);
  });

  it('a user created inside if/then (the templates\' "only when the base lacks it") counts as created', () => {
    const ensure = 'RUN set -eu; if ! getent passwd airbyte >/dev/null; then useradd --uid 1000 --home-dir /home/airbyte airbyte; fi; mkdir -p /airbyte; chown -R 1000:1000 /airbyte';
    expect(brief(lint(CONNECTOR.replace('WORKDIR', `${ensure}\nWORKDIR`), { baseFacts: NO_AIRBYTE_USER }))).toEqual([]);
    const busybox = 'RUN if ! getent passwd airbyte; then :; else true; fi && { adduser -D -u 1000 airbyte; } && chown airbyte /airbyte';
    expect(brief(lint(CONNECTOR.replace('WORKDIR', `${busybox}\nWORKDIR`), { baseFacts: NO_AIRBYTE_USER }))).toEqual([]);
  });

  it('/airbyte owned by root in the base: an error from the base; a chown here fixes it', () => {
    const rootOwned = facts({}, { airbyteDir: { type: 'dir', uid: 0, gid: 0, mode: 0o755 } });
    const fs = lint(CONNECTOR, { baseFacts: rootOwned });
    expect(brief(fs)).toEqual(['1:6 error airbyte-dir-not-owned [base]']);
    expect(fs[0]!.message).toContain(`base image ${REF} has /airbyte owned by uid 0`);
    expect(lint(CONNECTOR.replace('WORKDIR', 'RUN chown airbyte /airbyte\nWORKDIR'), { baseFacts: rootOwned })).toEqual([]);
  });

  it('ENTRYPOINT and AIRBYTE_ENTRYPOINT from the base are judged like the file\'s own, at the FROM line', () => {
    const text = `FROM ${REF}\nUSER airbyte\n`;
    const both = facts({ entrypoint: ['python', '/airbyte/integration_code/main.py'], env: { AIRBYTE_ENTRYPOINT: 'python /airbyte/integration_code/main.py' } });
    expect(lint(text, { baseFacts: both })).toEqual([]);
    const relative = facts({ entrypoint: ['python', 'main.py'], env: { AIRBYTE_ENTRYPOINT: 'python main.py' } });
    const fs = lint(text, { baseFacts: relative });
    expect(brief(fs)).toEqual(['1:6 error entrypoint-relative-path [base]']);
    expect(fs[0]!.message).toContain(`(from base image ${REF})`);
    // the file sets ENTRYPOINT; the base's AIRBYTE_ENTRYPOINT says something else
    const mismatch = lint(`FROM ${REF}\nENTRYPOINT ["/airbyte/run"]\nUSER airbyte\n`, { baseFacts: both });
    expect(brief(mismatch)).toEqual(['1:6 error entrypoint-mismatch [base]']);
    expect(mismatch[0]!.fix).toBe('ENV AIRBYTE_ENTRYPOINT="/airbyte/run"');
  });

  it('neither entrypoint set: a warning when the base is unseen, an error when the base is known to set none', () => {
    const text = `FROM ${REF}\nRUN chown airbyte /airbyte\nUSER airbyte\n`;
    expect(brief(lint(text))).toEqual(['1:1 warning entrypoint-missing [unresolved-base]']);
    expect(lint(text)[0]!.message).toContain('verify checks the built image');
    expect(brief(lint(text, { baseFacts: AIRBYTE_LIKE }))).toEqual(['1:1 error entrypoint-missing [base]']);
    expect(lint(text, { baseFacts: AIRBYTE_LIKE })[0]!.message).toContain(`base image ${REF} does not set it either`);
  });

  it('USER: from the base when the file sets none', () => {
    const noUser = CONNECTOR.replace('USER airbyte\n', '');
    expect(lint(noUser, { baseFacts: facts({ user: 'airbyte' }) })).toEqual([]);
    expect(brief(lint(noUser, { baseFacts: facts({ user: 'root' }) }))).toEqual(['1:6 error user-root [base]']);
    const none = lint(noUser, { baseFacts: AIRBYTE_LIKE });
    expect(brief(none)).toEqual(['1:1 error user-missing [base]']);
    expect(none[0]!.message).toContain(`base image ${REF} sets none`);
    // unseen: still an error (the interface wants USER explicit), saying the base was not read
    expect(brief(lint(noUser, { baseFacts: { unresolved: 'offline', ref: REF } }))).toEqual(['1:1 warning airbyte-dir-not-owned [unresolved-base]', '1:1 error user-missing']);
  });

  it('WORKDIR and HOME from the base; the base\'s permitted-write-dirs label widens the list', () => {
    const text = CONNECTOR.replace('WORKDIR /airbyte/integration_code\nCOPY main.py ./', 'COPY main.py /airbyte/integration_code/');
    const base = facts({ workdir: '/app', env: { HOME: '/home/airbyte' } });
    expect(brief(lint(text, { baseFacts: base }))).toEqual(['1:6 warning home-outside-write-dirs [base]', '1:6 warning workdir-outside-write-dirs [base]']);
    const labelled = { ...base, labels: { 'io.airbyte.permitted-write-dirs': '/airbyte,/app,/home/airbyte' } };
    expect(lint(text, { baseFacts: labelled })).toEqual([]);
    // an explicit list (metadata, --permitted-write-dirs) wins over the label
    expect(brief(lint(text, { baseFacts: labelled, permittedWriteDirs: ['/airbyte'] }))).toHaveLength(2);
  });

  it('the airbyte user\'s home from the base: a warning when it does not exist', () => {
    const missingHome = facts({}, { passwd: [{ name: 'airbyte', uid: 1000, gid: 1000, home: '/home/airbyte', shell: '/bin/false' }], airbyteHome: null });
    const fs = lint(CONNECTOR, { baseFacts: missingHome });
    expect(brief(fs)).toEqual(['1:6 warning user-home-unusable [base]']);
    expect(fs[0]!.message).toContain(`home /home/airbyte in base image ${REF} does not exist`);
    expect(lint(CONNECTOR.replace('USER', 'ENV HOME=/tmp\nUSER'), { baseFacts: missingHome })).toEqual([]);
  });

  it('config from a registry only (no file system): ownership stays a warning saying so', () => {
    const fs = lint(CONNECTOR, { baseFacts: facts({ from: 'registry' }, null) });
    expect(brief(fs)).toEqual(['1:1 warning airbyte-dir-not-owned [unresolved-base]']);
    expect(fs[0]!.message).toContain('only the config of base image');
  });

  it('facts apply to the stage whose FROM (after ARG expansion) names that image, and only to it', () => {
    const text = `ARG BASE_IMAGE\n${CONNECTOR.replace(`FROM ${REF}`, 'FROM ${BASE_IMAGE}')}`;
    expect(lint(text, { baseFacts: AIRBYTE_LIKE, buildArgs: { BASE_IMAGE: REF } })).toEqual([]);
    const unset = lint(text, { baseFacts: AIRBYTE_LIKE });
    expect(brief(unset)).toEqual(['2:1 warning airbyte-dir-not-owned [unresolved-base]', '2:6 warning base-image-unpinned']);
    expect(unset[0]!.message).toContain('ARG BASE_IMAGE has no value at lint time');
    const other = lint(CONNECTOR.replace(REF, 'python:3.11@sha256:4444444444444444444444444444444444444444444444444444444444444444'), { baseFacts: AIRBYTE_LIKE });
    expect(other[0]!.message).toContain(`facts given for ${REF}, not this base`);
  });
});

describe('docs/lint.md', () => {
  it('its rule table has every rule id with a "from base" cell', async () => {
    const doc = await readFile(join(repoRoot, 'docs/lint.md'), 'utf8');
    const rows = doc.split('\n').filter((l) => l.startsWith('| `'));
    for (const r of RULES) {
      const row = rows.find((l) => l.split('|')[1]!.includes(r.id.startsWith('syntax-') ? '`syntax-*`' : `\`${r.id}\``));
      expect(row, r.id).toBeDefined();
      const fromBase = row!.split('|')[3]!.trim();
      expect(fromBase, r.id).toMatch(/^(no|yes|only from the base)/);
      expect(fromBase.startsWith('no'), `${r.id}: docs say "${fromBase}", RULES say "${r.fromBase}"`).toBe(r.fromBase === 'no');
    }
  });
});

describe('finalBase and lintWithBase', () => {
  it('names the final stage\'s external base after ARG expansion', () => {
    expect(finalBase(CONNECTOR, 'Dockerfile')).toEqual({ kind: 'ref', ref: REF });
    expect(finalBase('ARG B=python:3.11\nFROM $B AS a\nFROM a\n', 'Dockerfile')).toEqual({ kind: 'ref', ref: 'python:3.11' });
    expect(finalBase('ARG B\nFROM $B\n', 'Dockerfile')).toMatchObject({ kind: 'unresolvable', unresolved: 'ARG B has no value at lint time' });
    expect(finalBase('FROM scratch\n', 'Dockerfile')).toEqual({ kind: 'none' });
    expect(finalBase('RUN x\n', 'Dockerfile')).toEqual({ kind: 'none' });
  });

  it('resolveBase: false never asks anything and says why in the warning', async () => {
    const fs = await lintWithBase(CONNECTOR, 'Dockerfile', { dockerignore: 'secrets/\n', resolveBase: false });
    expect(brief(fs)).toEqual(['1:1 warning airbyte-dir-not-owned [unresolved-base]']);
    expect(fs[0]!.message).toContain('resolution turned off (--no-resolve)');
  });
});

describe('base facts plumbing', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('parsePasswd reads users and skips malformed lines', () => {
    expect(parsePasswd('root:x:0:0:root:/root:/bin/bash\n# c\nbroken\nairbyte:x:1000:1000::/home/airbyte:/bin/sh\nbad:x:a:0::/:/bin/sh\n')).toEqual([
      { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash' },
      { name: 'airbyte', uid: 1000, gid: 1000, home: '/home/airbyte', shell: '/bin/sh' },
    ]);
  });

  it.each([
    ['python:3.11', { registry: 'docker.io', repository: 'library/python', reference: '3.11' }],
    ['docker.io/airbyte/python-connector-base:4.0.2', { registry: 'docker.io', repository: 'airbyte/python-connector-base', reference: '4.0.2' }],
    ['localhost:5000/a/b@sha256:2222222222222222222222222222222222222222222222222222222222222222', { registry: 'localhost:5000', repository: 'a/b', reference: 'sha256:2222222222222222222222222222222222222222222222222222222222222222' }],
    ['ghcr.io/acme/x', { registry: 'ghcr.io', repository: 'acme/x', reference: 'latest' }],
  ])('registryLocation(%s)', (ref, want) => {
    expect(registryLocation(ref)).toEqual(want);
  });

  it('a reference pinned by digest is answered from the cache, keyed by that digest, without engine or registry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bc-lint-base-cache-'));
    dirs.push(dir);
    const pinned = REF.split('@')[1]!.replace('sha256:', '');
    clearBaseFactsMemo();
    const miss = await resolveBaseFacts(REF, { cacheDir: dir, engine: false, registry: false });
    expect(miss).toEqual({ unresolved: 'resolution turned off', ref: REF });
    await writeFile(join(dir, `v1-${pinned}.json`), JSON.stringify({ ...AIRBYTE_LIKE, ref: 'whatever' }));
    clearBaseFactsMemo();
    const hit = await resolveBaseFacts(REF, { cacheDir: dir, engine: false, registry: false });
    expect(hit).toEqual({ ...AIRBYTE_LIKE, ref: REF });
    // a cache entry of the wrong shape is ignored, not trusted
    await writeFile(join(dir, `v1-${pinned}.json`), JSON.stringify({ ref: REF, user: 1 }));
    clearBaseFactsMemo();
    expect(await resolveBaseFacts(REF, { cacheDir: dir, engine: false, registry: false })).toHaveProperty('unresolved');
  });

  it('resolves each reference once per process', async () => {
    clearBaseFactsMemo();
    const a = resolveBaseFacts('example.invalid/a:1', { cacheDir: false, engine: false, registry: false });
    const b = resolveBaseFacts('example.invalid/a:1', { cacheDir: false, engine: false, registry: false });
    expect(a).toBe(b);
  });

  it('an unreachable registry is a reason, never a throw', async () => {
    clearBaseFactsMemo();
    const r = await resolveBaseFacts('127.0.0.1:9/nothing/here:1', { cacheDir: false, engine: false, registryTimeoutMs: 2000 });
    expect(r).toMatchObject({ ref: '127.0.0.1:9/nothing/here:1' });
    expect((r as { unresolved: string }).unresolved).toMatch(/^registry 127\.0\.0\.1:9 did not answer \(/);
  });
});
