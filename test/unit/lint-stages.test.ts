/**
 * Findings by stage: a whole-context copy is judged by whether its files
 * reach the final image (src/lint/stages.ts).
 */
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../src/lint/lint.js';
import { buildModel } from '../../src/lint/model.js';
import { computeReach, overlaps, sourcePrefix } from '../../src/lint/stages.js';

const BASE = 'docker.io/airbyte/python-connector-base:4.0.2@sha256:9fdb1888c4264cf6fee473649ecb593f56f58e5d0096a87ee0b231777e2e3e73';
const FINAL = `RUN mkdir -p /airbyte && chown airbyte /airbyte
ENV AIRBYTE_ENTRYPOINT="/entrypoint.sh"
ENTRYPOINT ["/entrypoint.sh"]
USER airbyte
`;

/** The shape of Airbyte's python connector Dockerfile: the builder copies the context, the final takes /usr/local. */
const builder = (finalCopy: string) => `FROM ${BASE} AS builder
WORKDIR /airbyte/integration_code
COPY . ./
RUN pip install .
FROM ${BASE}
${finalCopy}
${FINAL}`;

const secrets = (text: string, dockerignore: string | null = null) =>
  lintDockerfile(text, 'Dockerfile', { dockerignore }).filter((f) => f.ruleId === 'secrets-context-copy').map((f) => `${f.line} ${f.severity}`);

describe('secrets-context-copy by stage', () => {
  it('a builder stage whose copied files never reach the final image: a warning naming --cache-to mode=max', () => {
    const text = builder('COPY --from=builder /usr/local /usr/local');
    expect(secrets(text)).toEqual(['3 warning']);
    const f = lintDockerfile(text, 'Dockerfile', { dockerignore: null }).find((x) => x.ruleId === 'secrets-context-copy')!;
    expect(f.message).toContain('stage "builder"');
    expect(f.message).toContain('do not reach the final image (it takes only /usr/local from it)');
    expect(f.message).toContain('--cache-to ...,mode=max');
  });

  it.each([
    ['COPY --from of the directory the context went to', 'COPY --from=builder /airbyte/integration_code /airbyte/integration_code'],
    ['COPY --from of a parent directory', 'COPY --from=builder /airbyte /airbyte'],
    ['COPY --from of a file below it', 'COPY --from=builder /airbyte/integration_code/main.py /airbyte/main.py'],
    ['COPY --from by stage index', 'COPY --from=0 /airbyte/integration_code /x'],
    ['COPY --from with a glob', 'COPY --from=builder /airbyte/*/main.py /x/'],
    ['RUN --mount from the stage', 'RUN --mount=type=bind,from=builder,target=/b cp -r /b/airbyte /airbyte'],
  ])('%s: the files reach the final image, an error', (_n, copy) => {
    expect(secrets(builder(copy))).toEqual(['3 error']);
  });

  it('a final stage FROM the builder carries everything: an error', () => {
    const text = `FROM ${BASE} AS builder\nCOPY . /airbyte/integration_code\nFROM builder\n${FINAL}`;
    expect(secrets(text)).toEqual(['2 error']);
  });

  it('follows chains: context → a → b → final', () => {
    const text = `FROM ${BASE} AS a
COPY . /src
FROM ${BASE} AS b
COPY --from=a /src /opt/src
FROM ${BASE}
COPY --from=b /opt /opt
${FINAL}`;
    expect(secrets(text)).toEqual(['2 error']);
    // b takes /src but the final takes only /usr from b: a's copy does not reach
    expect(secrets(text.replace('COPY --from=b /opt /opt', 'COPY --from=b /usr /usr'))).toEqual(['2 warning']);
  });

  it('a stage nothing uses: a warning; a .dockerignore that excludes secrets/: nothing either way', () => {
    const text = `FROM ${BASE} AS unused\nCOPY . /x\nFROM ${BASE}\nCOPY main.py /airbyte/\n${FINAL}`;
    expect(secrets(text)).toEqual(['2 warning']);
    expect(lintDockerfile(text, 'Dockerfile', { dockerignore: null }).find((f) => f.ruleId === 'secrets-context-copy')!.message).toContain('it takes nothing from it');
    expect(secrets(text, 'secrets/\n')).toEqual([]);
    expect(secrets(builder('COPY --from=builder /airbyte /airbyte'), 'secrets/\n')).toEqual([]);
  });

  it('a copy in the final stage stays an error', () => {
    expect(secrets(`FROM ${BASE}\nCOPY . /airbyte/integration_code\n${FINAL}`)).toEqual(['2 error']);
  });

  it('--target makes that stage the final one', () => {
    expect(lintDockerfile(builder('COPY --from=builder /usr/local /usr/local'), 'Dockerfile', { dockerignore: null, target: 'builder' }).filter((f) => f.ruleId === 'secrets-context-copy').map((f) => f.severity)).toEqual(['error']);
  });
});

describe('reach helpers', () => {
  it.each([
    ['/', '/x', true],
    ['/a', '/a/b', true],
    ['/a/b', '/a', true],
    ['/a', '/ab', false],
    ['/usr/local', '/airbyte/integration_code', false],
  ])('overlaps(%s, %s) = %s', (a, b, want) => {
    expect(overlaps(a, b)).toBe(want);
  });
  it.each([
    ['/usr/local', '/usr/local'],
    ['usr/local/', '/usr/local'],
    ['/airbyte/*/x', '/airbyte'],
    ['$DIR/x', '/'],
    ['/a/b?c', '/a'],
  ])('sourcePrefix(%s) = %s', (src, want) => {
    expect(sourcePrefix(src)).toBe(want);
  });
  it('lists the reached paths of each stage', () => {
    const m = buildModel(builder('COPY --from=builder /usr/local /usr/local'), 'Dockerfile');
    const r = computeReach(m, m.final!);
    expect(r.reachedPaths(m.stages[0]!)).toEqual(['/usr/local']);
    expect(r.reachedPaths(m.final!)).toEqual(['/']);
  });
});
