/**
 * Build progress a person can follow. buildx runs with `--progress plain`
 * (its output is captured: the process wrapper keeps the last lines for the
 * error message, so buildx cannot own the terminal); every line is printed
 * prefixed with the elapsed time and the platform of its step. buildx names
 * the platform only on a step's first line ("#9 [linux/arm64 3/4] RUN ..."),
 * so the step number is remembered and its later lines ("#9 DONE 0.6s") get
 * the same platform.
 *
 * In a terminal, lines are colored and the noise of internal steps is dropped;
 * in CI / non-TTY output, every non-blank line is kept, uncolored. NO_COLOR and
 * FORCE_COLOR decide the colour of either (src/ui/color.ts).
 */
import { colorEnabled, painter } from '../../ui/color.js';
export type ProgressMode = 'tty' | 'plain' | 'quiet';

const STEP = /^#(\d+) /;
const STEP_PLATFORM = /^#(\d+) \[([a-z][a-z0-9]*\/[a-z][a-z0-9_]*(?:\/[a-z0-9]+)?)[ \]]/;
const PLATFORM_WIDTH = 11; // "linux/arm64"

export class ProgressFormatter {
  private readonly platformOfStep = new Map<string, string>();
  private readonly internalSteps = new Set<string>();

  /** `single`: the one platform of a single-platform build (buildx does not print it then) */
  constructor(
    private readonly mode: ProgressMode,
    private readonly single?: string,
    private readonly color: boolean = mode === 'tty',
  ) {}

  /** The line to print for one buildx output line, or undefined to print nothing. */
  format(raw: string, elapsedMs: number): string | undefined {
    if (this.mode === 'quiet') return undefined;
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') return undefined;
    const step = STEP.exec(line)?.[1];
    const withPlatform = STEP_PLATFORM.exec(line);
    if (withPlatform?.[1] && withPlatform[2]) this.platformOfStep.set(withPlatform[1], withPlatform[2]);
    if (step && /^#\d+ \[internal\]/.test(line)) this.internalSteps.add(step);
    const platform = step ? (this.platformOfStep.get(step) ?? (this.internalSteps.has(step) ? undefined : this.single)) : undefined;
    const time = `${(elapsedMs / 1000).toFixed(1).padStart(6)}s`;
    if (this.mode === 'plain' && !this.color) return `${time} ${(platform ?? '').padEnd(PLATFORM_WIDTH)} ${line}`;
    // tty: skip chatter of internal steps unless they fail
    if (this.mode === 'tty' && step && this.internalSteps.has(step) && !/ERROR|CANCELED/.test(line)) return undefined;
    const paint = painter(this.color);
    const plat = platform ? paint(platform.endsWith('arm64') ? '35' : '36', platform.padEnd(PLATFORM_WIDTH)) : ' '.repeat(PLATFORM_WIDTH);
    const body = /ERROR/.test(line) ? paint('31', line) : /^#\d+ DONE/.test(line) ? paint('2', line) : line;
    return `${paint('2', time)} ${plat} ${body}`;
  }
}

/** Pick the mode: explicit choice, else tty when stderr is a terminal and not CI. */
export function progressMode(choice: 'auto' | ProgressMode | undefined, isTty: boolean, env: NodeJS.ProcessEnv = process.env): ProgressMode {
  if (choice && choice !== 'auto') return choice;
  return isTty && env.CI !== 'true' && env.TERM !== 'dumb' ? 'tty' : 'plain';
}

/** A sink that prefixes lines with the time since `start`. */
export function progressSink(mode: ProgressMode, write: (s: string) => void, start = performance.now(), platforms: readonly string[] = []): (line: string) => void {
  const f = new ProgressFormatter(mode, platforms.length === 1 ? platforms[0] : undefined, mode !== 'quiet' && colorEnabled(mode === 'tty'));
  return (line) => {
    const out = f.format(line, performance.now() - start);
    if (out !== undefined) write(`${out}\n`);
  };
}
