// Flattens a dereferenced JSON Schema into the fields a client sees, one entry per path ("author.name",
// "items[].title"; '' is the body itself), so two versions' bodies can be compared field by field.
// Pure. See api-diff.ts for how the entries are compared.
import { MISSING_REF_KEY } from '@/types/api-description';
import { isRecord } from './document-location';

/** Deeper fields are left out: generated APIs nest far less, and recursive schemas would never end. */
export const MAX_FIELD_DEPTH = 6;
/** Fields listed per body at most, so a wide schema shared by many routes stays quick to compare. */
export const MAX_FIELDS = 2_000;

export interface SchemaField {
  /** Parent's path; null for the body itself. */
  parent: string | null;
  /** The JSON types it may have, sorted, 'null' included when nullable; empty when it says nothing (any). */
  types: string[];
  /** The allowed values (JSON text, sorted) when it is an enum or const; null when any value of its types. */
  values: string[] | null;
  required: boolean;
  /** An object that forbids properties it does not list (`additionalProperties: false`). */
  closed: boolean;
}

const JSON_TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];

/** allOf parts merged into one schema: properties and required joined, the first type and enum kept. */
function mergeAllOf(schema: Record<string, unknown>, seen: Set<object>): Record<string, unknown> {
  if (!Array.isArray(schema.allOf)) return schema;
  const merged: Record<string, unknown> = { ...schema, allOf: undefined };
  const properties: Record<string, unknown> = isRecord(schema.properties) ? { ...schema.properties } : {};
  const required = new Set<unknown>(Array.isArray(schema.required) ? schema.required : []);
  for (const part of schema.allOf) {
    if (!isRecord(part) || seen.has(part)) continue;
    const flat = mergeAllOf(part, new Set([...seen, part]));
    if (isRecord(flat.properties)) Object.assign(properties, flat.properties);
    if (Array.isArray(flat.required)) for (const name of flat.required) required.add(name);
    for (const key of ['type', 'enum', 'const', 'items', 'nullable', 'additionalProperties'] as const) {
      if (merged[key] === undefined && flat[key] !== undefined) merged[key] = flat[key];
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function typesOf(schema: Record<string, unknown>): string[] {
  const types = new Set<string>();
  const declared = Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const type of declared) if (typeof type === 'string' && JSON_TYPES.includes(type)) types.add(type);
  if (types.size === 0) {
    if (isRecord(schema.properties)) types.add('object');
    else if (schema.items !== undefined) types.add('array');
  }
  // oneOf / anyOf: any of their branches' types.
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) if (isRecord(branch)) for (const type of typesOf(branch)) types.add(type);
  }
  const values = valuesOf(schema);
  if (types.size === 0 && values) for (const value of values) types.add(jsonTypeOf(JSON.parse(value)));
  if (schema.nullable === true) types.add('null'); // OpenAPI 3.0
  return [...types].sort();
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function valuesOf(schema: Record<string, unknown>): string[] | null {
  if (schema.const !== undefined) return [JSON.stringify(schema.const)];
  if (!Array.isArray(schema.enum)) return null;
  return [...new Set(schema.enum.map((value) => JSON.stringify(value)))].sort();
}

/** Every field of `schema`, the body itself included under ''. `required` says whether the body must be there. */
export function schemaFields(schema: unknown, required: boolean): Map<string, SchemaField> {
  const fields = new Map<string, SchemaField>();
  visit(fields, schema, '', null, required, 0, new Set());
  return fields;
}

function visit(
  fields: Map<string, SchemaField>,
  raw: unknown,
  path: string,
  parent: string | null,
  required: boolean,
  depth: number,
  ancestors: Set<object>,
): void {
  if (fields.size >= MAX_FIELDS) return;
  if (!isRecord(raw)) {
    fields.set(path, { parent, types: [], values: null, required, closed: false });
    return;
  }
  const schema = mergeAllOf(raw, new Set([raw]));
  const unknown = typeof schema[MISSING_REF_KEY] === 'string';
  fields.set(path, {
    parent,
    types: unknown ? [] : typesOf(schema),
    values: valuesOf(schema),
    required,
    closed: schema.additionalProperties === false,
  });
  // A schema inside itself (recursion) is listed once, not followed again.
  if (depth >= MAX_FIELD_DEPTH || ancestors.has(raw)) return;
  const inside = new Set([...ancestors, raw]);
  if (isRecord(schema.properties)) {
    const requiredNames = Array.isArray(schema.required) ? schema.required : [];
    for (const [name, property] of Object.entries(schema.properties)) {
      const childPath = path === '' ? name : `${path}.${name}`;
      visit(fields, property, childPath, path, requiredNames.includes(name), depth + 1, inside);
    }
  }
  if (isRecord(schema.items)) visit(fields, schema.items, `${path}[]`, path, true, depth + 1, inside);
}
