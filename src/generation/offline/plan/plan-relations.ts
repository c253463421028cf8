// Relating two resources of a schema: "books belong to authors" gives books a required `authorId`
// that must name an existing author, and GET /authors/:id/books. Pure.
import type { ApiSchema, FieldSchema, ResourceSchema } from '../schema/api-schema';
import { describeRelation } from '../schema/describe-schema';
import { capitalize } from '../inflect';
import { findResource, noSuchResource, refusal, replaceResource, type IterationPlan } from './iteration-plan';
import { parentRelations, relationFieldName, wouldCloseLoop, type Relation } from '../schema/schema-relations';
import type { RelationRequest } from '../understand/prompt-intents';

export type LinkResult =
  | { kind: 'linked'; schema: ApiSchema }
  | { kind: 'already-linked'; message: string }
  | { kind: 'problem'; message: string };

/**
 * `child` gets a relation field holding a `parent` id. A plain field of that name (`bookId` from the
 * catalog) becomes the relation; the field goes first otherwise, as the thing that places an item,
 * after the relations the child already has.
 */
export function linkResources(schema: ApiSchema, child: ResourceSchema, parent: ResourceSchema): LinkResult {
  const name = relationFieldName(parent);
  const relation: FieldSchema = { name, type: 'string', required: true, references: parent.plural };
  const existing = child.fields.find((field) => field.name === name);
  if (child.plural === parent.plural) {
    return { kind: 'problem', message: `${capitalize(child.plural)} cannot belong to ${child.plural}: the offline generator only relates two different resources.` };
  }
  if (child.fields.some((field) => field.references === parent.plural)) {
    return { kind: 'already-linked', message: `${capitalize(child.plural)} already belong to ${parent.plural}.` };
  }
  if (wouldCloseLoop(schema, child, parent)) {
    return {
      kind: 'problem',
      message: `${capitalize(parent.plural)} already lead to ${child.plural}, so ${child.plural} cannot also belong to ${parent.plural}: neither could be created first.`,
    };
  }
  // After the relations it already has, so a child's relations keep the order they were asked for.
  const placed = child.fields.findIndex((field) => field.references === undefined);
  const fields = existing
    ? child.fields.map((field) => (field === existing ? { ...relation, required: existing.required } : field))
    : child.fields.toSpliced(placed === -1 ? child.fields.length : placed, 0, relation);
  return { kind: 'linked', schema: replaceResource(schema, child, { ...child, fields }) };
}

/** The relation linkResources made, read back from the schema it made. */
function linkedRelation(schema: ApiSchema, child: ResourceSchema, parent: ResourceSchema): Relation {
  const linkedChild = schema.resources.find((resource) => resource.plural === child.plural)!;
  return parentRelations(schema, linkedChild).find((relation) => relation.parent.plural === parent.plural)!;
}

/** "Books belong to authors", for a base that has both. */
export function planRelation(base: ApiSchema, request: RelationRequest): IterationPlan {
  const child = findResource(base, request.child);
  const parent = findResource(base, request.parent);
  if (!child) return noSuchResource(base, request.child);
  if (!parent) return noSuchResource(base, request.parent);
  const linked = linkResources(base, child, parent);
  if (linked.kind !== 'linked') return refusal(linked.message);
  return {
    kind: 'change',
    schema: linked.schema,
    title: `${capitalize(child.plural)} belong to ${parent.plural}`,
    description: `${capitalize(describeRelation(linkedRelation(linked.schema, child, parent)))}.`,
  };
}
