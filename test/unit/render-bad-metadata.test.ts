/**
 * The bad metadata.yaml corpus (test/fixtures/bad/metadata-*): each case is
 * run through the real CLI, as text and as --json, and must exit 2 with the
 * exact key path (or YAML error) and line in the message, and no stack trace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';

const BAD = join(repoRoot, 'test', 'fixtures', 'bad');
const Expect = z.object({ command: z.enum(['render', 'lint']), exitCode: z.number(), match: z.string(), line: z.number() }).strict();

const cases = readdirSync(BAD)
  .filter((d) => d.startsWith('metadata-'))
  .sort()
  .map((d) => ({ name: d, dir: join(BAD, d), expect: Expect.parse(JSON.parse(readFileSync(join(BAD, d, 'expect.json'), 'utf8'))) }));

describe('bad metadata.yaml corpus', () => {
  it('has at least 12 cases, each a render case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const c of cases) expect(c.expect.command, c.name).toBe('render');
  });

  describe.concurrent.each(cases)('$name', ({ dir, expect: want }) => {
    it('text: exit code, key path and line in the message, no stack trace', async () => {
      const r = await runCli([want.command, dir]);
      expect(r.exitCode).toBe(want.exitCode);
      const first = r.stderr.split('\n')[0] ?? '';
      expect(first).toContain(want.match);
      expect(first).toContain(`metadata.yaml:${want.line}:`);
      expect(r.stdout).toBe('');
      expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    });

    it('--json: the same error as JSON on stdout', async () => {
      const r = await runCli(['--json', want.command, dir]);
      expect(r.exitCode).toBe(want.exitCode);
      const body = JSON.parse(r.stdout) as { error: { exitCode: number; message: string; kind: string } };
      expect(body.error.exitCode).toBe(want.exitCode);
      expect(body.error.kind).toBe('badInput');
      expect(body.error.message).toContain(want.match);
      expect(body.error.message).toContain(`metadata.yaml:${want.line}:`);
      expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    });
  });
});
