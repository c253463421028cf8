// Shapes one operation's parts for the browser: schemas copied JSON-safe within a budget, examples
// taken from the document or sampled, parameters split by where they go.
import type { ApiBody, ApiParameter, ApiResponse, ApiRoute, JsonSchema } from '@/types/api-description';
import type { PreviewMethod } from '@/types/preview';
import { toJsonSafe, type CopyBudget } from './bounded-json';
import { isRecord } from './document-location';
import { isJsonMediaType, textOrNull, type OperationParts, type RawContent, type RawParameter } from './operation-parts';
import { asksForLongArrays, exampleText, sampleSchema, type SampleDirection } from './sample-example';

/** One schema as sent; larger ones are cut short (OMITTED_KEY) and get no sampled example. */
const MAX_SCHEMA_VALUES = 4_000;

export interface RouteContext {
  budget: CopyBudget;
  refNames: ReadonlyMap<object, string>;
  /** The document, when its `$ref`s could not be resolved and the sampler must follow them itself. */
  unresolvedSpec?: object;
}

export interface RouteInput {
  method: PreviewMethod;
  path: string;
  operation: Record<string, unknown>;
  parts: OperationParts;
  /** The operation's `security`, else the document's. */
  security: unknown;
}

interface ShapedValue {
  schema: JsonSchema | null;
  /** The document's example or a sampled one; undefined when there is neither. */
  example: unknown;
}

function shape(schema: unknown, declaredExample: unknown, direction: SampleDirection, context: RouteContext): ShapedValue {
  const copy = schema === undefined ? null : toJsonSafe(schema, { maxValues: MAX_SCHEMA_VALUES, nameSchemas: true, ...context });
  const safeSchema = copy && isRecord(copy.value) ? copy.value : null;
  if (declaredExample !== undefined) {
    return { schema: safeSchema, example: toJsonSafe(declaredExample, { maxValues: MAX_SCHEMA_VALUES, ...context }).value };
  }
  const canSample = copy !== null && !copy.cut && !asksForLongArrays(copy.value);
  return { schema: safeSchema, example: canSample ? sampleSchema(schema, direction, context.unresolvedSpec) : undefined };
}

function shapeParameter(parameter: RawParameter, context: RouteContext): ApiParameter {
  const { schema, example } = shape(parameter.schema, parameter.example, 'request', context);
  return {
    name: parameter.name,
    required: parameter.required,
    description: parameter.description,
    schema,
    example: exampleText(example, { pretty: false }),
  };
}

function shapeContent(content: RawContent, direction: SampleDirection, context: RouteContext) {
  const { schema, example } = shape(content.schema, content.example, direction, context);
  return { contentType: content.contentType, schema, example: isJsonMediaType(content.contentType) ? exampleText(example, { pretty: true }) : '' };
}

/** `{id}` in "/authors/{id}", in order. */
function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}/]+)\}/g)].map((match) => match[1]!);
}

/** The declared path parameters in the order of the path, plus any the path uses but the document forgot. */
function pathParameters(path: string, declared: ApiParameter[]): ApiParameter[] {
  const names = templateNames(path);
  const forgotten = names
    .filter((name) => !declared.some((parameter) => parameter.name === name))
    .map((name) => ({ name, required: true, description: null, schema: null, example: '' }));
  const position = (parameter: ApiParameter) => {
    const index = names.indexOf(parameter.name);
    return index === -1 ? names.length : index;
  };
  return [...declared, ...forgotten].sort((a, b) => position(a) - position(b));
}

/** Credentials are needed unless there is no requirement, or one of them is empty (auth is optional). */
function requiresAuth(security: unknown): boolean {
  return Array.isArray(security) && security.length > 0 && security.every((requirement) => isRecord(requirement) && Object.keys(requirement).length > 0);
}

export function buildRoute(input: RouteInput, context: RouteContext): ApiRoute {
  const { method, path, operation, parts } = input;
  const parameters = parts.parameters.map((parameter) => ({ in: parameter.in, shaped: shapeParameter(parameter, context) }));
  const at = (location: RawParameter['in']) => parameters.filter((parameter) => parameter.in === location).map((parameter) => parameter.shaped);

  const requestBody: ApiBody | null = parts.body
    ? { required: parts.body.required, ...shapeContent(parts.body, 'request', context) }
    : null;
  const responses: ApiResponse[] = parts.responses.map((response) => {
    const content = response.content ? shapeContent(response.content, 'response', context) : null;
    return {
      status: response.status,
      description: response.description,
      contentType: content?.contentType ?? null,
      schema: content?.schema ?? null,
      example: content?.example ?? '',
    };
  });

  return {
    id: `${method} ${path}`,
    method,
    path,
    summary: textOrNull(operation.summary),
    description: textOrNull(operation.description),
    operationId: textOrNull(operation.operationId),
    deprecated: operation.deprecated === true,
    pathParams: pathParameters(path, at('path')),
    queryParams: at('query'),
    headerParams: at('header'),
    requestBody,
    responses,
    requiresAuth: requiresAuth(input.security),
  };
}
