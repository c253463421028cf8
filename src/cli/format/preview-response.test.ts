import { describe, expect, it } from 'vitest';
import { createPaint } from './paint';
import { describeTruncation, renderBody, renderPreviewResponse, renderStatusLine } from './preview-response';

const plain = createPaint(false);

function response(overrides: Partial<Parameters<typeof renderPreviewResponse>[0]> = {}) {
  return { status: 200, statusText: 'OK', headers: [['content-type', 'application/json']] as Array<[string, string]>, body: '{"id":1,"tags":["a"]}', bodyBytes: 21, binary: false, truncated: false, ...overrides };
}

describe('renderPreviewResponse', () => {
  it('prints the status line, then the JSON body indented by two spaces', () => {
    expect(renderPreviewResponse(response(), { showHeaders: false, paint: plain })).toBe('HTTP 200 OK\n{\n  "id": 1,\n  "tags": [\n    "a"\n  ]\n}\n');
  });

  it('with headers: one per line as name: value, then a blank line before the body', () => {
    const headers: Array<[string, string]> = [['content-type', 'application/json'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2']];
    expect(renderPreviewResponse(response({ status: 201, statusText: 'Created', headers, body: '{}' }), { showHeaders: true, paint: plain })).toBe(
      'HTTP 201 Created\ncontent-type: application/json\nset-cookie: a=1\nset-cookie: b=2\n\n{}\n',
    );
  });

  it('with headers and no body: ends with the blank line', () => {
    expect(renderPreviewResponse(response({ status: 204, statusText: 'No Content', headers: [], body: '', bodyBytes: 0 }), { showHeaders: true, paint: plain })).toBe('HTTP 204 No Content\n\n');
  });
});

describe('renderBody', () => {
  it('pretty-prints +json types and bodies without a content type', () => {
    expect(renderBody(response({ headers: [['content-type', 'application/problem+json; charset=utf-8']], body: '{"a":1}' }))).toBe('{\n  "a": 1\n}\n');
    expect(renderBody(response({ headers: [], body: '[1]' }))).toBe('[\n  1\n]\n');
  });

  it('leaves other types, and JSON that does not parse (a cut body), as they came', () => {
    expect(renderBody(response({ headers: [['content-type', 'text/plain']], body: 'a=1' }))).toBe('a=1\n');
    expect(renderBody(response({ body: '{"a":[1,2', truncated: true }))).toBe('{"a":[1,2\n');
    expect(renderBody(response({ headers: [['content-type', 'text/html']], body: '<p>hi</p>\n' }))).toBe('<p>hi</p>\n');
  });

  it('lays out an object or array like the workspace does, whatever the type says, keeping big numbers as sent', () => {
    expect(renderBody(response({ headers: [['content-type', 'text/plain']], body: '{"a":1}' }))).toBe('{\n  "a": 1\n}\n');
    expect(renderBody(response({ body: '{"id":12345678901234567890}' }))).toBe('{\n  "id": 12345678901234567890\n}\n');
  });

  it('names a binary body by its size instead of printing it', () => {
    expect(renderBody(response({ binary: true, body: '', bodyBytes: 2048, headers: [['content-type', 'image/png']] }))).toBe('[binary body, 2048 bytes not shown]\n');
  });
});

describe('renderStatusLine', () => {
  it('leaves out a missing reason phrase', () => {
    expect(renderStatusLine({ status: 200, statusText: '' }, plain)).toBe('HTTP 200');
  });

  it('colours by class when colour is on: green 2xx, cyan 3xx, yellow 4xx, red 5xx', () => {
    const paint = createPaint(true);
    expect(renderStatusLine({ status: 201, statusText: 'Created' }, paint)).toBe('\u001b[1m\u001b[32mHTTP 201 Created\u001b[39m\u001b[22m');
    expect(renderStatusLine({ status: 302, statusText: 'Found' }, paint)).toContain('\u001b[36m');
    expect(renderStatusLine({ status: 404, statusText: 'Not Found' }, paint)).toContain('\u001b[33m');
    expect(renderStatusLine({ status: 503, statusText: 'Service Unavailable' }, paint)).toContain('\u001b[31m');
  });
});

describe('describeTruncation', () => {
  it('says the body was cut at 1 MB, and nothing when it was not', () => {
    expect(describeTruncation({ truncated: true, bodyBytes: 1048576 })).toBe('note: the body was cut at 1 MB (the response limit); only its first 1048576 bytes are shown.\n');
    expect(describeTruncation({ truncated: false, bodyBytes: 10 })).toBeNull();
  });
});
