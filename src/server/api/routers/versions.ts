import { z } from 'zod';
import { describeVersionApi } from '../../handlers/version-api';
import { diffVersionApis } from '../../handlers/version-api-diff';
import { compareVersions, restoreVersion } from '../../handlers/version-history';
import { createVersion, fixVersion, getVersion, getVersionFiles, listVersions, regenerateVersion, stopVersion } from '../../handlers/versions';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { idSchema, promptSchema } from '../schemas';

export const versionsRouter = createTRPCRouter({
  create: protectedProcedure
    .input(z.object({ projectId: idSchema, prompt: promptSchema, baseVersionId: idSchema.optional() }))
    .mutation(({ ctx, input }) => createVersion(ctx.handler, input)),
  list: protectedProcedure
    .input(z.object({ projectId: idSchema }))
    .query(({ ctx, input }) => listVersions(ctx.handler, input)),
  get: protectedProcedure
    .input(z.object({ versionId: idSchema }))
    .query(({ ctx, input }) => getVersion(ctx.handler, input)),
  files: protectedProcedure
    .input(z.object({ versionId: idSchema }))
    .query(({ ctx, input }) => getVersionFiles(ctx.handler, input)),
  api: protectedProcedure
    .input(z.object({ versionId: idSchema }))
    .query(({ ctx, input }) => describeVersionApi(ctx.handler, input)),
  stop: protectedProcedure
    .input(z.object({ versionId: idSchema }))
    .mutation(({ ctx, input }) => stopVersion(ctx.handler, input)),
  regenerate: protectedProcedure
    .input(z.object({ versionId: idSchema }))
    .mutation(({ ctx, input }) => regenerateVersion(ctx.handler, input)),
  fix: protectedProcedure
    .input(z.object({ versionId: idSchema }))
    .mutation(({ ctx, input }) => fixVersion(ctx.handler, input)),
  restore: protectedProcedure
    .input(z.object({ versionId: idSchema }))
    .mutation(({ ctx, input }) => restoreVersion(ctx.handler, input)),
  compare: protectedProcedure
    .input(z.object({ fromVersionId: idSchema, toVersionId: idSchema }))
    .query(({ ctx, input }) => compareVersions(ctx.handler, input)),
  apiDiff: protectedProcedure
    .input(z.object({ fromVersionId: idSchema, toVersionId: idSchema }))
    .query(({ ctx, input }) => diffVersionApis(ctx.handler, input)),
});
