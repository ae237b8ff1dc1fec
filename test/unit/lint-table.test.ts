/**
 * The bundled table of base facts (src/lint/base-table*.ts) and the
 * Dockerfile's own evidence: lint decides what the base gives when it cannot
 * read the base. Through the real CLI with --no-resolve (no engine, no
 * registry): official bases × a missing piece fail with the line; the same
 * Dockerfiles completed pass; a base in neither the table nor the engine
 * stays a warning unless the Dockerfile itself shows the base lacks the user.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lintDockerfile } from '../../src/lint/lint.js';
import { withTable } from '../../src/lint/base-facts.js';
import { baseTable, entryLabel, parseTable, tableEntry, tableFacts } from '../../src/lint/base-table.js';
import { BASE_TABLE } from '../../src/lint/base-table-data.js';
import type { BaseFacts, Finding } from '../../src/lint/types.js';
import { hasStackTrace, runCli } from '../support/cli.js';

const FindingJson = z.array(
  z.object({
    ruleId: z.string(),
    severity: z.enum(['error', 'warning']),
    file: z.string(),
    line: z.number(),
    column: z.number(),
    message: z.string(),
    source: z.string().optional(),
    base: z.string().optional(),
    facts: z.string().optional(),
  }),
);

const label = (ref: string) => {
  const e = tableEntry(ref);
  return e ? entryLabel(e) : undefined;
};

describe('the table', () => {
  it('validates as bundled, and a broken entry is refused with its index', () => {
    expect(baseTable().length).toBe(BASE_TABLE.length);
    const broken = { ...BASE_TABLE[0]!, versions: 'three or later' };
    expect(() => parseTable([BASE_TABLE[1]!, broken])).toThrow(/base table entry 1 \(docker\.io\/airbyte\/python-connector-base\): versions: not a semver range/);
    const both = { ...BASE_TABLE[0]!, tagPattern: 'x' };
    expect(() => parseTable([both])).toThrow(/versions and tagPattern exclude each other/);
  });

  it.each([
    ['python:3.11-slim', 'docker.io/library/python'],
    ['python', 'docker.io/library/python'],
    ['docker.io/library/python:3.11@sha256:1111111111111111111111111111111111111111111111111111111111111111', 'docker.io/library/python'],
    ['index.docker.io/library/debian:bookworm-slim', 'docker.io/library/debian'],
    ['ubuntu:24.04', 'docker.io/library/ubuntu'],
    ['eclipse-temurin:21-jre', 'docker.io/library/eclipse-temurin'],
    ['gcr.io/distroless/python3', 'gcr.io/distroless/*'],
    ['gcr.io/distroless/static-debian12:nonroot', 'gcr.io/distroless/* (tags /(^|-)nonroot($|-)/)'],
    ['gcr.io/distroless/base:debug-nonroot-amd64', 'gcr.io/distroless/* (tags /(^|-)nonroot($|-)/)'],
    ['airbyte/python-connector-base:4.0.2', 'docker.io/airbyte/python-connector-base >=3.0.0 <5.0.0'],
    ['docker.io/airbyte/python-connector-base:2.0.0', 'docker.io/airbyte/python-connector-base >=1.0.0 <3.0.0'],
    // a listed digest names the content, whatever the tag says
    ['docker.io/airbyte/python-connector-base:4.0.2@sha256:c44839ba84406116e8ba68722a0f30e8f6e7056c726f447681bb9e9ece8bd916', 'docker.io/airbyte/python-connector-base >=1.0.0 <3.0.0'],
    ['docker.io/airbyte/python-connector-base@sha256:9fdb1888c4264cf6fee473649ecb593f56f58e5d0096a87ee0b231777e2e3e73', 'docker.io/airbyte/python-connector-base >=3.0.0 <5.0.0'],
    ['docker.io/airbyte/source-declarative-manifest:6.51.0', 'docker.io/airbyte/source-declarative-manifest >=6.9.2 <8.0.0'],
    ['docker.io/airbyte/java-connector-base:2.0.1', 'docker.io/airbyte/java-connector-base >=2.0.0 <=2.0.1'],
    // not known: a prerelease, latest (moves), versions no source covers, look-alikes and mirrors
    ['docker.io/airbyte/python-connector-base:1.2.2-rc.1', undefined],
    ['docker.io/airbyte/python-connector-base:latest', undefined],
    ['docker.io/airbyte/source-declarative-manifest:6.9.1', undefined],
    ['docker.io/airbyte/java-connector-base:2.0.3', undefined],
    ['docker.io/library/pythonista:1', undefined],
    ['registry.example.com/library/python:3.11', undefined],
  ])('%s → %s', (ref, want) => {
    expect(label(ref)).toBe(want);
  });

  it("Airbyte's bases: the airbyte user (uid/gid 1000) and /airbyte owned by it, from 3.0.0; none before", () => {
    const py = tableFacts('docker.io/airbyte/python-connector-base:4.0.2', 'linux/amd64', 'offline')!;
    expect(py).toMatchObject({ from: 'table', user: '', entrypoint: [], labels: {}, table: { unread: 'offline' } });
    expect(py.fs).toEqual({ passwd: [{ name: 'airbyte', uid: 1000, gid: 1000, home: '/nonexistent', shell: '/usr/sbin/nologin' }], airbyteDir: { type: 'dir', uid: 1000, gid: 1000, mode: 0o755 } });
    const old = tableFacts('docker.io/airbyte/python-connector-base:2.0.0', 'linux/amd64', 'offline')!;
    expect(old.fs).toEqual({ passwd: [], airbyteDir: null });
    const sdm = tableFacts('docker.io/airbyte/source-declarative-manifest:7.0.0', 'linux/amd64', 'offline')!;
    expect(sdm).toMatchObject({ user: 'airbyte', entrypoint: ['python', '/airbyte/integration_code/main.py'], env: { AIRBYTE_ENTRYPOINT: 'python /airbyte/integration_code/main.py' } });
    expect(tableFacts('eclipse-temurin:21-jre', 'linux/amd64', 'offline')!.unknown).toEqual(['entrypoint']);
    expect(tableFacts('gcr.io/distroless/python3:nonroot', 'linux/amd64', 'offline')!.user).toBe('65532');
  });
});

/** Facts as if read: /airbyte present and owned, which the table says python does not have. */
function readFacts(ref: string, from: 'engine' | 'registry', withFs: boolean): BaseFacts {
  return {
    ref,
    digest: 'sha256:4444444444444444444444444444444444444444444444444444444444444444',
    from,
    platform: 'linux/amd64',
    user: '',
    env: {},
    entrypoint: [],
    workdir: '',
    labels: {},
    ...(withFs
      ? { fs: { passwd: [{ name: 'airbyte', uid: 1000, gid: 1000, home: '/airbyte', shell: '/bin/sh' }], airbyteDir: { type: 'dir', uid: 1000, gid: 1000, mode: 0o755 } } }
      : {}),
  };
}

const CONNECTOR = (from: string) => `FROM ${from}
COPY main.py /airbyte/main.py
ENV AIRBYTE_ENTRYPOINT="python /airbyte/main.py"
ENTRYPOINT ["python", "/airbyte/main.py"]
USER airbyte
`;
const brief = (fs: Finding[]) => fs.filter((f) => !f.ruleId.startsWith('base-image-')).map((f) => `${f.line} ${f.severity} ${f.ruleId} ${f.facts ?? '-'}`);

describe('precedence: what was read wins; the table decides only what could not be read', () => {
  const REF = 'python:3.11-slim';

  it('facts read from the engine are used as read, and the finding says so', () => {
    const engine = readFacts(REF, 'engine', true);
    expect(withTable(engine, REF, 'linux/amd64')).toBe(engine);
    expect(brief(lintDockerfile(CONNECTOR(REF), 'Dockerfile', { dockerignore: null, baseFacts: engine }))).toEqual([]);
    const noUser = readFacts(REF, 'engine', true);
    noUser.fs = { passwd: [], airbyteDir: null };
    const fs = lintDockerfile(CONNECTOR(REF), 'Dockerfile', { dockerignore: null, baseFacts: noUser });
    expect(brief(fs)).toEqual(['1 error airbyte-dir-not-owned engine', '5 error user-account-missing engine']);
    expect(fs.find((f) => f.ruleId === 'user-account-missing')!.message).toContain('(base facts: local engine, image sha256:444444444444)');
  });

  it('a registry read gives the config; the file system comes from the table, and each finding names its source', () => {
    const reg = withTable(readFacts(REF, 'registry', false), REF, 'linux/amd64') as BaseFacts;
    expect(reg).toMatchObject({ from: 'registry', fsFrom: 'table', fs: { passwd: [], airbyteDir: null } });
    const fs = lintDockerfile(CONNECTOR(REF).replace('USER airbyte\n', ''), 'Dockerfile', { dockerignore: null, baseFacts: reg });
    expect(brief(fs)).toEqual(['1 error airbyte-dir-not-owned table', '1 error user-missing registry']);
    expect(fs.find((f) => f.ruleId === 'user-missing')!.message).toContain('(base facts: registry docker.io, manifest sha256:444444444444)');
    expect(fs.find((f) => f.ruleId === 'airbyte-dir-not-owned')!.message).toContain('(base facts: bundled table, docker.io/library/python)');
  });

  it('unread: the table when it has the base, else unresolved as before', () => {
    const t = withTable({ unresolved: 'offline', ref: REF }, REF, 'linux/amd64');
    expect(t).toMatchObject({ from: 'table', table: { entry: 'docker.io/library/python', unread: 'offline' } });
    const other = 'registry.invalid/acme/base:1';
    expect(withTable({ unresolved: 'offline', ref: other }, other, 'linux/amd64')).toEqual({ unresolved: 'offline', ref: other });
  });
});

describe("a family whose ENTRYPOINT varies (eclipse-temurin): lint concludes nothing from the table's empty one", () => {
  const REF = 'eclipse-temurin:21-jre';
  const facts = tableFacts(REF, 'linux/amd64', 'offline')!;
  const body = 'RUN useradd --uid 1000 --create-home airbyte && mkdir /airbyte && chown airbyte /airbyte\nUSER airbyte\n';
  const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { dockerignore: null, baseFacts: facts });

  it('neither set: still an error (the base sets no AIRBYTE_ENTRYPOINT), without claiming it has no ENTRYPOINT', () => {
    const f = lint(`FROM ${REF}\n${body}`).find((x) => x.ruleId === 'entrypoint-missing')!;
    expect(f).toMatchObject({ severity: 'error', facts: 'table' });
    expect(f.message).toContain('sets no AIRBYTE_ENTRYPOINT; its ENTRYPOINT differs between its images');
    expect(f.message).not.toContain('does not set it either');
  });

  it('only AIRBYTE_ENTRYPOINT set: an error that asks for both here', () => {
    const f = lint(`FROM ${REF}\n${body}ENV AIRBYTE_ENTRYPOINT="java -jar /airbyte/app.jar"\n`).find((x) => x.ruleId === 'entrypoint-missing')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain("a base image cannot know this connector's entrypoint: set both here");
  });

  it('both set here: nothing to say', () => {
    const text = `FROM ${REF}\n${body}ENV AIRBYTE_ENTRYPOINT="java -jar /airbyte/app.jar"\nENTRYPOINT ["java", "-jar", "/airbyte/app.jar"]\n`;
    expect(brief(lint(text))).toEqual([]);
  });
});

describe('evidence from the Dockerfile: it creates the airbyte user, so its base has none', () => {
  const UNKNOWN = 'registry.invalid/acme/base:1';
  const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { dockerignore: null });

  it('no /airbyte owned by airbyte: an error even with the base unseen, citing the line that creates the user', () => {
    const text = CONNECTOR(UNKNOWN).replace('COPY', 'RUN useradd --uid 1000 --create-home airbyte\nCOPY');
    const fs = lint(text);
    expect(brief(fs)).toEqual(['1 error airbyte-dir-not-owned dockerfile']);
    const f = fs.find((x) => x.ruleId === 'airbyte-dir-not-owned')!;
    expect(f).toMatchObject({ base: UNKNOWN, severity: 'error' });
    expect(f.source).toBeUndefined();
    expect(f.message).toContain('(base facts: this Dockerfile creates user airbyte at line 2 (useradd --uid 1000 --create-home airbyte), so its base does not provide it)');
  });

  it('no such evidence: the same file without useradd stays a warning about the unseen base', () => {
    expect(brief(lint(CONNECTOR(UNKNOWN)))).toEqual(['1 warning airbyte-dir-not-owned -']);
  });

  it('a user made with its home at /airbyte, or /airbyte chowned, satisfies it', () => {
    expect(brief(lint(CONNECTOR(UNKNOWN).replace('COPY', 'RUN useradd --uid 1000 --create-home --home-dir /airbyte airbyte\nCOPY')))).toEqual([]);
    expect(brief(lint(CONNECTOR(UNKNOWN).replace('COPY', 'RUN adduser -D -u 1000 airbyte && mkdir /airbyte && chown airbyte:airbyte /airbyte\nCOPY')))).toEqual([]);
  });

  it('a user created in a builder stage the final image does not build on is no evidence', () => {
    const text = `FROM ${UNKNOWN} AS tools\nRUN useradd --uid 1000 airbyte\n\n${CONNECTOR(UNKNOWN)}`;
    expect(brief(lint(text))).toEqual(['4 warning airbyte-dir-not-owned -']);
  });
});

// ---------------------------------------------------------------- CLI, base unreadable

const BASES = [
  ['python:3.11-slim', 'docker.io/library/python'],
  ['eclipse-temurin:21-jre', 'docker.io/library/eclipse-temurin'],
  ['debian:bookworm-slim', 'docker.io/library/debian'],
  ['ubuntu:24.04', 'docker.io/library/ubuntu'],
  ['alpine:3.20', 'docker.io/library/alpine'],
  ['gcr.io/distroless/python3', 'gcr.io/distroless/*'],
] as const;

const TAIL = `COPY main.py /opt/connector/main.py
ENV AIRBYTE_ENTRYPOINT="python /opt/connector/main.py"
ENTRYPOINT ["python", "/opt/connector/main.py"]
USER airbyte
`;
/** missing piece → Dockerfile, and the finding it must draw (rule, line:column) */
const CASES = {
  'no /airbyte': { text: (b: string) => `FROM ${b}\nRUN useradd --uid 1000 --create-home airbyte\n${TAIL}`, rule: 'airbyte-dir-not-owned', at: '1:1' },
  'no airbyte user': { text: (b: string) => `FROM ${b}\nRUN mkdir -p /airbyte && chown -R 1000:1000 /airbyte\n${TAIL}`, rule: 'user-account-missing', at: '6:6' },
  '/airbyte not chowned': { text: (b: string) => `FROM ${b}\nRUN useradd --uid 1000 --create-home airbyte && mkdir -p /airbyte/work\n${TAIL}`, rule: 'airbyte-dir-not-owned', at: '1:1' },
} as const;
const COMPLETE = (b: string) => `FROM ${b}\nRUN useradd --uid 1000 --create-home airbyte && mkdir -p /airbyte && chown -R airbyte:airbyte /airbyte\n${TAIL}`;

describe('official bases, base unreadable (--no-resolve): the table decides (real CLI)', { timeout: 120_000 }, () => {
  let dir: string;
  const files = new Map<string, string>();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bc-lint-table-'));
    let n = 0;
    const put = async (key: string, text: string) => {
      const file = join(dir, `Dockerfile.${n++}`);
      await writeFile(file, text);
      files.set(key, file);
    };
    for (const [b] of BASES) {
      for (const [name, c] of Object.entries(CASES)) await put(`${b} ${name}`, c.text(b));
      await put(`${b} complete`, COMPLETE(b));
    }
    for (const [name, c] of Object.entries(CASES)) await put(`unknown ${name}`, c.text('registry.invalid/acme/base:1'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const lint = async (key: string) => {
    const file = files.get(key)!;
    const r = await runCli(['--json', 'lint', '--no-resolve', file]);
    expect(hasStackTrace(r.stderr)).toBe(false);
    return { exitCode: r.exitCode, findings: FindingJson.parse(JSON.parse(r.stdout)), file, all: r.stdout + r.stderr };
  };

  const matrix = BASES.flatMap(([b, entry]) => Object.entries(CASES).map(([name, c]) => [b, name, entry, c.rule, c.at] as const));
  it.concurrent.each(matrix)('%s, %s: exit 1, %s decides', async (b, name, entry, rule, at) => {
    const r = await lint(`${b} ${name}`);
    expect(r.exitCode, r.all).toBe(1);
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([`${at} ${rule}`]);
    expect(errors[0]).toMatchObject({ source: 'base', base: b, facts: 'table' });
    expect(errors[0]!.message).toContain(`(base facts: bundled table, ${entry})`);
    // the text form names the file and line
    const text = await runCli(['lint', '--no-resolve', r.file]);
    expect(text.stdout).toContain(`${r.file}:${at} error ${rule} `);
  });

  it.concurrent.each(BASES.map(([b]) => [b] as const))('%s, complete: no error (exit 0)', async (b) => {
    const r = await lint(`${b} complete`);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.findings.some((f) => f.ruleId === 'airbyte-dir-not-owned')).toBe(false);
  });

  it('a base in neither the table nor the engine: the Dockerfile\'s own useradd still decides /airbyte; the missing user stays unseen (warning)', async () => {
    for (const name of ['no /airbyte', '/airbyte not chowned'] as const) {
      const r = await lint(`unknown ${name}`);
      expect(r.exitCode, r.all).toBe(1);
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([expect.objectContaining({ ruleId: 'airbyte-dir-not-owned', line: 1, facts: 'dockerfile', base: 'registry.invalid/acme/base:1' })]);
    }
    const r = await lint('unknown no airbyte user');
    expect(r.exitCode, r.all).toBe(0);
    expect(r.findings.find((f) => f.ruleId === 'user-account-missing')).toBeUndefined();
  });
});
