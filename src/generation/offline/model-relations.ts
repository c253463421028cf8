// Questions about the relations of an API model: which resources a resource points at, which point
// at it, and an order to create them in. Pure; shared by planning and rendering.
import type { ApiModel, FieldModel, ResourceModel } from './api-model';

/** A relation seen from either end: `child.field` holds the id of a `parent`. */
export interface Relation {
  child: ResourceModel;
  field: FieldModel;
  parent: ResourceModel;
}

export function relationFieldName(parent: { singular: string }): string {
  return `${parent.singular}Id`;
}

export function relationsOf(model: ApiModel): Relation[] {
  const relations: Relation[] = [];
  for (const child of model.resources) {
    for (const field of child.fields) {
      const parent = model.resources.find((resource) => resource.plural === field.references);
      if (parent) relations.push({ child, field, parent });
    }
  }
  return relations;
}

/** Relations in which `resource` holds the id: books → authors. */
export function parentRelations(model: ApiModel, resource: ResourceModel): Relation[] {
  return relationsOf(model).filter((relation) => relation.child.plural === resource.plural);
}

/** Relations that hold ids of `resource`: for authors, books → authors. */
export function childRelations(model: ApiModel, resource: ResourceModel): Relation[] {
  return relationsOf(model).filter((relation) => relation.parent.plural === resource.plural);
}

/** Whether `ancestor` is `resource` or reachable from it by following relation fields. */
function reaches(model: ApiModel, resource: ResourceModel, ancestor: ResourceModel): boolean {
  if (resource.plural === ancestor.plural) return true;
  return parentRelations(model, resource).some((relation) => reaches(model, relation.parent, ancestor));
}

/** Whether making `child` point at `parent` would close a loop, so that neither could be created first. */
export function wouldCloseLoop(model: ApiModel, child: ResourceModel, parent: ResourceModel): boolean {
  return reaches(model, parent, child);
}

/** Resources with every parent before its children, otherwise in model order. Relations never loop. */
export function creationOrder(model: ApiModel): ResourceModel[] {
  const ordered: ResourceModel[] = [];
  const visit = (resource: ResourceModel) => {
    if (ordered.includes(resource)) return;
    for (const relation of parentRelations(model, resource)) visit(relation.parent);
    ordered.push(resource);
  };
  model.resources.forEach(visit);
  return ordered;
}
