import { z } from 'zod';
import { createProject, getProject, listUserProjects } from '../../handlers/projects';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { idSchema, promptSchema } from '../schemas';

export const projectsRouter = createTRPCRouter({
  create: protectedProcedure
    .input(z.object({ prompt: promptSchema }))
    .mutation(({ ctx, input }) => createProject(ctx.handler, input)),
  get: protectedProcedure
    .input(z.object({ projectId: idSchema }))
    .query(({ ctx, input }) => getProject(ctx.handler, input)),
  list: protectedProcedure.query(({ ctx }) => listUserProjects(ctx.handler)),
});
