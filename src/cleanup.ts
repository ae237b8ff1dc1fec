/**
 * Cleanup registry: containers to remove, children to kill, temp dirs to
 * delete. Runs on normal exit paths (explicitly) and on SIGINT/SIGTERM/SIGHUP
 * and a closed output pipe (EPIPE), so neither Ctrl-C nor `| head` leaves a
 * connector container running.
 */
type Cleanup = () => void | Promise<void>;

const handlers = new Set<Cleanup>();
let installed = false;
let interrupted = false;

export function onCleanup(fn: Cleanup): () => void {
  handlers.add(fn);
  installSignalHandlers();
  return () => {
    handlers.delete(fn);
  };
}

export function wasInterrupted(): boolean {
  return interrupted;
}

export async function runCleanups(): Promise<void> {
  // Work that was in flight when the cleanup began may register more (a
  // container whose create had just been sent): run until none is left.
  while (handlers.size > 0) {
    const all = [...handlers].reverse();
    handlers.clear();
    await Promise.allSettled(all.map(async (fn) => fn()));
  }
}

/** Interrupted: nothing new starts (exec.ts), what runs is cleaned up, then exit. */
function cleanUpAndExit(code: number): void {
  interrupted = true;
  void runCleanups().finally(() => process.exit(code));
}

function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      process.exit(130);
    }
    process.stderr.write(`\nbuild-connector: ${signal} received, cleaning up (containers, builds)...\n`);
    cleanUpAndExit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // The reader of our output went away (`build-connector ... | head -1`):
  // the next write fails with EPIPE, which would kill the process on the
  // spot, containers and all. Clean up, then leave as a SIGPIPE would (141).
  const onStreamError = (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    if (!interrupted) cleanUpAndExit(141);
  };
  process.stdout.on('error', onStreamError);
  process.stderr.on('error', onStreamError);
}
