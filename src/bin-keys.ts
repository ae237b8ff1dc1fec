/** Which embedded text (src/bin.ts) answers argv; undefined = run the full program. */
export function helpKey(argv: readonly string[]): string | undefined {
  const isHelp = (a: string | undefined) => a === '--help' || a === '-h';
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return '--version';
  if (argv.length === 1 && (isHelp(argv[0]) || argv[0] === 'help')) return '';
  if (argv.length === 2 && argv[0] === 'help' && argv[1] && !argv[1].startsWith('-')) return argv[1];
  if (argv.length === 2 && argv[0] && !argv[0].startsWith('-') && isHelp(argv[1])) return argv[0];
  return undefined;
}
