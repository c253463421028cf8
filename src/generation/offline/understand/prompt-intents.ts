// What the prompt readers hand the planners: the request in the generator's terms, before it is
// checked against the API schema. Resource words are lower-case nouns; the planners resolve their forms.
import type { Feature } from '../schema/api-schema';
import type { FieldRequest } from './read-list-items';

export type { FieldRequest };

/** "Books belong to authors": each `child` holds the id of one `parent`. */
export interface RelationRequest {
  child: string;
  parent: string;
}

/** What a first prompt asks for. Resource words are plurals. */
export interface CreateIntent {
  title: string;
  resources: string[];
  /** Fields the prompt gave, by resource plural; a resource without an entry gets default fields. */
  fields: Record<string, FieldRequest[]>;
  relations: RelationRequest[];
  features: Feature[];
  /** Features the prompt asked for that the offline generator does not build (a database, GraphQL...). */
  unsupported: string[];
  /** List items it could not read as a resource, field or feature, quoted back in the summary. */
  unclear: string[];
  /** Set when the prompt named no resources and they came from its domain ("a blog API"). */
  impliedBy?: string;
  /**
   * Plural nouns that look like resources but are not among `resources` ("users can leave comments",
   * "recipes have ratings"), for the summary to name; a resource's field may have the same name. Set when any.
   */
  nounsLeftOut?: string[];
}

/** What a follow-up prompt asks to change. Resource words are nouns as written. */
export type ChangeIntent =
  | {
      kind: 'add-resources';
      resources: string[];
      fields?: FieldRequest[];
      relatedTo?: string;
      /** Features asked for in the same list: "add reviews and pagination". */
      features: Feature[];
      unsupported: string[];
    }
  | { kind: 'remove-resources'; resources: string[] }
  | { kind: 'add-fields'; resource: string; fields: FieldRequest[] }
  /** Without `resource` ("delete the phone field"), of whichever resource has the fields. */
  | { kind: 'remove-fields'; resource?: string; fields: string[] }
  | { kind: 'add-relation'; relation: RelationRequest }
  | { kind: 'add-features'; features: Feature[]; unsupported: string[] }
  | { kind: 'remove-features'; features: Feature[] }
  /** A resource or a field, which only the schema can tell; `resource` when the prompt named one. */
  | { kind: 'rename'; from: string; to: string; resource?: string };
