import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  optionalInputFile,
  readBoundedFile
} from "./chunk-STQCJ5OL.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/render/dockerignore.ts
init_define_BC_HELP();
import { join } from "node:path";
var ALWAYS_EXCLUDED = [
  "secrets",
  "**/secrets",
  ".git",
  "**/.git",
  "**/__pycache__",
  "**/*.pyc",
  ".venv",
  "venv",
  ".pytest_cache",
  ".mypy_cache",
  ".ruff_cache",
  ".gradle",
  "*.egg-info",
  "dist",
  "node_modules"
];
function defaultDockerignore(language) {
  const build = language === "java" ? ["# build outputs, except the distribution tarball", "build/*", "!build/distributions"] : ["build"];
  return ["# never in a build context: local credentials, VCS data, caches", ...ALWAYS_EXCLUDED, ...build].join("\n");
}
async function composeDockerignore(dir, ours) {
  const file = join(dir, ".dockerignore");
  const theirs = await optionalInputFile(file, { kind: ".dockerignore" }) === "file" ? await readBoundedFile(file, { kind: ".dockerignore" }) : "";
  const head = "# rendered by build-connector";
  const body = theirs.trim() === "" ? ours.trim() : `# from the connector's .dockerignore
${theirs.trim()}
${ours.trim()}`;
  return `${head}
${body}
`;
}

export {
  ALWAYS_EXCLUDED,
  defaultDockerignore,
  composeDockerignore
};
