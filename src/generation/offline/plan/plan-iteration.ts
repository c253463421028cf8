// Turns an understood follow-up prompt into the next API schema: the base schema plus a ChangeIntent.
// Pure. Each kind of change has its planner; this picks it, and resolves what only the schema can
// tell: whether "rename price to cost" names a resource or a field, whether "each book has an isbn"
// relates two resources or adds a field.
import type { ApiSchema } from '../schema/api-schema';
import { listWords } from '../schema/describe-schema';
import { findResource, noSuchResource, refusal, type IterationPlan } from './iteration-plan';
import { addFeatures, removeFeatures } from './plan-feature-changes';
import { addFields, removeFields, renameField } from './plan-field-changes';
import { planRelation } from './plan-relations';
import { addResources, removeResources, renameResource } from './plan-resource-changes';
import type { ChangeIntent } from '../understand/prompt-intents';

/** The resources that have a field called `name`. */
function holdersOf(base: ApiSchema, name: string) {
  return base.resources.filter((candidate) => candidate.fields.some((field) => field.name === name));
}

/** "Delete the phone field": from the one resource that has it; which one, when several do. */
function removeFieldsAnywhere(base: ApiSchema, fields: string[]): IterationPlan {
  const holders = holdersOf(base, fields[0]!);
  if (holders.length === 1) return removeFields(base, holders[0]!.plural, fields);
  if (holders.length > 1) {
    const names = holders.map((holder) => holder.plural);
    return refusal(`${listWords(names)} all have ${fields[0]}; say which, like "remove ${fields[0]} from ${names[0]}".`);
  }
  return refusal(`No resource has a ${fields[0]} field. The resources are ${listWords(base.resources.map((resource) => resource.plural)) || 'none'}.`);
}

function rename(base: ApiSchema, intent: Extract<ChangeIntent, { kind: 'rename' }>): IterationPlan {
  if (intent.resource !== undefined) {
    const resource = findResource(base, intent.resource);
    return resource ? renameField(base, resource, intent.from, intent.to) : noSuchResource(base, intent.resource);
  }
  const resource = findResource(base, intent.from);
  if (resource) return renameResource(base, resource, intent.to);
  const holders = holdersOf(base, intent.from);
  if (holders.length === 1) return renameField(base, holders[0]!, intent.from, intent.to);
  if (holders.length > 1) {
    const names = holders.map((holder) => holder.plural);
    return refusal(`${listWords(names)} all have ${intent.from}; say which, like "rename ${intent.from} to ${intent.to} in ${names[0]}".`);
  }
  return refusal(`The API has no resource or field called ${intent.from}. Its resources are ${listWords(base.resources.map((candidate) => candidate.plural)) || 'none'}.`);
}

export function planIteration(base: ApiSchema, intent: ChangeIntent): IterationPlan {
  switch (intent.kind) {
    case 'add-resources':
      return addResources(base, intent);
    case 'remove-resources': {
      // "Remove phone": no phone resource, but one resource has a phone field.
      const [only] = intent.resources;
      if (intent.resources.length === 1 && !findResource(base, only!) && holdersOf(base, only!).length === 1) return removeFieldsAnywhere(base, [only!]);
      return removeResources(base, intent.resources);
    }
    case 'add-fields':
      return addFields(base, intent.resource, intent.fields);
    case 'remove-fields':
      return intent.resource === undefined ? removeFieldsAnywhere(base, intent.fields) : removeFields(base, intent.resource, intent.fields);
    case 'add-relation': {
      const { child, parent } = intent.relation;
      // "Each book has an isbn": no isbn resource, so isbn is a field of books.
      if (findResource(base, child) && !findResource(base, parent)) return addFields(base, child, [{ name: parent, required: false }]);
      return planRelation(base, intent.relation);
    }
    case 'add-features':
      return addFeatures(base, intent.features, intent.unsupported);
    case 'remove-features':
      return removeFeatures(base, intent.features);
    case 'rename':
      return rename(base, intent);
  }
}

/**
 * Several changes from one prompt ("drop adopters and add volunteers"), each planned on the schema
 * the one before made. One that cannot be made refuses them all, so a version is never half of what
 * was asked.
 */
export function planIterations(base: ApiSchema, intents: readonly ChangeIntent[]): IterationPlan {
  let schema = base;
  const titles: string[] = [];
  const descriptions: string[] = [];
  for (const intent of intents) {
    const plan = planIteration(schema, intent);
    if (plan.kind === 'refusal') return plan;
    schema = plan.schema;
    titles.push(plan.title);
    descriptions.push(plan.description);
  }
  const title = titles.map((text, index) => (index === 0 ? text : text.charAt(0).toLowerCase() + text.slice(1))).join(', ');
  return { kind: 'change', schema, title, description: descriptions.join(' ') };
}
