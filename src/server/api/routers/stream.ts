import { z } from 'zod';
import { streamSince } from '../../handlers/stream';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { idSchema } from '../schemas';

export const MAX_STREAM_WAIT_MS = 25_000;

export const streamRouter = createTRPCRouter({
  /** Long-poll: events after `afterSeq`, waiting up to `waitMs` for the first one. */
  since: protectedProcedure
    .input(
      z.object({
        versionId: idSchema,
        afterSeq: z.number().int().min(0).max(2_147_483_647),
        waitMs: z.number().int().min(0).max(MAX_STREAM_WAIT_MS).default(0),
      }),
    )
    .query(({ ctx, input }) => streamSince(ctx.handler, input, ctx.signal)),
});
