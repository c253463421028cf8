import { describe, expect, it } from 'vitest';
import { MISSING_REF_KEY, OMITTED_KEY, SCHEMA_NAME_KEY, type JsonSchema } from '@/types/api-description';
import { MAX_SCHEMA_DEPTH, schemaRows, typeText } from './schema-rows';

const author: JsonSchema = {
  [SCHEMA_NAME_KEY]: 'Author',
  allOf: [
    { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, description: 'Full name' }, bio: { type: 'string' } } },
    { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid', readOnly: true } } },
  ],
};

describe('typeText', () => {
  it.each([
    [{ type: 'string', format: 'uuid' }, 'string (uuid)'],
    [{ type: ['integer', 'null'] }, 'integer | null'],
    [{ type: 'string', nullable: true }, 'string | null'],
    [{ type: 'array', items: author }, 'array of Author'],
    [{ type: 'array', items: { type: 'array', items: { type: 'number' } } }, 'array of array of number'],
    [{ oneOf: [{ type: 'string' }, { type: 'integer' }] }, 'string | integer'],
    [{ const: 'ok' }, 'const "ok"'],
    [{}, 'any'],
    [{ $ref: '#/components/schemas/Node' }, 'circular: Node'],
    [{ [MISSING_REF_KEY]: '#/components/schemas/Gone' }, 'missing: Gone'],
    [{ [OMITTED_KEY]: true }, 'not shown (too large)'],
  ])('%j reads as %s', (schema, text) => {
    expect(typeText(schema)).toBe(text);
  });
});

describe('schemaRows', () => {
  it('lists the properties of every allOf part, with their required flags and details', () => {
    expect(schemaRows(author)).toEqual([
      { name: 'name', type: 'string', required: true, description: 'Full name', details: 'min length 1', depth: 0 },
      { name: 'bio', type: 'string', required: false, description: null, details: '', depth: 0 },
      { name: 'id', type: 'string (uuid)', required: true, description: null, details: 'read-only', depth: 0 },
    ]);
  });

  it('shows an array as one row with its items’ fields under it', () => {
    const rows = schemaRows({ type: 'array', items: author });
    expect(rows.map(({ name, type, depth }) => [name, type, depth])).toEqual([
      ['', 'array of Author', 0],
      ['name', 'string', 1],
      ['bio', 'string', 1],
      ['id', 'string (uuid)', 1],
    ]);
  });

  it('nests object and array-of-object properties, and names recursion instead of following it', () => {
    const node: JsonSchema = {
      type: 'object',
      properties: {
        label: { type: 'string', enum: ['a', 'b'], default: 'a' },
        children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
        meta: { type: 'object', properties: { tags: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' } } } } } },
      },
    };
    expect(schemaRows(node).map(({ name, type, details, depth }) => [name, type, details, depth])).toEqual([
      ['label', 'string', 'one of: "a", "b" · default: "a"', 0],
      ['children', 'array of circular: Node', '', 0],
      ['meta', 'object', '', 0],
      ['tags', 'array of object', '', 1],
      ['key', 'string', '', 2],
    ]);
  });

  it('stops nesting at the depth limit', () => {
    let schema: JsonSchema = { type: 'string' };
    for (let level = 0; level < 20; level += 1) schema = { type: 'object', properties: { [`level${level}`]: schema } };
    const rows = schemaRows(schema);
    expect(rows).toHaveLength(MAX_SCHEMA_DEPTH);
    expect(Math.max(...rows.map((row) => row.depth))).toBe(MAX_SCHEMA_DEPTH - 1);
  });

  it('gives one row for a schema that is not an object, and none for no schema', () => {
    expect(schemaRows({ type: 'string', description: 'Plain text' })).toEqual([
      { name: '', type: 'string', required: false, description: 'Plain text', details: '', depth: 0 },
    ]);
    expect(schemaRows(null)).toEqual([]);
  });
});
