import { describe, expect, it } from 'vitest';
import { buildFixRequest, isSameFailure } from './fix-request';

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

describe('buildFixRequest with API checks', () => {
  it('gives a failed behaviour check its request and response, and a regression both answers', () => {
    const request = buildFixRequest(3, {
      sandbox: 'local',
      ok: false,
      durationMs: 1,
      checks: [
        { check: 'health', ok: true, detail: '200 OK' },
        {
          check: 'books: read',
          ok: false,
          kind: 'behaviour',
          resource: 'books',
          detail: 'GET /books/1 answered 404 Not Found, but the book created just before should be found (200)',
          exchange: { request: { method: 'GET', path: '/books/1' }, response: { status: 404, body: '{"error":"not found"}' } },
        },
        {
          check: 'saved: GET /books → 200',
          ok: false,
          kind: 'saved',
          detail: 'GET /books answered 404 Not Found, expected 200; it passed on v2',
          exchange: { request: { method: 'GET', path: '/books' }, response: { status: 404, body: '{"error":"not found"}' } },
          regression: { baseVersionNumber: 2, baseResponse: { status: 200, body: '[{"id":"1","title":"Dune"}]' } },
        },
        // A saved check that failed on the base too is no regression, and not this fix's to mend.
        { check: 'saved: GET /tags → 200', ok: false, kind: 'saved', detail: 'GET /tags answered 404 Not Found, expected 200' },
      ],
    });
    expect(request).toBe(
      [
        'Fix v3: these checks failed when the API was installed, started and probed.',
        '- books: read:',
        '    GET /books/1 answered 404 Not Found, but the book created just before should be found (200)',
        '    Request: GET /books/1',
        '    Response: 404 {"error":"not found"}',
        'These saved checks passed on an earlier version and fail now:',
        '- saved: GET /books → 200',
        '    Request: GET /books',
        '    Response on v2: 200 [{"id":"1","title":"Dune"}]',
        '    Response now: 404 {"error":"not found"}',
        'Change only what is needed to make every check pass.',
      ].join('\n'),
    );
  });

  it('asks for the regressions alone when nothing else failed', () => {
    const request = buildFixRequest(4, {
      sandbox: 'local',
      ok: true,
      durationMs: 1,
      checks: [{ check: 'saved: GET /books → 200', ok: false, kind: 'saved', detail: 'x', regression: { baseVersionNumber: 3 } }],
    });
    expect(request.split('\n').slice(0, 2)).toEqual(['Fix v4: saved checks that passed before fail now.', '- saved: GET /books → 200']);
    expect(request).toContain('Response on v3: no response');
  });
});

describe('isSameFailure', () => {
  const report = (checks: Array<{ check: string; ok: boolean; detail: string }>) => ({ sandbox: 'local', ok: false, durationMs: 1, checks });
  const startFailed = report([{ check: 'install', ok: true, detail: 'ok' }, { check: 'start', ok: false, detail: 'SyntaxError: Unexpected token\n    at server.js:2' }]);

  it('is true when the same checks fail the same way, in another sandbox on another port', () => {
    const first = report([{ check: 'start', ok: false, detail: 'exited before listening on port 33041\n/tmp/api-forge-sandbox/run-koJJCx/app/server.js:2\nSyntaxError: x' }]);
    const again = report([{ check: 'start', ok: false, detail: 'exited before listening on port 37553\n/tmp/api-forge-sandbox/run-UZxDuz/app/server.js:2\nSyntaxError: x' }]);
    expect(isSameFailure(again, first)).toBe(true);
    expect(isSameFailure(report([{ check: 'start', ok: false, detail: 'SyntaxError: Unexpected token\n    at server.js:7' }]), startFailed)).toBe(true);
  });
  it('is false when the same check fails with another error', () => {
    const again = report([{ check: 'start', ok: false, detail: 'TypeError: Unexpected token\n    at server.js:7' }]);
    expect(isSameFailure(again, startFailed)).toBe(false);
  });
  it('is false for another failure, for a base that passed, and for no base', () => {
    expect(isSameFailure(report([{ check: 'start', ok: false, detail: 'ReferenceError: x' }]), startFailed)).toBe(false);
    expect(isSameFailure(startFailed, report([{ check: 'start', ok: true, detail: 'ok' }]))).toBe(false);
    expect(isSameFailure(startFailed, null)).toBe(false);
  });
});

