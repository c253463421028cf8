import { z } from 'zod';
import { envNameProblem, envValueProblem } from '@/shared/project-env-rules';
import { listProjectEnv, removeProjectEnv, setProjectEnv } from '../../handlers/project-env';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { idSchema } from '../schemas';

/** The shared rule's own sentence becomes the BAD_REQUEST message, as the workspace form shows it. */
function checkedBy(problemOf: (text: string) => string | null, typeError: string) {
  return z.string({ error: typeError }).superRefine((text, ctx) => {
    const problem = problemOf(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

const envNameSchema = checkedBy(envNameProblem, 'The name must be text.');
const envValueSchema = checkedBy(envValueProblem, 'The value must be text.');

export const projectEnvRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ projectId: idSchema }))
    .query(({ ctx, input }) => listProjectEnv(ctx.handler, input)),
  set: protectedProcedure
    .input(z.object({ projectId: idSchema, name: envNameSchema, value: envValueSchema }))
    .mutation(({ ctx, input }) => setProjectEnv(ctx.handler, input)),
  remove: protectedProcedure
    .input(z.object({ projectId: idSchema, name: envNameSchema }))
    .mutation(({ ctx, input }) => removeProjectEnv(ctx.handler, input)),
});
