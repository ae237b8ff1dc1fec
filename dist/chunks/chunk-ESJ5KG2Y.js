import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  ImageConfigSchema,
  copyFromContainer,
  createProbe,
  engineJson,
  inspectLocalImage,
  normalizeConfig,
  parsePasswd,
  shellCommands
} from "./chunk-7KWH7VUP.js";
import {
  require_semver
} from "./chunk-LC4JF5JN.js";
import {
  normalizeDockerHub,
  parseImageRef,
  splitDomain
} from "./chunk-AC6MT37A.js";
import {
  RegistryClient,
  retryPolicy
} from "./chunk-2CZK5HMD.js";
import {
  DIGEST_RE,
  isDigest
} from "./chunk-FLBFUWAO.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  __toESM,
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/lint/base-facts.ts
init_define_BC_HELP();
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/lint/ownership.ts
init_define_BC_HELP();
import { posix } from "node:path";
var AIRBYTE_USER = "airbyte";
var AIRBYTE_UID = "1000";
function ownerUser(spec) {
  return spec.split(/[:.]/)[0] ?? spec;
}
var isAirbyteOwner = (spec) => {
  const u = ownerUser(spec);
  return u === AIRBYTE_USER || u === AIRBYTE_UID;
};
var RESERVED = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "do", "while", "until", "!", "{", "("]);
function unwrap(argv) {
  let a = argv;
  for (; ; ) {
    const h = a[0];
    if (h === "sudo" || h === "exec" || h === "command" || h === "nohup" || h !== void 0 && RESERVED.has(h)) a = a.slice(1);
    else if (h === "env") {
      a = a.slice(1);
      while (a[0] !== void 0 && (a[0].includes("=") || a[0].startsWith("-"))) a = a.slice(1);
    } else if (h !== void 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(h)) a = a.slice(1);
    else return a;
  }
}
var isAirbyteDir = (p, workdir) => posix.resolve(workdir, p) === "/airbyte";
function fromChown(args, workdir) {
  const positional = args.filter((a) => !a.startsWith("-"));
  const [owner, ...paths] = positional;
  if (owner === void 0 || !paths.some((p) => isAirbyteDir(p, workdir))) return void 0;
  return { owned: isAirbyteOwner(owner), how: `chown ${args.join(" ")}` };
}
function fromInstall(args, workdir) {
  if (!args.includes("-d") && !args.includes("--directory")) return void 0;
  let owner;
  const paths = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--owner") owner = args[++i];
    else if (a.startsWith("--owner=")) owner = a.slice("--owner=".length);
    else if (a === "-g" || a === "--group" || a === "-m" || a === "--mode") i++;
    else if (!a.startsWith("-")) paths.push(a);
  }
  if (owner === void 0 || !paths.some((p) => isAirbyteDir(p, workdir))) return void 0;
  return { owned: isAirbyteOwner(owner), how: `install ${args.join(" ")}` };
}
function fromUseradd(cmd, args) {
  let home;
  let create = cmd === "adduser";
  let name;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-d" || a === "--home-dir" || a === "--home" || cmd === "adduser" && a === "-h") home = args[++i];
    else if (a.startsWith("--home-dir=") || a.startsWith("--home=")) home = a.slice(a.indexOf("=") + 1);
    else if (a === "-m" || a === "--create-home") create = true;
    else if (a === "-M" || a === "--no-create-home" || cmd === "adduser" && a === "-H") create = false;
    else if (["-u", "--uid", "-g", "--gid", "-G", "--groups", "-s", "--shell", "-c", "--comment", "--gecos", "--ingroup", "-k"].includes(a)) i++;
    else if (!a.startsWith("-")) name = a;
  }
  if (home === void 0 || posix.normalize(home).replace(/\/$/, "") !== "/airbyte" || !create) return void 0;
  if (name !== AIRBYTE_USER) return void 0;
  return { owned: true, how: `${cmd} ${args.join(" ")}` };
}
function ownershipEvidence(input, workdir) {
  const commands = "argv" in input ? [input.argv] : shellCommands(input.shell, { lookup: input.lookup });
  let last;
  let cwd = workdir;
  for (const raw of commands) {
    const [cmd, ...args] = unwrap(raw);
    if (cmd === void 0) continue;
    const name = posix.basename(cmd);
    if (name === "cd") {
      cwd = posix.resolve(cwd, args[0] ?? "/");
      continue;
    }
    const ev = name === "chown" ? fromChown(args, cwd) : name === "install" ? fromInstall(args, cwd) : name === "useradd" || name === "adduser" ? fromUseradd(name, args) : void 0;
    if (ev) last = ev;
  }
  return last;
}
function createsUser(input, name) {
  const commands = "argv" in input ? [input.argv] : shellCommands(input.shell, { lookup: input.lookup });
  let found;
  for (const raw of commands) {
    const [cmd, ...args] = unwrap(raw);
    if (cmd === void 0) continue;
    const base = posix.basename(cmd);
    if (base !== "useradd" && base !== "adduser") continue;
    const valueFlags = /* @__PURE__ */ new Set(["-u", "--uid", "-g", "--gid", "-G", "--groups", "-s", "--shell", "-c", "--comment", "--gecos", "--ingroup", "-k", "--skel", "-d", "--home-dir", "--home", "-h", "-e", "-f", "-K", "-p", "--password"]);
    const positional = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (valueFlags.has(a)) i++;
      else if (!a.startsWith("-")) positional.push(a);
    }
    if (positional[0] === name && (base === "useradd" || positional.length === 1)) found = `${base} ${args.join(" ")}`;
  }
  return found;
}

// src/lint/base-table.ts
init_define_BC_HELP();
var import_semver = __toESM(require_semver(), 1);

// src/lint/base-table-data.ts
init_define_BC_HELP();
var AIRBYTE_PY_USER = { uid: 1e3, gid: 1e3, home: "/nonexistent", shell: "/usr/sbin/nologin" };
var AIRBYTE_DIR = { uid: 1e3, gid: 1e3, mode: 493 };
var NOTHING_AIRBYTE = { env: {}, writeDirsLabel: null, airbyteUser: null, airbyteDir: null };
var BASE_TABLE = [
  // ------------------------------------------------------------ Airbyte's bases
  // airbytehq/airbyte: airbyte-ci/connectors/base_images/base_images/bases.py
  // (get_base_container: `adduser --uid 1000 --system --group --no-create-home
  // airbyte`, `mkdir --mode 755 /airbyte`, `chown airbyte:airbyte /airbyte`),
  // python/bases.py (no with_user, with_entrypoint or with_workdir), and
  // generated/changelogs/airbyte_python_connector_base.json ("3.0.0: Create
  // airbyte user"); from 4.0.0 docker-images/Dockerfile.python-connector-base
  // runs the same three commands and sets no USER, ENTRYPOINT, WORKDIR or LABEL.
  // Home: Debian 12's adduser gives a --system user without --home the home
  // /nonexistent and the shell /usr/sbin/nologin (/usr/sbin/adduser of
  // bookworm), which is why later Dockerfiles `mkdir /nonexistent`.
  // Digests: the FROM lines of airbytehq/airbyte-python-cdk's Dockerfile
  // (3.0.0, 4.0.0, 4.0.2, 4.1.0). 4.1.x: no recipe seen; the CDK's Dockerfile
  // at v7.28.2, built FROM 4.1.0, still relies on the user (USER airbyte).
  {
    repository: "docker.io/airbyte/python-connector-base",
    versions: ">=3.0.0 <5.0.0",
    digests: [
      "sha256:1a0845ff2b30eafa793c6eee4e8f4283c2e52e1bbd44eed6cb9e9abd5d34d844",
      "sha256:d9894b6895923b379f3006fa251147806919c62b7d9021b5cd125bb67d7bbe22",
      "sha256:9fdb1888c4264cf6fee473649ecb593f56f58e5d0096a87ee0b231777e2e3e73",
      "sha256:1d1aa21d34e851df4e8a87b391c27724c06e2597608e7161f4d167be853bd7b6"
    ],
    user: "",
    entrypoint: [],
    workdir: "",
    env: {},
    writeDirsLabel: null,
    airbyteUser: AIRBYTE_PY_USER,
    airbyteDir: AIRBYTE_DIR,
    source: "airbytehq/airbyte airbyte-ci/connectors/base_images (bases.py, python/bases.py, changelog) and docker-images/Dockerfile.python-connector-base"
  },
  // The same changelog: 1.0.0 to 2.0.0 create neither the user nor /airbyte
  // (only the prerelease 1.2.2-rc.1 did, and 1.2.2 dropped it again), run as
  // root. Digests: airbyte-ci/connectors/base_images/README.md (1.0.0–1.2.1)
  // and airbyte-python-cdk's Dockerfile before "make SDM image rootless" (2.0.0).
  {
    repository: "docker.io/airbyte/python-connector-base",
    versions: ">=1.0.0 <3.0.0",
    digests: [
      "sha256:dd17e347fbda94f7c3abff539be298a65af2d7fc27a307d89297df1081a45c27",
      "sha256:bd98f6505c6764b1b5f99d3aedc23dfc9e9af631a62533f60eb32b1d3dbab20c",
      "sha256:c22a9d97464b69d6ef01898edf3f8612dc11614f05a84984451dde195f337db9",
      "sha256:4a4255e2bccab71fa5912487e42d9755cdecffae77273fed8be01a081cd6e795",
      "sha256:c44839ba84406116e8ba68722a0f30e8f6e7056c726f447681bb9e9ece8bd916"
    ],
    user: "",
    entrypoint: [],
    workdir: "",
    ...NOTHING_AIRBYTE,
    source: "airbytehq/airbyte airbyte-ci/connectors/base_images/generated/changelogs/airbyte_python_connector_base.json (1.0.0\u20132.0.0)"
  },
  // airbytehq/airbyte: airbyte-ci/connectors/base_images/base_images/java/bases.py
  // of the non-root release (`groupadd --gid 1000 airbyte`, `useradd --uid 1000
  // --gid airbyte --shell /bin/bash --create-home airbyte`, so the home is
  // useradd's default /home/airbyte; `mkdir --mode 755 /airbyte`, `chown -R
  // airbyte:airbyte /airbyte`; with_workdir("/airbyte"), AIRBYTE_ENTRYPOINT and
  // with_entrypoint(["/airbyte/base.sh"]), with_user("airbyte")), and
  // generated/changelogs/airbyte_java_connector_base.json (2.0.0, 2.0.1).
  // Later images built from docker-images/Dockerfile.java-connector-base set no
  // USER or ENTRYPOINT: their versions are not known here, so not listed.
  {
    repository: "docker.io/airbyte/java-connector-base",
    versions: ">=2.0.0 <=2.0.1",
    user: "airbyte",
    entrypoint: ["/airbyte/base.sh"],
    workdir: "/airbyte",
    env: { AIRBYTE_ENTRYPOINT: "/airbyte/base.sh" },
    writeDirsLabel: null,
    airbyteUser: { uid: 1e3, gid: 1e3, home: "/home/airbyte", shell: "/bin/bash" },
    airbyteDir: AIRBYTE_DIR,
    source: "airbytehq/airbyte airbyte-ci/connectors/base_images/base_images/java/bases.py and the java changelog (2.0.0, 2.0.1)"
  },
  // java/bases.py before the non-root release (USER = "root", "TODO: remove
  // this once we want to build the base image with the airbyte user"): no
  // user created; /airbyte only as the Dagger workdir, owned by root.
  {
    repository: "docker.io/airbyte/java-connector-base",
    versions: ">=1.0.0 <2.0.0",
    user: "",
    entrypoint: ["/airbyte/base.sh"],
    workdir: "/airbyte",
    env: { AIRBYTE_ENTRYPOINT: "/airbyte/base.sh" },
    writeDirsLabel: null,
    airbyteUser: null,
    airbyteDir: { uid: 0, gid: 0, mode: 493 },
    source: "airbytehq/airbyte airbyte-ci/connectors/base_images/base_images/java/bases.py (1.x, root) and the java changelog (1.0.0)"
  },
  // airbytehq/airbyte-python-cdk: Dockerfile from "chore: make SDM image
  // rootless" (#147, first released in 6.9.2) to v7.28.2: FROM
  // python-connector-base 3.0.0 / 4.0.x / 4.1.0 (the airbyte user above),
  // WORKDIR /airbyte/integration_code, `chown -R 1000:1000 /airbyte`,
  // ENV AIRBYTE_ENTRYPOINT="python /airbyte/integration_code/main.py", the same
  // exec-form ENTRYPOINT, USER airbyte. Earlier images ran as root on
  // python-connector-base 2.0.0 (not listed). Digest: the CDK's
  // unit_tests/utils/test_docker_build.py (6.51.0).
  {
    repository: "docker.io/airbyte/source-declarative-manifest",
    versions: ">=6.9.2 <8.0.0",
    digests: ["sha256:890b109f243b8b9406f23ea7522de41025f7b3e87f6fc9710bc1e521213a276f"],
    user: "airbyte",
    entrypoint: ["python", "/airbyte/integration_code/main.py"],
    workdir: "/airbyte/integration_code",
    env: { AIRBYTE_ENTRYPOINT: "python /airbyte/integration_code/main.py" },
    writeDirsLabel: null,
    airbyteUser: AIRBYTE_PY_USER,
    airbyteDir: AIRBYTE_DIR,
    source: "airbytehq/airbyte-python-cdk Dockerfile (6.9.2 to 7.28.2)"
  },
  // ------------------------------------------------------------ official images
  // None creates an airbyte user or /airbyte, and none sets USER (root).
  // docker-library/python Dockerfile-linux.template: ends with CMD ["python3"].
  { repository: "docker.io/library/python", user: "", entrypoint: [], workdir: "", ...NOTHING_AIRBYTE, source: "docker-library/python Dockerfile-linux.template" },
  // debuerreotype images: FROM scratch, ADD the root file system, CMD ["bash"].
  { repository: "docker.io/library/debian", user: "", entrypoint: [], workdir: "", ...NOTHING_AIRBYTE, source: "docker-library/official-images debian (debuerreotype: rootfs and CMD only)" },
  // Ubuntu's images: the root file system and CMD ["/bin/bash"] (23.04 and later
  // also ship a user "ubuntu" with uid 1000: `useradd --uid 1000 airbyte` fails there).
  { repository: "docker.io/library/ubuntu", user: "", entrypoint: [], workdir: "", ...NOTHING_AIRBYTE, source: "docker-library/official-images ubuntu (rootfs and CMD only)" },
  // alpinelinux/docker-alpine: the minirootfs and CMD ["/bin/sh"].
  { repository: "docker.io/library/alpine", user: "", entrypoint: [], workdir: "", ...NOTHING_AIRBYTE, source: "alpinelinux/docker-alpine (minirootfs and CMD only)" },
  // adoptium/containers: images built since late 2023 have
  // ENTRYPOINT ["/__cacert_entrypoint.sh"], older ones none.
  { repository: "docker.io/library/eclipse-temurin", user: "", entrypoint: "varies", workdir: "", ...NOTHING_AIRBYTE, source: "adoptium/containers Dockerfiles" },
  // corretto/corretto-docker (e.g. 21/jdk/al2023/Dockerfile): FROM amazonlinux,
  // install the JDK, ENV LANG and JAVA_HOME; no USER, ENTRYPOINT or WORKDIR.
  { repository: "docker.io/library/amazoncorretto", user: "", entrypoint: [], workdir: "", ...NOTHING_AIRBYTE, source: "corretto/corretto-docker Dockerfiles" },
  // nodejs/docker-node: creates user "node" (uid 1000) but does not switch to
  // it; ENTRYPOINT ["docker-entrypoint.sh"], CMD ["node"].
  { repository: "docker.io/library/node", user: "", entrypoint: ["docker-entrypoint.sh"], workdir: "", ...NOTHING_AIRBYTE, source: "nodejs/docker-node Dockerfile templates" },
  // GoogleContainerTools/distroless base/BUILD: /etc/passwd holds root, nobody
  // and nonroot (65532) only; the nonroot images set USER 65532 and WORKDIR
  // /home/nonroot, the others neither. ENTRYPOINT differs per image (debug:
  // /busybox/sh; python3, java, nodejs: their runtime).
  {
    repository: "gcr.io/distroless/*",
    tagPattern: "(^|-)nonroot($|-)",
    user: "65532",
    entrypoint: "varies",
    workdir: "/home/nonroot",
    ...NOTHING_AIRBYTE,
    source: "GoogleContainerTools/distroless base/BUILD (nonroot images)"
  },
  { repository: "gcr.io/distroless/*", user: "", entrypoint: "varies", workdir: "", ...NOTHING_AIRBYTE, source: "GoogleContainerTools/distroless base/BUILD" }
];

// src/lint/base-table.ts
var isRegExp = (s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
};
var Owner = { uid: external_exports.number().int().min(0), gid: external_exports.number().int().min(0) };
var TableEntrySchema = external_exports.object({
  repository: external_exports.string().regex(/^[a-z0-9.-]+(:\d+)?\/([a-z0-9._-]+\/)*([a-z0-9._-]+|\*)$/, "expected registry/repository or registry/path/*"),
  versions: external_exports.string().refine((r) => import_semver.default.validRange(r) !== null, "not a semver range").optional(),
  tagPattern: external_exports.string().refine(isRegExp, "not a regular expression").optional(),
  digests: external_exports.array(external_exports.string().regex(DIGEST_RE)).optional(),
  user: external_exports.string(),
  entrypoint: external_exports.union([external_exports.array(external_exports.string()), external_exports.literal("varies")]),
  workdir: external_exports.union([external_exports.string().regex(/^(\/.*)?$/), external_exports.literal("varies")]),
  // only the variables lint reads
  env: external_exports.object({ AIRBYTE_ENTRYPOINT: external_exports.string().optional(), HOME: external_exports.string().optional() }).strict(),
  writeDirsLabel: external_exports.string().nullable(),
  airbyteUser: external_exports.object({ ...Owner, home: external_exports.string().startsWith("/"), shell: external_exports.string() }).strict().nullable(),
  airbyteDir: external_exports.object({ ...Owner, mode: external_exports.number().int().min(0).max(4095) }).strict().nullable(),
  source: external_exports.string().min(1)
}).strict().refine((e) => e.versions === void 0 || e.tagPattern === void 0, "versions and tagPattern exclude each other");
function parseTable(raw) {
  return raw.map((e, i) => {
    const r = TableEntrySchema.safeParse(e);
    if (!r.success) throw new Error(`base table entry ${i} (${e.repository}): ${r.error.issues.map((x) => `${x.path.join(".") || "(entry)"}: ${x.message}`).join("; ")}`);
    return r.data;
  });
}
var parsed;
function baseTable() {
  parsed ??= parseTable(BASE_TABLE);
  return parsed;
}
function tableName(repository) {
  const split = splitDomain(repository);
  const { domain, path } = normalizeDockerHub(split.domain, split.path);
  return `${domain}/${path}`;
}
function repositoryMatches(pattern, name) {
  return pattern.endsWith("/*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
function tagMatches(e, tag) {
  if (e.versions !== void 0) {
    const v = tag === void 0 ? null : import_semver.default.valid(tag);
    return v !== null && import_semver.default.satisfies(v, e.versions);
  }
  if (e.tagPattern !== void 0) return new RegExp(e.tagPattern).test(tag ?? "latest");
  return true;
}
function entryLabel(e) {
  return e.versions !== void 0 ? `${e.repository} ${e.versions}` : e.tagPattern !== void 0 ? `${e.repository} (tags /${e.tagPattern}/)` : e.repository;
}
function tableEntry(ref, table = baseTable()) {
  const parsed2 = parseImageRef(ref);
  if (!parsed2) return void 0;
  const name = tableName(parsed2.repository);
  const candidates = table.filter((e) => repositoryMatches(e.repository, name));
  if (parsed2.digest !== void 0) {
    const byDigest = candidates.find((e) => e.digests?.includes(parsed2.digest));
    if (byDigest) return byDigest;
  }
  return candidates.find((e) => tagMatches(e, parsed2.tag));
}
function fsFacts(e) {
  const u = e.airbyteUser;
  return {
    passwd: u ? [{ name: AIRBYTE_USER, uid: u.uid, gid: u.gid, home: u.home, shell: u.shell }] : [],
    airbyteDir: e.airbyteDir ? { type: "dir", ...e.airbyteDir } : null
    // the home's ownership is not in the table: user-home-unusable stays silent
  };
}
function tableFacts(ref, platform, unread) {
  const e = tableEntry(ref);
  if (!e) return void 0;
  const unknown = [];
  if (e.entrypoint === "varies") unknown.push("entrypoint");
  if (e.workdir === "varies") unknown.push("workdir");
  return {
    ref,
    digest: parseImageRef(ref)?.digest ?? "",
    from: "table",
    platform,
    user: e.user,
    env: Object.fromEntries(Object.entries(e.env).filter((kv) => kv[1] !== void 0)),
    entrypoint: e.entrypoint === "varies" ? [] : [...e.entrypoint],
    workdir: e.workdir === "varies" ? "" : e.workdir,
    labels: e.writeDirsLabel === null ? {} : { "io.airbyte.permitted-write-dirs": e.writeDirsLabel },
    fs: fsFacts(e),
    ...unknown.length > 0 ? { unknown } : {},
    table: { entry: entryLabel(e), unread }
  };
}
function tableFsFacts(ref) {
  const e = tableEntry(ref);
  return e ? { fs: fsFacts(e), entry: entryLabel(e) } : void 0;
}

// src/lint/base-facts.ts
var PathFactsSchema = external_exports.object({ type: external_exports.enum(["file", "dir", "symlink", "hardlink", "other"]), uid: external_exports.number(), gid: external_exports.number(), mode: external_exports.number() });
var BaseFactsSchema = external_exports.object({
  ref: external_exports.string(),
  digest: external_exports.string(),
  from: external_exports.enum(["engine", "registry"]),
  platform: external_exports.string(),
  user: external_exports.string(),
  env: external_exports.record(external_exports.string(), external_exports.string()),
  entrypoint: external_exports.array(external_exports.string()),
  workdir: external_exports.string(),
  labels: external_exports.record(external_exports.string(), external_exports.string()),
  fs: external_exports.object({
    passwd: external_exports.array(external_exports.object({ name: external_exports.string(), uid: external_exports.number(), gid: external_exports.number(), home: external_exports.string(), shell: external_exports.string() })).nullable(),
    airbyteDir: PathFactsSchema.nullable(),
    airbyteHome: PathFactsSchema.nullable().optional()
  }).optional()
});
var CACHE_VERSION = 1;
var isResolved = (f) => f !== void 0 && !("unresolved" in f);
function hostPlatform() {
  return `linux/${process.arch === "arm64" ? "arm64" : "amd64"}`;
}
function defaultCacheDir() {
  const root = process.env.BUILD_CONNECTOR_CACHE;
  return root ? join(root, "lint-base") : join(tmpdir(), "build-connector-lint-base");
}
function registryLocation(ref) {
  const parsed2 = parseImageRef(ref);
  if (!parsed2) return void 0;
  const split = splitDomain(parsed2.repository);
  const { domain, path } = normalizeDockerHub(split.domain, split.path);
  return { registry: domain, repository: path, reference: parsed2.digest ?? parsed2.tag ?? "latest" };
}
var cacheFile = (dir, digest) => join(dir, `v${CACHE_VERSION}-${digest.replace(/^sha256:/, "")}.json`);
async function readCache(dir, digest, ref) {
  if (dir === false || !digest || !isDigest(digest)) return void 0;
  try {
    const parsed2 = BaseFactsSchema.safeParse(JSON.parse(await readFile(cacheFile(dir, digest), "utf8")));
    return parsed2.success ? { ...parsed2.data, ref } : void 0;
  } catch {
    return void 0;
  }
}
async function writeCache(dir, digests, facts) {
  if (dir === false) return;
  try {
    await mkdir(dir, { recursive: true });
    for (const d of new Set(digests)) {
      if (!d || !isDigest(d)) continue;
      const file = cacheFile(dir, d);
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(facts));
      await rename(tmp, file);
    }
  } catch {
  }
}
var EngineImageSchema = external_exports.object({ Id: external_exports.string(), RepoDigests: external_exports.array(external_exports.string()).nullish(), Config: ImageConfigSchema.nullish() }).loose();
async function inspectEngine(ref) {
  const api = await engineJson("GET", `/images/${encodeURI(ref)}/json`);
  if (api?.status === 404) return { missing: true };
  if (api?.status === 200) {
    const img = EngineImageSchema.safeParse(api.body);
    if (img.success) return { id: img.data.Id, config: normalizeConfig(img.data.Config) };
  }
  try {
    const local = await inspectLocalImage(ref);
    return local ?? { missing: true };
  } catch (err) {
    return { unreachable: err instanceof Error ? err.message : String(err) };
  }
}
var pathFacts = (e) => e ? { type: e.type, uid: e.uid, gid: e.gid, mode: e.mode } : null;
async function statPath(container, path) {
  const r = await copyFromContainer(container, path, { keep: () => 0, maxBytes: 64 * 1024 });
  return r.exists ? pathFacts(r.entries[0]) : null;
}
async function readFsFacts(ref, platform) {
  const created = await createProbe(ref, platform, "never");
  if (!created.ok) return void 0;
  const { probe } = created;
  try {
    const passwdTar = await copyFromContainer(probe.name, "/etc/passwd", { maxBytes: 4 * 1024 * 1024 });
    const entry = passwdTar.entries.find((e) => e.type === "file");
    const passwd = !passwdTar.exists ? null : entry?.content ? parsePasswd(entry.content.toString("utf8")) : void 0;
    if (passwd === void 0) return void 0;
    const airbyteDir = await statPath(probe.name, "/airbyte");
    const user = passwd?.find((u) => u.name === AIRBYTE_USER);
    const airbyteHome = user ? user.home === "/airbyte" ? airbyteDir : await statPath(probe.name, user.home) : void 0;
    return { passwd, airbyteDir, ...user ? { airbyteHome } : {} };
  } catch {
    return void 0;
  } finally {
    await probe.remove();
  }
}
var DescriptorSchema = external_exports.object({ digest: external_exports.string(), mediaType: external_exports.string().optional(), platform: external_exports.object({ os: external_exports.string(), architecture: external_exports.string(), variant: external_exports.string().optional() }).loose().optional() }).loose();
var ManifestSchema = external_exports.object({ manifests: external_exports.array(DescriptorSchema).optional(), config: DescriptorSchema.optional() }).loose();
var ConfigBlobSchema = external_exports.object({ config: ImageConfigSchema.nullish() }).loose();
async function readRegistry(ref, platform, timeoutMs) {
  const loc = registryLocation(ref);
  if (!loc) return { unresolved: `${ref} is not an image reference` };
  const client = new RegistryClient(loc.registry, { retry: retryPolicy(1), timeoutMs });
  try {
    const top = await client.getManifest(loc.repository, loc.reference);
    if (!top) return { unresolved: `${loc.registry} has no ${loc.repository}:${loc.reference}` };
    let manifest = ManifestSchema.parse(JSON.parse(top.bytes.toString("utf8")));
    let chosen = platform;
    if (manifest.manifests) {
      const [os, arch] = platform.split("/");
      const real = manifest.manifests.filter((m) => m.platform && m.platform.os !== "unknown");
      const pick = real.find((m) => m.platform?.os === os && m.platform?.architecture === arch) ?? real[0];
      if (!pick?.platform) return { unresolved: `${ref}: the index lists no platform image` };
      chosen = [pick.platform.os, pick.platform.architecture, pick.platform.variant].filter(Boolean).join("/");
      const sub = await client.getManifest(loc.repository, pick.digest);
      if (!sub) return { unresolved: `${ref}: ${pick.digest} is listed but missing` };
      manifest = ManifestSchema.parse(JSON.parse(sub.bytes.toString("utf8")));
    }
    if (!manifest.config) return { unresolved: `${ref}: the manifest has no config` };
    const blob = await client.getBlob(loc.repository, manifest.config.digest);
    if (!blob) return { unresolved: `${ref}: config blob ${manifest.config.digest.slice(0, 19)} missing` };
    const cfg = ConfigBlobSchema.parse(JSON.parse(blob.toString("utf8")));
    return { digest: top.digest, config: normalizeConfig(cfg.config), platform: chosen };
  } catch (err) {
    return { unresolved: `registry ${loc.registry} did not answer (${shortReason(err)})` };
  }
}
function shortReason(err) {
  const msg = (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";
  const m = /failed: (.*?)(?: — |$)/.exec(msg);
  return (m?.[1] ?? msg).slice(0, 160);
}
var memo = /* @__PURE__ */ new Map();
function clearBaseFactsMemo() {
  memo.clear();
}
function resolveBaseFacts(ref, opts = {}) {
  const key = JSON.stringify([ref, opts.engine ?? true, opts.registry ?? true, opts.fileSystem ?? true, opts.platform ?? "", opts.cacheDir ?? "", opts.table ?? true]);
  let p = memo.get(key);
  if (!p) {
    p = resolveUncached(ref, opts).catch((err) => ({ unresolved: err instanceof Error ? err.message : String(err), ref })).then((r) => opts.table === false ? r : withTable(r, ref, opts.platform ?? hostPlatform()));
    memo.set(key, p);
  }
  return p;
}
function withTable(r, ref, platform) {
  if ("unresolved" in r) return tableFacts(ref, platform, r.unresolved) ?? r;
  if (r.fs || r.from !== "registry") return r;
  const t = tableFsFacts(ref);
  return t ? { ...r, fs: t.fs, fsFrom: "table", table: { entry: t.entry, unread: "the registry gives the config, not the file system" } } : r;
}
async function resolveUncached(ref, opts) {
  const platform = opts.platform ?? hostPlatform();
  const cacheDir = opts.cacheDir === void 0 ? defaultCacheDir() : opts.cacheDir;
  const pinned = parseImageRef(ref)?.digest;
  const readFs = opts.fileSystem ?? true;
  const reasons = [];
  const cachedPinned = await readCache(cacheDir, pinned, ref);
  if (cachedPinned && (cachedPinned.fs || !readFs)) return cachedPinned;
  if (opts.engine ?? true) {
    const img = await inspectEngine(ref);
    if ("id" in img) {
      const cached = await readCache(cacheDir, img.id, ref);
      if (cached && (cached.fs || !readFs)) return cached;
      const fs = readFs ? await readFsFacts(ref, platform) : void 0;
      const c = img.config;
      const facts = { ref, digest: img.id, from: "engine", platform, user: c.user, env: c.env, entrypoint: c.entrypoint, workdir: c.workdir, labels: c.labels, ...fs ? { fs } : {} };
      if (fs || !readFs) await writeCache(cacheDir, [img.id, pinned], facts);
      return facts;
    }
    reasons.push("unreachable" in img ? "the docker engine is not reachable" : "not in the local engine");
  }
  if (cachedPinned) return cachedPinned;
  if (opts.registry ?? true) {
    const r = await readRegistry(ref, platform, opts.registryTimeoutMs ?? 5e3);
    if (!("unresolved" in r)) {
      const c = r.config;
      const facts = { ref, digest: r.digest, from: "registry", platform: r.platform, user: c.user, env: c.env, entrypoint: c.entrypoint, workdir: c.workdir, labels: c.labels };
      await writeCache(cacheDir, [r.digest, pinned], facts);
      return facts;
    }
    reasons.push(r.unresolved);
  }
  return { unresolved: reasons.join("; ") || "resolution turned off", ref };
}

export {
  AIRBYTE_USER,
  AIRBYTE_UID,
  ownerUser,
  ownershipEvidence,
  createsUser,
  tableName,
  isResolved,
  hostPlatform,
  defaultCacheDir,
  registryLocation,
  shortReason,
  clearBaseFactsMemo,
  resolveBaseFacts,
  withTable
};
