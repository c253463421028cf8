// The offline generator's picture of an API: resources with typed fields, relations between them,
// and the features it has switched on. It renders the project from this schema, and stores the schema
// in the project's openapi.json under `x-forge`, so the next prompt starts from the schema of its
// base version rather than from guessing at the code.
import { z } from 'zod';
import type { FileMap } from '@/types/versioning';

const FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'datetime'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Cross-cutting features, in the order they are listed everywhere (summaries, README, x-forge). */
export const FEATURES = ['auth', 'pagination', 'filtering', 'rate-limit', 'cors', 'logging', 'tests'] as const;
export type Feature = (typeof FEATURES)[number];

export interface FieldSchema {
  /** A camelCase identifier: it is both the JSON key and the TypeScript property. */
  name: string;
  type: FieldType;
  required: boolean;
  /** Set on a relation field (`authorId`): the plural of the resource whose id it holds. */
  references?: string;
}

export interface ResourceSchema {
  /** Lower-case plural, the route path: `books` → /books. */
  plural: string;
  /** Lower-case singular, for code and prose: `book` → Book, registerBookRoutes. */
  singular: string;
  fields: FieldSchema[];
}

export interface ApiSchema {
  title: string;
  resources: ResourceSchema[];
  /** In FEATURES order, each once. */
  features: Feature[];
}

/** The schema read back from a project, with the render revision that wrote the project's files. */
export interface StoredSchema {
  schema: ApiSchema;
  renderRevision: number;
}

export const OPENAPI_PATH = 'openapi.json';
export const FORGE_EXTENSION = 'x-forge';
const FORGE_GENERATOR = 'api-forge-offline';

/** Fields every stored item gets from the store; a resource may not declare them. */
const MANAGED_FIELDS: readonly string[] = ['id', 'createdAt', 'updatedAt'];

const RESOURCE_WORD = /^[a-z]{2,40}$/;
const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,39}$/;

const storedFieldSchema = z.object({
  name: z.string().regex(FIELD_NAME).refine((name) => !MANAGED_FIELDS.includes(name)),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  references: z.string().regex(RESOURCE_WORD).optional(),
});

const storedResourceSchema = z.object({
  plural: z.string().regex(RESOURCE_WORD),
  singular: z.string().regex(RESOURCE_WORD),
  fields: z.array(storedFieldSchema),
});

type StoredResource = z.infer<typeof storedResourceSchema>;

/** Relations hold string ids of another resource of the schema, and never lead back to where they start. */
function relationsAreSound(resources: StoredResource[]): boolean {
  const byPlural = new Map(resources.map((resource) => [resource.plural, resource]));
  const parentsOf = (resource: StoredResource) => resource.fields.flatMap((field) => (field.references ? [field.references] : []));
  for (const resource of resources) {
    for (const field of resource.fields) {
      if (field.references === undefined) continue;
      if (field.type !== 'string' || !byPlural.has(field.references) || field.references === resource.plural) return false;
    }
  }
  // Depth-first search for a cycle: a resource met again while its own ancestors are being walked.
  const state = new Map<string, 'walking' | 'done'>();
  const walk = (plural: string): boolean => {
    if (state.get(plural) === 'done') return true;
    if (state.get(plural) === 'walking') return false;
    state.set(plural, 'walking');
    const acyclic = parentsOf(byPlural.get(plural)!).every(walk);
    state.set(plural, 'done');
    return acyclic;
  };
  return resources.every((resource) => walk(resource.plural));
}

/** How the API schema is written into openapi.json, and checked with when it is read back. */
const forgeExtensionSchema = z.object({
  generator: z.literal(FORGE_GENERATOR),
  // Projects written before revisions were recorded are revision 1.
  renderRevision: z.number().int().min(1).default(1),
  title: z.string().min(1),
  // Before features existed, a schema had none.
  features: z
    .array(z.enum(FEATURES))
    .default([])
    .refine((features) => new Set(features).size === features.length),
  resources: z
    .array(storedResourceSchema)
    .refine((resources) => new Set(resources.map((resource) => resource.plural)).size === resources.length)
    .refine(relationsAreSound),
});

type ForgeExtension = z.input<typeof forgeExtensionSchema>;

export function isValidFieldName(name: string): boolean {
  return FIELD_NAME.test(name) && !MANAGED_FIELDS.includes(name);
}

export function isValidResourceWord(word: string): boolean {
  return RESOURCE_WORD.test(word);
}

export function toForgeExtension(schema: ApiSchema, renderRevision: number): ForgeExtension {
  return { generator: FORGE_GENERATOR, renderRevision, title: schema.title, features: schema.features, resources: schema.resources };
}

/** The schema stored in a project's openapi.json, or null when there is none the generator can trust. */
export function readStoredSchema(files: FileMap): StoredSchema | null {
  const text = files[OPENAPI_PATH];
  if (text === undefined) return null;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof document !== 'object' || document === null) return null;
  const parsed = forgeExtensionSchema.safeParse((document as Record<string, unknown>)[FORGE_EXTENSION]);
  if (!parsed.success) return null;
  const { title, resources, features, renderRevision } = parsed.data;
  return { schema: { title, resources, features: FEATURES.filter((feature) => features.includes(feature)) }, renderRevision };
}
