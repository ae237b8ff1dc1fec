// Bundle the CLI (and the Action, see below) into dist/ — committed; CI
// checks it equals a fresh build.
//
// The CLI is built twice: first without embedded help, then the help and
// version texts are captured from that real program and embedded in the
// launcher (src/bin.ts), which prints them without loading the rest.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __BC_VERSION__: JSON.stringify(pkg.version), __BC_NODE_ENGINES__: JSON.stringify(pkg.engines.node) },
  // Bundled CommonJS dependencies call require(); give ESM output one.
  banner: { js: "import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);" },
};

async function buildCli(help) {
  rmSync('dist/chunks', { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { cli: 'src/bin.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    define: { ...common.define, __BC_HELP__: JSON.stringify(help) },
  });
}

function capture(args) {
  return execFileSync(process.execPath, ['dist/cli.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, COLUMNS: '80', FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

await buildCli({});
const help = { '': capture(['--help']), '--version': capture(['--version']) };
const names = [...help[''].matchAll(/^  ([a-z][a-z-]*)\b/gm)].map((m) => m[1]).filter((n) => n !== 'help');
for (const name of names) help[name] = capture([name, '--help']);
await buildCli(help);

// The Action (action.yml `main`): one self-contained file, no chunks, because
// the runner executes it straight from the checked-out repository.
await build({ ...common, entryPoints: ['src/action.ts'], outfile: 'dist/index.js' });
