import { describe, expect, it } from 'vitest';
import { planFirstVersion } from './plan-first-version';
import type { CreateIntent } from '../understand/prompt-intents';

function intent(extra: Partial<CreateIntent>): CreateIntent {
  return { title: 'T', resources: [], fields: {}, relations: [], features: [], unsupported: [], unclear: [], ...extra };
}

describe('planFirstVersion', () => {
  it('gives each resource both forms and its default fields', () => {
    expect(planFirstVersion(intent({ title: 'Bookstore API', resources: ['authors', 'books'] }))).toEqual({
      schema: {
        title: 'Bookstore API',
        features: [],
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
      },
      notes: [],
    });
  });

  it('gives an unknown resource a required name, and drops repeats and reserved routes with a note', () => {
    const { schema, notes } = planFirstVersion(intent({ resources: ['gadgets', 'gadget', 'health', 'auth'] }));
    expect(schema.resources).toEqual([{ plural: 'gadgets', singular: 'gadget', fields: [{ name: 'name', type: 'string', required: true }] }]);
    expect(notes).toEqual(['Left out /health and /auth: every generated API has such a route already.']);
  });

  it('types the fields the prompt gave, required where it said so or the catalog has them required', () => {
    const { schema } = planFirstVersion(
      intent({
        resources: ['books'],
        fields: {
          books: [
            { name: 'title', required: false },
            { name: 'price', required: false },
            { name: 'publishedDate', required: true },
            { name: 'pages', required: false, type: 'string' },
          ],
        },
      }),
    );
    expect(schema.resources[0]?.fields).toEqual([
      { name: 'title', type: 'string', required: true },
      { name: 'price', type: 'number', required: false },
      { name: 'publishedDate', type: 'date', required: true },
      { name: 'pages', type: 'string', required: false },
    ]);
  });

  it('relates resources, putting the relation field first', () => {
    const { schema } = planFirstVersion(intent({ resources: ['authors', 'books'], relations: [{ child: 'books', parent: 'authors' }] }));
    expect(schema.resources[1]?.fields[0]).toEqual({ name: 'authorId', type: 'string', required: true, references: 'authors' });
  });

  it('puts the relation fields of one resource in the order the prompt asked for them', () => {
    const relations = [
      { child: 'lessons', parent: 'styles' },
      { child: 'lessons', parent: 'instructors' },
    ];
    const { schema } = planFirstVersion(intent({ resources: ['styles', 'instructors', 'lessons'], relations }));
    expect(schema.resources[2]?.fields.map((field) => field.name)).toEqual(['styleId', 'instructorId', 'name']);
  });

  it("turns the catalog's id fields into relations when the resource they name is there", () => {
    const { schema } = planFirstVersion(intent({ resources: ['books', 'loans'] }));
    expect(schema.resources[1]?.fields).toEqual([
      { name: 'bookId', type: 'string', required: true, references: 'books' },
      { name: 'memberId', type: 'string', required: true },
      { name: 'dueDate', type: 'date', required: false },
    ]);
  });

  it('leaves out a relation that would loop, and says why', () => {
    const { schema, notes } = planFirstVersion(
      intent({
        resources: ['authors', 'books'],
        relations: [
          { child: 'books', parent: 'authors' },
          { child: 'authors', parent: 'books' },
        ],
      }),
    );
    expect(schema.resources[0]?.fields.map((field) => field.name)).toEqual(['name', 'bio']);
    expect(notes).toEqual(['Books already lead to authors, so authors cannot also belong to books: neither could be created first.']);
  });

  it('keeps the features in their fixed order', () => {
    expect(planFirstVersion(intent({ resources: ['books'], features: ['tests', 'auth'] })).schema.features).toEqual(['auth', 'tests']);
  });
});
