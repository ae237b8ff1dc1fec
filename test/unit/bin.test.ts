import { describe, expect, it } from 'vitest';


describe('launcher help keys', async () => {
  const { helpKey } = await import('../../src/bin-keys.js');
  const cases: [string[], string | undefined][] = [
    [['--help'], ''],
    [['-h'], ''],
    [['help'], ''],
    [['--version'], '--version'],
    [['-V'], '--version'],
    [['build', '--help'], 'build'],
    [['help', 'build'], 'build'],
    [['build', 'dir', '--help'], undefined],
    [['--json', '--help'], undefined],
    [['build'], undefined],
    [[], undefined],
  ];
  it.each(cases)('%j → %j', (argv, expected) => {
    expect(helpKey(argv)).toBe(expected);
  });
});

describe('Node guard', async () => {
  const { nodeTooOld } = await import('../../src/node-guard.js');
  const { execFileSync, spawnSync } = await import('node:child_process');
  const { existsSync, readFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const root = new URL('../..', import.meta.url).pathname;
  const engines = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

  it.each([
    ['20.20.2', '>=22.12', true],
    ['22.11.9', '>=22.12', true],
    ['18.0.0', '>=22.12', true],
    ['22.12.0', '>=22.12', false],
    ['22.13.1', '>=22.12', false],
    ['24.21.0', '>=22.12', false],
    ['21.99.99', '>= 22', true],
    ['20.0.0', '^22 || ^24', false], // a range it cannot read: no guard rather than a wrong refusal
  ])('Node %s against %s: refused %s', (found, range, refused) => {
    const line = nodeTooOld(found, range);
    expect(line !== undefined).toBe(refused);
    if (line) expect(line).toBe(`build-connector: needs Node ${range} (package.json engines.node), found Node ${found} at ${process.execPath}; install Node ${range.replace(/^>=\s*/, '')} or newer`);
  });

  // An older Node on this machine (the system one, next to the Node 24 the project uses).
  const candidates = [...new Set(['/usr/bin/node', '/usr/local/bin/node', ...String(spawnSync('sh', ['-c', 'which -a node'], { encoding: 'utf8' }).stdout).split('\n')])].filter((p) => p && existsSync(p));
  const old = candidates
    .map((p) => ({ p, v: String(spawnSync(p, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout).trim() }))
    .find((c) => /^\d+\.\d+\.\d+$/.test(c.v) && nodeTooOld(c.v, engines) !== undefined);
  // The launcher bundled the way scripts/build.mjs bundles dist/cli.js (esm,
  // target node22, chunks, engines.node baked in), into a temp dir: the test
  // does not depend on dist/ being fresh.
  const bundle = async (): Promise<string> => {
    const { build } = await import('esbuild');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'bc-guard-'));
    await build({
      entryPoints: { cli: join(root, 'src/bin.ts') },
      outdir: out,
      bundle: true,
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      platform: 'node',
      target: 'node22',
      format: 'esm',
      logLevel: 'silent',
      define: { __BC_VERSION__: '"0.0.0-test"', __BC_HELP__: JSON.stringify({ '': 'help\n', '--version': '0.0.0-test\n' }), __BC_NODE_ENGINES__: JSON.stringify(engines) },
      banner: { js: "import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);" },
    });
    return join(out, 'cli.js');
  };

  it.skipIf(!old)(`an old Node running the bundled launcher gets one line and exit 3 for every command (${old?.p} ${old?.v})`, async () => {
    const cli = await bundle();
    try {
      for (const args of [['--help'], ['--version'], ['verify', 'img:1'], ['doctor'], ['build', '--help'], ['publish', 'x', '--dry-run'], []]) {
        const r = spawnSync(old?.p ?? '', [cli, ...args], { encoding: 'utf8', timeout: 20_000 });
        expect(r.status, args.join(' ')).toBe(3);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`build-connector: needs Node ${engines} (package.json engines.node), found Node ${old?.v} at ${old?.p}; install Node ${engines.replace(/^>=\s*/, '')} or newer\n`);
      }
      // and the Node the project uses runs it
      expect(execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' })).toBe('0.0.0-test\n');
    } finally {
      rmSync(join(cli, '..'), { recursive: true, force: true });
    }
  });

  it('the Action runs on node24', () => {
    expect(readFileSync(join(root, 'action.yml'), 'utf8')).toMatch(/^runs:\n(?:\s+.*\n)*?\s+using: node24$/m);
  });
});
