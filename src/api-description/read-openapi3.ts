// Reads one OpenAPI 3 operation (already dereferenced) into OperationParts. Anything malformed is
// skipped here; validation has already said what is wrong with it.
import { isRecord } from './document-location';
import {
  declaredExample,
  isParameterLocation,
  mergeParameters,
  pickContentType,
  textOrNull,
  type OperationParts,
  type RawContent,
  type RawParameter,
} from './operation-parts';

/** The chosen media type of a `content` map. */
function readContent(content: unknown): RawContent | null {
  if (!isRecord(content)) return null;
  const contentType = pickContentType(Object.keys(content));
  if (contentType === undefined) return null;
  const media = content[contentType];
  if (!isRecord(media)) return { contentType, schema: undefined, example: undefined };
  return { contentType, schema: media.schema, example: declaredExample(media) };
}

function readParameter(parameter: Record<string, unknown>): RawParameter | null {
  const location = parameter.in;
  if (typeof parameter.name !== 'string' || !isParameterLocation(location)) return null;
  // A parameter has either a schema or a one-entry `content` map holding it.
  const content = parameter.schema === undefined ? readContent(parameter.content) : null;
  const example = declaredExample(parameter);
  return {
    name: parameter.name,
    in: location,
    required: location === 'path' || parameter.required === true,
    description: textOrNull(parameter.description),
    schema: parameter.schema ?? content?.schema,
    example: example ?? content?.example,
  };
}

export function readOpenApi3Operation(pathItem: Record<string, unknown>, operation: Record<string, unknown>): OperationParts {
  const parameters = mergeParameters(pathItem.parameters, operation.parameters)
    .map(readParameter)
    .filter((parameter) => parameter !== null);

  const requestBody = operation.requestBody;
  const bodyContent = isRecord(requestBody) ? readContent(requestBody.content) : null;
  const body = bodyContent && isRecord(requestBody) ? { ...bodyContent, required: requestBody.required === true } : null;

  const responses = isRecord(operation.responses)
    ? Object.entries(operation.responses).map(([status, response]) => ({
        status,
        description: isRecord(response) ? textOrNull(response.description) : null,
        content: isRecord(response) ? readContent(response.content) : null,
      }))
    : [];

  return { parameters, body, responses };
}
