/**
 * Whether to write ANSI colour, by the conventions users set once for every tool:
 *   FORCE_COLOR   set: colour unless it is "0" or "false" (also when not a terminal,
 *                 e.g. a CI log that renders colour), as Node and supports-color read it
 *   NO_COLOR      non-empty: no colour (https://no-color.org)
 *   otherwise     colour on a terminal whose TERM is not "dumb"
 * FORCE_COLOR wins over NO_COLOR, as in Node's tty.WriteStream#getColorDepth.
 */
export function colorEnabled(isTty: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTty && env.TERM !== 'dumb';
}

/** `paint(code, text)`: SGR-coloured text when `on`, the text itself otherwise. */
export function painter(on: boolean): (code: string, text: string) => string {
  return on ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
}
