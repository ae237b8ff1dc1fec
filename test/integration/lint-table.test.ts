/**
 * The bundled table against real images: the table's entry for Airbyte's
 * python base (docker.io/airbyte/python-connector-base 3.x/4.x) claims what
 * Airbyte's recipe makes (docker-images/Dockerfile.python-connector-base:
 * a --system airbyte user with uid/gid 1000 and no home created, /airbyte
 * mode 755 owned by it, no USER/ENTRYPOINT/WORKDIR). Here that recipe runs on
 * the local python root (Debian, as Airbyte's python:*-slim-bookworm roots
 * are), the image's facts are read from the engine, and they must agree with
 * the table; and lint must give Airbyte's python Dockerfile the same verdict
 * on that image (read) as on the published base it cannot read (table).
 * The bare root stands for the official families: no airbyte user, no
 * /airbyte, root, no ENTRYPOINT, as the table says for docker.io/library/python.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { docker } from '../../src/docker/cli.js';
import { clearBaseFactsMemo, isResolved, resolveBaseFacts } from '../../src/lint/base-facts.js';
import { tableFacts } from '../../src/lint/base-table.js';
import type { BaseFacts } from '../../src/lint/types.js';
import { describeEngine } from '../support/engine.js';
import { hasStackTrace, runCli } from '../support/cli.js';

const TAG = `${process.pid}-${Date.now()}`;
const AIRBYTE_LIKE = `bc-test-lint-table-airbyte-python:${TAG}`;
const BARE = `bc-test-lint-table-bare:${TAG}`;
const PUBLISHED = 'docker.io/airbyte/python-connector-base:4.0.2@sha256:9fdb1888c4264cf6fee473649ecb593f56f58e5d0096a87ee0b231777e2e3e73';
const PYTHON_FILE = 'test/fixtures/airbyte-dockerfiles/Dockerfile.python-connector';

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  facts?: string;
}

/** What lint judges of a base, in one comparable shape (the table lists only the airbyte account). */
function judged(f: BaseFacts) {
  const airbyte = f.fs?.passwd?.find((u) => u.name === 'airbyte');
  return {
    user: f.user,
    entrypoint: f.entrypoint,
    workdir: f.workdir === '/' ? '' : f.workdir,
    airbyteEntrypoint: f.env.AIRBYTE_ENTRYPOINT,
    writeDirs: f.labels['io.airbyte.permitted-write-dirs'],
    airbyteUser: airbyte ? { uid: airbyte.uid, gid: airbyte.gid, home: airbyte.home, shell: airbyte.shell } : null,
    airbyteDir: f.fs?.airbyteDir ? { type: f.fs.airbyteDir.type, uid: f.fs.airbyteDir.uid, gid: f.fs.airbyteDir.gid, mode: f.fs.airbyteDir.mode & 0o7777 } : null,
  };
}

async function readFromEngine(ref: string): Promise<BaseFacts> {
  clearBaseFactsMemo();
  const r = await resolveBaseFacts(ref, { registry: false, cacheDir: false, table: false });
  expect(isResolved(r), JSON.stringify(r)).toBe(true);
  if (!isResolved(r)) throw new Error('not resolved');
  expect(r.from).toBe('engine');
  expect(r.fs, 'the file system was not read').toBeDefined();
  return r;
}

describeEngine('the bundled base table against images read from the engine', () => {
  let dir: string;

  beforeAll(async () => {
    const root = inject('roots').python;
    expect(root, 'global setup built no python root').toBeTruthy();
    dir = await mkdtemp(join(tmpdir(), 'bc-lint-table-'));
    // Airbyte's python base recipe (docker-images/Dockerfile.python-connector-base), the
    // part the table claims: the user, then /airbyte for it. Nothing else of it is needed here.
    await writeFile(
      join(dir, 'airbyte-like.Dockerfile'),
      [
        `FROM ${root}`,
        'RUN adduser --uid 1000 --system --group --no-create-home airbyte',
        'RUN mkdir --mode 755 /airbyte && chown airbyte:airbyte /airbyte',
        'LABEL io.build-connector.test=lint-table',
        '',
      ].join('\n'),
    );
    await writeFile(join(dir, 'bare.Dockerfile'), `FROM ${root}\nLABEL io.build-connector.test=lint-table\n`);
    for (const [file, tag] of [['airbyte-like.Dockerfile', AIRBYTE_LIKE], ['bare.Dockerfile', BARE]] as const) {
      await docker(['buildx', 'build', '--load', '--provenance=false', '-f', join(dir, file), '-t', tag, dir], { timeoutMs: 10 * 60_000 });
    }
  });

  afterAll(async () => {
    await docker(['image', 'rm', '-f', AIRBYTE_LIKE, BARE], { allowFailure: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("the table's python-connector-base entry is what Airbyte's recipe makes", async () => {
    const read = await readFromEngine(AIRBYTE_LIKE);
    const table = tableFacts(PUBLISHED, 'linux/amd64', 'not read in this test');
    expect(table, 'the table has no entry for the published base').toBeDefined();
    expect(judged(read)).toEqual(judged(table!));
    // and the values themselves, so that both sides cannot drift together
    expect(judged(read)).toMatchObject({ user: '', entrypoint: [], airbyteUser: { uid: 1000, gid: 1000, home: '/nonexistent' }, airbyteDir: { type: 'dir', uid: 1000, gid: 1000, mode: 0o755 } });
  });

  it('the bare root agrees with the official families: no airbyte user, no /airbyte, root, no ENTRYPOINT', async () => {
    const read = await readFromEngine(BARE);
    for (const ref of ['python:3.11-slim', 'debian:bookworm-slim']) {
      const table = tableFacts(ref, 'linux/amd64', 'not read in this test')!;
      expect(judged(read), ref).toEqual(judged(table));
    }
  });

  it("Airbyte's python Dockerfile: the same verdict on the image read from the engine as on the published base from the table", async () => {
    const lint = async (args: string[]) => {
      const r = await runCli(['--json', 'lint', ...args, PYTHON_FILE], { env: { BUILD_CONNECTOR_CACHE: dir } });
      expect(hasStackTrace(r.stderr)).toBe(false);
      return { exitCode: r.exitCode, findings: JSON.parse(r.stdout) as JsonFinding[], all: r.stdout + r.stderr };
    };
    const read = await lint(['--build-arg', `BASE_IMAGE=${AIRBYTE_LIKE}`]);
    const table = await lint(['--no-resolve', '--build-arg', `BASE_IMAGE=${PUBLISHED}`]);
    expect(read.exitCode, read.all).toBe(0);
    expect(table.exitCode, table.all).toBe(0);
    // base-image-unpinned differs by construction (a local tag is not pinned), and the
    // table does not record whether the user's home exists (user-home-unusable is judged
    // only on a read image, see base-table.ts): the rest must match
    const unjudged = (f: JsonFinding) => f.ruleId.startsWith('base-image-') || f.ruleId === 'user-home-unusable';
    const verdict = (fs: JsonFinding[]) => fs.filter((f) => !unjudged(f)).map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}`);
    expect(verdict(read.findings)).toEqual(verdict(table.findings));
    expect(read.findings.some((f) => f.facts === 'table')).toBe(false);
  });
});
