// Parts of the API schema in words, for plans and chat summaries.
import type { FieldSchema, ResourceSchema } from './api-schema';
import { withArticle } from '../inflect';
import type { Relation } from './schema-relations';

/** ["a", "b", "c"] → "a, b and c". */
export function listWords(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}

/** "price (number, required)"; "authorId (id of an author, required)". */
export function describeField(field: FieldSchema): string {
  const type = field.references === undefined ? field.type : `id of one of ${field.references}`;
  return `${field.name} (${type}${field.required ? ', required' : ''})`;
}

/** "books with title (string, required) and year (number)". */
export function describeResource(resource: ResourceSchema): string {
  return resource.fields.length > 0 ? `${resource.plural} with ${listWords(resource.fields.map(describeField))}` : `${resource.plural} (no fields)`;
}

/** "books belong to authors: authorId must name an existing author, and GET /authors/:id/books lists an author's books". */
export function describeRelation({ child, field, parent }: Relation): string {
  return (
    `${child.plural} belong to ${parent.plural}: ${field.name} must name an existing ${parent.singular}, ` +
    `and GET /${parent.plural}/:id/${child.plural} lists ${withArticle(parent.singular)}'s ${child.plural}`
  );
}
