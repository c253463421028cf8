import { describe, expect, it } from 'vitest';
import { collectRoutes, findOpenApiPath, parseDeclaredRoute, routesFromOpenApi } from './declared-routes';

describe('parseDeclaredRoute', () => {
  it('reads a method and a path, in any case, ignoring words after the path', () => {
    expect(parseDeclaredRoute('GET /books')).toEqual({ method: 'GET', path: '/books' });
    expect(parseDeclaredRoute('  delete /books/:id  removes a book')).toEqual({ method: 'DELETE', path: '/books/:id' });
  });

  it('takes a bare path as GET', () => {
    expect(parseDeclaredRoute('/health')).toEqual({ method: 'GET', path: '/health' });
  });

  it('rejects what is not a route', () => {
    expect(parseDeclaredRoute('books')).toBeNull();
    expect(parseDeclaredRoute('FETCH /books')).toBeNull();
    expect(parseDeclaredRoute('GET books')).toBeNull();
    expect(parseDeclaredRoute('')).toBeNull();
  });
});

describe('routesFromOpenApi', () => {
  it('lists each method of each path and ignores path-item keys that are not methods', () => {
    const doc = {
      openapi: '3.0.3',
      paths: {
        '/books': { get: {}, post: {}, parameters: [], summary: 'Books' },
        '/books/{id}': { get: {}, delete: {} },
      },
    };
    expect(routesFromOpenApi(JSON.stringify(doc))).toEqual([
      { method: 'GET', path: '/books' },
      { method: 'POST', path: '/books' },
      { method: 'GET', path: '/books/{id}' },
      { method: 'DELETE', path: '/books/{id}' },
    ]);
  });

  it('prefixes the path of the first server, relative or absolute', () => {
    const paths = { '/books': { get: {} } };
    expect(routesFromOpenApi(JSON.stringify({ servers: [{ url: '/api/v1' }], paths }))).toEqual([
      { method: 'GET', path: '/api/v1/books' },
    ]);
    expect(routesFromOpenApi(JSON.stringify({ servers: [{ url: 'http://localhost:3000/api/' }], paths }))).toEqual([
      { method: 'GET', path: '/api/books' },
    ]);
    expect(routesFromOpenApi(JSON.stringify({ servers: [{ url: 'http://localhost:3000' }], paths }))).toEqual([
      { method: 'GET', path: '/books' },
    ]);
  });

  it('applies a Swagger 2 basePath', () => {
    expect(routesFromOpenApi(JSON.stringify({ swagger: '2.0', basePath: '/v2', paths: { '/pets': { get: {} } } }))).toEqual([
      { method: 'GET', path: '/v2/pets' },
    ]);
  });

  it('throws on invalid JSON and on a document without paths', () => {
    expect(() => routesFromOpenApi('{ not json')).toThrow();
    expect(() => routesFromOpenApi('{"openapi":"3.0.0"}')).toThrow(/paths/);
  });
});

describe('findOpenApiPath', () => {
  it('prefers the root file, else the least nested one', () => {
    expect(findOpenApiPath({ 'src/docs/openapi.json': '', 'openapi.json': '' })).toBe('openapi.json');
    expect(findOpenApiPath({ 'src/docs/openapi.json': '', 'docs/openapi.json': '' })).toBe('docs/openapi.json');
    expect(findOpenApiPath({ 'my-openapi.json': '' })).toBeUndefined();
  });
});

describe('collectRoutes', () => {
  it('fills parameters with placeholders and names checks with :params', () => {
    const openapi = JSON.stringify({
      paths: { '/users/{userId}/orders/{orderUuid}': { get: {} } },
    });
    const { probes } = collectRoutes(['GET /books/:id', 'GET /files/*path', 'GET /tags/:tag(\\d+)?'], {
      'openapi.json': openapi,
    });
    expect(probes).toEqual([
      { check: 'GET /books/:id', method: 'GET', url: '/books/1' },
      { check: 'GET /files/*path', method: 'GET', url: '/files/1' },
      { check: 'GET /tags/:tag(\\d+)?', method: 'GET', url: '/tags/1' },
      {
        check: 'GET /users/:userId/orders/:orderUuid',
        method: 'GET',
        url: '/users/1/orders/00000000-0000-4000-8000-000000000001',
      },
    ]);
  });

  it('dedupes declared and OpenAPI routes whatever their parameter names or trailing slash', () => {
    const openapi = JSON.stringify({ paths: { '/books/{bookId}': { get: {} }, '/books/': { get: {}, post: {} } } });
    const { probes } = collectRoutes(['GET /books', 'get /books/:id'], { 'openapi.json': openapi });
    expect(probes.map((probe) => probe.check)).toEqual(['GET /books', 'GET /books/:id', 'POST /books/']);
  });

  it('leaves GET /health to the health check', () => {
    const { probes } = collectRoutes(['GET /health', 'HEAD /health'], {});
    expect(probes.map((probe) => probe.check)).toEqual(['HEAD /health']);
  });

  it('reports strings that are not routes and an unreadable openapi.json', () => {
    const result = collectRoutes(['list all books', 'GET /books'], { 'api/openapi.json': '{"paths": ' });
    expect(result.unparsed).toEqual(['list all books']);
    expect(result.probes.map((probe) => probe.check)).toEqual(['GET /books']);
    expect(result.openApiProblem?.path).toBe('api/openapi.json');
    expect(result.openApiProblem?.reason).toMatch(/JSON/);
  });
});
