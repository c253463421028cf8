// The first version's schema from a CreateIntent. Pure. What it leaves out (a reserved name, a
// relation that would loop) it says in notes for the summary rather than failing the version.
import { FEATURES, type ApiSchema, type FieldSchema, type ResourceSchema } from '../schema/api-schema';
import { listWords } from '../schema/describe-schema';
import { invalidFieldNames, isReserved, toField } from './iteration-plan';
import { relationFieldName } from '../schema/schema-relations';
import { linkResources } from './plan-relations';
import type { CreateIntent, FieldRequest } from '../understand/prompt-intents';
import { defaultFields, resourceForms } from '../understand/resource-catalog';

export interface FirstVersionPlan {
  schema: ApiSchema;
  notes: string[];
}

/** The prompt's fields, required where it said so or where the catalog has them required ("title" of books). */
function requestedFields(plural: string, requests: FieldRequest[], notes: string[]): FieldSchema[] {
  const problem = invalidFieldNames(requests.map((request) => request.name));
  if (problem) notes.push(`Left out: ${problem}`);
  const requiredByDefault = new Set(defaultFields(plural).filter((field) => field.required).map((field) => field.name));
  return requests
    .filter((request) => invalidFieldNames([request.name]) === null)
    .map((request) => toField({ ...request, required: request.required || requiredByDefault.has(request.name) }));
}

function byWord(resources: ResourceSchema[], word: string): ResourceSchema | undefined {
  const { plural } = resourceForms(word);
  return resources.find((resource) => resource.plural === plural);
}

/** Catalog fields that already hold another resource's id (loans have bookId) become relations. */
function impliedRelations(schema: ApiSchema): Array<{ child: string; parent: string }> {
  return schema.resources.flatMap((child) =>
    schema.resources
      .filter((parent) => child.fields.some((field) => field.name === relationFieldName(parent)))
      .map((parent) => ({ child: child.plural, parent: parent.plural })),
  );
}

export function planFirstVersion(intent: CreateIntent): FirstVersionPlan {
  const notes: string[] = [];
  const resources: ResourceSchema[] = [];
  const reserved: string[] = [];
  for (const word of intent.resources) {
    const forms = resourceForms(word);
    if (isReserved(forms)) reserved.push(`/${word}`);
    if (isReserved(forms) || byWord(resources, word)) continue;
    const requests = intent.fields[forms.plural];
    resources.push({ ...forms, fields: requests ? requestedFields(forms.plural, requests, notes) : defaultFields(forms.plural) });
  }
  if (reserved.length > 0) notes.push(`Left out ${listWords(reserved)}: every generated API has such a route already.`);

  let schema: ApiSchema = { title: intent.title, resources, features: FEATURES.filter((feature) => intent.features.includes(feature)) };
  for (const request of [...impliedRelations(schema), ...intent.relations]) {
    const child = byWord(schema.resources, request.child);
    const parent = byWord(schema.resources, request.parent);
    if (!child || !parent) continue;
    const linked = linkResources(schema, child, parent);
    if (linked.kind === 'linked') schema = linked.schema;
    // Saying a relation twice is not worth a note; a relation that cannot be made is.
    if (linked.kind === 'problem') notes.push(linked.message);
  }
  return { schema, notes };
}
