// Input pieces of a console request, shared by the procedures that take one: preview.send sends it,
// savedChecks.save keeps it. The rules are src/shared/preview-request-rules.ts; their sentences become the
// BAD_REQUEST messages.
import { z } from 'zod';
import { MAX_PREVIEW_HEADERS, MAX_PREVIEW_QUERY_PARAMS } from '@/shared/preview-limits';
import { previewHeaderProblem, previewPathProblem } from '@/shared/preview-request-rules';
import { PREVIEW_METHODS } from '@/types/preview';

// Postgres text and jsonb cannot hold NUL, and requests are stored as given.
export const NO_NUL = (text: string) => !text.includes('\u0000');
const queryText = z.string().max(8192).refine(NO_NUL, 'Query parameters cannot contain NUL characters.');

export const previewMethodSchema = z.enum(PREVIEW_METHODS, { error: `The method must be one of ${PREVIEW_METHODS.join(', ')}.` });

export const previewPathSchema = z.string({ error: 'The path must be text.' }).superRefine((path, ctx) => {
  const problem = previewPathProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const previewQuerySchema = z
  .record(queryText, z.union([queryText, z.array(queryText).max(MAX_PREVIEW_QUERY_PARAMS)]))
  .refine((query) => Object.keys(query).length <= MAX_PREVIEW_QUERY_PARAMS, `At most ${MAX_PREVIEW_QUERY_PARAMS} query parameters.`);

export const previewHeadersSchema = z.record(z.string().max(256), z.string().max(8192)).superRefine((headers, ctx) => {
  const names = Object.keys(headers);
  if (names.length > MAX_PREVIEW_HEADERS) ctx.addIssue({ code: 'custom', message: `At most ${MAX_PREVIEW_HEADERS} headers.` });
  const lower = names.map((name) => name.toLowerCase());
  if (new Set(lower).size !== lower.length) ctx.addIssue({ code: 'custom', message: 'A header is given twice (names are case-insensitive).' });
  for (const name of names) {
    const problem = previewHeaderProblem(name, headers[name]!);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }
});

/** A request body of at most `maxBytes` (UTF-8). */
export function requestBodySchema(maxBytes: number) {
  return z
    .string({ error: 'The body must be text.' })
    .refine(NO_NUL, 'The body cannot contain NUL characters.')
    .refine((body) => Buffer.byteLength(body, 'utf8') <= maxBytes, `The body may be at most ${maxBytes / 1024} KB.`);
}

/** GET and HEAD requests carry no body; the message sits on the body field. */
export const NO_BODY_ON_GET_OR_HEAD = {
  message: 'GET and HEAD requests cannot have a body.',
  path: ['body'],
};
export const bodyFitsMethod = (input: { method: string; body?: string | null }) =>
  input.body === undefined || input.body === null || (input.method !== 'GET' && input.method !== 'HEAD');
