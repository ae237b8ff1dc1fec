import { describe, expect, it } from 'vitest';
import { DockerfileParser } from 'dockerfile-ast';
import { renderBase, baseTag } from '../../src/render/base-image.js';
import { listBases, loadBaseDefinition, AIRBYTE_WRITE_DIRS } from '../../src/render/base-def.js';
import { isDigestPinned } from '../../src/shared/image-ref.js';
import { hasStackTrace, runCli } from '../support/cli.js';

const ROOT = `localhost:5000/build-connector/root-python@sha256:${'c'.repeat(64)}`;

describe('base image definitions', () => {
  it('python, java and manifest-only exist, pinned by digest, with the airbyte user and Airbyte\'s dirs', async () => {
    expect(await listBases()).toEqual(['java', 'manifest-only', 'python']);
    for (const name of await listBases()) {
      const def = await loadBaseDefinition(name);
      expect(isDigestPinned(def.root.image), name).toBe(true);
      expect(def.user).toEqual({ name: 'airbyte', uid: 1000, gid: 1000, home: '/home/airbyte' });
      expect(def.permittedWriteDirs.slice(0, 5)).toEqual([...AIRBYTE_WRITE_DIRS]);
    }
    expect((await loadBaseDefinition('java')).permittedWriteDirs).toContain('/etc/ssl/certs/java');
    expect((await loadBaseDefinition('manifest-only')).entrypoint).toEqual(['python', '/airbyte/integration_code/main.py']);
  });

  it.each(['python', 'java', 'manifest-only'])('%s: renders FROM the root, creates airbyte, stamps the write-dirs label, USER airbyte last', async (name) => {
    const r = await renderBase(name, ROOT);
    const df = DockerfileParser.parse(r.dockerfile);
    const ins = df.getInstructions();
    expect(ins[0]?.getKeyword()).toBe('FROM');
    expect(ins[0]?.getArgumentsContent()).toBe(ROOT);
    expect(ins.at(-1)?.getKeyword()).toBe('USER');
    expect(ins.at(-1)?.getArgumentsContent()).toBe('airbyte');
    expect(r.dockerfile).toContain('useradd --uid 1000 --gid 1000 --home-dir /home/airbyte');
    expect(r.dockerfile).toContain(`io.airbyte.permitted-write-dirs="${r.definition.permittedWriteDirs.join(',')}"`);
    expect(r.dockerfile).toContain(`org.opencontainers.image.base.name="${ROOT}"`);
    expect(r.labels['org.opencontainers.image.base.digest']).toBe(`sha256:${'c'.repeat(64)}`);
  });

  it('without --root-image the upstream root of base.yaml is used', async () => {
    expect((await renderBase('python')).root).toMatch(/^docker\.io\/library\/python:3\.11\.13-slim-bookworm@sha256:/);
  });

  it('the tag is a content hash: same input same tag, another root another tag', async () => {
    const a = await renderBase('python', ROOT);
    const b = await renderBase('python', ROOT.replace(/c{64}/, 'd'.repeat(64)));
    const t = (r: typeof a) => baseTag('python', r.dockerfile, ['linux/amd64', 'linux/arm64'], 'localhost:5000/x');
    expect(t(a)).toBe(t(await renderBase('python', ROOT)));
    expect(t(a)).not.toBe(t(b));
    expect(t(a)).toMatch(/^localhost:5000\/x\/build-connector\/base-python:[0-9a-f]{16}$/);
  });
});

describe('base command (CLI)', () => {
  it('base render prints the Dockerfile; --json gives the definition', async () => {
    const text = await runCli(['base', 'render', 'python', '--root-image', ROOT]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain(`FROM ${ROOT}`);
    const json = await runCli(['--json', 'base', 'render', 'java', '--root-image', ROOT]);
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ name: 'java', root: ROOT, user: { uid: 1000 } });
  });

  it.each([
    [['base', 'render', 'cobol'], 'unknown base "cobol"'],
    [['base', 'render', 'python', '--root-image', 'bad ref'], '--root-image "bad ref"'],
    [['base', 'build', 'python'], "required option '--root-image <ref>' not specified"],
  ])('%j exits 2 naming the problem', async (args, msg) => {
    const r = await runCli(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(msg);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
