// openapi.json of a generated API: OpenAPI 3.1 with every route, so people, tools and the sandbox
// can see what the API serves, plus the generator's own model under `x-forge` for the next version.
import { FORGE_EXTENSION, toForgeExtension, type ApiModel, type FieldModel, type ResourceModel } from './api-model';
import { capitalize, withArticle } from './inflect';

type JsonSchema = Record<string, unknown>;

function fieldSchema(field: FieldModel): JsonSchema {
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

/** A value that passes the field's validation, for examples in the docs. */
function exampleValue(field: FieldModel): unknown {
  switch (field.type) {
    case 'string':
      if (/email/i.test(field.name)) return 'ada@example.com';
      if (/(url|website)$/i.test(field.name)) return 'https://example.com';
      return `Example ${field.name}`;
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'date':
      return '2025-01-31';
    case 'datetime':
      return '2025-01-31T09:00:00Z';
  }
}

/** A valid create body with the required fields only. */
export function exampleInput(resource: ResourceModel): Record<string, unknown> {
  return Object.fromEntries(resource.fields.filter((field) => field.required).map((field) => [field.name, exampleValue(field)]));
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: json(ref('ErrorResponse')) });

function inputSchema(resource: ResourceModel, partial: boolean): JsonSchema {
  const required = resource.fields.filter((field) => field.required).map((field) => field.name);
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(resource.fields.map((field) => [field.name, fieldSchema(field)])),
    ...(!partial && required.length > 0 ? { required } : {}),
  };
}

function resourceSchemas(resource: ResourceModel): Record<string, JsonSchema> {
  const type = capitalize(resource.singular);
  return {
    [`${type}Input`]: inputSchema(resource, false),
    [type]: {
      allOf: [
        ref(`${type}Input`),
        {
          type: 'object',
          required: ['id', 'createdAt', 'updatedAt'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            createdAt: { type: 'string', format: 'date-time' },
            updatedAt: { type: 'string', format: 'date-time' },
          },
        },
      ],
    },
  };
}

function resourcePaths(resource: ResourceModel): Record<string, unknown> {
  const type = capitalize(resource.singular);
  const plural = capitalize(resource.plural);
  const item = { description: `The ${resource.singular}`, content: json(ref(type)) };
  const notFound = errorResponse(`No ${resource.singular} with this id`);
  const invalid = errorResponse('The body is not valid JSON or does not fit the schema; `issues` says why');
  const tags = [resource.plural];
  const one = withArticle(resource.singular);
  return {
    [`/${resource.plural}`]: {
      get: {
        operationId: `list${plural}`,
        summary: `List ${resource.plural}`,
        tags,
        responses: { '200': { description: `All ${resource.plural}`, content: json({ type: 'array', items: ref(type) }) } },
      },
      post: {
        operationId: `create${type}`,
        summary: `Create ${one}`,
        tags,
        requestBody: { required: true, content: json(ref(`${type}Input`)) },
        responses: { '201': item, '400': invalid },
      },
    },
    [`/${resource.plural}/{id}`]: {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: `get${type}`,
        summary: `Get ${one}`,
        tags,
        responses: { '200': item, '404': notFound },
      },
      put: {
        operationId: `replace${type}`,
        summary: `Replace ${one}`,
        tags,
        requestBody: { required: true, content: json(ref(`${type}Input`)) },
        responses: { '200': item, '400': invalid, '404': notFound },
      },
      patch: {
        operationId: `update${type}`,
        summary: `Change some fields of ${one}`,
        tags,
        requestBody: { required: true, content: json(inputSchema(resource, true)) },
        responses: { '200': item, '400': invalid, '404': notFound },
      },
      delete: {
        operationId: `delete${type}`,
        summary: `Delete ${one}`,
        tags,
        responses: { '204': { description: 'Deleted' }, '404': notFound },
      },
    },
  };
}

export function renderOpenApi(model: ApiModel): string {
  const document = {
    openapi: '3.1.0',
    info: {
      title: model.title,
      version: '1.0.0',
      description: 'Generated by API Forge. Data is kept in memory and resets when the server restarts.',
    },
    servers: [{ url: 'http://localhost:3000' }],
    paths: {
      '/health': {
        get: {
          operationId: 'getHealth',
          summary: 'Health check',
          responses: {
            '200': {
              description: 'The API is up',
              content: json({ type: 'object', required: ['status'], properties: { status: { const: 'ok' } } }),
            },
          },
        },
      },
      ...Object.assign({}, ...model.resources.map(resourcePaths)),
    },
    components: {
      schemas: {
        ...Object.assign({}, ...model.resources.map(resourceSchemas)),
        // Not "Error": a resource named errors would claim that name.
        ErrorResponse: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'string' }, issues: { type: 'array', items: { type: 'object' } } },
        },
      },
    },
    [FORGE_EXTENSION]: toForgeExtension(model),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
