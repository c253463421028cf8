import { describe, expect, it } from 'vitest';
import type { ApiModel } from './api-model';
import { planFirstVersion, planIteration } from './plan-iteration';
import type { ChangeIntent } from './understand-prompt';

const BOOKSTORE: ApiModel = planFirstVersion({ title: 'Bookstore API', resources: ['authors', 'book'], ignored: [] });

function changedModel(plan: ReturnType<typeof planIteration>): ApiModel {
  if (plan.kind !== 'change') throw new Error(`expected a change, got: ${plan.message}`);
  return plan.model;
}

describe('planFirstVersion', () => {
  it('gives each resource both forms and its default fields', () => {
    expect(BOOKSTORE).toEqual({
      title: 'Bookstore API',
      resources: [
        {
          plural: 'authors',
          singular: 'author',
          fields: [
            { name: 'name', type: 'string', required: true },
            { name: 'bio', type: 'string', required: false },
          ],
        },
        {
          plural: 'books',
          singular: 'book',
          fields: [
            { name: 'title', type: 'string', required: true },
            { name: 'year', type: 'number', required: false },
          ],
        },
      ],
    });
  });

  it('gives an unknown resource a required name, and drops repeats and the health route', () => {
    const model = planFirstVersion({ title: 'T', resources: ['gadgets', 'gadget', 'health'], ignored: [] });
    expect(model.resources).toEqual([{ plural: 'gadgets', singular: 'gadget', fields: [{ name: 'name', type: 'string', required: true }] }]);
  });
});

describe('planIteration', () => {
  it('adds a resource with its default fields', () => {
    const plan = planIteration(BOOKSTORE, { kind: 'add-resources', resources: ['review'], ignored: [] });
    expect(plan).toMatchObject({ kind: 'change', title: 'Add reviews', description: 'Added reviews with rating (number, required) and comment (string).' });
    expect(changedModel(plan).resources.map((resource) => resource.plural)).toEqual(['authors', 'books', 'reviews']);
  });

  it('links a resource added "to" another one', () => {
    const plan = planIteration(BOOKSTORE, { kind: 'add-resources', resources: ['reviews'], ignored: [], relatedTo: 'book' });
    expect(changedModel(plan).resources[2]?.fields.map((field) => field.name)).toEqual(['bookId', 'rating', 'comment']);
  });

  it('uses the fields the prompt gave a new resource', () => {
    const plan = planIteration(BOOKSTORE, {
      kind: 'add-resources',
      resources: ['reviews'],
      ignored: [],
      fields: [{ name: 'stars', required: true, type: 'number' }, { name: 'text', required: false }],
    });
    expect(changedModel(plan).resources[2]?.fields).toEqual([
      { name: 'stars', type: 'number', required: true },
      { name: 'text', type: 'string', required: false },
    ]);
  });

  it('removes resources', () => {
    const plan = planIteration(BOOKSTORE, { kind: 'remove-resources', resources: ['book'] });
    expect(plan).toMatchObject({ title: 'Remove books', description: 'Removed books and its routes.' });
    expect(changedModel(plan).resources.map((resource) => resource.plural)).toEqual(['authors']);
  });

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
    expect(changedModel(plan).resources[1]?.fields.at(-1)).toEqual({ name, type, required: false });
  });

  it('removes fields', () => {
    const plan = planIteration(BOOKSTORE, { kind: 'remove-fields', resource: 'authors', fields: ['bio'] });
    expect(changedModel(plan).resources[0]?.fields.map((field) => field.name)).toEqual(['name']);
  });

  const refusals: Array<[ChangeIntent, string]> = [
    [{ kind: 'add-resources', resources: ['books'], ignored: [] }, 'The API already has books, so nothing changed.'],
    [{ kind: 'add-resources', resources: ['reviews'], ignored: [], relatedTo: 'movies' }, 'The API has no movies resource. Its resources are authors and books.'],
    [{ kind: 'add-resources', resources: [], ignored: ['authentication'] }, 'The offline generator does not build authentication'],
    [{ kind: 'add-resources', resources: ['health'], ignored: [] }, '/health is a route every generated API has'],
    [{ kind: 'remove-resources', resources: ['movies'] }, 'The API has no movies resource.'],
    [{ kind: 'add-fields', resource: 'books', fields: [{ name: 'title', required: false }] }, 'Books already has title, so nothing changed.'],
    [{ kind: 'add-fields', resource: 'books', fields: [{ name: 'id', required: false }] }, 'id cannot be used as a field name'],
    [{ kind: 'add-fields', resource: 'movies', fields: [{ name: 'price', required: false }] }, 'The API has no movies resource.'],
    [{ kind: 'remove-fields', resource: 'books', fields: ['price'] }, 'Books has no price field. Its fields are title and year'],
  ];
  it.each(refusals)('refuses %j', (intent, message) => {
    const plan = planIteration(BOOKSTORE, intent);
    expect(plan.kind).toBe('refusal');
    expect(plan.kind === 'refusal' ? plan.message : '').toContain(message);
  });
});
