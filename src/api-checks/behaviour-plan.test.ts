// Planning the behaviour round from a described API: which collections become resources, which are
// left out and why, and the order that lets a child be created with its parent's real id.
import { describe, expect, it } from 'vitest';
import type { ApiDescription, ApiRoute } from '@/types/api-description';
import { planBehaviour, plannedCheckNames, singularOf } from './behaviour-plan';

function route(method: ApiRoute['method'], path: string, extra: Partial<ApiRoute> = {}): ApiRoute {
  return {
    id: `${method} ${path}`,
    method,
    path,
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
    ...extra,
  };
}

const body = (example: unknown) => ({ required: true, contentType: 'application/json', schema: { type: 'object' }, example: JSON.stringify(example) });

function described(routes: ApiRoute[], basePath = ''): ApiDescription {
  return { title: 'T', version: null, description: null, basePath, problems: [], groups: [{ name: 'all', routes }] };
}

describe('planBehaviour', () => {
  it('puts a parent before the resource whose body refers to it, and deletes children first', () => {
    const plan = planBehaviour(
      described([
        route('POST', '/books', { requestBody: body({ title: 'Dune', authorId: 'x' }) }),
        route('GET', '/books/{bookId}'),
        route('PUT', '/books/{bookId}'),
        route('POST', '/authors', { requestBody: body({ name: 'Frank' }) }),
        route('GET', '/authors/{id}'),
        route('DELETE', '/authors/{id}'),
      ]),
    );
    expect(plan.resources.map((resource) => resource.name)).toEqual(['authors', 'books']);
    const [authors, books] = plan.resources;
    expect(books).toMatchObject({ references: [{ field: 'authorId', resource: 'authors' }], updateMethod: 'PUT', canDelete: false, itemPath: '/books/{bookId}' });
    expect(authors).toMatchObject({ updateMethod: null, canDelete: true, singular: 'author' });
    expect(plannedCheckNames(plan)).toEqual([
      'authors: create', 'authors: read', 'authors: update', 'authors: bad body',
      'books: create', 'books: read', 'books: update', 'books: bad body',
      'books: delete', 'authors: delete',
    ]);
  });

  it('puts the base path before every path it sends to', () => {
    const plan = planBehaviour(described([route('POST', '/books', { requestBody: body({ title: 'x' }) }), route('GET', '/books/{id}')], '/api'));
    expect(plan.resources[0]).toMatchObject({ collectionPath: '/api/books', itemPath: '/api/books/{id}' });
  });

  it('skips, with the reason, a collection whose writes need credentials or whose body cannot be sampled', () => {
    const plan = planBehaviour(
      described([
        route('POST', '/orders', { requestBody: body({ total: 1 }), requiresAuth: true }),
        route('GET', '/orders'),
        route('POST', '/uploads', { requestBody: { required: true, contentType: 'multipart/form-data', schema: null, example: '' } }),
        route('GET', '/uploads'),
      ]),
    );
    expect(plan.resources.map((resource) => resource.skipReason)).toEqual([
      'not checked: POST /orders asks for credentials, and validation has none to send',
      'not checked: no JSON object body could be sampled from the schema of POST /uploads',
    ]);
  });

  it('leaves nested collections and actions out, saying so for the nested ones', () => {
    const plan = planBehaviour(
      described([
        route('POST', '/authors/{id}/books', { requestBody: body({}) }),
        route('POST', '/books/{id}'),
        // No list and no item route: POST /auth/token is an action, not a collection.
        route('POST', '/auth/token', { requestBody: body({ username: 'a', password: 'b' }) }),
      ]),
    );
    expect(plan.resources).toEqual([]);
    expect(plan.skipped).toEqual([{ check: '/authors/{id}/books: behaviour', reason: 'not checked: only top-level collections get the create, read, update and delete round' }]);
  });
});

describe('singularOf', () => {
  it.each([
    ['books', 'book'],
    ['categories', 'category'],
    ['boxes', 'box'],
    ['matches', 'match'],
    ['addresses', 'address'],
    ['news', 'new'],
    ['glass', 'glass'],
  ])('%s → %s', (plural, singular) => expect(singularOf(plural)).toBe(singular));
});
