/**
 * Integration tests need the real engine. Locally without one they skip with
 * a visible reason; under CI=true a missing engine is a failure, never a skip.
 */
import { execFileSync } from 'node:child_process';
import { describe } from 'vitest';

let cached: string | undefined | null = null;

/** undefined when the engine works, else the reason it does not. */
export function engineProblem(): string | undefined {
  if (cached !== null) return cached;
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe', timeout: 20_000 });
    cached = undefined;
  } catch (err) {
    cached = `no docker engine (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); run scripts/setup-engine.sh`;
  }
  return cached;
}

export const REGISTRY = process.env.BC_TEST_REGISTRY ?? 'localhost:5000';
export const AUTH_REGISTRY = process.env.BC_TEST_AUTH_REGISTRY ?? 'localhost:5001';
export const AUTH_USER = 'bc-test';
export const AUTH_PASSWORD = 'bc-test-password';

/** describe() for engine tests: skip locally without an engine, fail under CI. */
export function describeEngine(name: string, fn: () => void): void {
  const problem = engineProblem();
  if (!problem) {
    describe(name, fn);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(`CI=true but ${problem}`);
    });
  } else {
    describe.skip(`${name} [skipped: ${problem}]`, fn);
  }
}
