import { describe, expect, it } from 'vitest';
import type { PreviewResponse } from '@/types/preview';
import { compareResponses, responseText } from './response-comparison';

function response(overrides: Partial<PreviewResponse> = {}): PreviewResponse {
  const body = JSON.stringify({ id: 1, name: 'Ann', born: 1970 });
  return {
    status: 200,
    statusText: 'OK',
    headers: [
      ['content-length', String(body.length)],
      ['content-type', 'application/json'],
      ['date', 'Tue, 10 Mar 2026 12:00:00 GMT'],
      ['etag', 'W/"1f-abc"'],
    ],
    body,
    bodyBytes: body.length,
    truncated: false,
    binary: false,
    durationMs: 12,
    historyId: 'h1',
    ...overrides,
  };
}

const changedLines = (comparison: ReturnType<typeof compareResponses>) =>
  comparison.hunks.flatMap((hunk) => hunk.lines).filter((line) => line.kind !== 'context');

describe('responseText', () => {
  it('is the status line, the lasting headers sorted by name, a blank line and the pretty body', () => {
    const text = responseText(
      response({ headers: [['x-powered-by', 'forge'], ['date', 'now'], ['content-type', 'application/json'], ['x-request-id', 'r1']] }),
    );
    expect(text).toBe(
      'HTTP 200 OK\ncontent-type: application/json\nx-powered-by: forge\n\n{\n  "id": 1,\n  "name": "Ann",\n  "born": 1970\n}',
    );
  });

  it('names a binary body by its size, and says where a cut body ends', () => {
    expect(responseText(response({ binary: true, body: '', bodyBytes: 2048 }))).toMatch(/\n\n\[binary body, 2\.0 KB\]$/);
    expect(responseText(response({ body: 'abc', truncated: true, bodyBytes: 1024 * 1024 }))).toMatch(/\nabc\n\[cut after 1\.0 MB\]$/);
  });
});

describe('compareResponses', () => {
  it('calls the same answer unchanged, with the label as its name', () => {
    const comparison = compareResponses(response(), response({ historyId: 'h2', durationMs: 40 }), 'GET /authors/1');
    expect(comparison).toMatchObject({ filePath: 'GET /authors/1', operation: 'unchanged', additions: 0, deletions: 0, hunks: [] });
  });

  it('calls two answers that differ only in their date header unchanged', () => {
    const later = response({ headers: response().headers.map(([name, value]) => [name, name === 'date' ? 'Wed, 11 Mar 2026 08:00:00 GMT' : value]) });
    expect(later.headers).not.toEqual(response().headers);
    expect(compareResponses(response(), later, 'GET /authors/1').operation).toBe('unchanged');
  });

  it('ignores headers that change on every answer', () => {
    const later = response({
      headers: [
        ['connection', 'close'],
        ['content-length', '999'],
        ['content-type', 'application/json'],
        ['date', 'Wed, 11 Mar 2026 08:00:00 GMT'],
        ['etag', 'W/"1f-def"'],
        ['x-response-time', '3ms'],
      ],
    });
    expect(compareResponses(response(), later, 'GET /authors/1').operation).toBe('unchanged');
  });

  it('shows a field the newer version no longer sends as a removed line', () => {
    const without = response({ body: JSON.stringify({ id: 1, name: 'Ann' }) });
    const comparison = compareResponses(response(), without, 'GET /authors/1');
    expect(comparison.operation).toBe('modified');
    // The comma moves from "Ann" to nothing, so that line changes too; the field itself is removed.
    expect(changedLines(comparison).map((line) => [line.kind, line.oldText, line.newText])).toEqual([
      ['modified', '  "name": "Ann",', '  "name": "Ann"'],
      ['removed', '  "born": 1970', null],
    ]);
  });

  it('shows a different status on the first line', () => {
    const comparison = compareResponses(response(), response({ status: 404, statusText: 'Not Found' }), 'GET /authors/1');
    const [first] = changedLines(comparison);
    expect(first).toMatchObject({ kind: 'modified', oldNumber: 1, newNumber: 1, oldText: 'HTTP 200 OK', newText: 'HTTP 404 Not Found' });
  });

  it('shows a lasting header that changed', () => {
    const html = response({ headers: [['content-type', 'text/html']] });
    expect(changedLines(compareResponses(response(), html, 'GET /')).map((line) => line.newText)).toContain('content-type: text/html');
  });
});
