// The `paths` of a generated API's openapi.json: every route the project registers, with the
// parameters and answers its features add (auth's 401, the rate limit's 429, the list parameters).
import type { ApiSchema, FieldSchema, ResourceSchema } from '../schema/api-schema';
import { exampleValue } from './example-values';
import { capitalize, withArticle } from '../inflect';
import { childRelations, parentRelations } from '../schema/schema-relations';
import { TOKEN_ROUTE } from './runtime-auth';
import { filterableFields, nestedListPath } from './render-routes';

export type JsonSchema = Record<string, unknown>;

export const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: json(ref('ErrorResponse')) });

/** The field's JSON Schema, with an example that passes its validation: request consoles fill bodies from it. */
export function fieldJsonSchema(field: FieldSchema): JsonSchema {
  if (field.references !== undefined) return { type: 'string', minLength: 1, description: `The id of one of the ${field.references}; it must exist` };
  return { ...typeSchema(field), examples: [exampleValue(field)] };
}

function typeSchema(field: FieldSchema): JsonSchema {
  switch (field.type) {
    case 'string':
      return field.required ? { type: 'string', minLength: 1 } : { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
  }
}

/** `/books/:id` → `/books/{id}`. */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

const ID_PARAMETER = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** Answers every operation may give because of a feature: 429 past the rate limit. */
function featureResponses(schema: ApiSchema): Record<string, unknown> {
  return schema.features.includes('rate-limit') ? { '429': errorResponse('Too many requests; the Retry-After header says when to try again') } : {};
}

/** What a write needs with auth on: a bearer token, or 401. */
function writeSecurity(schema: ApiSchema): { security?: unknown; responses: Record<string, unknown> } {
  if (!schema.features.includes('auth')) return { responses: {} };
  return { security: [{ bearerAuth: [] }], responses: { '401': errorResponse(`No valid bearer token; POST ${TOKEN_ROUTE} gives one`) } };
}

function listParameters(schema: ApiSchema, resource: ResourceSchema): unknown[] {
  const paging = schema.features.includes('pagination')
    ? [
        { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'pageSize', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
      ]
    : [];
  const filters = schema.features.includes('filtering')
    ? filterableFields(resource).map((field) => ({
        name: field.name,
        in: 'query',
        required: false,
        description: `Only items whose ${field.name} equals this`,
        schema: { type: field.type },
      }))
    : [];
  return [...paging, ...filters];
}

function listOperation(schema: ApiSchema, resource: ResourceSchema, operationId: string, summary: string, extra: Record<string, unknown> = {}) {
  const type = capitalize(resource.singular);
  const parameters = listParameters(schema, resource);
  const paged = schema.features.includes('pagination');
  const body = paged ? ref(`${type}Page`) : { type: 'array', items: ref(type) };
  const badQuery = parameters.length > 0 ? { '400': errorResponse('A query parameter is unknown or has a bad value') } : {};
  return {
    operationId,
    summary,
    tags: [resource.plural],
    ...(parameters.length > 0 ? { parameters } : {}),
    responses: { '200': { description: summary, content: json(body) }, ...badQuery, ...extra, ...featureResponses(schema) },
  };
}

export function resourcePaths(schema: ApiSchema, resource: ResourceSchema): Record<string, unknown> {
  const type = capitalize(resource.singular);
  const plural = capitalize(resource.plural);
  const item = { description: `The ${resource.singular}`, content: json(ref(type)) };
  const notFound = errorResponse(`No ${resource.singular} with this id`);
  const invalid = errorResponse(
    parentRelations(schema, resource).length > 0
      ? 'The body is not valid JSON, does not fit the schema, or holds an id that matches nothing; `error` and `issues` say why'
      : 'The body is not valid JSON or does not fit the schema; `issues` says why',
  );
  const tags = [resource.plural];
  const one = withArticle(resource.singular);
  const write = writeSecurity(schema);
  const security = write.security ? { security: write.security } : {};
  const writeResponses = { ...write.responses, ...featureResponses(schema) };
  const referenced = childRelations(schema, resource).length > 0 ? { '409': errorResponse(`Other items still refer to this ${resource.singular}`) } : {};
  const nested = Object.fromEntries(
    parentRelations(schema, resource).map((relation) => [
      openApiPath(nestedListPath(relation)),
      {
        parameters: [ID_PARAMETER],
        get: listOperation(schema, resource, `list${capitalize(relation.parent.singular)}${plural}`, `List the ${resource.plural} of ${withArticle(relation.parent.singular)}`, {
          '404': errorResponse(`No ${relation.parent.singular} with this id`),
        }),
      },
    ]),
  );
  return {
    [`/${resource.plural}`]: {
      get: listOperation(schema, resource, `list${plural}`, `List ${resource.plural}`),
      post: {
        operationId: `create${type}`,
        summary: `Create ${one}`,
        tags,
        ...security,
        requestBody: { required: true, content: json(ref(`${type}Input`)) },
        responses: { '201': item, '400': invalid, ...writeResponses },
      },
    },
    [`/${resource.plural}/{id}`]: {
      parameters: [ID_PARAMETER],
      get: { operationId: `get${type}`, summary: `Get ${one}`, tags, responses: { '200': item, '404': notFound, ...featureResponses(schema) } },
      put: {
        operationId: `replace${type}`,
        summary: `Replace ${one}`,
        tags,
        ...security,
        requestBody: { required: true, content: json(ref(`${type}Input`)) },
        responses: { '200': item, '400': invalid, '404': notFound, ...writeResponses },
      },
      patch: {
        operationId: `update${type}`,
        summary: `Change some fields of ${one}`,
        tags,
        ...security,
        requestBody: { required: true, content: json(ref(`${type}Changes`)) },
        responses: { '200': item, '400': invalid, '404': notFound, ...writeResponses },
      },
      delete: {
        operationId: `delete${type}`,
        summary: `Delete ${one}`,
        tags,
        ...security,
        responses: { '204': { description: 'Deleted' }, '404': notFound, ...referenced, ...writeResponses },
      },
    },
    ...nested,
  };
}

export function authPaths(schema: ApiSchema): Record<string, unknown> {
  if (!schema.features.includes('auth')) return {};
  return {
    [TOKEN_ROUTE]: {
      post: {
        operationId: 'createToken',
        summary: 'Get a bearer token for the admin credentials (ADMIN_USERNAME, ADMIN_PASSWORD)',
        tags: ['auth'],
        requestBody: { required: true, content: json(ref('AuthCredentials')) },
        responses: {
          '200': { description: 'A token for write routes, valid for an hour', content: json(ref('AuthToken')) },
          '400': errorResponse('The body is not valid JSON or does not fit the schema'),
          '401': errorResponse('Wrong username or password'),
          ...featureResponses(schema),
        },
      },
    },
  };
}
