import { describe, expect, it } from 'vitest';
import { OMITTED_KEY, SCHEMA_NAME_KEY } from '@/types/api-description';
import { createCopyBudget, expandedSize, toJsonSafe } from './bounded-json';

function recursiveNode() {
  const node: Record<string, unknown> = { type: 'object' };
  node.properties = { children: { type: 'array', items: node } };
  return node;
}

describe('toJsonSafe', () => {
  it('cuts recursion where an object would contain itself, naming it', () => {
    const node = recursiveNode();
    const copy = toJsonSafe({ root: node }, { maxValues: 100, budget: createCopyBudget(100), refNames: new Map([[node, '#/components/schemas/Node']]) });
    expect(copy).toEqual({
      cut: false,
      value: { root: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } },
    });
  });

  it('names objects a $ref pointed at when asked to', () => {
    const author = { type: 'object' };
    const refNames = new Map([[author, '#/components/schemas/Author']]);
    const value = { type: 'array', items: author };
    expect(toJsonSafe(value, { maxValues: 100, budget: createCopyBudget(100), refNames, nameSchemas: true }).value).toEqual({
      type: 'array',
      items: { type: 'object', [SCHEMA_NAME_KEY]: 'Author' },
    });
    expect(toJsonSafe(value, { maxValues: 100, budget: createCopyBudget(100), refNames }).value).toEqual(value);
  });

  it('expands shared objects at each use, up to its limit and the shared budget', () => {
    const shared = { type: 'string' };
    const budget = createCopyBudget(1_000);
    const copy = toJsonSafe({ a: shared, b: shared, c: shared }, { maxValues: 5, budget, refNames: new Map() });
    expect(copy.value).toEqual({ a: { type: 'string' }, b: { type: 'string' }, c: { [OMITTED_KEY]: true } });
    expect(copy.cut).toBe(true);
    expect(budget).toEqual({ remaining: 995, cut: true });
    expect(toJsonSafe({ a: 1 }, { maxValues: 100, budget: createCopyBudget(1), refNames: new Map() }).value).toEqual({ a: { [OMITTED_KEY]: true } });
  });
});

describe('expandedSize', () => {
  it('counts every value of the expanded JSON, stopping at the limit', () => {
    const shared = { x: 1, y: [2, 3] };
    expect(expandedSize({ a: shared, b: shared }, 100)).toBe(11);
    expect(expandedSize(recursiveNode(), 100)).toBe(6);
    let level: unknown = 'leaf';
    for (let index = 0; index < 40; index += 1) level = { a: level, b: level };
    expect(expandedSize(level, 10_000)).toBe(10_000);
  });
});
