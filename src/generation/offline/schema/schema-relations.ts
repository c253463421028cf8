// Questions about the relations of an API schema: which resources a resource points at, which point
// at it, and an order to create them in. Pure; shared by planning and rendering.
import type { ApiSchema, FieldSchema, ResourceSchema } from './api-schema';

/** A relation seen from either end: `child.field` holds the id of a `parent`. */
export interface Relation {
  child: ResourceSchema;
  field: FieldSchema;
  parent: ResourceSchema;
}

export function relationFieldName(parent: { singular: string }): string {
  return `${parent.singular}Id`;
}

export function relationsOf(schema: ApiSchema): Relation[] {
  const relations: Relation[] = [];
  for (const child of schema.resources) {
    for (const field of child.fields) {
      const parent = schema.resources.find((resource) => resource.plural === field.references);
      if (parent) relations.push({ child, field, parent });
    }
  }
  return relations;
}

/** Relations in which `resource` holds the id: books → authors. */
export function parentRelations(schema: ApiSchema, resource: ResourceSchema): Relation[] {
  return relationsOf(schema).filter((relation) => relation.child.plural === resource.plural);
}

/** Relations that hold ids of `resource`: for authors, books → authors. */
export function childRelations(schema: ApiSchema, resource: ResourceSchema): Relation[] {
  return relationsOf(schema).filter((relation) => relation.parent.plural === resource.plural);
}

/** Whether `ancestor` is `resource` or reachable from it by following relation fields. */
function reaches(schema: ApiSchema, resource: ResourceSchema, ancestor: ResourceSchema): boolean {
  if (resource.plural === ancestor.plural) return true;
  return parentRelations(schema, resource).some((relation) => reaches(schema, relation.parent, ancestor));
}

/** Whether making `child` point at `parent` would close a loop, so that neither could be created first. */
export function wouldCloseLoop(schema: ApiSchema, child: ResourceSchema, parent: ResourceSchema): boolean {
  return reaches(schema, parent, child);
}

/** Resources with every parent before its children, otherwise in schema order. Relations never loop. */
export function creationOrder(schema: ApiSchema): ResourceSchema[] {
  const ordered: ResourceSchema[] = [];
  const visit = (resource: ResourceSchema) => {
    if (ordered.includes(resource)) return;
    for (const relation of parentRelations(schema, resource)) visit(relation.parent);
    ordered.push(resource);
  };
  schema.resources.forEach(visit);
  return ordered;
}
