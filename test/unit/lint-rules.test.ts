import { describe, expect, it } from 'vitest';
import { lintDockerfile, RULES } from '../../src/lint/lint.js';
import type { BaseFacts, BaseFsFacts, Finding, LintOptions } from '../../src/lint/types.js';
import { relativePathIn } from '../../src/lint/rules-entrypoint.js';
import { splitImageRef } from '../../src/shared/image-ref.js';

const BASE = 'docker.io/airbyte/python-connector-base:4.0.2@sha256:9fdb1888c4264cf6fee473649ecb593f56f58e5d0096a87ee0b231777e2e3e73';

interface Parts {
  from?: string;
  setup?: string;
  env?: string | null;
  entrypoint?: string | null;
  user?: string | null;
  extra?: string;
}

/** A compliant Dockerfile; each test changes one part. Lines: 1 FROM, 2 RUN, 3 WORKDIR, 4 extra?, then ENV, ENTRYPOINT, USER. */
function dockerfile(p: Parts = {}): string {
  const lines = [
    `FROM ${p.from ?? BASE}`,
    p.setup ?? 'RUN mkdir -p /airbyte/integration_code && chown -R airbyte:airbyte /airbyte',
    'WORKDIR /airbyte/integration_code',
  ];
  if (p.extra) lines.push(p.extra);
  if (p.env !== null) lines.push(`ENV AIRBYTE_ENTRYPOINT=${p.env ?? '"python /airbyte/integration_code/main.py"'}`);
  if (p.entrypoint !== null) lines.push(`ENTRYPOINT ${p.entrypoint ?? '["python", "/airbyte/integration_code/main.py"]'}`);
  if (p.user !== null) lines.push(`USER ${p.user ?? 'airbyte'}`);
  return `${lines.join('\n')}\n`;
}

/** A base image whose config and file system were read: user airbyte exists, no /airbyte (python-connector-base without its mkdir). */
function knownBase(over: Partial<BaseFacts> = {}, fs: Partial<BaseFsFacts> = {}): BaseFacts {
  return {
    ref: BASE,
    digest: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
    from: 'engine',
    platform: 'linux/amd64',
    user: '',
    env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
    entrypoint: [],
    workdir: '',
    labels: {},
    fs: { passwd: [{ name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' }, { name: 'airbyte', uid: 1000, gid: 1000, home: '/home/airbyte', shell: '/bin/sh' }], airbyteDir: null, airbyteHome: { type: 'dir', uid: 1000, gid: 1000, mode: 0o755 }, ...fs },
    ...over,
  };
}

const lint = (text: string, opts: LintOptions = {}) => lintDockerfile(text, 'Dockerfile', { dockerignore: 'secrets/\n', ...opts });
const brief = (fs: Finding[]) => fs.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}`);

describe('lintDockerfile: a compliant file', () => {
  it('has no findings', () => {
    expect(lint(dockerfile())).toEqual([]);
  });
  it('every reported rule id is in the RULES table', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const samples = [dockerfile({ user: 'root', env: '"python main.py; id"', from: 'python', extra: 'VOLUME /data' }), dockerfile({ entrypoint: 'python x' })];
    for (const s of samples) for (const f of lint(s, { dockerignore: null })) expect(ids.has(f.ruleId), f.ruleId).toBe(true);
  });
});

describe('entrypoint rules', () => {
  const table: Array<[string, Parts, string[]]> = [
    ['exec form with absolute paths', {}, []],
    ['a bare program on PATH', { env: '"source-hello"', entrypoint: '["source-hello"]' }, []],
    ['an absolute program', { env: '/usr/local/bin/source-hello', entrypoint: '["/usr/local/bin/source-hello"]' }, []],
    ['python -m module', { env: '"python -m source_hello.run"', entrypoint: '["python", "-m", "source_hello.run"]' }, []],
    ['quoted words in AIRBYTE_ENTRYPOINT', { env: `"python '/airbyte/my dir/main.py'"`, entrypoint: '["python", "/airbyte/my dir/main.py"]' }, []],
    ['main.py', { env: '"python main.py"', entrypoint: '["python", "main.py"]' }, ['5:23 error entrypoint-relative-path']],
    ['./main.py', { env: './main.py', entrypoint: '["./main.py"]' }, ['5:13 error entrypoint-relative-path']],
    ['src/main.py', { env: '"python src/main.py"', entrypoint: '["python", "src/main.py"]' }, ['5:23 error entrypoint-relative-path']],
    ['main.py as the program', { env: 'main.py', entrypoint: '["main.py"]' }, ['5:13 error entrypoint-relative-path']],
    ['a relative --opt=value', { env: '"python /a.py --config=conf/x.yaml"', entrypoint: '["python", "/a.py", "--config=conf/x.yaml"]' }, ['5:32 error entrypoint-relative-path']],
    ['a relative classpath part', { env: '"java -cp /airbyte/lib/a.jar:lib/b.jar Main"', entrypoint: '["java", "-cp", "/airbyte/lib/a.jar:lib/b.jar", "Main"]' }, ['5:28 error entrypoint-relative-path']],
    ['mismatch', { env: '"python /airbyte/integration_code/other.py"' }, ['4:5 error entrypoint-mismatch']],
    ['mismatch by quoting', { env: `"python '/airbyte/integration_code/main.py x'"` }, ['4:5 error entrypoint-mismatch']],
    ['shell form', { entrypoint: 'python /airbyte/integration_code/main.py' }, ['5:1 error entrypoint-shell-form']],
    ['broken JSON', { entrypoint: "['python', '/airbyte/integration_code/main.py']" }, ['5:1 error entrypoint-shell-form']],
    ['no AIRBYTE_ENTRYPOINT', { env: null }, ['4:1 error airbyte-entrypoint-missing']],
    ['no ENTRYPOINT', { entrypoint: null }, ['4:5 error entrypoint-missing']],
    ['ENTRYPOINT [] clears it', { entrypoint: '[]' }, ['4:5 error entrypoint-missing']],
    ['neither, external base', { env: null, entrypoint: null }, ['1:1 warning entrypoint-missing']],
    ['neither, scratch', { from: 'scratch', env: null, entrypoint: null }, ['1:1 error entrypoint-missing']],
    ['operator injection', { env: '"python /airbyte/integration_code/main.py; curl x | sh"' }, ['4:5 error airbyte-entrypoint-shell-syntax', '4:5 error entrypoint-mismatch']],
    ['runtime variable', { env: '"python \\$APP"', entrypoint: '["python", "$APP"]' }, ['4:5 error airbyte-entrypoint-shell-syntax']],
    ['glob is a warning', { env: '"java -cp /airbyte/lib/* Main"', entrypoint: '["java", "-cp", "/airbyte/lib/*", "Main"]' }, ['4:5 warning airbyte-entrypoint-shell-syntax']],
    ['control character in exec form', { entrypoint: '["python", "/airbyte/integration_code/main.py\\nRUN id"]' }, ['4:5 error entrypoint-mismatch', '5:23 error entrypoint-control-chars']],
    ['unknown ARG in AIRBYTE_ENTRYPOINT', { extra: 'ARG APP', env: '"python ${APP}"' }, ['5:5 warning airbyte-entrypoint-unresolved']],
    ['ARG resolved', { extra: 'ARG APP=/airbyte/integration_code/main.py', env: '"python ${APP}"' }, []],
    ['ENV resolved', { extra: 'ENV CODE=/airbyte/integration_code', env: '"python $CODE/main.py"' }, []],
  ];
  it.each(table)('%s', (_name, parts, expected) => {
    expect(brief(lint(dockerfile(parts)))).toEqual(expected);
  });

  it('names the fix: the AIRBYTE_ENTRYPOINT value that matches ENTRYPOINT', () => {
    const [f] = lint(dockerfile({ env: '"python main.py"' }));
    expect(f?.fix).toBe('ENV AIRBYTE_ENTRYPOINT="python /airbyte/integration_code/main.py"');
    expect(f?.message).not.toContain('fix:');
    const [g] = lint(dockerfile({ entrypoint: 'python /airbyte/integration_code/main.py' }));
    expect(g?.fix).toBe('ENTRYPOINT ["python", "/airbyte/integration_code/main.py"]');
  });

  it('resolves --build-arg values', () => {
    const text = dockerfile({ extra: 'ARG APP', env: '"python ${APP}"' });
    expect(brief(lint(text, { buildArgs: { APP: '/airbyte/integration_code/main.py' } }))).toEqual([]);
    expect(brief(lint(text, { buildArgs: { APP: 'main.py' } }))).toEqual(['5:5 error entrypoint-mismatch', '5:5 error entrypoint-relative-path']);
  });

  const paths: Array<[string, number, string | undefined]> = [
    ['python', 0, undefined],
    ['python3.11', 0, undefined],
    ['main.py', 0, 'main.py'],
    ['./run', 0, './run'],
    ['bin/run', 0, 'bin/run'],
    ['/usr/bin/python', 0, undefined],
    ['-m', 1, undefined],
    ['source_hello.run', 1, undefined],
    ['main.py', 1, 'main.py'],
    ['../x', 1, '../x'],
    ['~/x', 1, '~/x'],
    ['--config=/airbyte/c.yaml', 1, undefined],
    ['--config=c.yaml', 1, 'c.yaml'],
    ['-Dlog4j.configurationFile=log4j2.xml', 1, 'log4j2.xml'],
    ['https://example.com/x.json', 1, undefined],
    ['import x; x.run()', 1, undefined],
    ['/a.jar:/b.jar', 1, undefined],
    ['/a.jar:b.jar', 1, 'b.jar'],
    ['spec', 1, undefined],
  ];
  it.each(paths)('path rule: %j at %i → %j', (word, index, rel) => {
    expect(relativePathIn(word, index)).toBe(rel);
  });
});

describe('user rules', () => {
  const table: Array<[string, string | null, string[]]> = [
    ['airbyte', 'airbyte', []],
    ['airbyte:airbyte', 'airbyte:airbyte', []],
    ['missing', null, ['1:1 error user-missing']],
    ['root', 'root', ['6:6 error user-root']],
    ['0', '0', ['6:6 error user-root']],
    ['0:0', '0:0', ['6:6 error user-root']],
    ['1000 (accepted with a warning)', '1000', ['6:6 warning user-numeric']],
    ['nobody', 'nobody', ['6:6 error user-not-airbyte']],
  ];
  it.each(table)('%s', (_n, user, expected) => {
    expect(brief(lint(dockerfile({ user })))).toEqual(expected);
  });

  it('the last USER wins', () => {
    expect(brief(lint(`${dockerfile()}USER root\n`))).toEqual(['7:6 error user-root']);
  });
  it('USER from an ARG', () => {
    expect(brief(lint(dockerfile({ extra: 'ARG U=airbyte', user: '$U' })))).toEqual([]);
    expect(brief(lint(dockerfile({ extra: 'ARG U', user: '$U' })))).toEqual(['7:6 warning user-unresolved']);
  });
});

describe('/airbyte ownership', () => {
  const table: Array<[string, string, string[]]> = [
    ['mkdir + chown -R', 'RUN mkdir -p /airbyte && chown -R airbyte:airbyte /airbyte', []],
    ['chown by uid', 'RUN mkdir /airbyte && chown 1000:1000 /airbyte/', []],
    ['cd + chown .', 'RUN mkdir -p /airbyte && cd /airbyte && chown -R airbyte .', []],
    ['install -d -o', 'RUN install -d -o airbyte -g airbyte /airbyte', []],
    ['useradd with home /airbyte', 'RUN useradd -m -d /airbyte -u 1000 airbyte', []],
    ['adduser --home /airbyte', 'RUN adduser --disabled-password --home /airbyte airbyte', []],
    ['COPY --chown into /airbyte', 'COPY --chown=airbyte:airbyte code/ /airbyte/', []],
    ['exec-form RUN chown', 'RUN ["chown", "-R", "airbyte", "/airbyte"]', []],
    ['chown via ENV path', 'ENV DIR=/airbyte\nRUN mkdir $DIR && chown airbyte "$DIR"', []],
    ['mkdir only', 'RUN mkdir -p /airbyte', ['1:1 error airbyte-dir-not-owned']],
    ['chown of a subdir only', 'RUN mkdir -p /airbyte/x && chown airbyte /airbyte/x', ['1:1 error airbyte-dir-not-owned']],
    ['chown to root', 'RUN chown -R root /airbyte', ['2:1 error airbyte-dir-not-owned']],
    ['useradd --no-create-home', 'RUN useradd -M -d /airbyte airbyte', ['1:1 error airbyte-dir-not-owned']],
    ['a command named in an echo does not count', "RUN echo 'chown airbyte /airbyte'", ['1:1 error airbyte-dir-not-owned']],
  ];
  // Judged on a base whose file system is known to have no /airbyte: only this file can create it.
  it.each(table)('%s', (_n, setup, expected) => {
    expect(brief(lint(dockerfile({ setup }), { baseFacts: knownBase() }))).toEqual(expected);
  });
  it('a later chown to someone else takes ownership away', () => {
    expect(brief(lint(dockerfile({ extra: 'RUN chown -R root:root /airbyte' })))).toEqual(['4:1 error airbyte-dir-not-owned']);
  });
  it('an unseen base makes a missing chown a warning naming the base, never an error', () => {
    const fs = lint(dockerfile({ setup: 'RUN mkdir -p /airbyte' }));
    expect(brief(fs)).toEqual(['1:1 warning airbyte-dir-not-owned']);
    expect(fs[0]?.message).toContain(`base image ${BASE} could not be read (base image not resolved)`);
    expect(fs[0]?.message).toContain('verify checks the built image');
    const offline = lint(dockerfile({ setup: 'RUN true' }), { baseFacts: { unresolved: 'not in the local engine; registry-1.docker.io did not answer', ref: BASE } });
    expect(offline[0]?.message).toContain('could not be read (not in the local engine; registry-1.docker.io did not answer)');
  });
});

describe('base image rules', () => {
  const table: Array<[string, string, string[]]> = [
    ['pinned by digest', BASE, []],
    ['digest without tag', 'python@sha256:9fdb1888c4264cf6fee473649ecb593f56f58e5d0096a87ee0b231777e2e3e73', []],
    ['tag only', 'python:3.11-slim', ['1:6 warning base-image-unpinned']],
    ['latest', 'python:latest', ['1:6 warning base-image-latest', '1:6 warning base-image-unpinned']],
    ['no tag', 'python', ['1:6 warning base-image-latest', '1:6 warning base-image-unpinned']],
    ['registry with port, no tag', 'localhost:5000/python', ['1:6 warning base-image-latest', '1:6 warning base-image-unpinned']],
    ['registry with port, tag', 'localhost:5000/python:3', ['1:6 warning base-image-unpinned']],
  ];
  it.each(table)('%s', (_n, from, expected) => {
    expect(brief(lint(dockerfile({ from })))).toEqual(expected);
  });
  it('resolves global ARGs in FROM and checks builder stages too', () => {
    const text = `ARG PY=python:3.11\nFROM \${PY} AS build\nRUN true\n${dockerfile()}`;
    expect(brief(lint(text))).toEqual(['2:6 warning base-image-unpinned']);
  });
  it('an unknown ARG in FROM cannot be checked', () => {
    expect(brief(lint(`ARG BASE\n${dockerfile({ from: '$BASE' })}`))).toEqual(['2:6 warning base-image-unpinned']);
  });
  it('parses image references', () => {
    expect(splitImageRef('localhost:5000/a/b:1.2@sha256:x')).toEqual({ name: 'localhost:5000/a/b', tag: '1.2', digest: 'sha256:x' });
    expect(splitImageRef('localhost:5000/a')).toEqual({ name: 'localhost:5000/a', tag: undefined, digest: undefined });
  });
});

describe('write-dir rules', () => {
  const table: Array<[string, string, string[]]> = [
    ['WORKDIR inside', 'WORKDIR /airbyte/integration_code/src', []],
    ['WORKDIR outside', 'WORKDIR /app', ['4:9 warning workdir-outside-write-dirs']],
    ['relative WORKDIR resolved', 'WORKDIR ../../opt', ['4:9 warning workdir-outside-write-dirs']],
    ['VOLUME inside', 'VOLUME /tmp/cache', []],
    ['VOLUME outside (JSON)', 'VOLUME ["/data", "/tmp/x"]', ['4:8 warning volume-outside-write-dirs']],
    ['VOLUME outside (words)', 'VOLUME /tmp/x /var/lib/x', ['4:8 warning volume-outside-write-dirs']],
    ['HOME inside', 'ENV HOME=/airbyte', []],
    ['HOME outside', 'ENV HOME=/home/airbyte', ['4:5 warning home-outside-write-dirs']],
    ['HOME outside via ARG', 'ARG H=/root\nENV HOME=$H', ['5:5 warning home-outside-write-dirs']],
    ['prefix is not containment', 'WORKDIR /airbyte2', ['4:9 warning workdir-outside-write-dirs']],
  ];
  it.each(table)('%s', (_n, extra, expected) => {
    expect(brief(lint(dockerfile({ extra })))).toEqual(expected);
  });
  it('only the final WORKDIR counts', () => {
    expect(brief(lint(dockerfile({ setup: 'WORKDIR /build\nRUN mkdir -p /airbyte && chown airbyte /airbyte' })))).toEqual([]);
  });
  it('takes the permitted dirs from options', () => {
    expect(brief(lint(dockerfile({ extra: 'WORKDIR /app' }), { permittedWriteDirs: ['/app', '/tmp'] }))).toEqual([]);
    expect(brief(lint(dockerfile(), { permittedWriteDirs: ['/tmp'] }))).toEqual(['3:9 warning workdir-outside-write-dirs']);
  });
});

describe('secrets rules', () => {
  const table: Array<[string, string, string | null | undefined, string[]]> = [
    ['COPY secrets/', 'COPY secrets/ /airbyte/secrets/', 'secrets/', ['4:6 error secrets-copied']],
    ['COPY ./secrets/config.json', 'COPY ./secrets/config.json /tmp/', 'secrets/', ['4:6 error secrets-copied']],
    ['ADD a glob matching secrets', 'ADD secret* /tmp/', 'secrets/', ['4:5 error secrets-copied']],
    ['COPY JSON form', 'COPY ["secrets", "/tmp/s"]', 'secrets/', ['4:7 error secrets-copied']],
    ['COPY --from another stage is not the context', 'COPY --from=build /src/secrets /tmp/', null, []],
    ['a file named secrets.json is not secrets/', 'COPY config/secrets.json /tmp/', null, []],
    ['COPY . with secrets/ ignored', 'COPY . /airbyte/integration_code/', 'secrets\n', []],
    ['COPY . with **/secrets ignored', 'COPY . .', '**/secrets', []],
    ['COPY . without .dockerignore', 'COPY . .', null, ['4:6 error secrets-context-copy']],
    ['COPY ./ with .dockerignore missing secrets', 'COPY ./ .', '.git\n', ['4:6 error secrets-context-copy']],
    ['COPY * re-included by !', 'COPY * /x/', 'secrets\n!secrets\n', ['4:6 error secrets-context-copy']],
    ['COPY . with unknown .dockerignore', 'COPY . .', undefined, ['4:6 warning secrets-context-copy']],
    ['ADD of a URL', 'ADD https://example.com/secrets /tmp/', null, []],
    ['COPY here-document', 'COPY <<EOF /tmp/secrets\nx\nEOF', null, []],
  ];
  it.each(table)('%s', (_n, extra, dockerignore, expected) => {
    expect(brief(lintDockerfile(dockerfile({ extra }), 'Dockerfile', { dockerignore }))).toEqual(expected);
  });
  it('checks builder stages too', () => {
    const text = `FROM ${BASE} AS build\nCOPY secrets /s\n${dockerfile()}`;
    expect(brief(lint(text))).toEqual(['2:6 error secrets-copied']);
  });
});

describe('multi-stage', () => {
  it('a final stage FROM a local stage inherits ENV, ENTRYPOINT, USER and /airbyte ownership', () => {
    const text = `FROM ${BASE} AS runtime
RUN mkdir -p /airbyte && chown -R airbyte:airbyte /airbyte
ENV AIRBYTE_ENTRYPOINT="python /airbyte/main.py"
ENTRYPOINT ["python", "/airbyte/main.py"]
USER airbyte

FROM runtime
LABEL a=b
`;
    expect(lint(text)).toEqual([]);
  });
  it('follows a chain of stages and names where an inherited value was set', () => {
    const text = `FROM ${BASE} AS a
USER root
FROM a AS b
RUN mkdir -p /airbyte && chown -R airbyte:airbyte /airbyte
FROM b
ENV AIRBYTE_ENTRYPOINT="/airbyte/run"
ENTRYPOINT ["/airbyte/run"]
`;
    const fs = lint(text);
    expect(brief(fs)).toEqual(['2:6 error user-root']);
    expect(fs[0]?.message).toContain('inherited from stage "a", line 2');
  });
  it('a final stage FROM an external image does not inherit from earlier stages', () => {
    const text = `FROM ${BASE} AS app
RUN mkdir -p /airbyte && chown -R airbyte:airbyte /airbyte
ENV AIRBYTE_ENTRYPOINT="/airbyte/run"
ENTRYPOINT ["/airbyte/run"]
USER airbyte
FROM ${BASE}
COPY --from=app /airbyte /airbyte
`;
    const fs = lint(text);
    expect(brief(fs)).toEqual(['6:1 warning airbyte-dir-not-owned', '6:1 warning entrypoint-missing', '6:1 error user-missing']);
    expect(fs.find((f) => f.ruleId === 'user-missing')?.message).toContain('stage "app" sets USER airbyte at line 5');
    expect(fs.find((f) => f.ruleId === 'user-missing')?.message).toContain(`base image ${BASE} was not read`);
    expect(fs.find((f) => f.ruleId === 'entrypoint-missing')?.message).toContain('verify checks the built image');
  });
  it('ENV and ARG of a parent stage are visible to the child\'s expansions (as in BuildKit)', () => {
    const text = `FROM ${BASE} AS base
ENV CODE=/airbyte/integration_code
ARG ONLY_HERE=/nope
FROM base
RUN mkdir -p /airbyte && chown -R airbyte:airbyte /airbyte
ENV AIRBYTE_ENTRYPOINT="python $CODE/main.py"
ENTRYPOINT ["python", "/airbyte/integration_code/main.py"]
WORKDIR \${ONLY_HERE:-/airbyte}
USER airbyte
`;
    expect(brief(lint(text))).toEqual(['8:9 warning workdir-outside-write-dirs']);
    expect(lint(text)[0]?.message).toContain('WORKDIR /nope');
  });
  it('an unrelated stage does not see another stage\'s ARG', () => {
    const text = `FROM ${BASE} AS other
ARG ONLY_HERE=/nope
${dockerfile({ extra: 'WORKDIR \${ONLY_HERE:-/airbyte}' })}`;
    expect(lint(text)).toEqual([]);
  });
  it('--target picks the stage that becomes the image', () => {
    const text = `${dockerfile()}FROM ${BASE} AS debug\nUSER root\n`;
    expect(brief(lint(text)).filter((f) => f.includes('user'))).toEqual(['8:6 error user-root']);
    expect(brief(lint(`FROM ${BASE} AS prod\n${dockerfile().split('\n').slice(1).join('\n')}FROM ${BASE} AS debug\n`, { target: 'prod' }))).toEqual([]);
    expect(brief(lint(dockerfile(), { target: 'nope' }))).toEqual(['1:1 error syntax-target']);
  });
});

describe('unparsable input (fatal: lint exits 2)', () => {
  const table: Array<[string, string, string]> = [
    ['empty', '', '1:1 error syntax-no-from'],
    ['comments only', '# nothing\n', '1:1 error syntax-no-from'],
    ['no FROM', 'RUN echo\n', '1:1 error syntax-no-from'],
    ['binary', 'FROM x\n\u0000\u0001', '1:1 error syntax-no-from'],
    ['unknown instruction', `${dockerfile()}FROMM x\n`, '7:1 error syntax-unknown-instruction'],
    ['ENV before FROM', `ENV A=1\n${dockerfile()}`, '1:1 error syntax-before-from'],
    ['FROM without image', `FROM\n${dockerfile()}`, '1:1 error syntax-from-image'],
  ];
  it.each(table)('%s', (_n, text, expected) => {
    const fs = lint(text);
    expect(brief(fs)).toEqual([expected]);
    expect(fs.every((f) => f.fatal === true)).toBe(true);
  });
  it('lowercase instructions are valid Dockerfile', () => {
    expect(lint(dockerfile().replace(/^(\w+)/gm, (k) => k.toLowerCase()))).toEqual([]);
  });
});

describe('a finding carries its fix as a field', () => {
  // one Dockerfile per rule family, each finding of which names a fix
  const cases: Array<[string, string, LintOptions]> = [
    ['root, shell-form, relative entrypoint', dockerfile({ env: null, entrypoint: 'python main.py', user: 'root' }), { dockerignore: null }],
    ['unpinned, latest, numeric user, write dirs', dockerfile({ from: 'python:latest', user: '1000', extra: 'VOLUME /data\nENV HOME=/root\nWORKDIR /opt' }), { dockerignore: null }],
    ['no entrypoints, whole-context copy, unknown .dockerignore', dockerfile({ env: null, entrypoint: null, extra: 'COPY . .' }), {}],
    ['mismatch and shell syntax', dockerfile({ env: '"python main.py | tee x"' }), { dockerignore: null }],
    ['secrets copied, not owned, known base without the user', dockerfile({ setup: 'RUN true', extra: 'COPY secrets /s' }), { dockerignore: null, baseFacts: knownBase({}, { passwd: [] }) }],
    ['no FROM', 'RUN true\n', {}],
  ];
  it.each(cases)('%s: message without "fix:", the fix a field of its own', (_n, text, opts) => {
    const fs = lintDockerfile(text, 'Dockerfile', opts);
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) {
      expect(f.message, f.ruleId).not.toMatch(/fix:/);
      expect(f.fix, f.ruleId).toMatch(/^\S/);
    }
  });
  it('a base fact note ends the message; the fix stays a field', () => {
    const [f] = lintDockerfile(dockerfile({ user: null }), 'Dockerfile', { dockerignore: null, baseFacts: knownBase() });
    expect(f).toMatchObject({ ruleId: 'user-missing', fix: 'add USER airbyte as the last instruction (uid 1000)' });
    expect(f?.message).toMatch(/\(base facts: local engine, image sha256:111111111111\)$/);
  });
  it('a whole-context copy with an unknown .dockerignore: the fix is a field too', () => {
    const [f] = lintDockerfile(dockerfile({ extra: 'COPY . .' }), 'Dockerfile', {});
    expect(f).toMatchObject({ ruleId: 'secrets-context-copy', message: 'COPY . copies the whole build context; make sure .dockerignore excludes secrets/', fix: 'add a line "secrets/" to .dockerignore' });
  });
});
