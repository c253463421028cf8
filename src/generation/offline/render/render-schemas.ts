// One resource's schema module of a generated API (src/models/<plural>.ts): the zod schema of what a
// client sends, and the store its items live in. Route modules import these, including those of
// related resources, which is why they are not private to the resource's routes.
import type { FieldSchema, ResourceSchema } from '../schema/api-schema';
import { capitalize, withArticle } from '../inflect';

export function schemaFilePath(resource: ResourceSchema): string {
  return `src/models/${resource.plural}.ts`;
}

/** The identifiers a resource's schema module exports: books → bookInput, BookInput, bookStore. */
export function schemaNames(resource: ResourceSchema) {
  return { schema: `${resource.singular}Input`, inputType: `${capitalize(resource.singular)}Input`, store: `${resource.singular}Store` };
}

function zodExpression(field: FieldSchema): string {
  // A relation id is never empty, even when the relation is optional.
  const nonEmpty = field.required || field.references !== undefined;
  const base = {
    string: nonEmpty ? 'z.string().min(1)' : 'z.string()',
    number: 'z.number()',
    boolean: 'z.boolean()',
    date: 'z.iso.date()',
    datetime: 'z.iso.datetime({ offset: true })',
  }[field.type];
  return field.required ? base : `${base}.optional()`;
}

function fieldComment(field: FieldSchema): string {
  return field.references === undefined ? '' : `  /** The id of one of the ${field.references}; it must exist. */\n`;
}

export function renderSchemaModule(resource: ResourceSchema): string {
  const names = schemaNames(resource);
  const fields = resource.fields.map((field) => `${fieldComment(field)}  ${field.name}: ${zodExpression(field)},\n`).join('');
  return `// ${capitalize(resource.plural)}: what a client may send, and where items are kept. They live in memory, so
// they reset when the server restarts.
import { z } from 'zod';
import { MemoryStore } from '../lib/memory-store.js';

/** What a client sends to create or replace ${withArticle(resource.singular)}. Unknown fields are refused. */
export const ${names.schema} = z.strictObject({
${fields}});

export type ${names.inputType} = z.infer<typeof ${names.schema}>;

export const ${names.store} = new MemoryStore<${names.inputType}>();
`;
}
