/**
 * Every `fix:` the tool prints that names a git or docker command must work as
 * written. This scans src/ for fix texts, parses each `git …` / `docker …`
 * command in them and checks its subcommand and flags against the flags those
 * tools document (git-scm.com/docs, docs.docker.com/reference/cli). A new fix
 * naming an unlisted subcommand or flag fails here until it is checked and
 * added to the table.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

/** subcommand path → valid flags (a value check where a flag takes one). */
const VALID: Record<string, Record<string, ((v: string | undefined) => boolean) | true>> = {
  'git init': {},
  'git checkout': {},
  'git clone': { '--depth': (v) => v !== undefined && /^[1-9]\d*$/.test(v) },
  // `--depth 0` / `--depth=0` is rejected by git ("depth 0 is not a positive number")
  'git fetch': {
    '--unshallow': true,
    '--deepen': (v) => v !== undefined && /^[1-9]\d*$/.test(v),
    '--depth': (v) => v !== undefined && /^[1-9]\d*$/.test(v),
    '--tags': true,
    '--prune': true,
  },
  'docker login': { '--username': true, '--password-stdin': true },
  'docker image ls': {},
  'docker context ls': {},
  'docker buildx create': { '--use': true, '--name': true, '--driver': true, '--bootstrap': true },
  'docker buildx imagetools inspect': { '--raw': true, '--format': true },
};
const SUBCOMMANDS = new Set(Object.keys(VALID).flatMap((k) => k.split(' ').map((_w, i, a) => a.slice(0, i + 1).join(' '))));

interface Use {
  file: string;
  line: number;
  text: string;
}

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The text of every fix in src/: `'fix: …'` message lines and `fix: '…'` fields. */
async function fixTexts(): Promise<Use[]> {
  const uses: Use[] = [];
  for (const file of await sources(join(repoRoot, 'src'))) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((l, i) => {
      for (const m of l.matchAll(/fix:\s*['"`]?([^'"`]*)/g)) {
        if ((m[1] ?? '').trim() !== '') uses.push({ file: relative(repoRoot, file), line: i + 1, text: m[1] as string });
      }
    });
  }
  return uses;
}

/** `git …` / `docker …` commands in a fix text: subcommand path, flags with values, or an unknown subcommand. */
export function commandsIn(text: string): { path: string; flags: { name: string; value: string | undefined }[]; unknown?: string }[] {
  const out: { path: string; flags: { name: string; value: string | undefined }[]; unknown?: string }[] = [];
  for (const m of text.matchAll(/(?:^|[\s(`])(git|docker) (?=[a-z])/g)) {
    // the command runs up to a separator of the prose around it
    const rest = text.slice((m.index ?? 0) + m[0].length).split(/[(),;`]| or | and | then | \/ /)[0] as string;
    const words = rest.trim().split(/\s+/);
    let path = m[1] as string;
    while (words.length > 0 && SUBCOMMANDS.has(`${path} ${words[0]}`)) path = `${path} ${words.shift()}`;
    if (!(path in VALID)) {
      out.push({ path, flags: [], unknown: `${path} ${words[0] ?? ''}`.trim() });
      continue;
    }
    const flags: { name: string; value: string | undefined }[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      if (!w.startsWith('-')) continue;
      const [name, inline] = w.split('=', 2) as [string, string | undefined];
      const takesValue = typeof VALID[path]?.[name] === 'function';
      flags.push({ name, value: inline ?? (takesValue ? words[i + 1] : undefined) });
    }
    out.push({ path, flags });
  }
  return out;
}

describe('fix: lines name commands that work as written', async () => {
  const uses = await fixTexts();

  it('the scan finds the fix lines (git and docker among them)', () => {
    expect(uses.length).toBeGreaterThan(20);
    expect(uses.filter((u) => commandsIn(u.text).length > 0).length).toBeGreaterThan(5);
  });

  it('the checker rejects what git rejects', () => {
    const [c] = commandsIn('fetch the base ref first (e.g. git fetch origin main --depth=0)');
    expect(c?.path).toBe('git fetch');
    const depth = c?.flags.find((f) => f.name === '--depth');
    expect((VALID['git fetch']?.['--depth'] as (v: string | undefined) => boolean)(depth?.value)).toBe(false);
    expect(commandsIn('git frobnicate --x')[0]?.unknown).toBe('git frobnicate');
    expect(commandsIn('install the docker CLI')).toEqual([]);
  });

  it('every git/docker command in a fix: a known subcommand with valid flags and values', () => {
    const problems: string[] = [];
    for (const u of uses) {
      for (const c of commandsIn(u.text)) {
        const at = `${u.file}:${u.line}: "${u.text.trim()}"`;
        if (c.unknown) {
          problems.push(`${at}: unchecked command "${c.unknown}" (check its documentation, then add it to VALID)`);
          continue;
        }
        for (const f of c.flags) {
          const rule = VALID[c.path]?.[f.name];
          if (rule === undefined) problems.push(`${at}: ${c.path} has no flag ${f.name}`);
          else if (typeof rule === 'function' && !rule(f.value)) problems.push(`${at}: ${c.path} ${f.name} ${f.value ?? '(no value)'} is rejected`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
