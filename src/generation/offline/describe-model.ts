// Model parts in words, for plans and chat summaries.
import type { FieldModel, ResourceModel } from './api-model';

/** ["a", "b", "c"] → "a, b and c". */
export function listWords(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}

/** "price (number, required)". */
export function describeField(field: FieldModel): string {
  return `${field.name} (${field.type}${field.required ? ', required' : ''})`;
}

/** "books with title (string, required) and year (number)". */
export function describeResource(resource: ResourceModel): string {
  return resource.fields.length > 0 ? `${resource.plural} with ${listWords(resource.fields.map(describeField))}` : `${resource.plural} (no fields)`;
}
