import { describe, expect, it } from 'vitest';
import type { ApiChange } from '@/types/api-diff';
import { renderApiDiff } from './api-diff-lines';
import { createPaint } from './paint';

const plain = createPaint(false);
const versions = { from: 1, to: 2 };

const changes: ApiChange[] = [
  { kind: 'route-removed', route: 'GET /authors', location: null, field: null, detail: null, breaking: true },
  { kind: 'route-added', route: 'GET /reviews', location: null, field: null, detail: null, breaking: false },
  { kind: 'field-added', route: 'POST /books', location: 'request', field: 'isbn', detail: 'required', breaking: true },
  { kind: 'field-changed', route: 'GET /books/{id}', location: 'response', field: 'price', detail: 'number → string', breaking: true },
  { kind: 'field-changed', route: 'POST /books', location: 'request', field: '', detail: 'now required', breaking: true },
  { kind: 'parameter-added', route: 'GET /books', location: 'query', field: 'limit', detail: null, breaking: false },
  { kind: 'parameter-changed', route: 'GET /books', location: 'header', field: 'X-Tenant', detail: 'now required', breaking: true },
  { kind: 'status-changed', route: 'POST /books', location: 'status', field: null, detail: '201 → 200', breaking: true },
  { kind: 'status-removed', route: 'GET /books', location: 'status', field: '404', detail: null, breaking: false },
];

describe('renderApiDiff', () => {
  it('prints one line per change, breaking ones saying so', () => {
    expect(renderApiDiff({ status: 'compared', changes, breakingCount: 6 }, versions, plain)).toBe(
      [
        'API v1 → v2: 9 changes, 6 breaking',
        '- GET /authors  (removed, breaking)',
        '+ GET /reviews  (added)',
        '+ POST /books  request isbn  (added, required, breaking)',
        '~ GET /books/{id}  response price: number → string  (changed, breaking)',
        '~ POST /books  request body: now required  (changed, breaking)',
        '+ GET /books  query limit  (added)',
        '~ GET /books  header X-Tenant: now required  (changed, breaking)',
        '~ POST /books  status: 201 → 200  (changed, breaking)',
        '- GET /books  status 404  (removed)',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing changed or there is no API description', () => {
    expect(renderApiDiff({ status: 'compared', changes: [], breakingCount: 0 }, versions, plain)).toBe('API v1 → v2: no changes\n');
    expect(renderApiDiff({ status: 'unavailable', reason: 'No API description to compare: v1 has no openapi.json.' }, versions, plain)).toBe(
      'API v1 → v2: No API description to compare: v1 has no openapi.json.\n',
    );
  });

  it('colors removals red and additions green only when asked', () => {
    const colored = renderApiDiff({ status: 'compared', changes: changes.slice(0, 2), breakingCount: 1 }, versions, createPaint(true));
    expect(colored).toContain('\u001b[31m- GET /authors  (removed, breaking)\u001b[39m');
    expect(colored).toContain('\u001b[32m+ GET /reviews  (added)\u001b[39m');
    const statusLines = renderApiDiff({ status: 'compared', changes: changes.slice(7), breakingCount: 1 }, versions, createPaint(true));
    expect(statusLines).toContain('\u001b[33m~ POST /books  status: 201 → 200  (changed, breaking)\u001b[39m');
    expect(statusLines).toContain('\u001b[31m- GET /books  status 404  (removed)\u001b[39m');
  });
});
