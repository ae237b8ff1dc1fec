/**
 * lint judges the final image from the Dockerfile alone. This checks that its
 * model (ENV/ARG expansion, quotes and escapes, stage inheritance, WORKDIR
 * resolution, VOLUMEs) says what the real builder produces: build a tiny
 * metadata-only multi-stage image and compare with `docker image inspect`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { docker, parseJson } from '../../src/docker/cli.js';
import { buildModel } from '../../src/lint/model.js';
import { lintDockerfile } from '../../src/lint/lint.js';
import { shellWords } from '../../src/shared/shell-words.js';
import { describeEngine } from '../support/engine.js';

const DOCKERFILE = `ARG GLOBAL=/airbyte
FROM scratch AS base
ARG GLOBAL
ARG LOCAL=integration_code
ENV CODE=\${GLOBAL}/\${LOCAL} \\
    QUOTED="two words" \\
    SINGLE='\${GLOBAL} stays' \\
    ESCAPED=\\$GLOBAL \\
    DEFAULTED=\${MISSING:-fallback} \\
    ALT=\${LOCAL:+set} \\
    EMPTY_ALT=\${MISSING:+set}
ENV CHAINED=$CODE/x LEGACY_FORM_NEXT=1
ENV LEGACY a b  c
WORKDIR $CODE
COPY f.txt ./
ENV AIRBYTE_ENTRYPOINT="python \${CODE}/main.py --name 'a b'"
ENTRYPOINT ["python", "/airbyte/integration_code/main.py", "--name", "a b"]
USER airbyte:airbyte

FROM base AS final
ARG FROMCLI
ENV HOME=\${CODE}/home G_IN_FINAL=x\${GLOBAL}y PART=\${FROMCLI:-unset}
WORKDIR sub
VOLUME ["/tmp/cache", "/custom_cache/x"]
`;

const Config = z
  .object({
    Env: z.array(z.string()).nullish(),
    Entrypoint: z.array(z.string()).nullish(),
    User: z.string().nullish(),
    WorkingDir: z.string().nullish(),
    Volumes: z.record(z.string(), z.unknown()).nullish(),
  })
  .loose();

describeEngine('lint model vs the real builder', () => {
  const tag = `b-lint-model:${process.pid}-${Date.now()}`;
  let dir: string;
  let config: z.infer<typeof Config>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'b-lint-model-'));
    await writeFile(join(dir, 'Dockerfile'), DOCKERFILE);
    await writeFile(join(dir, 'f.txt'), 'x\n');
    await writeFile(join(dir, '.dockerignore'), 'secrets/\n');
    await docker(['buildx', 'build', '--load', '--provenance=false', '--build-arg', 'FROMCLI=cli-value', '-t', tag, dir], { timeoutMs: 5 * 60_000 });
    const r = await docker(['image', 'inspect', '--format', '{{json .Config}}', tag]);
    config = parseJson(Config, r.stdout, 'docker image inspect .Config');
  });

  afterAll(async () => {
    await docker(['image', 'rm', '-f', tag], { allowFailure: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('ENV values (expansion, quotes, escapes, inheritance) match the image', () => {
    const model = buildModel(DOCKERFILE, 'Dockerfile', { buildArgs: { FROMCLI: 'cli-value' } });
    const st = model.final!.state;
    const imageEnv = new Map((config.Env ?? []).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
    const modelEnv = new Map([...st.env].map(([k, v]) => [k, v.value]));
    expect([...modelEnv.keys()].sort()).toEqual([...imageEnv.keys()].filter((k) => k !== 'PATH').sort());
    for (const [k, v] of modelEnv) expect(v, k).toBe(imageEnv.get(k));
    // spot checks, so a shared mistake cannot hide
    expect(imageEnv.get('SINGLE')).toBe('${GLOBAL} stays');
    expect(imageEnv.get('G_IN_FINAL')).toBe('x/airbytey'); // ARG GLOBAL of stage base is inherited
    expect(imageEnv.get('PART')).toBe('cli-value');
  });

  it('ENTRYPOINT, USER, WORKDIR and VOLUMEs match the image', () => {
    const st = buildModel(DOCKERFILE, 'Dockerfile', { buildArgs: { FROMCLI: 'cli-value' } }).final!.state;
    expect(st.entrypoint?.argv).toEqual(config.Entrypoint);
    expect(st.user?.value).toBe(config.User);
    expect(st.workdir?.value).toBe(config.WorkingDir);
    expect(st.volumes.map((v) => v.value).sort()).toEqual(Object.keys(config.Volumes ?? {}).sort());
  });

  it('the shell-split AIRBYTE_ENTRYPOINT of the built image equals its ENTRYPOINT, and lint agrees', () => {
    const env = (config.Env ?? []).find((e) => e.startsWith('AIRBYTE_ENTRYPOINT='))!;
    expect(shellWords(env.slice('AIRBYTE_ENTRYPOINT='.length))).toEqual(config.Entrypoint);
    const ids = lintDockerfile(DOCKERFILE, 'Dockerfile', { dockerignore: 'secrets/\n', buildArgs: { FROMCLI: 'cli-value' } }).map((f) => f.ruleId);
    expect(ids).not.toContain('entrypoint-mismatch');
    expect(ids).not.toContain('user-missing');
  });
});
