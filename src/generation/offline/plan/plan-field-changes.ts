// Adding, removing and renaming fields of one resource of a base schema. Pure. A field named after
// another resource ("add an author to books") is a relation, so it becomes one.
import type { ApiSchema, ResourceSchema } from '../schema/api-schema';
import { describeField, describeRelation, listWords } from '../schema/describe-schema';
import { capitalize } from '../inflect';
import { findResource, invalidFieldNames, noSuchResource, refusal, replaceResource, toField, type IterationPlan } from './iteration-plan';
import { parentRelations, relationFieldName } from '../schema/schema-relations';
import { linkResources } from './plan-relations';
import type { FieldRequest } from '../understand/prompt-intents';

/** The resource a field name refers to: author, authors and authorId all name authors. */
export function namedResource(schema: ApiSchema, resource: ResourceSchema, request: FieldRequest): ResourceSchema | undefined {
  if (request.type !== undefined) return undefined;
  return schema.resources.find(
    (candidate) => candidate !== resource && [candidate.singular, candidate.plural, relationFieldName(candidate)].includes(request.name),
  );
}

export function addFields(base: ApiSchema, word: string, requests: FieldRequest[]): IterationPlan {
  const resource = findResource(base, word);
  if (!resource) return noSuchResource(base, word);
  const unique = requests.filter((request, index) => requests.findIndex((other) => other.name === request.name) === index);
  const parents = unique.flatMap((request) => namedResource(base, resource, request) ?? []);
  const plain = unique.filter((request) => !namedResource(base, resource, request));
  const problem = invalidFieldNames(plain.map((request) => request.name));
  if (problem) return refusal(problem);
  const added = plain.filter((request) => !resource.fields.some((field) => field.name === request.name)).map(toField);

  let schema = replaceResource(base, resource, { ...resource, fields: [...resource.fields, ...added] });
  const linkedTo: ResourceSchema[] = [];
  for (const parent of parents) {
    const child = schema.resources.find((candidate) => candidate.plural === resource.plural)!;
    const linked = linkResources(schema, child, parent);
    if (linked.kind === 'problem') return refusal(linked.message);
    if (linked.kind === 'linked') {
      schema = linked.schema;
      linkedTo.push(parent);
    }
  }
  if (added.length === 0 && linkedTo.length === 0) {
    const names = listWords(requests.map((request) => request.name));
    return refusal(`${capitalize(resource.plural)} already has ${names}, so nothing changed.`);
  }
  const child = schema.resources.find((candidate) => candidate.plural === resource.plural)!;
  const relations = parentRelations(schema, child).filter((relation) => linkedTo.includes(relation.parent));
  const names = [...relations.map((relation) => relation.field.name), ...added.map((field) => field.name)];
  const sentences = [
    added.length > 0 ? `Added ${listWords(added.map(describeField))} to ${resource.plural}.` : '',
    ...relations.map((relation) => `${capitalize(describeRelation(relation))}.`),
  ];
  return {
    kind: 'change',
    schema,
    title: `Add ${listWords(names)} to ${resource.plural}`,
    description: sentences.filter(Boolean).join(' '),
  };
}

export function removeFields(base: ApiSchema, word: string, requested: string[]): IterationPlan {
  const resource = findResource(base, word);
  if (!resource) return noSuchResource(base, word);
  // "Remove the author from books" means the relation field authorId.
  const names = requested.map((name) =>
    resource.fields.some((field) => field.name === name) ? name : (resource.fields.find((field) => field.name === `${name}Id` && field.references)?.name ?? name),
  );
  const missing = names.filter((name) => !resource.fields.some((field) => field.name === name));
  if (missing.length > 0) {
    const fields = resource.fields.map((field) => field.name);
    return refusal(
      `${capitalize(resource.plural)} has no ${listWords(missing)} field. ` +
        `Its fields are ${fields.length > 0 ? listWords(fields) : 'none'}; id, createdAt and updatedAt are set by the API.`,
    );
  }
  return {
    kind: 'change',
    schema: replaceResource(base, resource, { ...resource, fields: resource.fields.filter((field) => !names.includes(field.name)) }),
    title: `Remove ${listWords(names)} from ${resource.plural}`,
    description: `Removed ${listWords(names)} from ${resource.plural}.`,
  };
}

export function renameField(base: ApiSchema, resource: ResourceSchema, from: string, to: string): IterationPlan {
  const field = resource.fields.find((candidate) => candidate.name === from);
  if (!field) return refusal(`${capitalize(resource.plural)} has no ${from} field. Its fields are ${listWords(resource.fields.map((candidate) => candidate.name)) || 'none'}.`);
  const problem = invalidFieldNames([to]);
  if (problem) return refusal(problem);
  if (resource.fields.some((candidate) => candidate.name === to)) return refusal(`${capitalize(resource.plural)} already has a ${to} field.`);
  return {
    kind: 'change',
    schema: replaceResource(base, resource, { ...resource, fields: resource.fields.map((candidate) => (candidate === field ? { ...field, name: to } : candidate)) }),
    title: `Rename ${from} to ${to} in ${resource.plural}`,
    description: `Renamed the ${from} field of ${resource.plural} to ${to}.`,
  };
}
