// The bodies a behaviour round sends besides the sampled one: with real ids of the resources it
// refers to, with one field changed (update), and with one field of the wrong type (bad body).
// Pure: decided from the sampled body and its JSON Schema.
import type { JsonSchema } from '@/types/api-description';
import { isRecord } from './json-match';

/** The sampled body with each reference field set to the id of the item created for it; `missing` names one that was not created. */
export function withReferences(
  body: Record<string, unknown>,
  references: ReadonlyArray<{ field: string; resource: string }>,
  createdIds: ReadonlyMap<string, unknown>,
): { body: Record<string, unknown> } | { missing: string } {
  const filled = { ...body };
  for (const { field, resource } of references) {
    if (!createdIds.has(resource)) return { missing: resource };
    filled[field] = createdIds.get(resource);
  }
  return { body: filled };
}

function propertySchema(schema: JsonSchema | null, field: string): JsonSchema | null {
  const properties = schema?.properties;
  const property = isRecord(properties) ? properties[field] : undefined;
  return isRecord(property) ? property : null;
}

/** "string" for `{ type: "string" }` and for OpenAPI 3.1's `{ type: ["string", "null"] }`. */
function typeOf(property: JsonSchema | null, value: unknown): string {
  const declared = property?.type;
  const named = Array.isArray(declared) ? declared.find((type) => type !== 'null') : declared;
  if (typeof named === 'string') return named;
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

/** A field is only changed when any value of its type is allowed: no enum, pattern, format or const to break. */
function freelyChangeable(property: JsonSchema | null): boolean {
  return !property || !['enum', 'pattern', 'format', 'const', 'maximum', 'exclusiveMaximum', 'multipleOf', 'maxLength'].some((key) => key in property);
}

/**
 * The field the update step changes and its new value: a plain string gets " (changed)" added, a
 * number goes up by one, a boolean flips. Reference fields and `id` are never changed.
 */
export function changeForUpdate(
  body: Record<string, unknown>,
  schema: JsonSchema | null,
  referenceFields: ReadonlySet<string>,
): { field: string; value: unknown } | null {
  const candidates = Object.entries(body).filter(([field]) => field !== 'id' && !referenceFields.has(field) && freelyChangeable(propertySchema(schema, field)));
  for (const kind of ['string', 'number', 'integer', 'boolean']) {
    for (const [field, value] of candidates) {
      if (typeOf(propertySchema(schema, field), value) !== kind) continue;
      if (kind === 'string' && typeof value === 'string') return { field, value: `${value} (changed)` };
      if ((kind === 'number' || kind === 'integer') && typeof value === 'number') return { field, value: value + 1 };
      if (kind === 'boolean' && typeof value === 'boolean') return { field, value: !value };
    }
  }
  return null;
}

const WRONG_VALUES: Record<string, unknown> = {
  string: 12345,
  number: 'not a number',
  integer: 'not a number',
  boolean: 'not a boolean',
  array: 'not a list',
  object: 'not an object',
};

/**
 * The sampled body with one field of the wrong type, a required one when the schema has any: an API
 * that validates its input answers 400 (or 422). Null when the schema says nothing a body could break.
 */
export function invalidBody(body: Record<string, unknown>, schema: JsonSchema | null): { body: Record<string, unknown>; field: string; value: unknown } | null {
  const required = Array.isArray(schema?.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
  const declared = isRecord(schema?.properties) ? Object.keys(schema.properties) : [];
  for (const field of [...required, ...declared]) {
    const type = typeOf(propertySchema(schema, field), body[field]);
    const wrong = WRONG_VALUES[type];
    if (wrong === undefined || !propertySchema(schema, field)?.type) continue;
    return { body: { ...body, [field]: wrong }, field, value: wrong };
  }
  return null;
}
