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

function rename(base: ApiSchema, intent: Extract<ChangeIntent, { kind: 'rename' }>): IterationPlan {
  if (intent.resource !== undefined) {
    const resource = findResource(base, intent.resource);
    return resource ? renameField(base, resource, intent.from, intent.to) : noSuchResource(base, intent.resource);
  }
  const resource = findResource(base, intent.from);
  if (resource) return renameResource(base, resource, intent.to);
  const holders = base.resources.filter((candidate) => candidate.fields.some((field) => field.name === intent.from));
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
    case 'remove-resources':
      return removeResources(base, intent.resources);
    case 'add-fields':
      return addFields(base, intent.resource, intent.fields);
    case 'remove-fields':
      return removeFields(base, intent.resource, intent.fields);
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
