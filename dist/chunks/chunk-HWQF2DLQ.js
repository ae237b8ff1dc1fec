import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// <define:__BC_HELP__>
var define_BC_HELP_default;
var init_define_BC_HELP = __esm({
  "<define:__BC_HELP__>"() {
    define_BC_HELP_default = { "": "Usage: build-connector [options] [command]\n\nBuild, verify and publish Airbyte connector images (multi-arch, verified before\nany tag is pushed).\n\nOptions:\n  -V, --version                  output the version number\n  --json                         print machine-readable JSON on stdout\n  --debug                        print every external command run\n  -h, --help                     display help for command\n\nCommands:\n  render [options] [dir]         render the Dockerfile for a connector directory\n                                 (custom mode: print its own Dockerfile)\n  lint [options] [targets...]    check connector directories, Dockerfiles, or\n                                 every connector below a root against the\n                                 Airbyte image rules (exit 1 on an error-level\n                                 finding)\n  build [options] [dir]          build the connector image for linux/amd64 and\n                                 linux/arm64 (lint first; load into the engine\n                                 or write an OCI archive)\n  verify [options] <target>      verify an image (or the image built from a\n                                 connector directory) on every platform: config,\n                                 user, /airbyte, spec/check/discover/read/write\n                                 runs, writes, secrets, labels\n  publish [options] [dir]        build both platforms, verify every platform,\n                                 push by digest, read back, then tag (version\n                                 first, latest last); versions are immutable\n  tags [options] [dir]           print the tag plan publish would apply: tags\n                                 written and why, tags deliberately not written\n                                 (reads the registry, writes nothing)\n  release-plan [options]         resolve the connector directory and version a\n                                 release tag (e.g. refs/tags/source-foo/v1.2.3)\n                                 names; exit 2 when metadata.yaml says another\n                                 version\n  doctor [options]               check the engine, image store, buildx, arm64\n                                 emulation and registry access; each failing\n                                 item names its fix\n  changed [options]              list the connectors affected since a git ref\n                                 (own files, template, base image, shared\n                                 paths); --matrix prints a GitHub Actions matrix\n  digest-record [options] <dir>  distributed build, one platform: build it, push\n                                 it by digest (no tag), verify it, write the\n                                 digest record for `merge`\n  merge [options] <dir>          merge per-platform images pushed by digest into\n                                 one multi-platform index, then tag it (only\n                                 when every platform is present and verified)\n  bake [options] <dirs...>       build many connectors in one `docker buildx\n                                 bake` (shared base layers), then verify each;\n                                 one failure never hides the others\n  base                           render or build a base image (python, java,\n                                 manifest-only), or a local root image\n  help [command]                 display help for command\n\nExit codes:\n  0  ok\n  1  a check, lint rule or build failed\n  2  bad input or usage (malformed metadata.yaml, unknown flag, not implemented yet)\n  3  environment missing (no engine, no buildx, no arm64 emulation, registry unreachable, login refused)\n  4  refused by policy (version already published with another digest)\n", "--version": "0.1.0\n", render: "Usage: build-connector render [options] [dir]\n\nrender the Dockerfile for a connector directory (custom mode: print its own\nDockerfile)\n\nOptions:\n  --out <file>        write the Dockerfile here (and FILE.dockerignore next to\n                      it) instead of printing it\n  --base-image <ref>  base image to build FROM (default:\n                      data.buildConnector.baseImage,\n                      data.connectorBuildOptions.baseImage, the base definition)\n  --templates <dir>   extra template folders (<dir>/<language>/Dockerfile.hbs),\n                      searched before the bundled ones\n  --no-resolve        do not read the base image's config (engine, registry):\n                      use base-images/<language>/base.yaml\n  -h, --help          display help for command\n", lint: `Usage: build-connector lint [options] [targets...]

check connector directories, Dockerfiles, or every connector below a root
against the Airbyte image rules (exit 1 on an error-level finding)

Options:
  --format <format>              text | json | github (workflow-command
                                 annotations) (default: "text")
  --permitted-write-dirs <list>  comma-separated permitted write dirs (default:
                                 the metadata's or base image's, else
                                 /airbyte,/tmp,/secrets,/config,/custom_cache)
  --target <stage>               lint this build stage as the final image
  --build-arg <NAME=VALUE>       value for an ARG (repeatable)
  --base-image <ref>             connector directory in rendered mode: base
                                 image to render with
  --templates <dir>              connector directory in rendered mode: extra
                                 templates directory
  --no-resolve                   do not read the base image (engine or
                                 registry): the bundled table still decides for
                                 the bases it lists; rules that depend on any
                                 other base warn
  -h, --help                     display help for command
`, build: "Usage: build-connector build [options] [dir]\n\nbuild the connector image for linux/amd64 and linux/arm64 (lint first; load into\nthe engine or write an OCI archive)\n\nOptions:\n  --platform <list>              platforms, comma separated (default:\n                                 metadata.yaml data.buildConnector.platforms,\n                                 else linux/amd64,linux/arm64)\n  --base-image <ref>             base image to render with, replacing the\n                                 connector's (pinned by digest)\n  --builder <name>               buildx builder to use (default: BUILDX_BUILDER\n                                 or the current one)\n  --build-arg <KEY=VALUE>        build argument, repeatable\n  --cache-from <spec>            buildx --cache-from, repeatable\n  --cache-to <spec>              buildx --cache-to, repeatable\n  --provenance <mode>            provenance attestation: min (default), max or\n                                 false\n  --load                         load the image into the engine (default); tags\n                                 REPO:VERSION and REPO:dev\n  --output <oci=FILE>            write an OCI archive instead of loading\n                                 (reproducible where the builder supports\n                                 rewrite-timestamp)\n  --tag <ref>                    image name to give the result, repeatable\n                                 (replaces the default tags)\n  --source-date-epoch <seconds>  timestamps of the image (default:\n                                 $SOURCE_DATE_EPOCH, else the last commit time\n                                 of DIR, else 0)\n  --no-cache                     do not use the build cache\n  --progress <mode>              auto (default), tty, plain or quiet\n  --verify                       then run every verify check on every platform\n                                 (what the Action's `command: verify` does);\n                                 nothing is pushed\n  --config <file>                with --verify: config for check/discover/read\n                                 (default DIR/secrets/config.json)\n  --timeout <seconds>            with --verify: per connector command; on\n                                 timeout the container is killed and removed\n                                 (default 120)\n  -h, --help                     display help for command\n", verify: 'Usage: build-connector verify [options] <target>\n\nverify an image (or the image built from a connector directory) on every\nplatform: config, user, /airbyte, spec/check/discover/read/write runs, writes,\nsecrets, labels\n\nOptions:\n  --platform <list>    platforms to verify (linux/amd64 is always included)\n  --config <file>      connector config for check/discover/read/write (DIR\n                       default: secrets/config.json)\n  --catalog <file>     configured catalog for read/write (DIR default:\n                       integration_tests/configured_catalog.json)\n  --state <file>       state for read\n  --input <file>       AirbyteMessages fed to write on stdin\n  --timeout <seconds>  per connector command; on timeout the container is killed\n                       and removed (default 120)\n  --image <ref>        for a DIR: the image to verify (default: the local build\n                       <dockerRepository>:<version>)\n  --type <type>        source or destination (default: from metadata.yaml or the\n                       io.airbyte.name label)\n  --memory <size>      memory limit of each container (default: "2g")\n  --pids-limit <n>     pids limit of each container (default: "512")\n  --cpus <n>           CPU limit of each container\n  --network <name>     network for check/discover/read/write (spec always runs\n                       with none) (default: "bridge")\n  --sign-pub <file>    also check the cosign signature of the (registry) image\n                       with this public key\n  --sbom               also check that every platform image of the (registry)\n                       image has a CycloneDX SBOM attached (publish --sbom)\n  --username <user>    registry user (else BUILD_CONNECTOR_USERNAME; with\n                       neither, the docker login credentials of that registry)\n  --password-stdin     read the registry password from stdin (else\n                       BUILD_CONNECTOR_PASSWORD; never a flag)\n  -h, --help           display help for command\n', publish: `Usage: build-connector publish [options] [dir]

build both platforms, verify every platform, push by digest, read back, then tag
(version first, latest last); versions are immutable

Options:
  --registry <host[:port]>    registry host, or "local" (a loopback registry on
                              localhost:5000; publish starts one when none runs)
  --repository <path>         repository path (default data.dockerRepository)
  --target <cloud|oss>        use
                              data.registryOverrides.<target>.dockerRepository /
                              dockerImageTag
  --release-version <semver>  version to tag (default data.dockerImageTag; the
                              image labels keep metadata.yaml's)
  --dev                       a dev build: X.Y.Z-dev.<10-char commit sha> only
  --aliases                   also move X.Y and X when this is the highest
                              release of that line
  --latest <mode>             auto (default: only when >= every stable version),
                              true or false
  --retries <n>               attempts per registry request on transient faults
                              (default 5)
  --username <user>           registry user (else BUILD_CONNECTOR_USERNAME; with
                              neither, the docker login credentials of that
                              registry)
  --password-stdin            read the registry password from stdin (else
                              BUILD_CONNECTOR_PASSWORD; never a flag)
  --platform <list>           platforms, comma separated (default: metadata.yaml
                              data.buildConnector.platforms, else
                              linux/amd64,linux/arm64)
  --base-image <ref>          base image to render with, replacing the
                              connector's (pinned by digest)
  --builder <name>            buildx builder to use (default: BUILDX_BUILDER or
                              the current one)
  --build-arg <KEY=VALUE>     build argument, repeatable
  --cache-from <spec>         buildx --cache-from, repeatable
  --cache-to <spec>           buildx --cache-to, repeatable
  --provenance <mode>         provenance attestation: min (default), max or
                              false
  --config <file>             config for check/discover/read during verify
                              (default DIR/secrets/config.json)
  --timeout <seconds>         per connector command during verify; on timeout
                              the container is killed and removed (default 120)
  --dry-run                   build and verify, print the plan; push and tag
                              nothing
  --force                     overwrite an existing version that has another
                              digest (logged loudly)
  --no-cache                  do not use the build cache (and build even when
                              the version tag records the same build inputs)
  --sign-key <file>           cosign-sign the index digest with this key
                              (password in COSIGN_PASSWORD)
  --sbom                      attach a CycloneDX SBOM to each platform image
                              (OCI referrer; the generator is installed from npm
                              on first use)
  --git-tag                   create the annotated git tag
                              <connector-dir>/v<version> at the built commit
                              after success
  --git-tag-format <format>   git tag format ({dir}, {version}; default
                              {dir}/v{version})
  --push-git-tag              push the git tag to origin (implies --git-tag)
  -h, --help                  display help for command
`, tags: `Usage: build-connector tags [options] [dir]

print the tag plan publish would apply: tags written and why, tags deliberately
not written (reads the registry, writes nothing)

Options:
  --registry <host[:port]>    registry host, or "local" (a loopback registry on
                              localhost:5000; publish starts one when none runs)
  --repository <path>         repository path (default data.dockerRepository)
  --target <cloud|oss>        use
                              data.registryOverrides.<target>.dockerRepository /
                              dockerImageTag
  --release-version <semver>  version to tag (default data.dockerImageTag; the
                              image labels keep metadata.yaml's)
  --dev                       a dev build: X.Y.Z-dev.<10-char commit sha> only
  --aliases                   also move X.Y and X when this is the highest
                              release of that line
  --latest <mode>             auto (default: only when >= every stable version),
                              true or false
  --retries <n>               attempts per registry request on transient faults
                              (default 5)
  --username <user>           registry user (else BUILD_CONNECTOR_USERNAME; with
                              neither, the docker login credentials of that
                              registry)
  --password-stdin            read the registry password from stdin (else
                              BUILD_CONNECTOR_PASSWORD; never a flag)
  -h, --help                  display help for command
`, "release-plan": 'Usage: build-connector release-plan [options]\n\nresolve the connector directory and version a release tag (e.g.\nrefs/tags/source-foo/v1.2.3) names; exit 2 when metadata.yaml says another\nversion\n\nOptions:\n  --git-ref <ref>                  the release tag\n                                   (refs/tags/<connector-dir>/v<version>, or\n                                   refs/tags/v<version> with one connector;\n                                   refs/tags/ optional)\n  --root <dir>                     repository root to find the connector in\n                                   (default: current directory)\n  --git-tag-format <format>        tag format: {dir} and {version} placeholders\n                                   (default {dir}/v{version})\n  --release-tag-pattern <pattern>  release tag of a repository with one\n                                   connector, {version} only (default:\n                                   releaseTagPattern in build-connector.yaml,\n                                   else "v{version}")\n  -h, --help                       display help for command\n', doctor: 'Usage: build-connector doctor [options]\n\ncheck the engine, image store, buildx, arm64 emulation and registry access; each\nfailing item names its fix\n\nOptions:\n  --registry <host[:port]>  also check that this registry answers, and the login\n                            publish would use there (one authenticated request;\n                            writes no docker config)\n  --platform <list>         platforms to check for (default:\n                            "linux/amd64,linux/arm64")\n  --username <user>         registry user (else BUILD_CONNECTOR_USERNAME; with\n                            neither, the docker login credentials of that\n                            registry)\n  --password-stdin          read the registry password from stdin (else\n                            BUILD_CONNECTOR_PASSWORD; never a flag)\n  -h, --help                display help for command\n', changed: 'Usage: build-connector changed [options]\n\nlist the connectors affected since a git ref (own files, template, base image,\nshared paths); --matrix prints a GitHub Actions matrix\n\nOptions:\n  --since <ref>           git ref to compare with (its merge base with HEAD),\n                          e.g. origin/main; missing or all zeros (a new branch):\n                          the default branch\n  -C, --repo <dir>        the repository to look at (default: the current\n                          directory)\n  --roots <dirs>          comma-separated directories to discover connectors in\n                          (default: roots: in build-connector.yaml, else the\n                          repository)\n  --matrix [kind]         print a GitHub Actions matrix on one line: "build"\n                          (connector \xD7 platform, default) or "merge" (one entry\n                          per connector)\n  --platform <list>       platforms to build (default: platforms: in\n                          build-connector.yaml, else linux/amd64,linux/arm64)\n  --runner-amd64 <label>  runner label for linux/amd64 jobs (default\n                          ubuntu-24.04)\n  --runner-arm64 <label>  runner label for linux/arm64 jobs (default\n                          ubuntu-24.04-arm)\n  -h, --help              display help for command\n', "digest-record": "Usage: build-connector digest-record [options] <dir>\n\ndistributed build, one platform: build it, push it by digest (no tag), verify\nit, write the digest record for `merge`\n\nOptions:\n  --platform <platform>     the one platform to build, e.g. linux/arm64\n  --out <file>              record file (default: digest-<connector>-<arch>.json\n                            in the current directory)\n  --registry <host[:port]>  registry (default: from data.dockerRepository, else\n                            docker.io)\n  --repository <name>       repository (default: data.dockerRepository)\n  --base-image <ref>        base image to render with (pinned by digest)\n  --provenance <mode>       provenance attestation: min (default), max or false\n  --timeout <seconds>       per connector command during verify (default 120)\n  --retries <n>             attempts for each registry request (default 5)\n  --builder <name>          buildx builder to use (default: BUILDX_BUILDER or\n                            the current one; e.g. a remote BuildKit)\n  --username <user>         registry user (else BUILD_CONNECTOR_USERNAME; with\n                            neither, the docker login credentials of that\n                            registry)\n  --password-stdin          read the registry password from stdin (else\n                            BUILD_CONNECTOR_PASSWORD; never a flag)\n  -h, --help                display help for command\n", merge: "Usage: build-connector merge [options] <dir>\n\nmerge per-platform images pushed by digest into one multi-platform index, then\ntag it (only when every platform is present and verified)\n\nOptions:\n  --digests <files...>      digest record files written by the per-platform jobs\n                            (`digest-record`)\n  --platform <list>         platforms the index must have (default:\n                            data.buildConnector.platforms, else\n                            linux/amd64,linux/arm64)\n  --registry <host[:port]>  registry (default: from data.dockerRepository, else\n                            docker.io)\n  --repository <name>       repository (default: data.dockerRepository)\n  --aliases                 also move the X.Y and X tags (only for the highest\n                            release of the line)\n  --latest <mode>           auto (default: only when this is the highest stable\n                            version), true or false\n  --force                   overwrite an existing version tag that points at\n                            another image\n  --dry-run                 check everything and print the plan; create and tag\n                            nothing\n  --retries <n>             attempts for each registry request (default 5)\n  --username <user>         registry user (else BUILD_CONNECTOR_USERNAME; with\n                            neither, the docker login credentials of that\n                            registry)\n  --password-stdin          read the registry password from stdin (else\n                            BUILD_CONNECTOR_PASSWORD; never a flag)\n  -h, --help                display help for command\n", bake: "Usage: build-connector bake [options] <dirs...>\n\nbuild many connectors in one `docker buildx bake` (shared base layers), then\nverify each; one failure never hides the others\n\nOptions:\n  --platform <list>         platforms for every connector (default: each\n                            connector's own, else linux/amd64,linux/arm64)\n  --base-image <ref>        base image: REF for all, or LANGUAGE=REF\n                            (repeatable)\n  --print                   write the bake file and Dockerfiles, print the bake\n                            file, build nothing\n  --workdir <dir>           with --print: where the bake file and Dockerfiles go\n                            (default: a new temp dir)\n  --no-verify               build only\n  --provenance <mode>       provenance attestation: min (default), max or false\n  --no-cache                do not use the build cache\n  --builder <name>          buildx builder to use (default: BUILDX_BUILDER or\n                            the current one; e.g. a remote BuildKit)\n  --timeout <seconds>       per connector command during verify (default 120)\n  --verify-concurrency <n>  connectors verified at once (default: min(2 \xD7 cores,\n                            free memory / (256 MB \xD7 platforms))) (env:\n                            BC_VERIFY_CONCURRENCY)\n  -h, --help                display help for command\n", base: "Usage: build-connector base [options] [command]\n\nrender or build a base image (python, java, manifest-only), or a local root\nimage\n\nOptions:\n  -h, --help               display help for command\n\nCommands:\n  render [options] <name>  print the Dockerfile of a base image\n  build [options] <name>   build a base image for every platform and print its\n                           digest-pinned reference\n  root [options] <name>    build (or reuse) a multi-arch root image from the\n                           local root filesystems (mmdebstrap) and push it\n  list                     list the bundled base definitions\n  help [command]           display help for command\n" };
  }
});

export {
  __require,
  __esm,
  __commonJS,
  __export,
  __toESM,
  __toCommonJS,
  init_define_BC_HELP,
  define_BC_HELP_default
};
