// The bodies the behaviour round derives from the sampled one, decided from plain inputs.
import { describe, expect, it } from 'vitest';
import { changeForUpdate, invalidBody, withReferences } from './body-variants';
import { jsonMismatches, unwrapItem } from './json-match';

const schema = {
  type: 'object',
  required: ['title', 'year'],
  properties: {
    status: { type: 'string', enum: ['draft', 'done'] },
    title: { type: 'string', minLength: 1 },
    year: { type: 'integer' },
    published: { type: ['boolean', 'null'] },
  },
};

describe('body variants', () => {
  it('fills reference fields with created ids, or names the one missing', () => {
    const references = [{ field: 'authorId', resource: 'authors' }];
    expect(withReferences({ authorId: 'x', title: 't' }, references, new Map([['authors', 7]]))).toEqual({ body: { authorId: 7, title: 't' } });
    expect(withReferences({ authorId: 'x' }, references, new Map())).toEqual({ missing: 'authors' });
  });

  it('changes a free string first, never an enum, a reference or the id', () => {
    const sample = { id: 'a', status: 'draft', authorId: 'z', title: 'Dune', year: 1965 };
    expect(changeForUpdate(sample, schema, new Set(['authorId']))).toEqual({ field: 'title', value: 'Dune (changed)' });
    expect(changeForUpdate({ year: 1965, published: true }, schema, new Set())).toEqual({ field: 'year', value: 1966 });
    expect(changeForUpdate({ published: true }, schema, new Set())).toEqual({ field: 'published', value: false });
    expect(changeForUpdate({ status: 'draft' }, schema, new Set())).toBeNull();
  });

  it('breaks a required field first, with a value of the wrong type', () => {
    expect(invalidBody({ title: 'Dune', year: 1965 }, schema)).toEqual({ body: { title: 12345, year: 1965 }, field: 'title', value: 12345 });
    expect(invalidBody({ year: 1 }, { properties: { year: { type: 'number' } } })).toEqual({ body: { year: 'not a number' }, field: 'year', value: 'not a number' });
    expect(invalidBody({ anything: 1 }, { type: 'object' })).toBeNull();
    expect(invalidBody({}, null)).toBeNull();
  });
});

describe('jsonMismatches', () => {
  it('matches objects by their expected keys, arrays by any element, and date-times by instant', () => {
    expect(jsonMismatches({ title: 'Dune', extra: 1 }, { title: 'Dune' })).toEqual([]);
    expect(jsonMismatches({ at: '2024-01-02T03:04:05.000Z' }, { at: '2024-01-02T03:04:05Z' })).toEqual([]);
    expect(jsonMismatches([{ id: 1 }, { id: 2, title: 'b' }], [{ title: 'b' }])).toEqual([]);
    expect(jsonMismatches({ author: { name: 'F' } }, { author: { name: 'Frank' }, year: 1 })).toEqual([
      'author.name: expected "Frank", got "F"',
      'year: missing (expected 1)',
    ]);
    expect(jsonMismatches([], [{ title: 'b' }])).toEqual(['no item matches {"title":"b"}']);
    expect(jsonMismatches('text', { a: 1 })).toEqual(['expected an object, got "text"']);
  });

  it('unwraps a single-item answer wrapped in data', () => {
    expect(unwrapItem({ data: { id: 1 } })).toEqual({ id: 1 });
    expect(unwrapItem({ id: 1, data: { x: 1 } })).toEqual({ id: 1, data: { x: 1 } });
  });
});
