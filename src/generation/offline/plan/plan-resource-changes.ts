// Adding, removing and renaming resources of a base schema. Pure. Relations follow: a resource added
// "to" another belongs to it, removing a resource drops the fields that pointed at it, and renaming
// one renames the fields that hold its id.
import { isValidResourceWord, type ApiSchema, type ResourceSchema } from '../schema/api-schema';
import { describeRelation, describeResource, listWords } from '../schema/describe-schema';
import { capitalize } from '../inflect';
import { findResource, invalidFieldNames, isReserved, noSuchResource, refusal, toField, type IterationPlan } from './iteration-plan';
import { childRelations, parentRelations, relationFieldName } from '../schema/schema-relations';
import { describeAddedFeatures, notBuiltNote, withFeatures } from './plan-feature-changes';
import { namedResource } from './plan-field-changes';
import { linkResources } from './plan-relations';
import type { ChangeIntent } from '../understand/prompt-intents';
import { defaultFields, resourceForms } from '../understand/resource-catalog';

export function addResources(base: ApiSchema, intent: Extract<ChangeIntent, { kind: 'add-resources' }>): IterationPlan {
  const related = intent.relatedTo === undefined ? undefined : findResource(base, intent.relatedTo);
  if (intent.relatedTo !== undefined && !related) return noSuchResource(base, intent.relatedTo);
  const fieldProblem = intent.fields ? invalidFieldNames(intent.fields.map((field) => field.name)) : null;
  if (fieldProblem) return refusal(fieldProblem);

  const added: ResourceSchema[] = [];
  const existing: string[] = [];
  for (const word of intent.resources) {
    const forms = resourceForms(word);
    if (isReserved(forms)) return refusal(`/${word} is a route every generated API has or may have, so it cannot be a resource.`);
    if (!isValidResourceWord(forms.plural) || !isValidResourceWord(forms.singular)) return refusal(`"${word}" cannot be a resource name.`);
    if (findResource(base, word) || added.some((resource) => resource.plural === forms.plural)) {
      existing.push(forms.plural);
      continue;
    }
    const resource: ResourceSchema = { ...forms, fields: [] };
    // "Add enrollments with a student and a course": fields that name resources are relations.
    const plain = intent.fields?.filter((request) => !namedResource(base, resource, request));
    added.push({ ...resource, fields: plain ? plain.map(toField) : defaultFields(forms.plural) });
  }

  const notBuilt = notBuiltNote(intent.unsupported);
  if (added.length === 0) {
    const already = existing.length > 0 ? `The API already has ${listWords(existing)}, so nothing changed.` : '';
    return refusal([already, notBuilt].filter(Boolean).join(' '));
  }
  let schema = withFeatures({ ...base, resources: [...base.resources, ...added] }, intent.features);
  // "Add reviews to books": each review belongs to its book. New resources cannot close a loop.
  for (const resource of added) {
    const parents = (intent.fields ?? []).flatMap((request) => namedResource(base, resource, request) ?? []);
    for (const parent of related ? [related, ...parents] : parents) {
      const child = schema.resources.find((candidate) => candidate.plural === resource.plural)!;
      const linked = linkResources(schema, child, parent);
      if (linked.kind === 'linked') schema = linked.schema;
    }
  }
  const addedResources = schema.resources.filter((resource) => added.some((candidate) => candidate.plural === resource.plural));
  const relations = addedResources.flatMap((resource) => parentRelations(schema, resource)).map((relation) => ` ${capitalize(describeRelation(relation))}.`);
  const newFeatures = schema.features.filter((feature) => !base.features.includes(feature));
  const sentences = [
    `Added ${addedResources.map(describeResource).join('; ')}.${relations.join('')}`,
    describeAddedFeatures(newFeatures),
    existing.length > 0 ? `The API already had ${listWords(existing)}.` : '',
    notBuilt,
  ];
  return {
    kind: 'change',
    schema,
    title: `Add ${listWords(added.map((resource) => resource.plural))}`,
    description: sentences.filter(Boolean).join(' '),
  };
}

export function removeResources(base: ApiSchema, words: string[]): IterationPlan {
  const removed: ResourceSchema[] = [];
  for (const word of words) {
    const resource = findResource(base, word);
    if (!resource) return noSuchResource(base, word);
    if (!removed.includes(resource)) removed.push(resource);
  }
  const names = removed.map((resource) => resource.plural);
  // Fields that held ids of a removed resource would point at nothing.
  const orphaned = removed.flatMap((resource) => childRelations(base, resource)).filter((relation) => !removed.includes(relation.child));
  const resources = base.resources
    .filter((resource) => !removed.includes(resource))
    .map((resource) => ({ ...resource, fields: resource.fields.filter((field) => field.references === undefined || !names.includes(field.references)) }));
  const unlinked = orphaned.map((relation) => ` ${capitalize(relation.child.plural)} no longer have ${relation.field.name}.`).join('');
  return {
    kind: 'change',
    schema: { ...base, resources },
    title: `Remove ${listWords(names)}`,
    description: `Removed ${listWords(names)} and ${removed.length > 1 ? 'their' : 'its'} routes.${unlinked}`,
  };
}

export function renameResource(base: ApiSchema, resource: ResourceSchema, word: string): IterationPlan {
  const forms = resourceForms(word);
  if (!isValidResourceWord(forms.plural) || !isValidResourceWord(forms.singular)) return refusal(`"${word}" cannot be a resource name: use one lower-case word.`);
  if (isReserved(forms)) return refusal(`/${word} is a route every generated API has or may have, so it cannot be a resource.`);
  const clash = findResource(base, word);
  if (clash) return refusal(clash === resource ? `The resource is already called ${resource.plural}.` : `The API already has ${clash.plural}.`);
  const renamedField = (name: string) => (name === relationFieldName(resource) ? relationFieldName(forms) : name);
  const resources = base.resources.map((candidate) => ({
    ...(candidate === resource ? { ...candidate, ...forms } : candidate),
    fields: candidate.fields.map((field) =>
      field.references === resource.plural ? { ...field, name: renamedField(field.name), references: forms.plural } : field,
    ),
  }));
  const children = childRelations(base, resource).filter((relation) => renamedField(relation.field.name) !== relation.field.name);
  const fieldNotes = children.map((relation) => ` ${capitalize(relation.child.plural)} now have ${renamedField(relation.field.name)} instead of ${relation.field.name}.`);
  return {
    kind: 'change',
    schema: { ...base, resources },
    title: `Rename ${resource.plural} to ${forms.plural}`,
    description: `Renamed ${resource.plural} to ${forms.plural}: its routes are now /${forms.plural}.${fieldNotes.join('')}`,
  };
}
