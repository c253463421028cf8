// Nouns of a first prompt that look like resources but are not among the resources it builds ("I
// did not make a "ratings" resource"), so the answer names them instead of leaving them out quietly.
// Pure.
import { looksPlural, singularize } from '../inflect';
import type { FieldRequest } from './prompt-intents';
import type { Token } from './prompt-text';
import { PLURAL_DETERMINERS } from './prompt-words';
import { inferFieldType, isKnownResource, resourceForms } from './resource-catalog';
import { canNameResource } from './resource-nouns';

/**
 * Plural nouns the prompt uses that are not built as resources, as plurals, in prompt order: a
 * resource the catalog knows ("users can leave comments"), a field named like a collection ("recipes
 * have ratings"; not a count such as "pages"), or a noun counted out ("many ratings", "3 tiers").
 */
export function nounsLeftOut(tokens: readonly Token[], resources: readonly string[], fields: Record<string, FieldRequest[]>): string[] {
  const fieldRequests = Object.values(fields).flat();
  const left: string[] = [];
  tokens.forEach((word, at) => {
    if (!looksPlural(word) || !canNameResource(word)) return;
    const { plural } = resourceForms(word);
    if (resources.includes(plural) || left.includes(plural)) return;
    const asFields = fieldRequests.filter((field) => field.name === word);
    // A count ("pages") or a word the same in both forms ("species") is one value, not a collection.
    const oneValue = singularize(word) === word || asFields.some((field) => (field.type ?? inferFieldType(field.name)) !== 'string');
    if (asFields.length > 0 && oneValue) return;
    const before = tokens[at - 1] ?? '';
    const counted = PLURAL_DETERMINERS.has(before) || /^\d+$/.test(before);
    if (isKnownResource(word) || asFields.length > 0 || counted) left.push(plural);
  });
  return left;
}
