// Bundle the CLI and the Action into dist/ (committed; CI checks it is fresh).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __BC_VERSION__: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies call require(); give ESM output one.
  banner: { js: "import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);" },
};

await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: common.banner });
