import { describe, expect, it } from 'vitest';
import { renderCheckReport } from './check-report';
import { createPaint } from './paint';

describe('renderCheckReport', () => {
  it('prints passes on one line, failures with their exchange and the base answer of a regression, and the counts', () => {
    const text = renderCheckReport(
      {
        versionNumber: 3,
        url: 'http://127.0.0.1:41234',
        checks: [
          { check: 'saved: GET /books → 200', ok: false, kind: 'saved', detail: 'GET /books answered 404 Not Found, expected 200; it passed on v2',
            exchange: { request: { method: 'GET', path: '/books' }, response: { status: 404, body: '{"error":"not found"}' } },
            regression: { baseVersionNumber: 2, baseResponse: { status: 200, body: '[]' } } },
          { check: 'authors: create', ok: true, kind: 'behaviour', resource: 'authors', detail: 'POST /authors answered 201 Created with the author sent, id "1"' },
          { check: '/authors/{id}/books: behaviour', ok: true, skipped: true, kind: 'behaviour', detail: 'not checked: only top-level collections get the round' },
        ],
      },
      createPaint(false),
    );
    expect(text).toBe(
      [
        'Checks of v3 against http://127.0.0.1:41234',
        '  ✗ saved: GET /books → 200 (regression since v2)  GET /books answered 404 Not Found, expected 200; it passed on v2',
        '      request: GET /books',
        '      response: 404 {"error":"not found"}',
        '      response on v2: 200 []',
        '  ✓ authors: create  POST /authors answered 201 Created with the author sent, id "1"',
        '  - /authors/{id}/books: behaviour  not checked: only top-level collections get the round',
        '1 passed, 1 failed, 1 skipped',
        '',
      ].join('\n'),
    );
  });
});
