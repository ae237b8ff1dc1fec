import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  PlatformSchema,
  isPlatform
} from "./chunk-Z2MWC52I.js";
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_GIT_TAG_FORMAT,
  DEFAULT_PROVENANCE,
  DEFAULT_TIMEOUT_SECONDS,
  LATEST_MODES
} from "./chunk-CL32DPN3.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  badInput
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/request-fields.ts
init_define_BC_HELP();
function splitList(value) {
  if (value === void 0) return void 0;
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== "");
}
var list = (item) => external_exports.preprocess((v) => {
  if (typeof v === "string") return v.trim() === "" ? void 0 : splitList(v);
  if (Array.isArray(v)) return v.flatMap((x) => typeof x === "string" ? splitList(x) : [x]);
  return v;
}, external_exports.array(item).optional());
var bool = external_exports.preprocess((v) => {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (t === "") return void 0;
  if (["true", "True", "TRUE"].includes(t)) return true;
  if (["false", "False", "FALSE"].includes(t)) return false;
  return v;
}, external_exports.boolean({ error: "expected true or false" }).optional());
var optString = external_exports.preprocess((v) => typeof v === "string" && v.trim() === "" ? void 0 : typeof v === "string" ? v.trim() : v, external_exports.string().optional());
var secret = external_exports.preprocess((v) => typeof v === "string" && v.trim() === "" ? void 0 : v, external_exports.string().optional());
function word(what, read) {
  return external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()]).optional().transform((v, ctx) => {
    if (v === void 0 || typeof v === "string" && v.trim() === "") return void 0;
    const out = read(String(v).trim());
    if (out === void 0) {
      ctx.issues.push({ code: "custom", input: v, message: `expected ${what}, got ${JSON.stringify(String(v))}` });
      return external_exports.NEVER;
    }
    return out;
  });
}
var oneOf = (values) => word(values.join(", ").replace(/, ([^,]*)$/, " or $1"), (s) => values.includes(s) ? s : void 0);
var positive = (what) => word(what, (s) => /^\d+(\.\d+)?$/.test(s) && Number(s) > 0 ? Number(s) : void 0);
var wholeNumber = (min, max) => word(max === Infinity ? `a whole number \u2265 ${min}` : `a whole number ${min}..${max}`, (s) => /^\d+$/.test(s) && Number(s) >= min && Number(s) <= max ? Number(s) : void 0);
var orDefault = (field, value) => field.transform((v) => v === void 0 ? value : v);
var latest = orDefault(oneOf(LATEST_MODES), "auto");
var provenance = orDefault(
  word("min, max or false", (s) => {
    const v = s.toLowerCase().replace(/^mode=/, "");
    if (v === "min" || v === "true" || v === "1") return "min";
    if (v === "max") return "max";
    if (v === "false" || v === "0" || v === "none") return false;
    return void 0;
  }),
  DEFAULT_PROVENANCE
);
var retries = orDefault(wholeNumber(1, 20), DEFAULT_ATTEMPTS);
var baseImages = external_exports.array(external_exports.string()).optional().transform((values, ctx) => {
  if (!values || values.length === 0) return void 0;
  const out = { byLanguage: {} };
  for (const v of values) {
    const m = /^([a-z0-9][a-z0-9_-]*)=(.+)$/.exec(v);
    if (m) out.byLanguage[m[1]] = m[2];
    else if (out.all === void 0) out.all = v;
    else {
      ctx.issues.push({ code: "custom", input: v, message: `"${v}": a base for every connector was already given (${out.all}); use LANGUAGE=REF` });
      return external_exports.NEVER;
    }
  }
  return out;
});
var jsonObject = external_exports.string().optional().transform((v, ctx) => {
  if (v === void 0 || v.trim() === "") return void 0;
  let value;
  try {
    value = JSON.parse(v);
  } catch {
    ctx.issues.push({
      code: "custom",
      input: "",
      message: "is not valid JSON (its content is secret and not shown)",
      params: { fix: "pass the connector config as a JSON object, e.g. config: ${{ secrets.SOURCE_FOO_CONFIG }}" }
    });
    return external_exports.NEVER;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    ctx.issues.push({ code: "custom", input: "", message: "must be a JSON object (its content is secret and not shown)" });
    return external_exports.NEVER;
  }
  return v;
});
var ACTION_COMMANDS = ["build", "verify", "publish", "changed"];
var FIELDS = {
  /** seconds per connector command (verify, bake, digest-record); not given: 120 */
  timeout: orDefault(positive("a positive number of seconds"), DEFAULT_TIMEOUT_SECONDS),
  pidsLimit: positive("a positive number"),
  cpus: positive("a positive number"),
  /** connector type, when neither metadata.yaml nor the image label says */
  type: oneOf(["source", "destination"]),
  /** connectors verified at once */
  verifyConcurrency: wholeNumber(1, Infinity),
  retries,
  latest,
  target: oneOf(["cloud", "oss"]),
  provenance,
  progress: oneOf(["auto", "tty", "plain", "quiet"]),
  /** unix seconds */
  sourceDateEpoch: word("unix seconds (a non-negative integer)", (s) => /^\d{1,12}$/.test(s) ? Number.parseInt(s, 10) : void 0),
  /** build --output: an OCI archive (pushing is publish's, after verify) */
  output: word("oci=FILE (pushing is done by `build-connector publish`, after verify)", (s) => {
    const m = /^(?:oci=(.+)|type=oci,dest=(.+))$/.exec(s);
    const dest = m?.[1] ?? m?.[2];
    return dest ? { type: "oci", dest } : void 0;
  }),
  /** exactly one platform (digest-record) */
  platform: word("exactly one platform, e.g. linux/arm64", (s) => isPlatform(s) ? s : void 0),
  platforms: list(PlatformSchema),
  /** directories (connector roots, …) */
  roots: list(external_exports.string().min(1)),
  baseImages,
  /** changed --matrix: a bare --matrix is the build matrix */
  matrix: word("build or merge", (s) => s === "true" || s === "build" ? "build" : s === "merge" ? "merge" : void 0),
  format: oneOf(["text", "json", "github"]),
  permittedWriteDirs: list(external_exports.string().startsWith("/", { error: (i) => `${JSON.stringify(String(i.input))} is not an absolute path` })),
  /** a git ref reaches git as an argument: option-looking or odd values are refused outright */
  changedSince: word("a git ref", (s) => /^[A-Za-z0-9][A-Za-z0-9._/~^@{}-]*$/.test(s) ? s : void 0),
  /** a git tag name: {version} required, {dir} = the connector directory's name; not given: {dir}/v{version} */
  gitTagFormat: orDefault(
    word("a tag format containing {version} (and {dir} for the connector directory), e.g. {dir}/v{version}", (s) => s.includes("{version}") ? s : void 0),
    DEFAULT_GIT_TAG_FORMAT
  ),
  /** the Action's `command` */
  command: oneOf(ACTION_COMMANDS),
  /** the connector config as JSON text (the Action's `config` input) */
  configJson: jsonObject
};
function kebab(field) {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
var FLAG_NAMES = {
  platforms: "platform",
  buildArgs: "build-arg",
  baseImages: "base-image",
  configFile: "config",
  password: "password-stdin",
  verifyConcurrency: "verify-concurrency (or BC_VERIFY_CONCURRENCY)",
  changedSince: "since"
};
var INPUT_NAMES = { configJson: "config" };
function parseWith(schema, raw, source) {
  const res = schema.safeParse(raw);
  if (res.success) return res.data;
  const fixes = res.error.issues.flatMap((i) => i.code === "custom" && typeof i.params?.fix === "string" ? [`fix: ${i.params.fix}`] : []);
  const lines = res.error.issues.map((i) => {
    const key = typeof i.path[0] === "string" ? i.path[0] : void 0;
    const field = key === void 0 ? "(config)" : source === "flag" ? FLAG_NAMES[key] ?? kebab(key) : INPUT_NAMES[key] ?? kebab(key);
    const name = source === "input" ? `input "${field}"` : `--${field}`;
    return `${name}: ${i.message}`;
  });
  throw badInput(lines[0] ?? "invalid configuration", [...lines.slice(1), ...fixes]);
}
function parseFields(raw, source = "flag") {
  const shape = {};
  for (const k of Object.keys(raw)) shape[k] = FIELDS[k];
  return parseWith(external_exports.object(shape), raw, source);
}

export {
  list,
  bool,
  optString,
  secret,
  latest,
  provenance,
  retries,
  FIELDS,
  parseWith,
  parseFields
};
