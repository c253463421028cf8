import { describe, expect, it } from 'vitest';
import { MAX_SAVED_CHECK_BODY_BYTES, MAX_SAVED_CHECK_NAME_LENGTH } from '@/shared/saved-check-limits';
import { emptyDraft, newRow, type RequestDraft } from './request-draft';
import { defaultCheckName, initialSaveCheckFields, parseExpectedJson, parseExpectedStatus, saveCheckInput } from './saved-check-draft';

const PROJECT_ID = '00000000-0000-4000-8000-000000000002';

function draft(overrides: Partial<RequestDraft>): RequestDraft {
  return { ...emptyDraft(), ...overrides };
}

describe('defaultCheckName', () => {
  it('names the method, the filled-in path without its query, and the status', () => {
    const sent = draft({ method: 'DELETE', pathTemplate: '/books/{id}', pathParams: { id: '42' }, query: [newRow('force', 'true')] });
    expect(defaultCheckName(sent, 204)).toBe('DELETE /books/42 → 204');
    expect(initialSaveCheckFields(sent, 204)).toEqual({ name: 'DELETE /books/42 → 204', expectStatus: '204', expectJson: '' });
  });

  it('fits the name limit for a long path', () => {
    const name = defaultCheckName(draft({ pathTemplate: `/${'a'.repeat(300)}` }), 200);
    expect(name.length).toBeLessThanOrEqual(MAX_SAVED_CHECK_NAME_LENGTH);
    expect(name).toMatch(/^GET \/a+…a+ → 200$/);
  });
});

describe('parseExpectedStatus', () => {
  it('takes a three-digit status and refuses anything else', () => {
    expect(parseExpectedStatus(' 201 ')).toEqual({ ok: true, value: 201 });
    for (const text of ['', '20', '2000', '099', '600', '2e2', 'abc', '20.0']) expect(parseExpectedStatus(text)).toMatchObject({ ok: false });
  });
});

describe('parseExpectedJson', () => {
  it('reads blank as no expectation and any JSON value as the expectation', () => {
    expect(parseExpectedJson('  \n')).toEqual({ ok: true, value: null });
    expect(parseExpectedJson('{"title": "Dune", "author": {"name": "Herbert"}}')).toEqual({ ok: true, value: { title: 'Dune', author: { name: 'Herbert' } } });
    expect(parseExpectedJson('[{"id": 1}]')).toEqual({ ok: true, value: [{ id: 1 }] });
  });

  it('applies the server’s rule to JSON that parses', () => {
    expect(parseExpectedJson(`${'['.repeat(40)}${']'.repeat(40)}`)).toMatchObject({ ok: false, problem: expect.stringContaining('nest at most') });
  });

  it('says clearly when the text is not JSON', () => {
    const parsed = parseExpectedJson("{title: 'Dune'}");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toMatch(/^The expected JSON fields are not valid JSON \(.+\)\. Write a JSON value such as \{"title": "Dune"\}/);
  });
});

describe('saveCheckInput', () => {
  const sent = draft({
    method: 'POST',
    pathTemplate: '/authors/{id}/books',
    pathParams: { id: '7' },
    query: [newRow('tag', 'a'), newRow('tag', 'b'), newRow('off', '1', false)],
    headers: [newRow('Authorization', 'Bearer t')],
    body: '{"title":"Dune"}',
  });

  it('builds the save input from the request as it was sent, with the form’s expectations', () => {
    expect(saveCheckInput(PROJECT_ID, sent, { name: '  Add Dune ', expectStatus: '201', expectJson: '{"title":"Dune"}' })).toEqual({
      ok: true,
      value: {
        projectId: PROJECT_ID,
        name: 'Add Dune',
        method: 'POST',
        path: '/authors/7/books',
        query: { tag: ['a', 'b'] },
        headers: { Authorization: 'Bearer t' },
        body: '{"title":"Dune"}',
        expectStatus: 201,
        expectJson: { title: 'Dune' },
      },
    });
  });

  it('stores no query, headers or body as empty, and leaves a blank name for the server to fill in', () => {
    expect(saveCheckInput(PROJECT_ID, draft({ pathTemplate: '/books' }), { name: ' ', expectStatus: '200', expectJson: '' })).toEqual({
      ok: true,
      value: { projectId: PROJECT_ID, method: 'GET', path: '/books', query: {}, headers: {}, body: null, expectStatus: 200, expectJson: null },
    });
  });

  it('refuses a name or a body over the limits', () => {
    expect(saveCheckInput(PROJECT_ID, sent, { name: 'n'.repeat(MAX_SAVED_CHECK_NAME_LENGTH + 1), expectStatus: '201', expectJson: '' })).toMatchObject({ ok: false });
    const big = { ...sent, body: 'x'.repeat(MAX_SAVED_CHECK_BODY_BYTES + 1) };
    expect(saveCheckInput(PROJECT_ID, big, { name: 'x', expectStatus: '201', expectJson: '' })).toMatchObject({ ok: false, problem: expect.stringContaining('KB') });
  });

  it('refuses invalid expected JSON, a bad status, and a request that could not be sent', () => {
    expect(saveCheckInput(PROJECT_ID, sent, { name: 'x', expectStatus: '201', expectJson: '{"title":' })).toMatchObject({ ok: false, problem: expect.stringContaining('not valid JSON') });
    expect(saveCheckInput(PROJECT_ID, sent, { name: 'x', expectStatus: 'ok', expectJson: '' })).toMatchObject({ ok: false, problem: expect.stringContaining('100 to 599') });
    expect(saveCheckInput(PROJECT_ID, draft({ pathTemplate: '/books/{id}' }), { name: 'x', expectStatus: '200', expectJson: '' })).toEqual({
      ok: false,
      problem: 'Fill in the path parameter {id}.',
    });
  });
});
