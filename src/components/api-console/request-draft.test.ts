import { describe, expect, it } from 'vitest';
import type { ApiRoute } from '@/types/api-description';
import { bodyJsonProblem, draftFromHistory, draftFromRoute, draftLabel, emptyDraft, newRow, requestFromDraft, resolvedPath, templateParams } from './request-draft';

function route(overrides: Partial<ApiRoute>): ApiRoute {
  return {
    id: 'GET /authors',
    method: 'GET',
    path: '/authors',
    summary: null,
    description: null,
    operationId: null,
    deprecated: false,
    pathParams: [],
    queryParams: [],
    headerParams: [],
    requestBody: null,
    responses: [],
    requiresAuth: false,
    ...overrides,
  };
}

const param = (name: string, required: boolean, example = '') => ({ name, required, description: null, schema: null, example });

describe('draftFromRoute', () => {
  it('fills method, path, a sampled body, query rows (required ones ticked) and keeps parameter values by name', () => {
    const previous = { ...emptyDraft(), pathParams: { id: 'a1b2' } };
    const draft = draftFromRoute(
      route({
        id: 'PATCH /authors/{id}',
        method: 'PATCH',
        path: '/authors/{id}',
        pathParams: [param('id', true)],
        queryParams: [param('notify', false, 'true'), param('reason', true, 'string')],
        requestBody: { required: true, contentType: 'application/json', schema: null, example: '{\n  "name": "string"\n}' },
      }),
      '/api',
      previous,
    );
    expect(draft).toMatchObject({ method: 'PATCH', pathTemplate: '/api/authors/{id}', pathParams: { id: 'a1b2' }, body: '{\n  "name": "string"\n}', routeId: 'PATCH /authors/{id}' });
    expect(draft.query.map(({ name, value, enabled }) => ({ name, value, enabled }))).toEqual([
      { name: 'notify', value: 'true', enabled: false },
      { name: 'reason', value: 'string', enabled: true },
    ]);
  });

  it('adds an Authorization row for routes that need one, keeping a token already typed', () => {
    const first = draftFromRoute(route({ requiresAuth: true }), '', emptyDraft());
    expect(first.headers.map((row) => [row.name, row.value])).toEqual([['Authorization', 'Bearer ']]);
    const typed = { ...first, headers: [newRow('authorization', 'Bearer abc')] };
    expect(draftFromRoute(route({ requiresAuth: true, method: 'DELETE' }), '', typed).headers.map((row) => row.value)).toEqual(['Bearer abc']);
  });

  it('never gives a GET a body', () => {
    const draft = draftFromRoute(route({ requestBody: { required: false, contentType: 'application/json', schema: null, example: '{}' } }), '', emptyDraft());
    expect(draft.body).toBe('');
  });
});

describe('paths', () => {
  it('reads {name} and :name parameters and fills them URL-encoded', () => {
    expect(templateParams('/authors/{authorId}/books/:bookId/{authorId}')).toEqual(['authorId', 'bookId']);
    expect(resolvedPath({ pathTemplate: '/a/{id}/b/:slug', pathParams: { id: 'x/y z', slug: '' } })).toBe('/a/x%2Fy%20z/b/:slug');
  });
});

describe('requestFromDraft', () => {
  it('builds the send input: repeated query names become a list, unticked rows stay out', () => {
    const draft = {
      ...emptyDraft(),
      method: 'POST' as const,
      pathTemplate: '/authors/{id}/tags',
      pathParams: { id: '7' },
      query: [newRow('tag', 'a'), newRow('tag', 'b'), newRow('skip', '1', false), newRow('', 'nameless')],
      headers: [newRow('X-Trace', 'on')],
      body: '{"tag":"c"}',
    };
    expect(requestFromDraft(draft)).toEqual({
      ok: true,
      request: { method: 'POST', path: '/authors/7/tags', query: { tag: ['a', 'b'] }, headers: { 'X-Trace': 'on' }, body: '{"tag":"c"}' },
    });
    expect(draftLabel(draft)).toBe('POST /authors/7/tags');
  });

  it('says what to fix first: a missing parameter, a path that leaves the preview, a Host header, a repeated header', () => {
    const base = emptyDraft();
    expect(requestFromDraft({ ...base, pathTemplate: '/authors/{id}' })).toEqual({ ok: false, problem: 'Fill in the path parameter {id}.' });
    expect(requestFromDraft({ ...base, pathTemplate: 'http://evil.example/' })).toMatchObject({ ok: false });
    expect(requestFromDraft({ ...base, headers: [newRow('Host', 'evil.example')] })).toMatchObject({ ok: false, problem: expect.stringContaining('Host') });
    expect(requestFromDraft({ ...base, headers: [newRow('X-A', '1'), newRow('x-a', '2')] })).toEqual({ ok: false, problem: 'The header x-a is given twice.' });
  });

  it('leaves an empty body out and never sends one with GET', () => {
    expect(requestFromDraft({ ...emptyDraft(), method: 'POST', body: '  ' })).toEqual({ ok: true, request: { method: 'POST', path: '/health' } });
    expect(requestFromDraft({ ...emptyDraft(), method: 'GET', body: '{}' })).toEqual({ ok: true, request: { method: 'GET', path: '/health' } });
  });
});

describe('draftFromHistory', () => {
  it('turns a saved request back into a draft that sends the same', () => {
    const saved = { method: 'PUT' as const, path: '/books/1', query: { q: ['a', 'b'], page: '2' }, headers: { Authorization: 'Bearer t' }, body: '{"title":"Dune"}' };
    const draft = draftFromHistory(saved);
    expect(requestFromDraft(draft)).toEqual({ ok: true, request: saved });
  });
});

describe('bodyJsonProblem', () => {
  it('warns about a JSON body that does not parse, unless another content type is set', () => {
    expect(bodyJsonProblem({ ...emptyDraft(), method: 'POST', body: '{"name":' })).toMatch(/^The body is not valid JSON/);
    expect(bodyJsonProblem({ ...emptyDraft(), method: 'POST', body: '{"name":"Ada"}' })).toBeNull();
    expect(bodyJsonProblem({ ...emptyDraft(), method: 'POST', body: 'a=1', headers: [newRow('Content-Type', 'application/x-www-form-urlencoded')] })).toBeNull();
  });
});
