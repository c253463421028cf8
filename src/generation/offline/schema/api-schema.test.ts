import { describe, expect, it } from 'vitest';
import { readStoredSchema, type ApiSchema } from './api-schema';
import { renderOpenApi } from '../render/render-openapi';

const SCHEMA: ApiSchema = {
  title: 'Shop API',
  features: ['auth', 'pagination'],
  resources: [
    {
      plural: 'products',
      singular: 'product',
      fields: [
        { name: 'name', type: 'string', required: true },
        { name: 'price', type: 'number', required: true },
        { name: 'availableFrom', type: 'date', required: false },
      ],
    },
    { plural: 'reviews', singular: 'review', fields: [{ name: 'productId', type: 'string', required: true, references: 'products' }] },
    { plural: 'news', singular: 'news', fields: [] },
  ],
};

function openApiWithForge(forge: unknown): string {
  return JSON.stringify({ openapi: '3.1.0', paths: {}, 'x-forge': forge });
}

const forge = (resources: unknown, extra: object = {}) => ({ generator: 'api-forge-offline', title: 'T', resources, ...extra });
const books = (fields: unknown[]) => ({ plural: 'books', singular: 'book', fields });
const authors = { plural: 'authors', singular: 'author', fields: [] };

describe('readStoredSchema', () => {
  it('reads back the schema and render revision renderOpenApi stored', () => {
    expect(readStoredSchema({ 'openapi.json': renderOpenApi(SCHEMA, 7) })).toEqual({ schema: SCHEMA, renderRevision: 7 });
  });

  it('reads a schema stored before features and revisions existed as revision 1 with no features', () => {
    expect(readStoredSchema({ 'openapi.json': openApiWithForge(forge([authors])) })).toEqual({
      schema: { title: 'T', resources: [authors], features: [] },
      renderRevision: 1,
    });
  });

  it.each([
    ['no openapi.json', {}],
    ['openapi.json that is not JSON', { 'openapi.json': '{' }],
    ['openapi.json that is JSON null', { 'openapi.json': 'null' }],
    ['no x-forge', { 'openapi.json': '{"openapi":"3.1.0"}' }],
    ['another generator', { 'openapi.json': openApiWithForge({ ...forge([]), generator: 'someone-else' }) }],
  ])('gives null for %s', (_case, files) => {
    expect(readStoredSchema(files)).toBeNull();
  });

  it.each([
    ['a managed field', [books([{ name: 'id', type: 'string', required: true }])]],
    ['a field name that is not an identifier', [books([{ name: 'price-tag', type: 'string', required: true }])]],
    ['an unknown field type', [books([{ name: 'price', type: 'money', required: true }])]],
    ['the same resource twice', [books([]), books([])]],
    ['a relation to a missing resource', [books([{ name: 'authorId', type: 'string', required: true, references: 'authors' }])]],
    ['a relation that is not a string', [authors, books([{ name: 'authorId', type: 'number', required: true, references: 'authors' }])]],
    ['a relation to itself', [books([{ name: 'bookId', type: 'string', required: true, references: 'books' }])]],
    [
      'relations in a loop',
      [
        { ...authors, fields: [{ name: 'bookId', type: 'string', required: true, references: 'books' }] },
        books([{ name: 'authorId', type: 'string', required: true, references: 'authors' }]),
      ],
    ],
  ])('refuses a schema with %s', (_case, resources) => {
    expect(readStoredSchema({ 'openapi.json': openApiWithForge(forge(resources)) })).toBeNull();
  });

  it('refuses an unknown or repeated feature', () => {
    expect(readStoredSchema({ 'openapi.json': openApiWithForge(forge([], { features: ['graphql'] })) })).toBeNull();
    expect(readStoredSchema({ 'openapi.json': openApiWithForge(forge([], { features: ['cors', 'cors'] })) })).toBeNull();
  });
});
