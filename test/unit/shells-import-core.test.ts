/**
 * The shells only map words onto the core's request and format its result
 * (docs/architecture.md, issue 22): every file under src/commands/ and
 * src/action/, and the entries src/cli.ts and src/action.ts, import only
 * src/core/, src/ui/, their own folder, node: built-ins and packages. Every
 * import form counts (import, export … from, import type, import()), read
 * with the TypeScript compiler's own pre-processor, as layout.test.ts does.
 * A violation is named file:line:column with the specifier.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

const SRC = join(repoRoot, 'src');

/** The folder under src/ a shell file may import besides core/ and ui/. */
function ownFolder(file: string): string {
  const rel = relative(SRC, file);
  if (rel === 'cli.ts') return 'commands';
  if (rel === 'action.ts') return 'action';
  return rel.split('/')[0] ?? '';
}

/** `file`'s imports that leave core/, ui/ and its own folder, as "src/…:LINE:COL imports SPEC". */
export function shellImportViolations(file: string, text: string): string[] {
  const allowed = new Set(['core', 'ui', ownFolder(file)]);
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles
    .filter((r) => r.fileName.startsWith('.'))
    .filter((r) => {
      const target = relative(SRC, resolve(dirname(file), r.fileName));
      const top = target.split('/')[0] ?? '';
      return target.startsWith('..') || !allowed.has(top);
    })
    .map((r) => {
      const before = text.slice(0, r.pos).split('\n');
      const line = before.length;
      const column = (before[before.length - 1] ?? '').length + 1;
      return `${relative(repoRoot, file)}:${line}:${column} imports ${r.fileName}`;
    });
}

const shellFiles = [
  ...['commands', 'action'].flatMap((d) =>
    readdirSync(join(SRC, d))
      .filter((n) => n.endsWith('.ts'))
      .map((n) => join(SRC, d, n)),
  ),
  join(SRC, 'cli.ts'),
  join(SRC, 'action.ts'),
];

describe('the shells import only the core', () => {
  it('reads every shell file (the check sees them)', () => {
    expect(shellFiles.length).toBeGreaterThan(15);
    expect(shellFiles).toContain(join(SRC, 'commands', 'publish.ts'));
    expect(shellFiles).toContain(join(SRC, 'action', 'run.ts'));
  });

  it('commands/, action/, cli.ts and action.ts import nothing outside core/, ui/ and their own folder', () => {
    const violations = shellFiles.flatMap((f) => shellImportViolations(f, readFileSync(f, 'utf8')));
    expect(violations).toEqual([]);
  });

  it('names file:line:column of a violation, of every import form, and lets the allowed ones pass', () => {
    const sample = [
      "import type { Command } from 'commander';",
      "import { join } from 'node:path';",
      "import { badInput } from '../core/index.js';",
      "import { renderTable } from '../ui/table.js';",
      "import { action } from './common.js';",
      "import { BcError } from '../errors.js';",
      "  const { verifyImage } = await import('../verify/index.js');",
      "export type { Finding } from '../lint/types.js';",
      "import { x } from '../../outside.js';",
    ].join('\n');
    expect(shellImportViolations(join(SRC, 'commands', 'sample.ts'), sample)).toEqual([
      'src/commands/sample.ts:6:25 imports ../errors.js',
      'src/commands/sample.ts:7:40 imports ../verify/index.js',
      'src/commands/sample.ts:8:30 imports ../lint/types.js',
      'src/commands/sample.ts:9:19 imports ../../outside.js',
    ]);
    // the entries: src/cli.ts's own folder is commands/, src/action.ts's is action/
    expect(shellImportViolations(join(SRC, 'cli.ts'), "import { main } from './commands/index.js';\nimport { run } from './action/run.js';\nimport { VERSION } from './version.js';")).toEqual([
      'src/cli.ts:2:21 imports ./action/run.js',
      'src/cli.ts:3:25 imports ./version.js',
    ]);
    expect(shellImportViolations(join(SRC, 'action.ts'), "import { runAction } from './action/run.js';")).toEqual([]);
  });
});
