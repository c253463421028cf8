// Dereferences and validates a parsed document with @readme/openapi-parser, turning everything that
// goes wrong into problems instead of errors.
import { dereference, type ParserOptions } from '@readme/openapi-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { MISSING_REF_KEY } from '@/types/api-description';
import { expandedSize } from './bounded-json';
import { formatLocation, isRecord, pointerSegments, valueAt } from './document-location';
import type { ProblemList } from './problem-list';
import { validateOffThread } from './validate-off-thread';
import { describeValidationError } from './validation-messages';

/** Each pass of the dereferencer stops at the first missing $ref; past this many, stop repairing. */
const MAX_MISSING_REFS = 20;
/** Validation expands every $ref; beyond this many values it would take too long. */
export const MAX_EXPANDED_VALUES = 200_000;

/**
 * A model-written `$ref` must never make the server read a file or send a request, so only refs
 * inside the document are followed; others stay as they are.
 */
const SAFE_RESOLVE: ParserOptions['resolve'] = { external: false, file: false };

export interface LoadedDocument {
  /** Dereferenced when `dereferenced`; recursive schemas are real cycles here (the object contains itself). */
  document: Record<string, unknown>;
  dereferenced: boolean;
  /** The `$ref` each dereferenced object came from, to name recursion where a copy cuts it. */
  refNames: Map<object, string>;
}

/** The parser's type for a document; any object is passed, the parser itself tells OpenAPI from Swagger. */
type ParserDocument = OpenAPIV3_1.Document;

interface MissingPointer {
  targetRef: string;
  parentPath: string;
}

function asMissingPointer(error: unknown): MissingPointer | null {
  if (!(error instanceof Error) || error.name !== 'MissingPointerError') return null;
  const { targetRef, parentPath } = error as Error & { targetRef?: unknown; parentPath?: unknown };
  return typeof targetRef === 'string' && typeof parentPath === 'string' ? { targetRef, parentPath } : null;
}

/**
 * Replaces the `$ref` at `parentPath` with a marker so the next pass can go on. Returns where it was,
 * or null when there is no `$ref` there.
 */
function markMissing(document: Record<string, unknown>, missing: MissingPointer): string | null {
  const segments = pointerSegments(missing.parentPath);
  const key = segments?.at(-1);
  if (!segments || key === undefined) return null;
  const parent = valueAt(document, segments.slice(0, -1));
  if (typeof parent !== 'object' || parent === null) return null;
  const holder = parent as Record<string, unknown>; // an object, or an array indexed by "0", "1"...
  const target = holder[key];
  if (!isRecord(target) || typeof target.$ref !== 'string') return null;
  holder[key] = { [MISSING_REF_KEY]: target.$ref };
  return formatLocation(segments);
}

async function dereferenceRepairing(raw: Record<string, unknown>, problems: ProblemList): Promise<LoadedDocument> {
  for (let pass = 0; pass <= MAX_MISSING_REFS; pass += 1) {
    const refNames = new Map<object, string>();
    const options: ParserOptions = {
      resolve: SAFE_RESOLVE,
      dereference: {
        circular: true,
        onDereference: (ref, value) => {
          if (typeof value === 'object' && value !== null && !refNames.has(value)) refNames.set(value, ref);
        },
      },
      timeoutMs: 5_000,
    };
    try {
      // The parser dereferences in place, so it gets a copy and `raw` keeps its refs for the next pass.
      // Always an object: given a string, the parser would read it as a file path or a URL.
      const copy = structuredClone(raw) as unknown as ParserDocument;
      const document = (await dereference(copy, options)) as unknown as Record<string, unknown>;
      return { document, dereferenced: true, refNames };
    } catch (error) {
      const missing = asMissingPointer(error);
      const where = missing && pass < MAX_MISSING_REFS ? markMissing(raw, missing) : null;
      if (missing && where) {
        problems.add(where, `Missing $ref pointer "${missing.targetRef}"`);
        continue;
      }
      problems.add(null, `Could not resolve the document's $refs: ${error instanceof Error ? error.message : String(error)}`);
      break;
    }
  }
  return { document: raw, dereferenced: false, refNames: new Map() };
}

async function validateInto(raw: Record<string, unknown>, problems: ProblemList): Promise<void> {
  try {
    // The validator dereferences the document in place (recursion left as $ref) and prints its code
    // frames from that form, so the frames' line numbers are looked up in what it hands back.
    const { result, validated } = await validateOffThread(raw, { resolve: SAFE_RESOLVE, dereference: { circular: 'ignore' } });
    const messages = result.valid ? result.warnings : [...result.errors, ...result.warnings];
    for (const { message } of messages) {
      const problem = describeValidationError(message, validated);
      problems.add(problem.where, problem.message);
    }
    if (!result.valid && result.additionalErrors > 0) problems.add(null, `…and ${result.additionalErrors} more validation errors.`);
  } catch (error) {
    problems.add(null, `Could not validate the document: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Dereferences `parsed` (not changed) and, when `shouldValidate`, validates it. Missing refs become
 * problems naming where they are, and are marked with MISSING_REF_KEY so the rest still dereferences.
 */
export async function loadDocument(
  parsed: Record<string, unknown>,
  problems: ProblemList,
  { shouldValidate }: { shouldValidate: boolean },
): Promise<LoadedDocument> {
  const raw = structuredClone(parsed);
  const loaded = await dereferenceRepairing(raw, problems);
  if (expandedSize(loaded.document, MAX_EXPANDED_VALUES) >= MAX_EXPANDED_VALUES) {
    problems.add(
      null,
      `openapi.json expands to more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values once its $refs are followed, so it was not validated and large schemas are cut short.`,
    );
  } else if (shouldValidate) {
    await validateInto(raw, problems);
  }
  return loaded;
}
