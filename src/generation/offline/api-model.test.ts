import { describe, expect, it } from 'vitest';
import { readApiModel, type ApiModel } from './api-model';
import { renderOpenApi } from './render-openapi';

const MODEL: ApiModel = {
  title: 'Shop API',
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
    { plural: 'news', singular: 'news', fields: [] },
  ],
};

function openApiWithForge(forge: unknown): string {
  return JSON.stringify({ openapi: '3.1.0', paths: {}, 'x-forge': forge });
}

describe('readApiModel', () => {
  it('reads back the model renderOpenApi stored', () => {
    expect(readApiModel({ 'openapi.json': renderOpenApi(MODEL) })).toEqual(MODEL);
  });

  it.each([
    ['no openapi.json', {}],
    ['openapi.json that is not JSON', { 'openapi.json': '{' }],
    ['openapi.json that is JSON null', { 'openapi.json': 'null' }],
    ['no x-forge', { 'openapi.json': '{"openapi":"3.1.0"}' }],
    ['another generator', { 'openapi.json': openApiWithForge({ generator: 'someone-else', title: 'T', resources: [] }) }],
  ])('gives null for %s', (_case, files) => {
    expect(readApiModel(files)).toBeNull();
  });

  it.each([
    ['a managed field', { name: 'id', type: 'string', required: true }],
    ['a field name that is not an identifier', { name: 'price-tag', type: 'string', required: true }],
    ['an unknown field type', { name: 'price', type: 'money', required: true }],
  ])('refuses a model with %s', (_case, field) => {
    const forge = { generator: 'api-forge-offline', title: 'T', resources: [{ plural: 'books', singular: 'book', fields: [field] }] };
    expect(readApiModel({ 'openapi.json': openApiWithForge(forge) })).toBeNull();
  });

  it('refuses a model with the same resource twice', () => {
    const books = { plural: 'books', singular: 'book', fields: [] };
    const forge = { generator: 'api-forge-offline', title: 'T', resources: [books, books] };
    expect(readApiModel({ 'openapi.json': openApiWithForge(forge) })).toBeNull();
  });
});
