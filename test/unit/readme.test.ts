/**
 * The README and docs/ tell users what exists: README.md stays within its
 * length budget, every command and flag it shows exists in the real CLI's
 * --help, its three workflows are the tested fixtures, every docs/ page it
 * links exists, and every Action input and output named in README.md or
 * docs/action.md is declared in action.yml (and every declared one documented).
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot, runCli } from '../support/cli.js';

const README_BUDGET = 250;

const read = (p: string) => readFile(join(repoRoot, p), 'utf8');

/** `build-connector CMD …` invocations shown in README.md: shell lines, inline code and table cells. */
function invocations(text: string): { command: string; flags: string[]; line: string }[] {
  const out: { command: string; flags: string[]; line: string }[] = [];
  for (const m of text.matchAll(/build-connector ([a-z][a-z-]*)((?: +[^\s`|#]+)*)/g)) {
    const command = m[1] as string;
    const rest = (m[2] ?? '').trim();
    const flags = [...rest.matchAll(/(?:^|\s)(--[a-z][a-z0-9-]*)/g)].map((f) => f[1] as string);
    out.push({ command, flags, line: m[0] });
  }
  return out;
}

/** First-column names of the markdown table under `## heading` in text. */
function tableNames(text: string, heading: string): string[] {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const section = text.slice(start + heading.length + 5).split(/\n## /)[0] as string;
  const names: string[] = [];
  for (const row of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const cell = row.split(/(?<!\\)\|/)[1] as string;
    for (const n of cell.matchAll(/`([a-z][a-z0-9-]*)`/g)) names.push(n[1] as string);
  }
  return names;
}

describe('README.md and docs/', async () => {
  const readme = await read('README.md');
  const actionDoc = await read('docs/action.md');
  const action = parseYaml(await read('action.yml')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
  const help = await runCli(['--help']);
  const topCommands = [...help.stdout.matchAll(/^ {2}([a-z][a-z-]*)(?: \[options\])?(?: |$)/gm)].map((m) => m[1] as string);

  it(`README.md is at most ${README_BUDGET} lines (the reference lives in docs/)`, () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(README_BUDGET);
  });

  it('the quick start\'s two commands come first, and the test command is named in Development', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock.split('\n').filter(Boolean).map((l) => l.split(/\s+#/)[0]?.trim())).toEqual(['bash scripts/quickstart.sh', 'bash scripts/run-tests.sh']);
    expect(readme).toMatch(/## Development\n[\s\S]*`bash scripts\/run-tests\.sh` — \*\*the test command\*\* \(CI runs exactly this/);
  });

  it('every command in the commands table exists in --help (and every --help command is in the table)', async () => {
    const start = readme.indexOf('\n## Commands\n');
    const table = readme.slice(start).split(/\n## /)[1] as string;
    const named = new Set<string>();
    for (const row of table.split('\n').filter((l) => l.startsWith('| `'))) {
      const cell = row.split(/(?<!\\)\|/)[1] as string;
      for (const n of cell.matchAll(/`([a-z][a-z-]*)/g)) named.add(n[1] as string);
    }
    expect(named.size).toBeGreaterThan(10);
    for (const c of named) expect(topCommands, `README command "${c}"`).toContain(c);
    for (const c of topCommands.filter((c) => c !== 'help')) expect([...named], `--help command "${c}" missing from the README table`).toContain(c);
    const base = await runCli(['base', '--help']);
    for (const sub of ['render', 'build', 'root', 'list']) expect(base.stdout).toMatch(new RegExp(`^ {2}${sub}\\b`, 'm'));
  });

  it('every `build-connector CMD --flag` shown in README.md exists in that command\'s --help', async () => {
    const calls = invocations(readme);
    expect(calls.length).toBeGreaterThan(5);
    const helps = new Map<string, string>();
    for (const { command, flags, line } of calls) {
      expect(topCommands, `"${line}": command`).toContain(command);
      if (!helps.has(command)) helps.set(command, (await runCli([command, '--help'])).stdout);
      for (const flag of flags) expect(helps.get(command), `"${line}": flag ${flag}`).toMatch(new RegExp(`(^|[ ,])${flag}\\b`, 'm'));
    }
  });

  it('the three ready workflows in README.md are test/fixtures/workflows/*.yml as they are (without their header comment)', async () => {
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    for (const name of ['pr', 'main', 'release']) {
      const lines = (await read(`test/fixtures/workflows/${name}.yml`)).split('\n');
      while (lines[0]?.startsWith('#')) lines.shift();
      expect(blocks, `${name}.yml`).toContain(lines.join('\n'));
    }
  });

  it('every docs/ page README.md links exists, and it links each docs page', async () => {
    const links = [...readme.matchAll(/\]\((docs\/[^)#]+)\)/g)].map((m) => m[1] as string);
    for (const l of links) expect(existsSync(join(repoRoot, l)), l).toBe(true);
    for (const page of ['lint', 'connector', 'verify', 'publish', 'monorepo', 'action', 'performance', 'engines']) {
      expect(links, `README links docs/${page}.md`).toContain(`docs/${page}.md`);
    }
  });

  it('every Action input and output named in docs/action.md exists in action.yml, and each declared one is documented', () => {
    const inputs = tableNames(actionDoc, 'Inputs');
    const outputs = tableNames(actionDoc, 'Outputs');
    expect(inputs.length).toBeGreaterThan(10);
    for (const i of inputs) expect(Object.keys(action.inputs), `input "${i}"`).toContain(i);
    for (const o of outputs) expect(Object.keys(action.outputs), `output "${o}"`).toContain(o);
    for (const i of Object.keys(action.inputs)) expect(inputs, `action.yml input "${i}" is not in docs/action.md`).toContain(i);
    for (const o of Object.keys(action.outputs)) expect(outputs, `action.yml output "${o}" is not in docs/action.md`).toContain(o);
  });

  it('every input and output the README and docs/action.md use in a workflow step (with: …, steps.ID.outputs.NAME) exists', () => {
    for (const text of [readme, actionDoc]) {
      for (const block of text.matchAll(/```yaml\n([\s\S]*?)```/g)) {
        const doc = parseYaml(block[1] as string) as unknown;
        const steps: { uses?: string; with?: Record<string, unknown> }[] = [];
        const walk = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object') {
            const o = v as Record<string, unknown>;
            if (typeof o.uses === 'string' && /build-connector@/.test(o.uses)) steps.push(o as { with?: Record<string, unknown> });
            Object.values(o).forEach(walk);
          }
        };
        walk(doc);
        for (const s of steps) for (const k of Object.keys(s.with ?? {})) expect(Object.keys(action.inputs), `input "${k}"`).toContain(k);
      }
      for (const m of text.matchAll(/steps\.(bc|changed)\.outputs\.([\w-]+)/g)) expect(Object.keys(action.outputs), `output "${m[2]}"`).toContain(m[2]);
    }
  });
});
