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
