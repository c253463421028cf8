import { describe, expect, it } from 'vitest';
import type { ApiSchema, ResourceSchema } from './api-schema';
import { childRelations, creationOrder, parentRelations, wouldCloseLoop } from './schema-relations';

const resource = (plural: string, parents: string[] = []): ResourceSchema => ({
  plural,
  singular: plural.slice(0, -1),
  fields: parents.map((parent) => ({ name: `${parent.slice(0, -1)}Id`, type: 'string', required: true, references: parent })),
});

// reviews → books → authors; loans → books, members.
const LIBRARY: ApiSchema = {
  title: 'Library API',
  features: [],
  resources: [resource('reviews', ['books']), resource('loans', ['books', 'members']), resource('books', ['authors']), resource('members'), resource('authors')],
};
const named = (plural: string) => LIBRARY.resources.find((candidate) => candidate.plural === plural)!;

describe('schema relations', () => {
  it('finds the parents and children of a resource', () => {
    expect(parentRelations(LIBRARY, named('loans')).map((relation) => relation.parent.plural)).toEqual(['books', 'members']);
    expect(childRelations(LIBRARY, named('books')).map((relation) => [relation.child.plural, relation.field.name])).toEqual([
      ['reviews', 'bookId'],
      ['loans', 'bookId'],
    ]);
  });

  it('orders resources so that every parent comes before its children', () => {
    expect(creationOrder(LIBRARY).map((candidate) => candidate.plural)).toEqual(['authors', 'books', 'reviews', 'members', 'loans']);
  });

  it('sees when a new relation would close a loop', () => {
    expect(wouldCloseLoop(LIBRARY, named('authors'), named('reviews'))).toBe(true);
    expect(wouldCloseLoop(LIBRARY, named('books'), named('books'))).toBe(true);
    expect(wouldCloseLoop(LIBRARY, named('members'), named('authors'))).toBe(false);
  });
});
