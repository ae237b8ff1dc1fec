import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/cleanup.ts
init_define_BC_HELP();
var handlers = /* @__PURE__ */ new Set();
var installed = false;
var interrupted = false;
function onCleanup(fn) {
  handlers.add(fn);
  installSignalHandlers();
  return () => {
    handlers.delete(fn);
  };
}
function wasInterrupted() {
  return interrupted;
}
async function runCleanups() {
  while (handlers.size > 0) {
    const all = [...handlers].reverse();
    handlers.clear();
    await Promise.allSettled(all.map(async (fn) => fn()));
  }
}
function cleanUpAndExit(code) {
  interrupted = true;
  void runCleanups().finally(() => process.exit(code));
}
function installSignalHandlers() {
  if (installed) return;
  installed = true;
  const onSignal = (signal) => {
    if (interrupted) {
      process.exit(130);
    }
    process.stderr.write(`
build-connector: ${signal} received, cleaning up (containers, builds)...
`);
    cleanUpAndExit(signal === "SIGINT" ? 130 : signal === "SIGHUP" ? 129 : 143);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
  const onStreamError = (err) => {
    if (err.code !== "EPIPE") throw err;
    if (!interrupted) cleanUpAndExit(141);
  };
  process.stdout.on("error", onStreamError);
  process.stderr.on("error", onStreamError);
}

export {
  onCleanup,
  wasInterrupted,
  runCleanups
};
