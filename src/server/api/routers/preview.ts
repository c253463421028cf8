import { z } from 'zod';
import { MAX_PREVIEW_REQUEST_BODY_BYTES, REQUEST_HISTORY_LIMIT } from '@/shared/preview-limits';
import { getPreviewStatus, sendPreviewRequest, startPreview, stopPreview } from '../../handlers/preview';
import { runPreviewChecks } from '../../handlers/preview-checks';
import { listProjectRequests } from '../../handlers/request-history';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { idSchema } from '../schemas';
import {
  bodyFitsMethod,
  NO_BODY_ON_GET_OR_HEAD,
  previewHeadersSchema,
  previewMethodSchema,
  previewPathSchema,
  previewQuerySchema,
  requestBodySchema,
} from '../preview-request-schemas';

const versionInput = z.object({ versionId: idSchema });

const sendInput = z
  .object({
    versionId: idSchema,
    method: previewMethodSchema,
    path: previewPathSchema,
    query: previewQuerySchema.optional(),
    headers: previewHeadersSchema.optional(),
    body: requestBodySchema(MAX_PREVIEW_REQUEST_BODY_BYTES).optional(),
  })
  .refine(bodyFitsMethod, NO_BODY_ON_GET_OR_HEAD);

export const previewRouter = createTRPCRouter({
  /** Starts the version's preview, or answers with the one that runs; poll `status` until it is ready. */
  start: protectedProcedure.input(versionInput).mutation(({ ctx, input }) => startPreview(ctx.handler, input)),
  status: protectedProcedure.input(versionInput).query(({ ctx, input }) => getPreviewStatus(ctx.handler, input)),
  stop: protectedProcedure.input(versionInput).mutation(({ ctx, input }) => stopPreview(ctx.handler, input)),
  /** One request to the version's ready preview; the answer, cut at the response limit. */
  send: protectedProcedure.input(sendInput).mutation(({ ctx, input }) => sendPreviewRequest(ctx.handler, input)),
  /** The behaviour round and the saved checks against the version's ready preview (`forge check`). */
  check: protectedProcedure
    .input(z.object({ versionId: idSchema, behaviour: z.boolean().optional() }))
    .mutation(({ ctx, input }) => runPreviewChecks(ctx.handler, input)),
  /** The project's console history, newest first. */
  history: protectedProcedure
    .input(z.object({ projectId: idSchema, limit: z.number().int().min(1).max(REQUEST_HISTORY_LIMIT).optional() }))
    .query(({ ctx, input }) => listProjectRequests(ctx.handler, input)),
});
