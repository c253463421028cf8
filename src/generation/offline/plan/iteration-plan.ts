// What planning a change gives, and the schema look-ups every planner shares. A plan is either the
// next schema, with words for the version card and the chat, or a refusal a person can act on.
import { isValidFieldName, type ApiSchema, type FieldSchema, type ResourceSchema } from '../schema/api-schema';
import { listWords } from '../schema/describe-schema';
import type { FieldRequest } from '../understand/prompt-intents';
import { inferFieldType, resourceForms } from '../understand/resource-catalog';

export type IterationPlan =
  | {
      kind: 'change';
      schema: ApiSchema;
      /** A few words for the plan and the version card: "Add reviews". */
      title: string;
      /** What changed, in sentences, for the chat summary. */
      description: string;
    }
  | { kind: 'refusal'; message: string };

export function refusal(message: string): IterationPlan {
  return { kind: 'refusal', message };
}

/** Resource names whose routes would clash with routes a generated API has (/health, /auth/token). */
const RESERVED_RESOURCES = new Set(['health', 'auth']);

export function isReserved(forms: { plural: string; singular: string }): boolean {
  return RESERVED_RESOURCES.has(forms.plural) || RESERVED_RESOURCES.has(forms.singular);
}

export function findResource(schema: ApiSchema, word: string): ResourceSchema | undefined {
  const { plural } = resourceForms(word);
  return schema.resources.find((resource) => resource.plural === word || resource.singular === word || resource.plural === plural);
}

export function noSuchResource(schema: ApiSchema, word: string): IterationPlan {
  const existing = schema.resources.map((resource) => resource.plural);
  const has = existing.length > 0 ? `Its resources are ${listWords(existing)}.` : 'It has no resources yet.';
  return refusal(`The API has no ${word} resource. ${has}`);
}

export function replaceResource(schema: ApiSchema, resource: ResourceSchema, next: ResourceSchema): ApiSchema {
  return { ...schema, resources: schema.resources.map((candidate) => (candidate === resource ? next : candidate)) };
}

export function toField(request: FieldRequest): FieldSchema {
  return { name: request.name, type: request.type ?? inferFieldType(request.name), required: request.required };
}

/** Why these field names cannot be used, or null when they can. */
export function invalidFieldNames(names: string[]): string | null {
  const invalid = names.filter((name) => !isValidFieldName(name));
  if (invalid.length === 0) return null;
  return `${listWords(invalid)} cannot be used as a field name: id, createdAt and updatedAt are set by the API, and names are short camelCase words.`;
}
