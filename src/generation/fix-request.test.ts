import { describe, expect, it } from 'vitest';
import { buildFixRequest } from './fix-request';

describe('buildFixRequest', () => {
  it('names each failed check with its detail, and leaves out passed and skipped ones', () => {
    const request = buildFixRequest(3, {
      sandbox: 'local',
      ok: false,
      durationMs: 10,
      checks: [
        { check: 'install', ok: true, detail: 'installed' },
        { check: 'start', ok: false, detail: 'exited with code 1\nSyntaxError: Unexpected token' },
        { check: 'health', ok: false, skipped: true, detail: 'not run: start failed' },
      ],
    });
    expect(request).toContain('Fix v3');
    expect(request).toContain('- start:\n    exited with code 1\n    SyntaxError: Unexpected token');
    expect(request).not.toContain('- install:');
    expect(request).not.toContain('- health:');
  });

  it('keeps the end of a long log, where the error usually is', () => {
    const request = buildFixRequest(1, {
      sandbox: 'local',
      ok: false,
      durationMs: 1,
      checks: [{ check: 'build', ok: false, detail: `${'noise\n'.repeat(1000)}error TS2304: Cannot find name 'x'.` }],
    });
    expect(request).toContain("error TS2304: Cannot find name 'x'.");
    expect(request).not.toContain('noise\n'.repeat(400));
  });
});
