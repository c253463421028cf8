import { describe, expect, it } from 'vitest';
import { changes, diff, lines, openApi, type Schema } from './api-diff-test-helpers';

const query = (name: string, schema: Schema = { type: 'string' }, required = false): Schema => ({ name, in: 'query', required, schema });
const header = (name: string, schema: Schema = { type: 'string' }, required = false): Schema => ({ name, in: 'header', required, schema });

/** `GET /books` taking these parameters. */
const listBooks = (...parameters: Schema[]) => openApi({ '/books': { get: { parameters, responses: { '200': { description: 'ok' } } } } });

describe('diffApiDocuments: query and header parameters', () => {
  it('flags a new required query parameter, not a new optional one', async () => {
    expect(await lines(listBooks(), listBooks(query('limit', { type: 'integer' }, true)))).toEqual(['+ GET /books  query limit  (added, required, breaking)']);
    expect(await lines(listBooks(), listBooks(query('limit', { type: 'integer' })))).toEqual(['+ GET /books  query limit  (added)']);
  });

  it('flags a new required header, not a new optional one', async () => {
    expect(await lines(listBooks(), listBooks(header('X-Tenant', { type: 'string' }, true)))).toEqual(['+ GET /books  header X-Tenant  (added, required, breaking)']);
    expect(await lines(listBooks(), listBooks(header('X-Request-Id')))).toEqual(['+ GET /books  header X-Request-Id  (added)']);
  });

  it('lists a removed parameter as not breaking, even a required one', async () => {
    expect(await lines(listBooks(query('sort'), header('X-Tenant', { type: 'string' }, true)), listBooks())).toEqual([
      '- GET /books  query sort  (removed)',
      '- GET /books  header X-Tenant  (removed)',
    ]);
  });

  it('flags an optional parameter made required, not a required one made optional', async () => {
    expect(await lines(listBooks(query('page')), listBooks(query('page', { type: 'string' }, true)))).toEqual([
      '~ GET /books  query page: now required  (changed, breaking)',
    ]);
    expect(await lines(listBooks(header('X-Tenant', { type: 'string' }, true)), listBooks(header('X-Tenant')))).toEqual([
      '~ GET /books  header X-Tenant: now optional  (changed)',
    ]);
  });

  it('flags a parameter given another type or a narrower one, not a wider one', async () => {
    const withLimit = (schema: Schema) => listBooks(query('limit', schema));
    expect(await lines(withLimit({ type: 'integer' }), withLimit({ type: 'string' }))).toEqual(['~ GET /books  query limit: integer → string  (changed, breaking)']);
    expect(await lines(withLimit({ type: 'number' }), withLimit({ type: 'integer' }))).toEqual(['~ GET /books  query limit: number → integer  (changed, breaking)']);
    expect(await lines(withLimit({ type: 'integer' }), withLimit({ type: 'number' }))).toEqual(['~ GET /books  query limit: integer → number  (changed)']);
    const withSort = (schema: Schema) => listBooks(query('sort', schema));
    expect(await lines(withSort({ type: 'string' }), withSort({ enum: ['title', 'year'] }))).toEqual([
      '~ GET /books  query sort: any value → one of "title", "year"  (changed, breaking)',
    ]);
    expect(await lines(withSort({ enum: ['title'] }), withSort({ enum: ['title', 'year'] }))).toEqual([
      '~ GET /books  query sort: one of "title" → one of "title", "year"  (changed)',
    ]);
  });

  it('compares the properties of an object parameter under its name', async () => {
    const withFilter = (properties: Record<string, Schema>, required: string[]) => listBooks(query('filter', { type: 'object', properties, required }));
    expect(await lines(withFilter({ genre: { type: 'string' } }, []), withFilter({ genre: { type: 'string' }, year: { type: 'integer' } }, ['year']))).toEqual([
      '+ GET /books  query filter.year  (added, required, breaking)',
    ]);
  });

  it('matches header names whatever their case, and names them as the newer version writes them', async () => {
    expect(await changes(listBooks(header('x-tenant')), listBooks(header('X-Tenant')))).toEqual([]);
    expect(await lines(listBooks(header('x-tenant')), listBooks(header('X-Tenant', { type: 'integer' })))).toEqual([
      '~ GET /books  header X-Tenant: string → integer  (changed, breaking)',
    ]);
    // Query names are case-sensitive: a renamed one is another parameter.
    expect(await lines(listBooks(query('pageSize')), listBooks(query('pagesize')))).toEqual([
      '- GET /books  query pageSize  (removed)',
      '+ GET /books  query pagesize  (added)',
    ]);
  });

  it('does not compare path parameters, and reads path-level parameters with the operation', async () => {
    const getBook = (pathName: string, pathType: string, pathLevel: Schema[], operationLevel: Schema[]) =>
      openApi({
        [`/books/{${pathName}}`]: {
          parameters: [{ name: pathName, in: 'path', required: true, schema: { type: pathType } }, ...pathLevel],
          get: { parameters: operationLevel, responses: { '200': { description: 'ok' } } },
        },
      });
    expect(await changes(getBook('id', 'integer', [query('fields')], []), getBook('bookId', 'string', [], [query('fields')]))).toEqual([]);
  });

  it('reads Swagger 2 parameters, whose type is written on the parameter itself', async () => {
    const swagger = (type: string) =>
      JSON.stringify({
        swagger: '2.0',
        info: { title: 't', version: '1' },
        paths: { '/books': { get: { parameters: [{ name: 'year', in: 'query', type }], responses: { '200': { description: 'ok' } } } } },
      });
    expect(await lines(swagger('integer'), swagger('string'))).toEqual(['~ GET /books  query year: integer → string  (changed, breaking)']);
  });

  it('lists parameter changes before body changes and counts their breaking ones', async () => {
    const createBook = (parameters: Schema[], properties: Record<string, Schema>) =>
      openApi({
        '/books': {
          post: {
            parameters,
            requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties } } } },
            responses: { '201': { description: 'created' } },
          },
        },
      });
    const before = createBook([], { title: { type: 'string' } });
    const after = createBook([header('Idempotency-Key', { type: 'string' }, true), query('dryRun', { type: 'boolean' })], { title: { type: 'string' }, isbn: { type: 'string' } });
    expect(await lines(before, after)).toEqual([
      '+ POST /books  query dryRun  (added)',
      '+ POST /books  header Idempotency-Key  (added, required, breaking)',
      '+ POST /books  request isbn  (added)',
    ]);
    expect(await diff(before, after)).toMatchObject({ status: 'compared', breakingCount: 1 });
  });
});
