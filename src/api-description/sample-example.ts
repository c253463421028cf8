// Example values from schemas, sampled by openapi-sampler, as the text the console puts in its fields.
import { sample } from 'openapi-sampler';
import { isRecord } from './document-location';

/** Request examples leave out readOnly properties; response examples leave out writeOnly ones. */
export type SampleDirection = 'request' | 'response';

/** The sampler writes `minItems` items for every array, nested ones multiplied; past this it could run away. */
const MAX_SAMPLED_MIN_ITEMS = 10;
/** Deep enough for real schemas; recursion is cut by the sampler before it. */
const MAX_SAMPLE_DEPTH = 8;
/** A longer example is not shown: it would only bury the form. */
const MAX_EXAMPLE_LENGTH = 100_000;

type SamplerSchema = Parameters<typeof sample>[0];

/**
 * A value sampled from `schema`, or undefined when it cannot be. `spec` is needed only when the schema
 * still holds `$ref`s into the document. Both are copied first: the sampler changes what it is given.
 */
export function sampleSchema(schema: unknown, direction: SampleDirection, spec?: object): unknown {
  if (!isRecord(schema)) return undefined;
  try {
    return sample(
      structuredClone(schema) as SamplerSchema,
      {
        skipReadOnly: direction === 'request',
        skipWriteOnly: direction === 'response',
        maxSampleDepth: MAX_SAMPLE_DEPTH,
        quiet: true,
      },
      spec === undefined ? undefined : structuredClone(spec),
    );
  } catch {
    return undefined;
  }
}

/** Whether a (JSON-safe) schema asks for arrays long enough that sampling it could blow up. */
export function asksForLongArrays(jsonSafeSchema: unknown): boolean {
  for (const match of JSON.stringify(jsonSafeSchema ?? null).matchAll(/"minItems":(\d+)/g)) {
    if (Number(match[1]) > MAX_SAMPLED_MIN_ITEMS) return true;
  }
  return false;
}

/** Strings as they are, anything else as JSON (`pretty`: two spaces); '' for nothing or too long. */
export function exampleText(value: unknown, { pretty }: { pretty: boolean }): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' && !pretty ? value : JSON.stringify(value, null, pretty ? 2 : undefined);
  return text.length > MAX_EXAMPLE_LENGTH ? '' : text;
}
