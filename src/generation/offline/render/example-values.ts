// Values that pass a field's validation, for the docs and the generated tests. Two variants, so a
// test can change a field to a value it did not have.
import type { FieldSchema, ResourceSchema } from '../schema/api-schema';

export function exampleValue(field: FieldSchema, variant: 0 | 1 = 0): string | number | boolean {
  switch (field.type) {
    case 'string':
      if (/email/i.test(field.name)) return variant === 0 ? 'ada@example.com' : 'grace@example.com';
      if (/(url|website)$/i.test(field.name)) return variant === 0 ? 'https://example.com' : 'https://example.org';
      return `${variant === 0 ? 'Example' : 'Changed'} ${field.name}`;
    case 'number':
      return variant === 0 ? 1 : 2;
    case 'boolean':
      return variant === 0;
    case 'date':
      return variant === 0 ? '2025-01-31' : '2025-02-28';
    case 'datetime':
      return variant === 0 ? '2025-01-31T09:00:00Z' : '2025-02-28T17:30:00Z';
  }
}

/** A create body with the required fields only. Relation ids are placeholders: they must name real items. */
export function exampleInput(resource: ResourceSchema): Record<string, unknown> {
  return Object.fromEntries(resource.fields.filter((field) => field.required).map((field) => [field.name, exampleValue(field)]));
}
