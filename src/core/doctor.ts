/**
 * `doctor`: what the engine can do, each item with the fix when it cannot.
 */
import { mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { docker } from '../docker/cli.js';
import { buildxVersion, builderSupports, currentBuilder, dockerInfo, dockerVersions, isContainerdStore, type BuilderFacts } from '../docker/engine.js';
import { ARM64_PROBE_OUTPUT, arm64ProbeElf } from '../docker/probe-elf.js';
import { probeRegistry, type Reachability } from '../registry/probe.js';
import { BcError } from '../errors.js';
import { resolveCredentials, type Credentials, type RegistryLogin } from '../registry/credentials.js';
import { loginRefusal, RegistryClient } from '../registry/client.js';
import { retryPolicy } from '../registry/retry.js';
import { detectCapabilities } from '../docker/buildx-capabilities.js';
import { chooseStrategy } from './strategy.js';
import { DEFAULT_PLATFORMS } from '../shared/platforms.js';
import { DEFAULT_PROVENANCE } from '../shared/modes.js';

const DoctorItemSchema = z.object({
  id: z.enum(['docker-client', 'engine', 'image-store', 'buildx', 'builder', 'platforms', 'arm64-emulation', 'strategy', 'unavailable', 'registry', 'registry-login']),
  status: z.enum(['ok', 'missing', 'warn', 'skip']),
  detail: z.string(),
  fix: z.string().optional(),
});
type DoctorItem = z.infer<typeof DoctorItemSchema>;

export const DoctorReportSchema = z.object({
  ok: z.boolean(),
  facts: z.object({
    clientVersion: z.string().nullable(),
    engineVersion: z.string().nullable(),
    containerdStore: z.boolean().nullable(),
    buildxVersion: z.string().nullable(),
    builder: z.object({ name: z.string(), driver: z.string(), platforms: z.array(z.string()) }).nullable(),
    arm64Emulation: z.boolean().nullable(),
    registry: z.string().nullable(),
    /** what publish will do on this engine (core/strategy.ts, the same function publish calls) */
    strategy: z
      .object({
        kind: z.enum(['multi-platform', 'per-platform', 'oci-layout']),
        builder: z.string(),
        driver: z.string(),
        store: z.enum(['containerd', 'classic', 'unknown']),
        why: z.string(),
        reproducible: z.boolean(),
        provenance: z.boolean(),
        unavailable: z.array(z.object({ what: z.string(), why: z.string(), fix: z.string().optional() })),
      })
      .nullable(),
  }),
  items: z.array(DoctorItemSchema),
});
type DoctorReport = z.infer<typeof DoctorReportSchema>;

interface DoctorOptions {
  registry?: string;
  platforms?: string[];
  /** the login to check at `registry` (else BUILD_CONNECTOR_USERNAME/PASSWORD, else the docker config) */
  login?: RegistryLogin;
}

const SETUP_FIX = 'run `npm run setup-engine` (scripts/setup-engine.sh) as root, or install Docker Engine ≥ 24';

export async function runDoctor(opts: DoctorOptions = {}): Promise<DoctorReport> {
  const items: DoctorItem[] = [];
  const facts: DoctorReport['facts'] = {
    clientVersion: null,
    engineVersion: null,
    containerdStore: null,
    buildxVersion: null,
    builder: null,
    arm64Emulation: null,
    registry: opts.registry ?? null,
    strategy: null,
  };
  const platforms = opts.platforms ?? [...DEFAULT_PLATFORMS];

  try {
    const v = await dockerVersions();
    facts.clientVersion = v.client;
    facts.engineVersion = v.server ?? null;
    items.push({ id: 'docker-client', status: 'ok', detail: `docker client ${v.client}` });
    if (v.server) items.push({ id: 'engine', status: 'ok', detail: `engine ${v.server}` });
    else items.push({ id: 'engine', status: 'missing', detail: 'no engine answers on the docker socket', fix: SETUP_FIX });
  } catch (err) {
    items.push({ id: 'docker-client', status: 'missing', detail: errText(err), fix: 'install the docker CLI' });
    items.push({ id: 'engine', status: 'missing', detail: 'no docker client', fix: SETUP_FIX });
  }

  if (facts.engineVersion) {
    try {
      const info = await dockerInfo();
      facts.containerdStore = isContainerdStore(info);
      items.push(
        facts.containerdStore
          ? { id: 'image-store', status: 'ok', detail: 'containerd image store (multi-platform images can be loaded)' }
          : {
              id: 'image-store',
              status: 'warn',
              detail: `classic store (${info.Driver ?? 'unknown'}): one platform per local image; publish builds each platform alone (see strategy)`,
              fix: 'set {"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json and restart dockerd',
            },
      );
    } catch (err) {
      items.push({ id: 'image-store', status: 'missing', detail: errText(err), fix: SETUP_FIX });
    }
  }

  let builder: BuilderFacts | undefined;
  try {
    facts.buildxVersion = await buildxVersion();
    items.push({ id: 'buildx', status: 'ok', detail: `buildx ${facts.buildxVersion}` });
    if (facts.engineVersion) {
      builder = await currentBuilder();
      facts.builder = builder;
      items.push({ id: 'builder', status: 'ok', detail: `builder "${builder.name}" (driver ${builder.driver})` });
      const missing = platforms.filter((p) => !builderSupports(builder!, p));
      items.push(
        missing.length === 0
          ? { id: 'platforms', status: 'ok', detail: `can build ${platforms.join(', ')}` }
          : {
              id: 'platforms',
              status: 'missing',
              detail: `builder cannot build ${missing.join(', ')} (it lists ${builder.platforms.join(', ') || 'none'})`,
              fix: 'enable qemu binfmt (apt-get install qemu-user-static binfmt-support; update-binfmts --enable qemu-aarch64) and recreate the builder',
            },
      );
    }
  } catch (err) {
    items.push({ id: 'buildx', status: 'missing', detail: errText(err), fix: 'install docker-buildx (the buildx CLI plugin)' });
  }

  if (facts.engineVersion && facts.buildxVersion) {
    try {
      const st = chooseStrategy(await detectCapabilities(undefined), { platforms, goal: 'push', provenance: DEFAULT_PROVENANCE });
      facts.strategy = {
        kind: st.kind,
        builder: st.builder,
        driver: st.driver,
        store: st.store,
        why: st.why,
        reproducible: st.reproducible,
        provenance: st.provenance !== false,
        unavailable: st.unavailable.map((u) => ({ what: u.what, why: u.why, ...(u.fix ? { fix: u.fix } : {}) })),
      };
      items.push({ id: 'strategy', status: 'ok', detail: `publish will use the ${st.kind} strategy: ${st.why}` });
      for (const u of st.unavailable) items.push({ id: 'unavailable', status: 'warn', detail: `${u.what}: ${u.why}`, ...(u.fix ? { fix: u.fix } : {}) });
    } catch (err) {
      items.push({ id: 'strategy', status: 'missing', detail: errText(err), fix: SETUP_FIX });
    }
  }

  if (facts.engineVersion && facts.buildxVersion && platforms.includes('linux/arm64')) {
    const arm = await probeArm64();
    facts.arm64Emulation = arm.ok;
    items.push(
      arm.ok
        ? { id: 'arm64-emulation', status: 'ok', detail: arm.detail }
        : {
            id: 'arm64-emulation',
            status: 'missing',
            detail: arm.detail,
            fix: 'apt-get install qemu-user-static binfmt-support && update-binfmts --enable qemu-aarch64 (or run on an arm64 host)',
          },
    );
  }

  if (opts.registry) {
    const r = await probeRegistry(opts.registry);
    items.push(
      r.ok
        ? { id: 'registry', status: 'ok', detail: `${opts.registry} answers (HTTP ${r.status}${r.auth ? ', login required' : ''})` }
        : { id: 'registry', status: 'missing', detail: r.reason, fix: `start the registry at ${opts.registry}, or use --registry local` },
    );
    const login = await checkRegistryLogin(opts.registry, r, await resolveCredentials(opts.registry, opts.login ?? {}));
    if (login) items.push(login);
  }

  return { ok: items.every((i) => i.status !== 'missing'), facts, items };
}

const LOGIN_FIX = 'give the registry user and password: --username U with --password-stdin (or BUILD_CONNECTOR_USERNAME and BUILD_CONNECTOR_PASSWORD; or docker login beforehand)';

/**
 * The login check: one authenticated GET /v2/ (Basic, or a Bearer token from
 * the realm the registry names) with the credentials publish would use.
 * Nothing is written anywhere — no `docker login`, so the user's docker
 * config stays as it was. Undefined when there is nothing to say (no
 * credentials, and the registry does not ask for any).
 */
export async function checkRegistryLogin(registry: string, reach: Reachability, creds: Credentials | undefined, opts: { timeoutMs?: number } = {}): Promise<DoctorItem | undefined> {
  if (!creds) {
    return reach.ok && reach.auth ? { id: 'registry-login', status: 'warn', detail: `${registry} requires a login and no credentials were given`, fix: LOGIN_FIX } : undefined;
  }
  const who = `${creds.username} (credentials from ${creds.source})`;
  if (!reach.ok) return { id: 'registry-login', status: 'skip', detail: `login as ${who} not checked: ${registry} does not answer` };
  try {
    const client = new RegistryClient(registry, { credentials: creds, retry: retryPolicy(2), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
    const { authenticated } = await client.ping();
    return authenticated
      ? { id: 'registry-login', status: 'ok', detail: `${registry} accepts ${who}` }
      : { id: 'registry-login', status: 'ok', detail: `${registry} answers without a login; ${who} not needed to reach it` };
  } catch (err) {
    const refused = loginRefusal(err);
    if (refused) {
      return {
        id: 'registry-login',
        status: 'missing',
        detail: `${registry} refused ${who} (HTTP ${refused.status})`,
        fix: 'check the user name and the password (--username with --password-stdin, or BUILD_CONNECTOR_USERNAME / BUILD_CONNECTOR_PASSWORD)',
      };
    }
    return {
      id: 'registry-login',
      status: 'missing',
      detail: `could not check the login as ${who}: ${errText(err)}`,
      fix: `make ${registry} (and the token service it names) reachable from here: proxy, firewall, TLS`,
    };
  }
}

const PROBE_IMAGE = 'build-connector-doctor/arm64-probe:1';

/** Build a FROM-scratch arm64 image holding a 200-byte static binary and run it. */
async function probeArm64(): Promise<{ ok: boolean; detail: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'bc-arm64-probe-'));
  try {
    await writeFile(join(dir, 'probe'), arm64ProbeElf());
    await chmod(join(dir, 'probe'), 0o755);
    await writeFile(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY probe /probe\nENTRYPOINT ["/probe"]\n');
    const build = await docker(['buildx', 'build', '--platform', 'linux/arm64', '--provenance=false', '--load', '-t', PROBE_IMAGE, dir], {
      allowFailure: true,
      timeoutMs: 120_000,
    });
    if (build.exitCode !== 0) return { ok: false, detail: `could not build the arm64 probe image: ${lastLine(build.stderr)}` };
    const name = `bc-doctor-${process.pid}-${Date.now()}`;
    const res = await docker(
      ['run', '--rm', '--name', name, '--platform', 'linux/arm64', '--network', 'none', '--memory', '64m', '--pids-limit', '16', PROBE_IMAGE],
      { allowFailure: true, timeoutMs: 60_000 },
    );
    if (res.timedOut) await docker(['rm', '-f', name], { allowFailure: true });
    if (res.exitCode === 0 && res.stdout.includes(ARM64_PROBE_OUTPUT)) return { ok: true, detail: 'ran a linux/arm64 container' };
    return { ok: false, detail: `a linux/arm64 container did not run: ${lastLine(res.stderr) || `exit ${res.exitCode}`}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function lastLine(s: string): string {
  return s.trim().split('\n').pop() ?? '';
}

function errText(err: unknown): string {
  if (err instanceof BcError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
