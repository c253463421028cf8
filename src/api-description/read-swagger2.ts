// Reads one Swagger 2.0 operation (already dereferenced) into OperationParts, the same form as
// OpenAPI 3: the `body` parameter or the `formData` ones become the request body, and a response's
// `schema` its content in the first type the operation `produces`.
import { isRecord } from './document-location';
import {
  isParameterLocation,
  mergeParameters,
  pickContentType,
  textOrNull,
  type OperationParts,
  type RawBody,
  type RawParameter,
} from './operation-parts';

/** The JSON Schema words a Swagger 2 parameter carries beside its name and place. */
const SCHEMA_KEYWORDS = [
  'type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf',
] as const;

function parameterSchema(parameter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(SCHEMA_KEYWORDS.filter((key) => parameter[key] !== undefined).map((key) => [key, parameter[key]]));
}

function mediaTypes(operation: Record<string, unknown>, document: Record<string, unknown>, key: 'consumes' | 'produces'): string[] {
  const list = Array.isArray(operation[key]) ? operation[key] : document[key];
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

function formBody(fields: Record<string, unknown>[], consumes: string[]): RawBody {
  const multipart = consumes.includes('multipart/form-data') || fields.some((field) => field.type === 'file');
  return {
    contentType: multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded',
    required: fields.some((field) => field.required === true),
    schema: {
      type: 'object',
      properties: Object.fromEntries(fields.map((field) => [field.name, { ...parameterSchema(field), description: field.description }])),
      required: fields.filter((field) => field.required === true).map((field) => field.name),
    },
    example: undefined,
  };
}

export function readSwagger2Operation(
  pathItem: Record<string, unknown>,
  operation: Record<string, unknown>,
  document: Record<string, unknown>,
): OperationParts {
  const all = mergeParameters(pathItem.parameters, operation.parameters);
  const parameters: RawParameter[] = all.flatMap((parameter) => {
    const location = parameter.in;
    if (!isParameterLocation(location)) return [];
    return [{
      name: String(parameter.name),
      in: location,
      required: location === 'path' || parameter.required === true,
      description: textOrNull(parameter.description),
      schema: parameterSchema(parameter),
      example: parameter['x-example'],
    }];
  });

  const consumes = mediaTypes(operation, document, 'consumes');
  const bodyParameter = all.find((parameter) => parameter.in === 'body');
  const formFields = all.filter((parameter) => parameter.in === 'formData');
  let body: RawBody | null = null;
  if (bodyParameter) {
    body = {
      contentType: pickContentType(consumes) ?? 'application/json',
      required: bodyParameter.required === true,
      schema: bodyParameter.schema,
      example: bodyParameter['x-example'],
    };
  } else if (formFields.length > 0) {
    body = formBody(formFields, consumes);
  }

  const contentType = pickContentType(mediaTypes(operation, document, 'produces')) ?? 'application/json';
  const responses = isRecord(operation.responses)
    ? Object.entries(operation.responses).map(([status, response]) => {
        const schema = isRecord(response) ? response.schema : undefined;
        const examples = isRecord(response) && isRecord(response.examples) ? response.examples : {};
        return {
          status,
          description: isRecord(response) ? textOrNull(response.description) : null,
          content: schema === undefined ? null : { contentType, schema, example: examples[contentType] },
        };
      })
    : [];

  return { parameters, body, responses };
}
