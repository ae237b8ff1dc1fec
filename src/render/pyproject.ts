/**
 * pyproject.toml, read with a TOML library (smol-toml, TOML 1.0 — what
 * Python's tomllib reads): console scripts from PEP 621 `[project.scripts]`
 * or Poetry's `[tool.poetry.scripts]`, the declared runtime dependencies and
 * the build backend. Quoted keys, inline tables and dotted keys all work;
 * invalid TOML is a badInput error naming pyproject.toml:LINE:COL.
 */
import { parse, TomlError } from 'smol-toml';
import { z } from 'zod';
import { badInputAt } from '../errors.js';

interface PyprojectScript {
  name: string;
  /** the table it came from */
  table: 'project.scripts' | 'tool.poetry.scripts';
  /** 1-based line of the key in the file (best effort: where the name is written) */
  line: number;
}

interface Pyproject {
  scripts: PyprojectScript[];
  /** PEP 621 project.dependencies + Poetry tool.poetry.dependencies (without `python`) */
  dependencies: string[];
  /** [build-system].build-backend, or null (pip's legacy setuptools default) */
  buildBackend: string | null;
  /** [build-system].requires */
  buildRequires: string[];
}

const Table = z.record(z.string(), z.unknown());
const Scripts = z.record(z.string(), z.union([z.string(), Table]));
const PyprojectSchema = z
  .object({
    'build-system': z.object({ requires: z.array(z.string()).optional(), 'build-backend': z.string().optional() }).loose().optional(),
    project: z.object({ scripts: Scripts.optional(), dependencies: z.array(z.string()).optional() }).loose().optional(),
    tool: z
      .object({
        poetry: z.object({ scripts: Scripts.optional(), dependencies: Table.optional() }).loose().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** The line where `name` is written as a key (bare or quoted), after the table header if any. */
function lineOfKey(text: string, name: string, table: string): number {
  const lines = text.split(/\r?\n/);
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const key = new RegExp(`(^|[\\s{,.])(${esc}|"${esc}"|'${esc}')\\s*=`);
  const header = new RegExp(`^\\s*\\[\\s*${table.replace(/\./g, '\\s*\\.\\s*')}\\s*\\]`);
  const start = lines.findIndex((l) => header.test(l));
  for (let i = Math.max(start, 0); i < lines.length; i++) if (key.test(lines[i] ?? '')) return i + 1;
  return start >= 0 ? start + 1 : 1;
}

/** Parse pyproject.toml text; `file` names it in errors. */
export function readPyproject(text: string, file: string): Pyproject {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    if (err instanceof TomlError) {
      const msg = err.message.split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? 'invalid TOML';
      throw badInputAt({ file, line: err.line, column: err.column, problem: `invalid TOML: ${msg}` }, [
        'fix: correct the syntax (python3 -c "import tomllib,sys; tomllib.load(open(sys.argv[1],\'rb\'))" pyproject.toml shows the same error)',
      ]);
    }
    throw err;
  }
  const res = PyprojectSchema.safeParse(doc);
  if (!res.success) {
    const i = res.error.issues[0];
    const path = i?.path.map(String).join('.') ?? '';
    const line = lineOfKey(text, String(i?.path.at(-1) ?? ''), i?.path.slice(0, -1).map(String).join('.') ?? '');
    throw badInputAt({ file, line, key: path, problem: i?.message ?? 'unexpected value' });
  }
  const p = res.data;
  const scripts: PyprojectScript[] = [];
  for (const [table, entries] of [
    ['project.scripts', p.project?.scripts],
    ['tool.poetry.scripts', p.tool?.poetry?.scripts],
  ] as const) {
    for (const name of Object.keys(entries ?? {})) scripts.push({ name, table, line: lineOfKey(text, name, table) });
  }
  const poetryDeps = Object.keys(p.tool?.poetry?.dependencies ?? {}).filter((d) => d.toLowerCase() !== 'python');
  return {
    scripts,
    dependencies: [...(p.project?.dependencies ?? []), ...poetryDeps],
    buildBackend: p['build-system']?.['build-backend'] ?? null,
    buildRequires: p['build-system']?.requires ?? [],
  };
}

/**
 * Whether installing the project needs a package index: it declares runtime
 * dependencies, or its build backend is not setuptools (which every python
 * base carries; poetry-core, hatchling, flit-core … come from the index).
 */
export function needsIndex(p: Pyproject): { needed: boolean; why: string } {
  if (p.dependencies.length > 0) {
    const shown = p.dependencies.slice(0, 3).join(', ');
    return { needed: true, why: `declares dependencies (${shown}${p.dependencies.length > 3 ? ', …' : ''})` };
  }
  const backend = p.buildBackend ?? 'setuptools.build_meta:__legacy__';
  const onlySetuptools = p.buildRequires.every((r) => /^(setuptools|wheel)\s*([<>=!~;[(]|$)/i.test(r.trim()));
  if (!backend.startsWith('setuptools.') || !onlySetuptools) {
    return { needed: true, why: `its build backend (${backend}; requires ${p.buildRequires.join(', ') || 'nothing'}) is installed from the index` };
  }
  return { needed: false, why: 'no dependencies and the setuptools backend the base carries' };
}
