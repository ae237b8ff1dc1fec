/**
 * The bundled table of base image facts: what lint knows about common bases
 * without reading them (offline, a private mirror, `--no-resolve`). Data
 * only; src/lint/base-table.ts validates it (zod) and matches references.
 *
 * Each entry says, for the images it covers: the config USER ('' = none set,
 * so root), ENTRYPOINT, WORKDIR ('varies' when the images of the family
 * differ), the environment variables lint reads (AIRBYTE_ENTRYPOINT, HOME:
 * other variables are not listed), the io.airbyte.permitted-write-dirs label,
 * the airbyte account and the /airbyte directory. Entries are tried in order;
 * a listed digest matches before any tag.
 *
 * Sources are cited per entry. Digests are listed only where a source names
 * them; other images of a range are matched by their tag.
 */

export interface RawTableEntry {
  /** registry/repository, Docker Hub names in full (docker.io/library/python); a trailing "/*" matches every repository below */
  repository: string;
  /** semver range over the tag (prereleases excluded); absent with tagPattern absent: every tag, none and latest included */
  versions?: string;
  /** a regular expression over the tag ("latest" when none is written) */
  tagPattern?: string;
  /** index digests of images in this entry, where a source names them (matched before tags) */
  digests?: string[];
  user: string;
  entrypoint: string[] | 'varies';
  workdir: string | 'varies';
  env: Record<string, string>;
  writeDirsLabel: string | null;
  airbyteUser: { uid: number; gid: number; home: string; shell: string } | null;
  airbyteDir: { uid: number; gid: number; mode: number } | null;
  /** where the facts come from */
  source: string;
}

const AIRBYTE_PY_USER = { uid: 1000, gid: 1000, home: '/nonexistent', shell: '/usr/sbin/nologin' };
const AIRBYTE_DIR = { uid: 1000, gid: 1000, mode: 0o755 };
const NOTHING_AIRBYTE = { env: {}, writeDirsLabel: null, airbyteUser: null, airbyteDir: null } as const;

export const BASE_TABLE: RawTableEntry[] = [
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
    repository: 'docker.io/airbyte/python-connector-base',
    versions: '>=3.0.0 <5.0.0',
    digests: [
      'sha256:1a0845ff2b30eafa793c6eee4e8f4283c2e52e1bbd44eed6cb9e9abd5d34d844',
      'sha256:d9894b6895923b379f3006fa251147806919c62b7d9021b5cd125bb67d7bbe22',
      'sha256:9fdb1888c4264cf6fee473649ecb593f56f58e5d0096a87ee0b231777e2e3e73',
      'sha256:1d1aa21d34e851df4e8a87b391c27724c06e2597608e7161f4d167be853bd7b6',
    ],
    user: '',
    entrypoint: [],
    workdir: '',
    env: {},
    writeDirsLabel: null,
    airbyteUser: AIRBYTE_PY_USER,
    airbyteDir: AIRBYTE_DIR,
    source: 'airbytehq/airbyte airbyte-ci/connectors/base_images (bases.py, python/bases.py, changelog) and docker-images/Dockerfile.python-connector-base',
  },
  // The same changelog: 1.0.0 to 2.0.0 create neither the user nor /airbyte
  // (only the prerelease 1.2.2-rc.1 did, and 1.2.2 dropped it again), run as
  // root. Digests: airbyte-ci/connectors/base_images/README.md (1.0.0–1.2.1)
  // and airbyte-python-cdk's Dockerfile before "make SDM image rootless" (2.0.0).
  {
    repository: 'docker.io/airbyte/python-connector-base',
    versions: '>=1.0.0 <3.0.0',
    digests: [
      'sha256:dd17e347fbda94f7c3abff539be298a65af2d7fc27a307d89297df1081a45c27',
      'sha256:bd98f6505c6764b1b5f99d3aedc23dfc9e9af631a62533f60eb32b1d3dbab20c',
      'sha256:c22a9d97464b69d6ef01898edf3f8612dc11614f05a84984451dde195f337db9',
      'sha256:4a4255e2bccab71fa5912487e42d9755cdecffae77273fed8be01a081cd6e795',
      'sha256:c44839ba84406116e8ba68722a0f30e8f6e7056c726f447681bb9e9ece8bd916',
    ],
    user: '',
    entrypoint: [],
    workdir: '',
    ...NOTHING_AIRBYTE,
    source: 'airbytehq/airbyte airbyte-ci/connectors/base_images/generated/changelogs/airbyte_python_connector_base.json (1.0.0–2.0.0)',
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
    repository: 'docker.io/airbyte/java-connector-base',
    versions: '>=2.0.0 <=2.0.1',
    user: 'airbyte',
    entrypoint: ['/airbyte/base.sh'],
    workdir: '/airbyte',
    env: { AIRBYTE_ENTRYPOINT: '/airbyte/base.sh' },
    writeDirsLabel: null,
    airbyteUser: { uid: 1000, gid: 1000, home: '/home/airbyte', shell: '/bin/bash' },
    airbyteDir: AIRBYTE_DIR,
    source: 'airbytehq/airbyte airbyte-ci/connectors/base_images/base_images/java/bases.py and the java changelog (2.0.0, 2.0.1)',
  },
  // java/bases.py before the non-root release (USER = "root", "TODO: remove
  // this once we want to build the base image with the airbyte user"): no
  // user created; /airbyte only as the Dagger workdir, owned by root.
  {
    repository: 'docker.io/airbyte/java-connector-base',
    versions: '>=1.0.0 <2.0.0',
    user: '',
    entrypoint: ['/airbyte/base.sh'],
    workdir: '/airbyte',
    env: { AIRBYTE_ENTRYPOINT: '/airbyte/base.sh' },
    writeDirsLabel: null,
    airbyteUser: null,
    airbyteDir: { uid: 0, gid: 0, mode: 0o755 },
    source: 'airbytehq/airbyte airbyte-ci/connectors/base_images/base_images/java/bases.py (1.x, root) and the java changelog (1.0.0)',
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
    repository: 'docker.io/airbyte/source-declarative-manifest',
    versions: '>=6.9.2 <8.0.0',
    digests: ['sha256:890b109f243b8b9406f23ea7522de41025f7b3e87f6fc9710bc1e521213a276f'],
    user: 'airbyte',
    entrypoint: ['python', '/airbyte/integration_code/main.py'],
    workdir: '/airbyte/integration_code',
    env: { AIRBYTE_ENTRYPOINT: 'python /airbyte/integration_code/main.py' },
    writeDirsLabel: null,
    airbyteUser: AIRBYTE_PY_USER,
    airbyteDir: AIRBYTE_DIR,
    source: 'airbytehq/airbyte-python-cdk Dockerfile (6.9.2 to 7.28.2)',
  },

  // ------------------------------------------------------------ official images
  // None creates an airbyte user or /airbyte, and none sets USER (root).

  // docker-library/python Dockerfile-linux.template: ends with CMD ["python3"].
  { repository: 'docker.io/library/python', user: '', entrypoint: [], workdir: '', ...NOTHING_AIRBYTE, source: 'docker-library/python Dockerfile-linux.template' },
  // debuerreotype images: FROM scratch, ADD the root file system, CMD ["bash"].
  { repository: 'docker.io/library/debian', user: '', entrypoint: [], workdir: '', ...NOTHING_AIRBYTE, source: 'docker-library/official-images debian (debuerreotype: rootfs and CMD only)' },
  // Ubuntu's images: the root file system and CMD ["/bin/bash"] (23.04 and later
  // also ship a user "ubuntu" with uid 1000: `useradd --uid 1000 airbyte` fails there).
  { repository: 'docker.io/library/ubuntu', user: '', entrypoint: [], workdir: '', ...NOTHING_AIRBYTE, source: 'docker-library/official-images ubuntu (rootfs and CMD only)' },
  // alpinelinux/docker-alpine: the minirootfs and CMD ["/bin/sh"].
  { repository: 'docker.io/library/alpine', user: '', entrypoint: [], workdir: '', ...NOTHING_AIRBYTE, source: 'alpinelinux/docker-alpine (minirootfs and CMD only)' },
  // adoptium/containers: images built since late 2023 have
  // ENTRYPOINT ["/__cacert_entrypoint.sh"], older ones none.
  { repository: 'docker.io/library/eclipse-temurin', user: '', entrypoint: 'varies', workdir: '', ...NOTHING_AIRBYTE, source: 'adoptium/containers Dockerfiles' },
  // corretto/corretto-docker (e.g. 21/jdk/al2023/Dockerfile): FROM amazonlinux,
  // install the JDK, ENV LANG and JAVA_HOME; no USER, ENTRYPOINT or WORKDIR.
  { repository: 'docker.io/library/amazoncorretto', user: '', entrypoint: [], workdir: '', ...NOTHING_AIRBYTE, source: 'corretto/corretto-docker Dockerfiles' },
  // nodejs/docker-node: creates user "node" (uid 1000) but does not switch to
  // it; ENTRYPOINT ["docker-entrypoint.sh"], CMD ["node"].
  { repository: 'docker.io/library/node', user: '', entrypoint: ['docker-entrypoint.sh'], workdir: '', ...NOTHING_AIRBYTE, source: 'nodejs/docker-node Dockerfile templates' },
  // GoogleContainerTools/distroless base/BUILD: /etc/passwd holds root, nobody
  // and nonroot (65532) only; the nonroot images set USER 65532 and WORKDIR
  // /home/nonroot, the others neither. ENTRYPOINT differs per image (debug:
  // /busybox/sh; python3, java, nodejs: their runtime).
  {
    repository: 'gcr.io/distroless/*',
    tagPattern: '(^|-)nonroot($|-)',
    user: '65532',
    entrypoint: 'varies',
    workdir: '/home/nonroot',
    ...NOTHING_AIRBYTE,
    source: 'GoogleContainerTools/distroless base/BUILD (nonroot images)',
  },
  { repository: 'gcr.io/distroless/*', user: '', entrypoint: 'varies', workdir: '', ...NOTHING_AIRBYTE, source: 'GoogleContainerTools/distroless base/BUILD' },
];
