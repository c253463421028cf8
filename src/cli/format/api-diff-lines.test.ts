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
];

describe('renderApiDiff', () => {
  it('prints one line per change, breaking ones saying so', () => {
    expect(renderApiDiff({ status: 'compared', changes, breakingCount: 4 }, versions, plain)).toBe(
      [
        'API v1 → v2: 5 changes, 4 breaking',
        '- GET /authors  (removed, breaking)',
        '+ GET /reviews  (added)',
        '+ POST /books  request isbn  (added, required, breaking)',
        '~ GET /books/{id}  response price: number → string  (changed, breaking)',
        '~ POST /books  request body: now required  (changed, breaking)',
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
  });
});
