import { z } from 'zod';
import { listMessages } from '../../handlers/messages';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { idSchema } from '../schemas';

export const messagesRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ projectId: idSchema }))
    .query(({ ctx, input }) => listMessages(ctx.handler, input)),
});
