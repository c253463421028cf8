import { describe, expect, it } from 'vitest';
import type { ApiSchema } from '../schema/api-schema';
import { planFirstVersion } from './plan-first-version';
import { planIteration } from './plan-iteration';
import type { ChangeIntent } from '../understand/prompt-intents';

function firstSchema(resources: string[], relations: Array<{ child: string; parent: string }> = []): ApiSchema {
  return planFirstVersion({ title: 'Bookstore API', resources, fields: {}, relations, features: [], unsupported: [], unclear: [] }).schema;
}

const BOOKSTORE = firstSchema(['authors', 'books']);
const RELATED = firstSchema(['authors', 'books', 'reviews'], [
  { child: 'books', parent: 'authors' },
  { child: 'reviews', parent: 'books' },
]);

function changedSchema(plan: ReturnType<typeof planIteration>): ApiSchema {
  if (plan.kind !== 'change') throw new Error(`expected a change, got: ${plan.message}`);
  return plan.schema;
}

const fieldNames = (schema: ApiSchema, plural: string) => schema.resources.find((resource) => resource.plural === plural)?.fields.map((field) => field.name);
const addResources = (resources: string[], extra: object = {}): ChangeIntent => ({ kind: 'add-resources', resources, features: [], unsupported: [], ...extra });

describe('planIteration: resources', () => {
  it('adds a resource with its default fields', () => {
    const plan = planIteration(BOOKSTORE, addResources(['review']));
    expect(plan).toMatchObject({ kind: 'change', title: 'Add reviews', description: 'Added reviews with rating (number, required) and comment (string).' });
    expect(changedSchema(plan).resources.map((resource) => resource.plural)).toEqual(['authors', 'books', 'reviews']);
  });

  it('relates a resource added "to" another one', () => {
    const plan = planIteration(BOOKSTORE, addResources(['reviews'], { relatedTo: 'book' }));
    expect(changedSchema(plan).resources[2]?.fields[0]).toEqual({ name: 'bookId', type: 'string', required: true, references: 'books' });
    expect(plan).toMatchObject({ description: expect.stringContaining('GET /books/:id/reviews') });
  });

  it('uses the fields the prompt gave a new resource', () => {
    const plan = planIteration(BOOKSTORE, addResources(['reviews'], { fields: [{ name: 'stars', required: true, type: 'number' }, { name: 'text', required: false }] }));
    expect(changedSchema(plan).resources[2]?.fields).toEqual([
      { name: 'stars', type: 'number', required: true },
      { name: 'text', type: 'string', required: false },
    ]);
  });

  it('adds the features asked for with the resources', () => {
    expect(changedSchema(planIteration(BOOKSTORE, addResources(['reviews'], { features: ['pagination'] }))).features).toEqual(['pagination']);
  });

  it('removes a resource, and the relation fields that pointed at it', () => {
    const plan = planIteration(RELATED, { kind: 'remove-resources', resources: ['book'] });
    expect(plan).toMatchObject({ title: 'Remove books', description: 'Removed books and its routes. Reviews no longer have bookId.' });
    expect(fieldNames(changedSchema(plan), 'reviews')).toEqual(['rating', 'comment']);
  });

  it('renames a resource, and the relation fields that hold its id', () => {
    const plan = planIteration(RELATED, { kind: 'rename', from: 'books', to: 'titles' });
    const schema = changedSchema(plan);
    expect(schema.resources.map((resource) => [resource.plural, resource.singular])).toEqual([
      ['authors', 'author'],
      ['titles', 'title'],
      ['reviews', 'review'],
    ]);
    expect(schema.resources[2]?.fields[0]).toEqual({ name: 'titleId', type: 'string', required: true, references: 'titles' });
    expect(plan).toMatchObject({ title: 'Rename books to titles', description: expect.stringContaining('Reviews now have titleId instead of bookId.') });
  });
});

describe('planIteration: fields', () => {
  it.each([
    ['price', 'number'],
    ['isbn', 'string'],
    ['isPublished', 'boolean'],
    ['published', 'boolean'],
    ['releaseDate', 'date'],
    ['publishedAt', 'datetime'],
    ['pageCount', 'number'],
    ['rating', 'number'],
  ])('adds the field %s typed %s by its name', (name, type) => {
    const plan = planIteration(BOOKSTORE, { kind: 'add-fields', resource: 'books', fields: [{ name, required: false }] });
    expect(changedSchema(plan).resources[1]?.fields.at(-1)).toEqual({ name, type, required: false });
  });

  it('makes a field named after another resource a relation', () => {
    const plan = planIteration(BOOKSTORE, { kind: 'add-fields', resource: 'books', fields: [{ name: 'author', required: false }] });
    expect(changedSchema(plan).resources[1]?.fields[0]).toEqual({ name: 'authorId', type: 'string', required: true, references: 'authors' });
    expect(plan).toMatchObject({ title: 'Add authorId to books' });
  });

  it('removes fields, and a relation by the name of its resource', () => {
    expect(fieldNames(changedSchema(planIteration(BOOKSTORE, { kind: 'remove-fields', resource: 'authors', fields: ['bio'] })), 'authors')).toEqual(['name']);
    expect(fieldNames(changedSchema(planIteration(RELATED, { kind: 'remove-fields', resource: 'books', fields: ['author'] })), 'books')).toEqual(['title', 'year']);
  });

  it('renames a field, finding its resource when the prompt named none', () => {
    const plan = planIteration(BOOKSTORE, { kind: 'rename', from: 'year', to: 'publishedYear' });
    expect(fieldNames(changedSchema(plan), 'books')).toEqual(['title', 'publishedYear']);
    expect(plan).toMatchObject({ title: 'Rename year to publishedYear in books' });
  });
});

describe('planIteration: relations and features', () => {
  it('relates two resources', () => {
    const plan = planIteration(BOOKSTORE, { kind: 'add-relation', relation: { child: 'books', parent: 'author' } });
    expect(changedSchema(plan).resources[1]?.fields[0]).toEqual({ name: 'authorId', type: 'string', required: true, references: 'authors' });
    expect(plan).toMatchObject({
      title: 'Books belong to authors',
      description: "Books belong to authors: authorId must name an existing author, and GET /authors/:id/books lists an author's books.",
    });
  });

  it('reads "each book has an isbn" as a field when there is no isbn resource', () => {
    const plan = planIteration(BOOKSTORE, { kind: 'add-relation', relation: { child: 'book', parent: 'isbn' } });
    expect(fieldNames(changedSchema(plan), 'books')).toEqual(['title', 'year', 'isbn']);
  });

  it('adds and removes features, keeping their order', () => {
    const withAuth = changedSchema(planIteration(BOOKSTORE, { kind: 'add-features', features: ['tests', 'auth'], unsupported: [] }));
    expect(withAuth.features).toEqual(['auth', 'tests']);
    expect(changedSchema(planIteration(withAuth, { kind: 'remove-features', features: ['auth'] })).features).toEqual(['tests']);
  });

  it('adds what it can and says what it does not build', () => {
    const plan = planIteration(BOOKSTORE, { kind: 'add-features', features: ['pagination'], unsupported: ['postgres'] });
    expect(plan).toMatchObject({ kind: 'change', description: expect.stringContaining('does not build postgres') });
  });
});

describe('planIteration: refusals', () => {
  const refusals: Array<[string, ApiSchema, ChangeIntent, string]> = [
    ['an existing resource', BOOKSTORE, addResources(['books']), 'The API already has books, so nothing changed.'],
    ['a missing target', BOOKSTORE, addResources(['reviews'], { relatedTo: 'movies' }), 'The API has no movies resource. Its resources are authors and books.'],
    ['only what it does not build', BOOKSTORE, { kind: 'add-features', features: [], unsupported: ['graphql'] }, 'The offline generator does not build graphql'],
    ['a feature it has', { ...BOOKSTORE, features: ['cors'] }, { kind: 'add-features', features: ['cors'], unsupported: [] }, 'The API already has CORS'],
    ['removing a feature it lacks', BOOKSTORE, { kind: 'remove-features', features: ['auth'] }, 'The API has no JWT auth'],
    ['a reserved name', BOOKSTORE, addResources(['health']), '/health is a route every generated API has'],
    ['the token route', BOOKSTORE, addResources(['auth']), '/auth is a route'],
    ['removing a missing resource', BOOKSTORE, { kind: 'remove-resources', resources: ['movies'] }, 'The API has no movies resource.'],
    ['an existing field', BOOKSTORE, { kind: 'add-fields', resource: 'books', fields: [{ name: 'title', required: false }] }, 'Books already has title, so nothing changed.'],
    ['a managed field', BOOKSTORE, { kind: 'add-fields', resource: 'books', fields: [{ name: 'id', required: false }] }, 'id cannot be used as a field name'],
    ['a field of a missing resource', BOOKSTORE, { kind: 'add-fields', resource: 'movies', fields: [{ name: 'price', required: false }] }, 'The API has no movies resource.'],
    ['removing a missing field', BOOKSTORE, { kind: 'remove-fields', resource: 'books', fields: ['price'] }, 'Books has no price field. Its fields are title and year'],
    ['a relation twice', RELATED, { kind: 'add-relation', relation: { child: 'books', parent: 'authors' } }, 'Books already belong to authors.'],
    ['a relation to itself', BOOKSTORE, { kind: 'add-relation', relation: { child: 'books', parent: 'books' } }, 'Books cannot belong to books'],
    ['a loop of relations', RELATED, { kind: 'add-relation', relation: { child: 'authors', parent: 'reviews' } }, 'neither could be created first'],
    ['a relation to nothing', BOOKSTORE, { kind: 'add-relation', relation: { child: 'movies', parent: 'authors' } }, 'The API has no movies resource.'],
    ['renaming onto another resource', BOOKSTORE, { kind: 'rename', from: 'books', to: 'authors' }, 'The API already has authors.'],
    ['renaming to a field name twice over', BOOKSTORE, { kind: 'rename', from: 'title', to: 'year', resource: 'books' }, 'Books already has a year field.'],
    ['renaming what is not there', BOOKSTORE, { kind: 'rename', from: 'price', to: 'cost' }, 'The API has no resource or field called price.'],
    ['renaming a field several resources have', firstSchema(['authors', 'tags']), { kind: 'rename', from: 'name', to: 'label' }, 'say which'],
  ];
  it.each(refusals)('refuses %s', (_case, base, intent, message) => {
    const plan = planIteration(base, intent);
    expect(plan.kind).toBe('refusal');
    expect(plan.kind === 'refusal' ? plan.message : '').toContain(message);
  });
});
