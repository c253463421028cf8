// Test data's shape: one corpus entry, its prompts and what the last version must have. Used by tests only.
import type { Feature, FieldType } from '@/generation/offline/schema/api-schema';

/** A field's type, or `→ plural` for a relation holding the id of an item of that resource. */
export type FieldSpec = FieldType | `→ ${string}`;

export interface CorpusEntry {
  /** The first prompt, then any follow-ups, each on the version before. */
  prompts: string[];
  /** Exactly the resources of the last version, by plural as the generator names them, in any order. */
  resources: string[];
  /** Exactly the fields of a resource whose fields the prompts spell out. */
  fields?: Record<string, Record<string, FieldSpec>>;
  /** Fields a resource has among others: one named without fields keeps the generator's defaults. */
  includes?: Record<string, Record<string, FieldSpec>>;
  /** Exactly the features of the last version; none when left out. */
  features?: Feature[];
}
