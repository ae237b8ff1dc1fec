import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  run
} from "./chunk-TVMRY7EN.js";
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/docker/cli.ts
init_define_BC_HELP();
var DOCKER = process.env.BUILD_CONNECTOR_DOCKER ?? "docker";
function docker(args, opts = {}) {
  return run(DOCKER, args, opts);
}
function parseJson(schema, text, what) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BcError("failed", `${what}: output is not JSON`, { details: [text.slice(0, 300)] });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new BcError("failed", `${what}: unexpected output shape`, {
      details: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    });
  }
  return parsed.data;
}
function parseJsonLines(schema, text, what) {
  return text.split("\n").map((l) => l.trim()).filter((l) => l !== "").map((l) => parseJson(schema, l, what));
}

export {
  DOCKER,
  docker,
  parseJson,
  parseJsonLines
};
