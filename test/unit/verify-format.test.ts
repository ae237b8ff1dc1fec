import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/commands/verify-format.js';
import { VerifyReportSchema, type VerifyReport } from '../../src/verify/report.js';

describe('the verify report as text', () => {
  it('renders a check × platform table with fixes under failures', () => {
    const report: VerifyReport = {
      image: 'img:1',
      source: 'local',
      connectorType: 'source',
      platforms: ['linux/amd64', 'linux/arm64'],
      ok: false,
      checks: [
        { id: 'platform', platform: 'linux/amd64', status: 'pass', message: 'ok' },
        { id: 'platform', platform: 'linux/arm64', status: 'fail', message: 'labelled linux/arm64 but x is amd64', fix: 'build for arm64', details: ['a → b'] },
        { id: 'check', platform: 'linux/amd64', status: 'skip', message: 'no --config' },
        { id: 'check', platform: 'linux/arm64', status: 'skip', message: 'no --config' },
      ],
      runs: [],
      durationMs: 1234,
    };
    expect(VerifyReportSchema.parse(report)).toEqual(report);
    expect(renderReport(report)).toBe(
      [
        'verify img:1 (source, local image)',
        '',
        'check     linux/amd64  linux/arm64',
        '--------  -----------  -----------',
        'platform  ✓            ✗',
        'check     -            -',
        '',
        'failures:',
        '  ✗ platform [linux/arm64]: labelled linux/arm64 but x is amd64',
        '      a → b',
        '      fix: build for arm64',
        '',
        'skipped:',
        '  - check: no --config',
        '',
        'verify: 1 check result failed (1.2 s)',
      ].join('\n'),
    );
  });
  it('lists the checks in check order whatever order the results came in, and says when all passed', () => {
    const report: VerifyReport = {
      image: 'localhost:5000/airbyte/destination-x:2',
      source: 'registry',
      connectorType: 'destination',
      platforms: ['linux/amd64'],
      ok: true,
      checks: [
        { id: 'sbom', platform: 'linux/amd64', status: 'pass', message: 'ok' },
        { id: 'user', platform: 'linux/amd64', status: 'pass', message: 'ok' },
        { id: 'platform', platform: 'linux/amd64', status: 'pass', message: 'ok' },
      ],
      runs: [],
      durationMs: 940,
    };
    expect(renderReport(report)).toBe(
      [
        'verify localhost:5000/airbyte/destination-x:2 (destination, registry image)',
        '',
        'check     linux/amd64',
        '--------  -----------',
        'platform  ✓',
        'user      ✓',
        'sbom      ✓',
        '',
        'verify: all checks passed on linux/amd64 (0.9 s)',
      ].join('\n'),
    );
  });
});
