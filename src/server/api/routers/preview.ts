import { z } from 'zod';
import {
  MAX_PREVIEW_HEADERS,
  MAX_PREVIEW_QUERY_PARAMS,
  MAX_PREVIEW_REQUEST_BODY_BYTES,
  REQUEST_HISTORY_LIMIT,
} from '@/shared/preview-limits';
import { previewHeaderProblem, previewPathProblem } from '@/shared/preview-request-rules';
import { PREVIEW_METHODS } from '@/types/preview';
import { getPreviewStatus, sendPreviewRequest, startPreview, stopPreview } from '../../handlers/preview';
import { listProjectRequests } from '../../handlers/request-history';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { idSchema } from '../schemas';

const versionInput = z.object({ versionId: idSchema });

// Postgres text and jsonb cannot hold NUL, and the history stores every request as sent.
const NO_NUL = (text: string) => !text.includes('\u0000');
const queryText = z.string().max(8192).refine(NO_NUL, 'Query parameters cannot contain NUL characters.');

const sendInput = z
  .object({
    versionId: idSchema,
    method: z.enum(PREVIEW_METHODS, { error: `The method must be one of ${PREVIEW_METHODS.join(', ')}.` }),
    path: z.string({ error: 'The path must be text.' }).superRefine((path, ctx) => {
      const problem = previewPathProblem(path);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    query: z
      .record(queryText, z.union([queryText, z.array(queryText).max(MAX_PREVIEW_QUERY_PARAMS)]))
      .refine((query) => Object.keys(query).length <= MAX_PREVIEW_QUERY_PARAMS, `At most ${MAX_PREVIEW_QUERY_PARAMS} query parameters.`)
      .optional(),
    headers: z
      .record(z.string().max(256), z.string().max(8192))
      .superRefine((headers, ctx) => {
        const names = Object.keys(headers);
        if (names.length > MAX_PREVIEW_HEADERS) ctx.addIssue({ code: 'custom', message: `At most ${MAX_PREVIEW_HEADERS} headers.` });
        const lower = names.map((name) => name.toLowerCase());
        if (new Set(lower).size !== lower.length) ctx.addIssue({ code: 'custom', message: 'A header is given twice (names are case-insensitive).' });
        for (const name of names) {
          const problem = previewHeaderProblem(name, headers[name]!);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }
      })
      .optional(),
    body: z
      .string({ error: 'The body must be text.' })
      .refine(NO_NUL, 'The body cannot contain NUL characters.')
      .refine(
        (body) => Buffer.byteLength(body, 'utf8') <= MAX_PREVIEW_REQUEST_BODY_BYTES,
        `The body may be at most ${MAX_PREVIEW_REQUEST_BODY_BYTES / 1024} KB.`,
      )
      .optional(),
  })
  .refine((input) => input.body === undefined || (input.method !== 'GET' && input.method !== 'HEAD'), {
    message: 'GET and HEAD requests cannot have a body.',
    path: ['body'],
  });

export const previewRouter = createTRPCRouter({
  /** Starts the version's preview, or answers with the one that runs; poll `status` until it is ready. */
  start: protectedProcedure.input(versionInput).mutation(({ ctx, input }) => startPreview(ctx.handler, input)),
  status: protectedProcedure.input(versionInput).query(({ ctx, input }) => getPreviewStatus(ctx.handler, input)),
  stop: protectedProcedure.input(versionInput).mutation(({ ctx, input }) => stopPreview(ctx.handler, input)),
  /** One request to the version's ready preview; the answer, cut at the response limit. */
  send: protectedProcedure.input(sendInput).mutation(({ ctx, input }) => sendPreviewRequest(ctx.handler, input)),
  /** The project's console history, newest first. */
  history: protectedProcedure
    .input(z.object({ projectId: idSchema, limit: z.number().int().min(1).max(REQUEST_HISTORY_LIMIT).optional() }))
    .query(({ ctx, input }) => listProjectRequests(ctx.handler, input)),
});
