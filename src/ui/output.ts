/**
 * Where a command's result goes: JSON on stdout for `--json`, text for people.
 * Diagnostics and progress go to stderr so `--json` stdout stays parseable.
 */
export interface Output {
  json: boolean;
  /** the command's result: printed as JSON (machine) or via `human` (text) */
  result(value: unknown, human: () => string): void;
  /** progress / info for people (stderr) */
  info(line: string): void;
  warn(line: string): void;
}

export function createOutput(json: boolean, stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Output {
  return {
    json,
    result(value, human) {
      if (json) stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      else {
        const text = human();
        if (text) stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      }
    },
    info(line) {
      stderr.write(`${line}\n`);
    },
    warn(line) {
      stderr.write(`warning: ${line}\n`);
    },
  };
}
