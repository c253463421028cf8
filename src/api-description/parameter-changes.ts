// Compares a route's query and header parameters between two versions: each parameter is read as a
// field named after it (an object parameter's properties as "filter.status"), so parameters are added,
// removed, made required or optional and retyped by the same rules as request body fields
// (field-changes.ts). Path parameters are left out: the route key already drops their names, and their
// number and place are part of the path. Pure.
import type { ApiChange } from '@/types/api-diff';
import { fieldChanges } from './field-changes';
import type { RawParameter } from './operation-parts';
import { schemaFields, type SchemaField } from './schema-fields';

/** "limit" and '' → "limit"; "filter" and "status" → "filter.status"; "tags" and "[]" → "tags[]". */
function joinPath(name: string, path: string): string {
  return path === '' || path.startsWith('[') ? `${name}${path}` : `${name}.${path}`;
}

/** The fields of all `parameters`, each under its name as `spell` writes it. */
function parameterFields(parameters: RawParameter[], spell: (name: string) => string): Map<string, SchemaField> {
  const fields = new Map<string, SchemaField>();
  for (const parameter of parameters) {
    const name = spell(parameter.name);
    for (const [path, field] of schemaFields(parameter.schema, parameter.required)) {
      fields.set(joinPath(name, path), { ...field, parent: field.parent === null ? null : joinPath(name, field.parent) });
    }
  }
  return fields;
}

/** The query and header parameter changes of a route both versions have, query ones first. */
export function parameterChanges(route: string, before: RawParameter[], after: RawParameter[]): ApiChange[] {
  const changes: ApiChange[] = [];
  for (const place of ['query', 'header'] as const) {
    const older = before.filter((parameter) => parameter.in === place);
    const newer = after.filter((parameter) => parameter.in === place);
    // Header names are case-insensitive: an older "x-tenant" is the newer "X-Tenant", named as the newer version writes it.
    const spelling = new Map(place === 'header' ? newer.map((parameter) => [parameter.name.toLowerCase(), parameter.name]) : []);
    const spellAsNewer = (name: string) => spelling.get(name.toLowerCase()) ?? name;
    changes.push(...fieldChanges(route, place, parameterFields(older, spellAsNewer), parameterFields(newer, (name) => name)));
  }
  return changes;
}
