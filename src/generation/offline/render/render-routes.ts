// One resource's route module of a generated API (src/routes/<plural>.ts): list, get, create,
// replace, update and delete, plus what its relations and the list features add. A relation shows
// in three places: the child checks that the ids it is sent exist, the child serves the nested list
// (GET /authors/:id/books), and the parent refuses to delete an item children still point at.
import type { ApiSchema, FieldSchema, ResourceSchema } from '../schema/api-schema';
import { capitalize, withArticle } from '../inflect';
import { childRelations, parentRelations, type Relation } from '../schema/schema-relations';
import { schemaFilePath, schemaNames } from './render-schemas';

export function routeFilePath(resource: ResourceSchema): string {
  return `src/routes/${resource.plural}.ts`;
}

export function registerFunctionName(resource: ResourceSchema): string {
  return `register${capitalize(resource.singular)}Routes`;
}

/** The nested list a relation adds to its child's routes: /authors/:id/books. */
export function nestedListPath(relation: Relation): string {
  return `/${relation.parent.plural}/:id/${relation.child.plural}`;
}

/** Fields ?name=value can filter on: strings (relation ids among them), numbers and booleans. */
export function filterableFields(resource: ResourceSchema): FieldSchema[] {
  return resource.fields.filter((field) => field.type === 'string' || field.type === 'number' || field.type === 'boolean');
}

/** One import statement per module, in path order; `import type` when every name is a type. */
function importLines(imports: Map<string, Set<string>>): string {
  return [...imports.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, nameSet]) => {
      const names = [...nameSet];
      const typesOnly = names.every((name) => name.startsWith('type '));
      const list = typesOnly ? names.map((name) => name.slice('type '.length)) : names;
      return `import ${typesOnly ? 'type ' : ''}{ ${list.join(', ')} } from '${path}';\n`;
    })
    .join('');
}

function schemaImportPath(resource: ResourceSchema): string {
  return `../${schemaFilePath(resource).replace(/^src\//, '').replace(/\.ts$/, '.js')}`;
}

/** What a route module is assembled from: its imports by module path, and helpers above the routes. */
interface RouteParts {
  imports: Map<string, Set<string>>;
  helpers: string[];
}

function addImport(parts: RouteParts, path: string, name: string): void {
  if (!parts.imports.has(path)) parts.imports.set(path, new Set());
  parts.imports.get(path)!.add(name);
}

/**
 * Adds the `listing` helper when the schema has a list feature (filtering, pagination) and says
 * whether it did; list routes then answer `listing(items, query)` rather than the items.
 */
function addListingHelper(schema: ApiSchema, resource: ResourceSchema, parts: RouteParts): boolean {
  const paging = schema.features.includes('pagination');
  const filtering = schema.features.includes('filtering');
  if (!paging && !filtering) return false;
  if (filtering) {
    addImport(parts, '../lib/filtering.js', 'filterItems');
    addImport(parts, '../lib/filtering.js', 'type FilterType');
    const entries = filterableFields(resource).map((field) => `  ['${field.name}', '${field.type}'],\n`).join('');
    parts.helpers.push(`/** The fields ?name=value can filter on, with their types. */\nconst filters = new Map<string, FilterType>([\n${entries}]);\n`);
  }
  if (paging) addImport(parts, '../lib/pagination.js', 'paginate');
  if (paging && filtering) addImport(parts, '../lib/pagination.js', 'PAGE_PARAMS');
  const filtered = filtering ? `filterItems(items, query, filters${paging ? ', PAGE_PARAMS' : ''})` : 'items';
  const what = [filtering ? 'filtered by ?field=value' : '', paging ? 'one page of them' : ''].filter(Boolean).join(', then ');
  parts.helpers.push(
    `/** A list answer: the items ${what}. */\n` +
      `function listing<T extends object>(items: T[], query: URLSearchParams) {\n  return ${paging ? `paginate(${filtered}, query)` : filtered};\n}\n`,
  );
  return true;
}

function addReferenceCheck(parts: RouteParts, resource: ResourceSchema, relations: Relation[]): void {
  const checks = relations.map(({ field, parent }) => {
    const store = schemaNames(parent).store;
    addImport(parts, schemaImportPath(parent), store);
    return (
      `  if (input.${field.name} !== undefined && !${store}.get(input.${field.name})) {\n` +
      `    throw new HttpError(400, \`${field.name} "\${input.${field.name}}" does not match any ${parent.singular}\`);\n  }\n`
    );
  });
  addImport(parts, schemaImportPath(resource), `type ${schemaNames(resource).inputType}`);
  parts.helpers.push(
    `/** Every id the input holds must name an existing item. */\n` +
      `function checkReferences(input: Partial<${schemaNames(resource).inputType}>): void {\n${checks.join('')}}\n`,
  );
}

function addUnreferencedCheck(parts: RouteParts, resource: ResourceSchema, relations: Relation[]): void {
  const checks = relations.map(({ child, field }) => {
    const store = schemaNames(child).store;
    addImport(parts, schemaImportPath(child), store);
    return (
      `  if (${store}.list().some((item) => item.${field.name} === id)) {\n` +
      `    throw new HttpError(409, \`${capitalize(child.plural)} still refer to ${resource.singular} "\${id}" by ${field.name}: delete them or point them elsewhere first\`);\n  }\n`
    );
  });
  parts.helpers.push(
    `/** Deleting ${withArticle(resource.singular)} that others still point at would leave them pointing at nothing. */\n` +
      `function checkUnreferenced(id: string): void {\n${checks.join('')}}\n`,
  );
}

export function renderRouteModule(schema: ApiSchema, resource: ResourceSchema): string {
  const names = schemaNames(resource);
  const path = `/${resource.plural}`;
  const parents = parentRelations(schema, resource);
  const children = childRelations(schema, resource);
  const parts: RouteParts = { imports: new Map(), helpers: [] };
  for (const name of ['HttpError', 'readJsonBody', 'sendJson', 'sendNoContent', 'validate']) addImport(parts, '../lib/http.js', name);
  addImport(parts, '../lib/router.js', 'type Router');
  addImport(parts, schemaImportPath(resource), names.schema);
  addImport(parts, schemaImportPath(resource), names.store);

  const hasListing = addListingHelper(schema, resource, parts);
  const list = (items: string) => (hasListing ? `listing(${items}, query)` : items);
  const queryArgument = hasListing ? ', query' : '';
  if (parents.length > 0) addReferenceCheck(parts, resource, parents);
  if (children.length > 0) addUnreferencedCheck(parts, resource, children);
  const checkInput = parents.length > 0 ? '    checkReferences(input);\n' : '';
  const checkChanges = parents.length > 0 ? '    checkReferences(changes);\n' : '';

  const nested = parents.map((relation) => {
    const parentStore = schemaNames(relation.parent).store;
    return `
  router.get('${nestedListPath(relation)}', ({ response, params${queryArgument} }) => {
    if (!${parentStore}.get(params.id)) throw new HttpError(404, \`No ${relation.parent.singular} with id "\${params.id}"\`);
    sendJson(response, 200, ${list(`${names.store}.list().filter((item) => item.${relation.field.name} === params.id)`)});
  });
`;
  });
  const deletion =
    children.length > 0
      ? `    if (!${names.store}.get(params.id)) notFound(params.id);\n    checkUnreferenced(params.id);\n    ${names.store}.delete(params.id);\n`
      : `    if (!${names.store}.delete(params.id)) notFound(params.id);\n`;
  const nestedNote = parents.length > 0 ? `, and ${parents.map((relation) => `GET ${nestedListPath(relation)}`).join(', ')}` : '';

  return `// Routes for ${resource.plural}: list, get, create, replace, update and delete${nestedNote}.
${importLines(parts.imports)}
function notFound(id: string): never {
  throw new HttpError(404, \`No ${resource.singular} with id "\${id}"\`);
}
${parts.helpers.map((helper) => `\n${helper}`).join('')}
export function ${registerFunctionName(resource)}(router: Router): void {
  router.get('${path}', ({ response${queryArgument} }) => {
    sendJson(response, 200, ${list(`${names.store}.list()`)});
  });
${nested.join('')}
  router.get('${path}/:id', ({ response, params }) => {
    sendJson(response, 200, ${names.store}.get(params.id) ?? notFound(params.id));
  });

  router.post('${path}', async ({ request, response }) => {
    const input = validate(${names.schema}, await readJsonBody(request));
${checkInput}    sendJson(response, 201, ${names.store}.create(input));
  });

  router.put('${path}/:id', async ({ request, response, params }) => {
    const input = validate(${names.schema}, await readJsonBody(request));
${checkInput}    sendJson(response, 200, ${names.store}.replace(params.id, input) ?? notFound(params.id));
  });

  router.patch('${path}/:id', async ({ request, response, params }) => {
    const changes = validate(${names.schema}.partial(), await readJsonBody(request));
${checkChanges}    sendJson(response, 200, ${names.store}.update(params.id, changes) ?? notFound(params.id));
  });

  router.delete('${path}/:id', ({ response, params }) => {
${deletion}    sendNoContent(response);
  });
}
`;
}
