// The offline generator's picture of an API: resources with typed fields. It renders the project
// from this model, and stores the model in the project's openapi.json under `x-forge`, so the next
// prompt starts from the model of its base version rather than from guessing at the code.
import { z } from 'zod';
import type { FileMap } from '@/types/versioning';

const FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'datetime'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldModel {
  /** A camelCase identifier: it is both the JSON key and the TypeScript property. */
  name: string;
  type: FieldType;
  required: boolean;
}

export interface ResourceModel {
  /** Lower-case plural, the route path: `books` → /books. */
  plural: string;
  /** Lower-case singular, for code and prose: `book` → Book, registerBookRoutes. */
  singular: string;
  fields: FieldModel[];
}

export interface ApiModel {
  title: string;
  resources: ResourceModel[];
}

export const OPENAPI_PATH = 'openapi.json';
export const FORGE_EXTENSION = 'x-forge';
const FORGE_GENERATOR = 'api-forge-offline';

/** Fields every stored item gets from the store; a resource may not declare them. */
const MANAGED_FIELDS: readonly string[] = ['id', 'createdAt', 'updatedAt'];

const RESOURCE_WORD = /^[a-z]{2,40}$/;
const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,39}$/;

/** How the model is written into openapi.json; read back with the same schema. */
const forgeExtensionSchema = z.object({
  generator: z.literal(FORGE_GENERATOR),
  title: z.string().min(1),
  resources: z.array(
    z.object({
      plural: z.string().regex(RESOURCE_WORD),
      singular: z.string().regex(RESOURCE_WORD),
      fields: z.array(
        z.object({
          name: z.string().regex(FIELD_NAME).refine((name) => !MANAGED_FIELDS.includes(name)),
          type: z.enum(FIELD_TYPES),
          required: z.boolean(),
        }),
      ),
    }),
  )
    .refine((resources) => new Set(resources.map((resource) => resource.plural)).size === resources.length),
});

type ForgeExtension = z.infer<typeof forgeExtensionSchema>;

export function isValidFieldName(name: string): boolean {
  return FIELD_NAME.test(name) && !MANAGED_FIELDS.includes(name);
}

export function toForgeExtension(model: ApiModel): ForgeExtension {
  return { generator: FORGE_GENERATOR, title: model.title, resources: model.resources };
}

/** The model stored in a project's openapi.json, or null when there is none the generator can trust. */
export function readApiModel(files: FileMap): ApiModel | null {
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
  return { title: parsed.data.title, resources: parsed.data.resources };
}
