import { describe, expect, it } from 'vitest';
import type { ApiChange } from '@/types/api-diff';
import { apiDiffView } from './api-diff-view-model';

const removed: ApiChange = { kind: 'route-removed', route: 'GET /authors', location: null, field: null, detail: null, breaking: true };
const retyped: ApiChange = { kind: 'field-changed', route: 'GET /books', location: 'response', field: 'price', detail: 'number → string', breaking: true };
const added: ApiChange = { kind: 'field-added', route: 'POST /books', location: 'request', field: 'isbn', detail: null, breaking: false };

describe('apiDiffView', () => {
  it('gives one row per change with its sign, subject and verdict', () => {
    const view = apiDiffView({ status: 'compared', changes: [removed, retyped, added], breakingCount: 2 });
    expect(view).toMatchObject({ kind: 'changes', summary: '3 changes, 2 breaking', breakingCount: 2 });
    if (view.kind !== 'changes') throw new Error('expected changes');
    expect(view.rows.map(({ sign, subject, verdict, breaking }) => ({ sign, subject, verdict, breaking }))).toEqual([
      { sign: '-', subject: 'GET /authors', verdict: '(removed, breaking)', breaking: true },
      { sign: '~', subject: 'GET /books  response price: number → string', verdict: '(changed, breaking)', breaking: true },
      { sign: '+', subject: 'POST /books  request isbn', verdict: '(added)', breaking: false },
    ]);
    expect(view.rows[0]!.text).toBe('- GET /authors  (removed, breaking)');
    expect(new Set(view.rows.map((row) => row.key)).size).toBe(3);
  });

  it('gives parameter and status changes rows in the same form', () => {
    const parameter: ApiChange = { kind: 'parameter-added', route: 'GET /books', location: 'header', field: 'X-Tenant', detail: 'required', breaking: true };
    const status: ApiChange = { kind: 'status-changed', route: 'POST /books', location: 'status', field: null, detail: '201 → 200', breaking: true };
    const view = apiDiffView({ status: 'compared', changes: [parameter, status], breakingCount: 2 });
    if (view.kind !== 'changes') throw new Error('expected changes');
    expect(view.rows.map(({ sign, subject, verdict }) => ({ sign, subject, verdict }))).toEqual([
      { sign: '+', subject: 'GET /books  header X-Tenant', verdict: '(added, required, breaking)' },
      { sign: '~', subject: 'POST /books  status: 201 → 200', verdict: '(changed, breaking)' },
    ]);
  });

  it('says when nothing breaks, nothing changed, or there is no API description', () => {
    expect(apiDiffView({ status: 'compared', changes: [added], breakingCount: 0 })).toMatchObject({ summary: '1 change, none breaking' });
    expect(apiDiffView({ status: 'compared', changes: [], breakingCount: 0 })).toEqual({ kind: 'unchanged', message: 'No route, field, parameter or status changes.' });
    expect(apiDiffView({ status: 'unavailable', reason: 'No API description to compare: v1 has no openapi.json.' })).toEqual({
      kind: 'unavailable',
      message: 'No API description to compare: v1 has no openapi.json.',
    });
  });
});
