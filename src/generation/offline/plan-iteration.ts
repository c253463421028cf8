// Turns an understood prompt into the next API model: the first version from a CreateIntent, later
// versions from the base model plus a ChangeIntent. Pure. When the change cannot be made (no such
// resource, nothing new), it answers with a refusal a person can act on instead of a model.
import { isValidFieldName, type ApiModel, type FieldModel, type ResourceModel } from './api-model';
import { describeField, describeResource, listWords } from './describe-model';
import { capitalize } from './inflect';
import { defaultFields, inferFieldType, resourceForms } from './resource-catalog';
import type { ChangeIntent, CreateIntent, FieldRequest } from './understand-prompt';

export type IterationPlan =
  | {
      kind: 'change';
      model: ApiModel;
      /** A few words for the plan and the version card: "Add reviews". */
      title: string;
      /** What changed, in sentences, for the chat summary. */
      description: string;
    }
  | { kind: 'refusal'; message: string };

/** Resource names whose routes would clash with routes every generated API has. */
const RESERVED_RESOURCES = new Set(['health']);

function isReserved(forms: { plural: string; singular: string }): boolean {
  return RESERVED_RESOURCES.has(forms.plural) || RESERVED_RESOURCES.has(forms.singular);
}

function findResource(model: ApiModel, word: string): ResourceModel | undefined {
  const { plural } = resourceForms(word);
  return model.resources.find((resource) => resource.plural === word || resource.singular === word || resource.plural === plural);
}

function noSuchResource(model: ApiModel, word: string): IterationPlan {
  const existing = model.resources.map((resource) => resource.plural);
  const has = existing.length > 0 ? `Its resources are ${listWords(existing)}.` : 'It has no resources yet.';
  return { kind: 'refusal', message: `The API has no ${word} resource. ${has}` };
}

function toField(request: FieldRequest): FieldModel {
  return { name: request.name, type: request.type ?? inferFieldType(request.name), required: request.required };
}

/** Why these field names cannot be used, or null when they can. */
function invalidFieldNames(names: string[]): string | null {
  const invalid = names.filter((name) => !isValidFieldName(name));
  if (invalid.length === 0) return null;
  return `${listWords(invalid)} cannot be used as a field name: id, createdAt and updatedAt are set by the API, and names are short camelCase words.`;
}

export function planFirstVersion(intent: CreateIntent): ApiModel {
  const resources: ResourceModel[] = [];
  for (const word of intent.resources) {
    const forms = resourceForms(word);
    if (isReserved(forms) || resources.some((resource) => resource.plural === forms.plural)) continue;
    resources.push({ ...forms, fields: defaultFields(forms.plural) });
  }
  return { title: intent.title, resources };
}

function addResources(base: ApiModel, intent: Extract<ChangeIntent, { kind: 'add-resources' }>): IterationPlan {
  const related = intent.relatedTo === undefined ? undefined : findResource(base, intent.relatedTo);
  if (intent.relatedTo !== undefined && !related) return noSuchResource(base, intent.relatedTo);
  const fieldProblem = intent.fields ? invalidFieldNames(intent.fields.map((field) => field.name)) : null;
  if (fieldProblem) return { kind: 'refusal', message: fieldProblem };

  const added: ResourceModel[] = [];
  const existing: string[] = [];
  for (const word of intent.resources) {
    const forms = resourceForms(word);
    if (isReserved(forms)) {
      return { kind: 'refusal', message: `/${word} is a route every generated API has, so it cannot be a resource.` };
    }
    if (findResource(base, word) || added.some((resource) => resource.plural === forms.plural)) {
      existing.push(forms.plural);
      continue;
    }
    const fields = intent.fields ? intent.fields.map(toField) : defaultFields(forms.plural);
    // "Add reviews to books": each review points at its book.
    const link = related && { name: `${related.singular}Id`, type: 'string' as const, required: true };
    if (link && !fields.some((field) => field.name === link.name)) fields.unshift(link);
    added.push({ ...forms, fields });
  }

  const notBuilt =
    intent.ignored.length > 0
      ? ` The offline generator does not build ${listWords(intent.ignored)}; connect a model (OPENAI_API_KEY) for that.`
      : '';
  if (added.length === 0) {
    const message = existing.length > 0 ? `The API already has ${listWords(existing)}, so nothing changed.${notBuilt}` : notBuilt.trim();
    return { kind: 'refusal', message };
  }
  const alreadyThere = existing.length > 0 ? ` The API already had ${listWords(existing)}.` : '';
  return {
    kind: 'change',
    model: { ...base, resources: [...base.resources, ...added] },
    title: `Add ${listWords(added.map((resource) => resource.plural))}`,
    description: `Added ${added.map(describeResource).join('; ')}.${alreadyThere}${notBuilt}`,
  };
}

function removeResources(base: ApiModel, words: string[]): IterationPlan {
  const removed: ResourceModel[] = [];
  for (const word of words) {
    const resource = findResource(base, word);
    if (!resource) return noSuchResource(base, word);
    if (!removed.includes(resource)) removed.push(resource);
  }
  const names = removed.map((resource) => resource.plural);
  return {
    kind: 'change',
    model: { ...base, resources: base.resources.filter((resource) => !removed.includes(resource)) },
    title: `Remove ${listWords(names)}`,
    description: `Removed ${listWords(names)} and ${removed.length > 1 ? 'their' : 'its'} routes.`,
  };
}

function replaceResource(model: ApiModel, resource: ResourceModel, next: ResourceModel): ApiModel {
  return { ...model, resources: model.resources.map((candidate) => (candidate === resource ? next : candidate)) };
}

function addFields(base: ApiModel, word: string, requests: FieldRequest[]): IterationPlan {
  const resource = findResource(base, word);
  if (!resource) return noSuchResource(base, word);
  const problem = invalidFieldNames(requests.map((request) => request.name));
  if (problem) return { kind: 'refusal', message: problem };
  const added = requests
    .filter((request, index) => requests.findIndex((other) => other.name === request.name) === index)
    .filter((request) => !resource.fields.some((field) => field.name === request.name))
    .map(toField);
  if (added.length === 0) {
    const names = listWords(requests.map((request) => request.name));
    return { kind: 'refusal', message: `${capitalize(resource.plural)} already has ${names}, so nothing changed.` };
  }
  return {
    kind: 'change',
    model: replaceResource(base, resource, { ...resource, fields: [...resource.fields, ...added] }),
    title: `Add ${listWords(added.map((field) => field.name))} to ${resource.plural}`,
    description: `Added ${listWords(added.map(describeField))} to ${resource.plural}.`,
  };
}

function removeFields(base: ApiModel, word: string, names: string[]): IterationPlan {
  const resource = findResource(base, word);
  if (!resource) return noSuchResource(base, word);
  const missing = names.filter((name) => !resource.fields.some((field) => field.name === name));
  if (missing.length > 0) {
    const fields = resource.fields.map((field) => field.name);
    return {
      kind: 'refusal',
      message:
        `${capitalize(resource.plural)} has no ${listWords(missing)} field. ` +
        `Its fields are ${fields.length > 0 ? listWords(fields) : 'none'}; id, createdAt and updatedAt are set by the API.`,
    };
  }
  return {
    kind: 'change',
    model: replaceResource(base, resource, { ...resource, fields: resource.fields.filter((field) => !names.includes(field.name)) }),
    title: `Remove ${listWords(names)} from ${resource.plural}`,
    description: `Removed ${listWords(names)} from ${resource.plural}.`,
  };
}

export function planIteration(base: ApiModel, intent: ChangeIntent): IterationPlan {
  switch (intent.kind) {
    case 'add-resources':
      return addResources(base, intent);
    case 'remove-resources':
      return removeResources(base, intent.resources);
    case 'add-fields':
      return addFields(base, intent.resource, intent.fields);
    case 'remove-fields':
      return removeFields(base, intent.resource, intent.fields);
  }
}
