// Flattens a dereferenced schema into the rows of a fields table: one row per property, nested ones
// indented under their parent. View code only: bounded in depth and rows, and recursion (a `$ref` the
// server left in place) is shown by name instead of followed.
import { MISSING_REF_KEY, OMITTED_KEY, SCHEMA_NAME_KEY, type JsonSchema } from '@/types/api-description';

export interface SchemaRow {
  /** The property's name; '' for a schema that is not an object with properties. */
  name: string;
  /** "string (uuid)", "array of Author", "integer | null", "circular: Node". */
  type: string;
  required: boolean;
  description: string | null;
  /** "one of: a, b", "default: 20", "read-only", joined with " · "; '' when none. */
  details: string;
  /** 0 for the schema's own properties. */
  depth: number;
}

export const MAX_SCHEMA_DEPTH = 6;
const MAX_ROWS = 200;

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refName(ref: unknown): string {
  return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) || ref : 'unknown';
}

function schemaName(schema: Schema): string | null {
  const name = schema[SCHEMA_NAME_KEY] ?? schema.title;
  return typeof name === 'string' && name !== '' ? name : null;
}

/** The object-like parts of an allOf, flattened, so their properties show as one list. */
function allOfParts(schema: Schema, depth = 0): Schema[] {
  const parts = Array.isArray(schema.allOf) ? schema.allOf.filter(isSchema) : [];
  if (depth > MAX_SCHEMA_DEPTH) return [schema];
  return [schema, ...parts.flatMap((part) => allOfParts(part, depth + 1))];
}

function properties(schema: Schema): { entries: Array<[string, unknown]>; required: Set<string> } {
  const entries = new Map<string, unknown>();
  const required = new Set<string>();
  for (const part of allOfParts(schema)) {
    if (isSchema(part.properties)) for (const [name, value] of Object.entries(part.properties)) entries.set(name, value);
    if (Array.isArray(part.required)) for (const name of part.required) if (typeof name === 'string') required.add(name);
  }
  return { entries: [...entries], required };
}

export function typeText(schema: unknown, depth = 0): string {
  if (schema === true || (isSchema(schema) && Object.keys(schema).length === 0)) return 'any';
  if (!isSchema(schema)) return 'unknown';
  if (schema.$ref !== undefined) return `circular: ${refName(schema.$ref)}`;
  if (schema[MISSING_REF_KEY] !== undefined) return `missing: ${refName(schema[MISSING_REF_KEY])}`;
  if (schema[OMITTED_KEY] !== undefined) return 'not shown (too large)';
  if (schema.const !== undefined) return `const ${JSON.stringify(schema.const)}`;
  const choices = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : null;
  if (choices && depth < MAX_SCHEMA_DEPTH) return schemaName(schema) ?? choices.map((choice) => typeText(choice, depth + 1)).join(' | ');

  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((type): type is string => typeof type === 'string');
  if (schema.nullable === true && !types.includes('null')) types.push('null');
  const main = types.find((type) => type !== 'null') ?? (properties(schema).entries.length > 0 || schema.allOf ? 'object' : undefined);
  let text: string;
  if (main === 'array') {
    text = depth < MAX_SCHEMA_DEPTH && schema.items !== undefined ? `array of ${typeText(schema.items, depth + 1)}` : 'array';
  } else if (main === 'object') {
    text = schemaName(schema) ?? 'object';
  } else {
    text = main ?? schemaName(schema) ?? 'any';
    if (typeof schema.format === 'string') text += ` (${schema.format})`;
  }
  return types.includes('null') ? `${text} | null` : text;
}

function detailsText(schema: unknown): string {
  if (!isSchema(schema)) return '';
  const details: string[] = [];
  if (Array.isArray(schema.enum)) details.push(`one of: ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`);
  if (schema.default !== undefined) details.push(`default: ${JSON.stringify(schema.default)}`);
  if (typeof schema.minimum === 'number') details.push(`min ${schema.minimum}`);
  if (typeof schema.maximum === 'number') details.push(`max ${schema.maximum}`);
  if (typeof schema.minLength === 'number' && schema.minLength > 0) details.push(`min length ${schema.minLength}`);
  if (typeof schema.maxLength === 'number') details.push(`max length ${schema.maxLength}`);
  if (typeof schema.pattern === 'string') details.push(`pattern ${schema.pattern}`);
  if (schema.readOnly === true) details.push('read-only');
  if (schema.writeOnly === true) details.push('write-only');
  if (schema.deprecated === true) details.push('deprecated');
  return details.join(' · ');
}

/** The object whose properties nest under a row: the schema itself, or an array's items. */
function nestedObject(schema: unknown): Schema | null {
  if (!isSchema(schema) || schema.$ref !== undefined) return null;
  if (properties(schema).entries.length > 0) return schema;
  return schema.type === 'array' || schema.items !== undefined ? nestedObject(schema.items) : null;
}

function row(name: string, schema: unknown, required: boolean, depth: number): SchemaRow {
  const description = isSchema(schema) && typeof schema.description === 'string' ? schema.description : null;
  return { name, type: typeText(schema), required, description, details: detailsText(schema), depth };
}

/** The rows of a schema: its properties when it is an object, else one row for the whole value. */
export function schemaRows(schema: JsonSchema | null): SchemaRow[] {
  if (schema === null) return [];
  const rows: SchemaRow[] = [];
  const addProperties = (object: Schema, depth: number) => {
    const { entries, required } = properties(object);
    for (const [name, property] of entries) {
      if (rows.length >= MAX_ROWS) return;
      rows.push(row(name, property, required.has(name), depth));
      const nested = nestedObject(property);
      if (nested && depth + 1 < MAX_SCHEMA_DEPTH) addProperties(nested, depth + 1);
    }
  };
  const root = nestedObject(schema);
  if (root && root === schema) {
    addProperties(root, 0);
    return rows;
  }
  rows.push(row('', schema, false, 0));
  if (root) addProperties(root, 1);
  return rows;
}
