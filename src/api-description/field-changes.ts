// Compares one place's fields between two versions (see schema-fields.ts for how a schema becomes
// fields): a request or response body, or the query or header parameters, each parameter a field named
// after it. What counts as breaking depends on which way the values travel; the rules are in api-diff.ts.
// Pure.
import type { ApiChange, ApiChangeKind, ApiFieldLocation, ApiParameterLocation } from '@/types/api-diff';
import type { SchemaField } from './schema-fields';

/** A request body or the parameters, which the client sends; or a response body, which it reads. */
export type FieldPlace = ApiFieldLocation | ApiParameterLocation;

const KINDS: Record<'field' | 'parameter', Record<'added' | 'removed' | 'changed', ApiChangeKind>> = {
  field: { added: 'field-added', removed: 'field-removed', changed: 'field-changed' },
  parameter: { added: 'parameter-added', removed: 'parameter-removed', changed: 'parameter-changed' },
};

/** A set of JSON types; empty means any. `integer` is inside `number`. */
function typesCover(outer: string[], inner: string[]): boolean {
  if (outer.length === 0) return true;
  if (inner.length === 0) return false;
  return inner.every((type) => outer.includes(type) || (type === 'integer' && outer.includes('number')));
}

/** null means any value of the field's types. */
function valuesCover(outer: string[] | null, inner: string[] | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return inner.every((value) => outer.includes(value));
}

function formatTypes(types: string[]): string {
  return types.length === 0 ? 'any' : types.join(' | ');
}

function formatValues(values: string[] | null): string {
  if (values === null) return 'any value';
  const shown = values.slice(0, 5).join(', ');
  return values.length > 5 ? `one of ${shown}, …` : `one of ${shown}`;
}

/** Every field changed, added and removed in `place`, breaking ones flagged. */
export function fieldChanges(route: string, place: FieldPlace, before: Map<string, SchemaField>, after: Map<string, SchemaField>): ApiChange[] {
  const kinds = KINDS[place === 'query' || place === 'header' ? 'parameter' : 'field'];
  // The client sends what is in a request body or a parameter: the newer version must still accept
  // all it did. It reads a response: the newer version must send nothing it could not before.
  const sent = place !== 'response';
  const breaksOnChange = (widened: boolean, narrowed: boolean) => (sent ? !widened : !narrowed);
  const changes: ApiChange[] = [];
  const change = (action: keyof typeof kinds, field: string, detail: string | null, breaking: boolean) =>
    changes.push({ kind: kinds[action], route, location: place, field, detail, breaking });
  // Inside a field that was itself removed, added or given another type, nothing more is said.
  const reported = (parent: string | null) => {
    if (parent === null) return false;
    const [old, current] = [before.get(parent), after.get(parent)];
    return !old || !current || !(typesCover(old.types, current.types) && typesCover(current.types, old.types));
  };

  for (const [path, old] of before) {
    const current = after.get(path);
    if (!current) {
      if (reported(old.parent)) continue;
      // A sent field or parameter that is gone is still sent by old clients, and servers ignore what
      // they do not read (unknown query parameters and headers included), unless its object forbids it.
      const parentClosed = old.parent !== null && after.get(old.parent)?.closed === true;
      change('removed', path, null, !sent || parentClosed);
      continue;
    }
    const typesWidened = typesCover(current.types, old.types);
    const typesNarrowed = typesCover(old.types, current.types);
    if (!(typesWidened && typesNarrowed)) {
      change('changed', path, `${formatTypes(old.types)} → ${formatTypes(current.types)}`, breaksOnChange(typesWidened, typesNarrowed));
    } else {
      const valuesWidened = valuesCover(current.values, old.values);
      const valuesNarrowed = valuesCover(old.values, current.values);
      if (!(valuesWidened && valuesNarrowed)) {
        change('changed', path, `${formatValues(old.values)} → ${formatValues(current.values)}`, breaksOnChange(valuesWidened, valuesNarrowed));
      }
    }
    if (old.required !== current.required) {
      change('changed', path, current.required ? 'now required' : 'now optional', sent ? current.required : !current.required);
    }
  }
  for (const [path, current] of after) {
    if (before.has(path) || reported(current.parent)) continue;
    change('added', path, current.required && sent ? 'required' : null, sent && current.required);
  }
  return changes;
}
