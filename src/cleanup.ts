/**
 * Cleanup registry: containers to remove, children to kill, temp dirs to
 * delete. Runs on normal exit paths (explicitly) and on SIGINT/SIGTERM, so a
 * Ctrl-C never leaves a connector container running.
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
  const all = [...handlers].reverse();
  handlers.clear();
  await Promise.allSettled(all.map(async (fn) => fn()));
}

function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      process.exit(130);
    }
    interrupted = true;
    process.stderr.write(`\nbuild-connector: ${signal} received, cleaning up (containers, builds)...\n`);
    void runCleanups().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
