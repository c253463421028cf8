import { describe, expect, it } from 'vitest';
import type { ValidationCheck } from '@/types/versioning';
import { checkSections, savedCheckLabel, stepName } from './api-check-view';

const behaviour = (resource: string, step: string, ok = true, skipped = false): ValidationCheck => ({
  check: `${resource}: ${step}`,
  ok,
  ...(skipped ? { skipped } : {}),
  kind: 'behaviour',
  resource,
  detail: skipped ? 'not checked: POST /orders asks for credentials' : 'x',
});

describe('checkSections', () => {
  it('splits the sandbox checks, the behaviour rows per resource in step order, and the saved checks with their regressions', () => {
    const regressed: ValidationCheck = { check: 'saved: GET /books → 200', ok: false, kind: 'saved', detail: '404', regression: { baseVersionNumber: 1 } };
    const sections = checkSections([
      { check: 'install', ok: true, detail: '' },
      behaviour('books', 'create'),
      behaviour('books', 'bad body', false),
      behaviour('books', 'delete'),
      behaviour('books', 'read'),
      behaviour('books', 'update'),
      ...['create', 'read', 'update', 'bad body', 'delete'].map((step) => behaviour('orders', step, true, true)),
      { check: '/authors/{id}/books: behaviour', ok: true, skipped: true, kind: 'behaviour', detail: 'not checked: nested' },
      regressed,
      { check: 'saved: GET /tags → 200', ok: true, kind: 'saved', detail: '200' },
    ]);
    expect(sections.sandbox.map((check) => check.check)).toEqual(['install']);
    expect(sections.resources.map((row) => [row.resource, row.ok, row.skippedReason, row.steps.map(stepName)])).toEqual([
      ['books', false, null, ['create', 'read', 'update', 'delete', 'bad body']],
      ['orders', true, 'not checked: POST /orders asks for credentials', ['create', 'read', 'update', 'delete', 'bad body']],
    ]);
    expect(sections.behaviourNotes.map((check) => check.check)).toEqual(['/authors/{id}/books: behaviour']);
    expect(sections.saved.map(savedCheckLabel)).toEqual(['GET /books → 200', 'GET /tags → 200']);
    expect(sections.regressions).toEqual([regressed]);
  });
});
